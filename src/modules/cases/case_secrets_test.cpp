// Personal data and query codes at rest (issue 11, finding 2; ADR 0017), on SQLite and PostgreSQL: people are
// stored sealed and read back whole, lookups go through blind indexes, plain rows of an older database are
// sealed by the start-up migration (also when it is interrupted and run again), and the public progress page is
// limited per case number with the same answer as a wrong code.
#include "cases/case_secrets.hpp"

#include <gtest/gtest.h>

#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "cases/case_test_fixture.hpp"
#include "cases/public_progress.hpp"
#include "common/crypto.hpp"
#include "storage/test_databases.hpp"

namespace jw::cases {
namespace {

using storage::V;
using testing::InTx;

constexpr int64_t kNow = 1795766400;
const std::string kMaster(16, 'k');  // what the fixture installs

class CaseSecretsTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        db_ = testing::OpenFresh(GetParam(), "case_secrets");
        if (!db_) GTEST_SKIP() << "backend unavailable (JW_TEST_PG_URL unset?)";
        auto county = InTx<testing::County>(*db_, [](storage::Connection& c) { return testing::SeedCounty(c); });
        ASSERT_TRUE(county.ok()) << county.status().message();
        k_ = *county;
        officer_ = testing::Officer(k_, k_.officer_a, k_.station_a);
    }
    void TearDown() override { InstallKeys(kMaster); }

    CreateResult Create(const std::string& id_number, const std::string& phone, const std::string& address) {
        NewCase in;
        in.fields.case_type = "administrative";
        in.fields.cause = "盗窃";
        in.fields.source = "walk_in";
        in.fields.occurred_at = kNow - 3600;
        in.fields.place_address = "示范县城关镇人民路12号";
        in.fields.facts = "自行车被盗。";
        in.fields.people = {{0, 0, "reporter", "赵明", "resident_id", id_number, phone, address, 0, std::nullopt},
                            {0, 0, "suspect", "某某", "none", "", "", "", 0, std::nullopt}};
        auto r = InTx<CreateResult>(
            *db_, [&](storage::Connection& c) { return CreateCase(c, officer_, in, "519901", kNow); });
        EXPECT_TRUE(r.ok()) << r.status().message();
        return *r;
    }

    std::string RawPeople() {
        auto c = db_->Acquire();
        auto rows = (*c)->Query("SELECT id_number, phone, address, name FROM case_people ORDER BY id");
        std::string all;
        for (const auto& r : *rows) all += r.Str(0) + "|" + r.Str(1) + "|" + r.Str(2) + "|" + r.Str(3) + "\n";
        return all;
    }

    // The query code sent by SMS to `phone` (read from the outbox before delivery, as the gateway would).
    std::string CodeSentTo(const std::string& phone) {
        auto c = db_->Acquire();
        // The SMS is the code cases.query_code and its parameters (ADR 0027); the query code is one of them.
        auto rows = (*c)->Query(
            "SELECT params FROM notifications WHERE phone = ? AND code = 'cases.query_code' "
            "ORDER BY id DESC",
            {V(phone)});
        if (!rows.ok() || rows->empty()) return "";
        const Json params = Json::parse((*rows)[0].Str(0), nullptr, false);
        return params.is_object() ? params.value("code", "") : "";
    }

    Result<PublicQueryOutcome> Query(const std::string& client, const std::string& no, const std::string& code,
                                     int64_t now = kNow) {
        return InTx<PublicQueryOutcome>(*db_,
                                        [&](storage::Connection& c) { return PublicQuery(c, client, no, code, now); });
    }

    std::unique_ptr<storage::Database> db_;
    testing::County k_;
    auth::Principal officer_;
};

TEST_P(CaseSecretsTest, PeopleAreStoredSealedAndReadBackWhole) {
    const CreateResult a = Create("11010519491231002X", "13812345678", "人民路1号");
    const std::string raw = RawPeople();
    for (const char* plain : {"11010519491231002X", "13812345678", "人民路1号"})
        EXPECT_EQ(raw.find(plain), std::string::npos) << plain;
    EXPECT_NE(raw.find("sm4:"), std::string::npos);
    EXPECT_NE(raw.find("赵明"), std::string::npos);  // names stay plain (documents, search)
    auto c = db_->Acquire();
    auto people = repo::ListPeople(**c, a.kase.id);
    ASSERT_TRUE(people.ok());
    EXPECT_EQ((*people)[0].id_number, "11010519491231002X");
    EXPECT_EQ((*people)[0].phone, "13812345678");
    EXPECT_EQ((*people)[0].address, "人民路1号");
    EXPECT_EQ((*people)[1].id_number, "");  // empty stays empty

    // An update seals again; two seals of one value differ (random IV), so equal values cannot be matched.
    Person p = (*people)[0];
    p.address = "新址99号";
    ASSERT_TRUE(InTx<int>(*db_, [&](storage::Connection& tx) -> Result<int> {
                    JW_RETURN_IF_ERROR(repo::UpdatePerson(tx, p));
                    return 0;
                }).ok());
    EXPECT_EQ(RawPeople().find("新址99号"), std::string::npos);
    EXPECT_EQ(repo::ListPeople(**c, a.kase.id)->at(0).address, "新址99号");
    EXPECT_NE(SealField("x"), SealField("x"));

    // Another key file cannot read them: a loud error, never garbage.
    InstallKeys(std::string(16, 'z'));
    auto other = repo::ListPeople(**c, a.kase.id);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.status().code(), ErrorCode::kInternal);
}

TEST_P(CaseSecretsTest, LookupsByIdNumberAndPhoneGoThroughBlindIndexes) {
    const CreateResult a = Create("11010519491231002X", "13812345678", "人民路1号");
    const CreateResult b = Create("110105197203051145", "13600445566", "");
    auto c = db_->Acquire();
    auto find = [&](const std::string& id_number, const std::string& phone) {
        repo::CaseQuery q;
        q.id_number = id_number;
        q.phone = phone;
        std::vector<int64_t> ids;
        auto page = repo::ListCases(**c, q);
        EXPECT_TRUE(page.ok());
        for (const auto& k : page->first) ids.push_back(k.id);
        return ids;
    };
    EXPECT_EQ(find("11010519491231002X", ""), std::vector<int64_t>{a.kase.id});
    EXPECT_EQ(find(" 11010519491231002x", ""), std::vector<int64_t>{a.kase.id});
    EXPECT_EQ(find("", "+86 136-0044-5566"), std::vector<int64_t>{b.kase.id});
    EXPECT_TRUE(find("110105199901011234", "").empty());
    // The index is keyed: not the plain SM3 of the number.
    auto idx = (*c)->QueryOne("SELECT id_number_index FROM case_people WHERE case_id = ? AND role = 'reporter'",
                              {V(a.kase.id)});
    EXPECT_EQ(idx->Str(0), IdNumberIndex("11010519491231002X"));
    EXPECT_NE(idx->Str(0), Sm3Hex("11010519491231002X"));
}

TEST_P(CaseSecretsTest, PlainRowsOfAnOlderDatabaseAreSealedOnceEvenWhenInterrupted) {
    const CreateResult a = Create("11010519491231002X", "13812345678", "人民路1号");
    const std::string code = CodeSentTo("13812345678");
    ASSERT_EQ(code.size(), 8u);
    auto c = db_->Acquire();
    // What an older server left: people in plain text and a query code hashed with the public case number.
    ASSERT_TRUE((*c)->Exec("UPDATE case_people SET id_number = '11010519491231002X', phone = '13812345678', address = "
                           "'人民路1号', id_number_index = '', phone_index = '', sealed = 0 WHERE case_id = ? AND "
                           "role = 'reporter'",
                           {V(a.kase.id)})
                    .ok());
    ASSERT_TRUE((*c)->Exec("INSERT INTO case_people (case_id, role, name, id_type, id_number, phone, address, "
                           "created_at) VALUES (?, 'witness', '孙丽', 'passport', 'E12345678', '0816-2223333', "
                           "'老街2号', 0)",
                           {V(a.kase.id)})
                    .ok());
    ASSERT_TRUE((*c)->Exec("UPDATE case_query_codes SET code_hash = ?, keyed = 0 WHERE case_id = ?",
                           {V(HmacSm3Hex(a.kase.case_no, code)), V(a.kase.id)})
                    .ok());
    // Unkeyed hashes never match: the page refuses the code until the migration ran.
    EXPECT_EQ(Query("10.0.0.1", a.kase.case_no, code)->result, PublicQueryResult::kWrong);

    // An interrupted run (batch of 1: the first transaction sealed one row, then the process died) leaves a mix
    // of sealed and plain rows; a full run finishes it without sealing anything twice.
    auto first = (*c)->QueryOne("SELECT MIN(id) FROM case_people WHERE sealed = 0");
    ASSERT_TRUE((*c)->Exec("UPDATE case_people SET id_number = ?, phone = ?, address = ?, id_number_index = ?, "
                           "phone_index = ?, sealed = 1 WHERE id = ?",
                           {V(SealField("11010519491231002X")), V(SealField("13812345678")), V(SealField("人民路1号")),
                            V(IdNumberIndex("11010519491231002X")), V(PhoneIndex("13812345678")), V(first->Int(0))})
                    .ok());
    auto done = SealPlainRecords(**c, 1);
    ASSERT_TRUE(done.ok()) << done.status().message();
    EXPECT_EQ(*done, 2);                   // the witness and the query code
    EXPECT_EQ(*SealPlainRecords(**c), 0);  // idempotent
    for (const char* plain : {"11010519491231002X", "13812345678", "人民路1号", "E12345678", "0816-2223333", "老街2号"})
        EXPECT_EQ(RawPeople().find(plain), std::string::npos) << plain;
    auto people = repo::ListPeople(**c, a.kase.id);
    ASSERT_TRUE(people.ok()) << people.status().message();
    ASSERT_EQ(people->size(), 3u);
    EXPECT_EQ((*people)[0].id_number, "11010519491231002X");
    EXPECT_EQ((*people)[2].id_number, "E12345678");
    EXPECT_EQ((*people)[2].phone, "0816-2223333");
    EXPECT_EQ((*people)[2].address, "老街2号");
    repo::CaseQuery q;
    q.id_number = "E12345678";
    EXPECT_EQ(repo::ListCases(**c, q)->second, 1);
    // The upgraded code hash works and is keyed.
    EXPECT_EQ(Query("10.0.0.1", a.kase.case_no, code)->result, PublicQueryResult::kOk);
    auto stored = (*c)->QueryOne("SELECT code_hash FROM case_query_codes WHERE case_id = ?", {V(a.kase.id)});
    EXPECT_EQ(stored->Str(0), QueryCodeHash(a.kase.case_no, code));
    EXPECT_NE(stored->Str(0), HmacSm3Hex(a.kase.case_no, code));
}

// Regression (issue 11, finding 9): 50 addresses made 250 guesses on one case in 0.3 s.
TEST_P(CaseSecretsTest, ManyAddressesLockOneCaseNumberWithTheAnswerOfAWrongCode) {
    const CreateResult a = Create("11010519491231002X", "13812345678", "");
    const std::string code_a = CodeSentTo("13812345678");
    const CreateResult b = Create("110105197203051145", "13600445566", "");
    const std::string code_b = CodeSentTo("13600445566");
    for (int i = 0; i < kMaxCaseFailures; ++i)
        EXPECT_EQ(Query("10.1.0." + std::to_string(i), a.kase.case_no, "00000000", kNow + i)->result,
                  PublicQueryResult::kWrong);
    // A fresh address with the right code: the same answer as a wrong code; other cases are unaffected.
    EXPECT_EQ(Query("10.2.0.1", a.kase.case_no, code_a, kNow + 10)->result, PublicQueryResult::kWrong);
    EXPECT_EQ(Query("10.2.0.2", b.kase.case_no, code_b, kNow + 10)->result, PublicQueryResult::kOk);
    // Unknown numbers lock the same way (nothing tells whether a case exists).
    for (int i = 0; i < kMaxCaseFailures + 1; ++i)
        EXPECT_EQ(Query("10.3.0." + std::to_string(i), "5199012026XZ99999", "00000000", kNow)->result,
                  PublicQueryResult::kWrong);
    // Attempts refused by the lock do not extend it: a window after the last wrong code, the right code works.
    EXPECT_EQ(Query("10.2.0.3", a.kase.case_no, code_a, kNow + kCaseWindowSeconds - 1)->result,
              PublicQueryResult::kWrong);
    EXPECT_EQ(Query("10.2.0.4", a.kase.case_no, code_a, kNow + kCaseWindowSeconds + kMaxCaseFailures)->result,
              PublicQueryResult::kOk);
    // The per-address limit still holds, and refusals by the lock count against the address.
    auto c = db_->Acquire();
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM case_query_attempts WHERE ok = 2")->Int(0), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseSecretsTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::cases

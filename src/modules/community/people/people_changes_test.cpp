// Changes and reads of the person register on SQLite and PostgreSQL: edits with versions (a stale version is a
// conflict), moves in and out, the list's filters (name prefix, exact ID number through the blind index, address,
// grid, category), the CSV import (all or nothing, errors by line; a second import duplicates nobody) and export
// (masked; clear only when asked; never sealed), permit reminders (30 days ahead, once per permit), the demo seed.
#include "community/people/people_changes.hpp"

#include <gtest/gtest.h>

#include <set>

#include "common/china_day.hpp"
#include "common/validators.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/community_keys.hpp"
#include "community/people/demo_people.hpp"
#include "community/people/people_csv.hpp"
#include "community/people/people_queries.hpp"
#include "community/people/people_service.hpp"
#include "community/people/permit_reminders.hpp"
#include "community/people/person_identity.hpp"
#include "test_support/database_test.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

using storage::V;

constexpr int64_t kNow = 1790000000;  // 2026-09-22 China time

std::string Id18(const std::string& first17) { return first17 + IdCheckCharacter(first17); }

class PeopleChangesTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        InstallKeys(std::string(16, 'k'));
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"community", &data::EmbeddedFiles()});
        if (!OpenDatabase("community_people_changes", schemas)) return;
        const int64_t station = Unit("519901030100", "城关派出所", std::nullopt);
        officer_.user_id = User("officer", station, "officer");
        officer_.unit_id = station;
        auto demo = DemoAddresses(200);
        demo[150].grid_id = "G-07";
        for (const auto& a : demo) ASSERT_TRUE(UpsertAddress(*c_, a, 1).ok());
        house_ = demo[100].code;
        gridded_ = demo[150].code;
    }
    int64_t Register(const std::string& id, const std::string& name, std::optional<std::string> residence = {},
                     const std::string& category = "") {
        PersonInput in;
        in.id_number = id;
        in.name = name;
        in.residence_address_id = residence;
        in.category = category;
        int64_t out = 0;
        EXPECT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
                        JW_ASSIGN_OR_RETURN(auto r, ResolvePerson(tx, in, officer_, kNow));
                        out = r.person_id;
                        return Status::Ok();
                    }).ok());
        return out;
    }
    std::vector<int64_t> Ids(const PeopleFilter& f) {
        auto page = ListPeople(*c_, f);
        EXPECT_TRUE(page.ok()) << page.status().message();
        std::vector<int64_t> out;
        if (page.ok())
            for (const auto& r : page->first) out.push_back(r.person.id);
        return out;
    }
    auth::Principal officer_;
    std::string house_, gridded_;
};

TEST_P(PeopleChangesTest, EditWithVersionsAndStaleIsConflict) {
    const int64_t id = Register(Id18("51990119900215123"), "王五");
    PersonEdit e;
    e.ethnicity = "回族";
    e.phones = std::vector<std::string>{"13900002222"};
    e.permit_expires = std::optional<std::string>("2027-01-31");
    auto v2 = EditPerson(*c_, id, e, 1, kNow + 1, 0);
    ASSERT_TRUE(v2.ok()) << v2.status().message();
    EXPECT_EQ(*v2, 2);
    auto stale = EditPerson(*c_, id, e, 1, kNow + 2, 0);
    EXPECT_EQ(stale.status().code(), ErrorCode::kConflict);
    PersonEdit bad;
    bad.sex = "female";  // the number says male
    EXPECT_EQ(EditPerson(*c_, id, bad, 2, kNow, 0).status().fields().at("sex"), "does_not_match_id");
    PersonEdit clear;
    clear.permit_expires = std::optional<std::string>();
    clear.status = "deceased";
    ASSERT_TRUE(EditPerson(*c_, id, clear, 2, kNow, 0).ok());
    auto p = GetPerson(*c_, id);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->ethnicity, "回族");
    EXPECT_EQ(p->phones, std::vector<std::string>{"13900002222"});
    EXPECT_FALSE(p->permit_expires.has_value());
    EXPECT_EQ(p->status, "deceased");
    EXPECT_EQ(p->version, 3);
    EXPECT_EQ(EditPerson(*c_, id + 99, clear, 1, kNow, 0).status().code(), ErrorCode::kNotFound);
}

TEST_P(PeopleChangesTest, MovesSetResidenceAndStatus) {
    const int64_t id = Register(Id18("51990119900215123"), "王五");
    auto in = RecordMove(*c_, id, {"in", house_, "2026-09-01", "租住"}, officer_, kNow);
    ASSERT_TRUE(in.ok()) << in.status().message();
    auto p = GetPerson(*c_, id);
    EXPECT_EQ(p->residence_address_id.value_or(""), house_);
    auto out = RecordMove(*c_, id, {"out", "", "2026-09-20", "返乡"}, officer_, kNow);
    ASSERT_TRUE(out.ok());
    p = GetPerson(*c_, id);
    EXPECT_EQ(p->status, "moved_out");
    EXPECT_EQ(p->residence_address_id.value_or(""), house_);  // history: where they lived
    EXPECT_EQ(p->version, 3);
    auto moves = ListMoves(*c_, id);
    ASSERT_TRUE(moves.ok());
    ASSERT_EQ(moves->size(), 2u);
    EXPECT_EQ((*moves)[0].kind, "out");
    EXPECT_EQ(RecordMove(*c_, id, {"in", "", "2026-09-01", ""}, officer_, kNow).status().fields().at("address_id"),
              "required");
    EXPECT_EQ(RecordMove(*c_, id, {"in", house_, "2026-10-01", ""}, officer_, kNow).status().fields().at("on_date"),
              "future_date");
    EXPECT_EQ(RecordMove(*c_, id, {"away", house_, "2026-09-01", ""}, officer_, kNow).status().fields().at("kind"),
              "invalid_enum");
}

TEST_P(PeopleChangesTest, ListFilters) {
    const int64_t a = Register(Id18("51990119900215123"), "王五", house_);
    const int64_t b = Register(Id18("51990119850101224"), "王小二", gridded_, "floating");
    const int64_t c = Register("519901800101002", "李四");
    PeopleFilter f;
    EXPECT_EQ(Ids(f), (std::vector<int64_t>{c, b, a}));
    f.q = "王";
    EXPECT_EQ(Ids(f), (std::vector<int64_t>{b, a}));
    f.q = "519901800101002";  // the 15-digit form finds the 18-digit record
    EXPECT_EQ(Ids(f), std::vector<int64_t>{c});
    f.q = "%";
    EXPECT_TRUE(Ids(f).empty());
    f = {};
    f.grid_id = "G-07";
    EXPECT_EQ(Ids(f), std::vector<int64_t>{b});
    f = {};
    f.category = "floating";
    EXPECT_EQ(Ids(f), std::vector<int64_t>{b});
    f = {};
    f.address_id = house_;
    EXPECT_EQ(Ids(f), std::vector<int64_t>{a});
    f = {};
    f.page_size = 2;
    f.page = 2;
    auto page = ListPeople(*c_, f);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->second, 3);
    ASSERT_EQ(page->first.size(), 1u);
}

TEST_P(PeopleChangesTest, CsvImportIsAllOrNothingAndIdempotent) {
    const std::string good = "id_number,name,residence_address_id,category,phones,permit_expires\n" +
                             Id18("51990119900215123") + ",王五," + house_ +
                             ",floating,13800001111;13900002222,2027-01-01\n" + "519901800101002,李四,,,,\n";
    const std::string bad = good + Id18("51990119900215124").substr(0, 17) + "0,赵六,,,,\n" + "E12345,Smith,,,,\n" +
                            Id18("51990119900215125") + ",钱七,519901-nowhere,,,\n";
    auto rep = storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
        auto r = ImportPeopleCsv(tx, bad, officer_, kNow);
        if (!r.ok()) return r.status();
        EXPECT_EQ(r->errors.size(), 3u);
        if (r->errors.size() == 3) {
            EXPECT_EQ(r->errors[0].line, 4u);
            EXPECT_EQ(r->errors[0].field, "id_number");
            EXPECT_EQ(r->errors[2].line, 6u);
            EXPECT_EQ(r->errors[2].problem, "unknown_address");
        }
        return Status::Ok();
    });
    ASSERT_TRUE(rep.ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 0);
    for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
                        auto r = ImportPeopleCsv(tx, good, officer_, kNow);
                        if (!r.ok()) return r.status();
                        EXPECT_TRUE(r->errors.empty());
                        EXPECT_EQ(r->created, round == 0 ? 2 : 0);
                        EXPECT_EQ(r->existing, round == 0 ? 0 : 2);
                        return Status::Ok();
                    }).ok());
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 2);

    std::string masked, clear;
    ASSERT_TRUE(ExportPeopleCsv(*c_, true, false, [&](const std::string& s) { masked += s; }).ok());
    ASSERT_TRUE(ExportPeopleCsv(*c_, false, false, [&](const std::string& s) { clear += s; }).ok());
    EXPECT_EQ(masked.find("51990119900215123"), std::string::npos);
    EXPECT_EQ(masked.find("13800001111"), std::string::npos);
    EXPECT_NE(masked.find("519901********"), std::string::npos);
    EXPECT_EQ(masked.find("sm4:"), std::string::npos);
    EXPECT_NE(clear.find(Id18("51990119900215123")), std::string::npos);
    EXPECT_NE(clear.find("13800001111;13900002222"), std::string::npos);
    EXPECT_EQ(clear.find("sm4:"), std::string::npos);
}

TEST_P(PeopleChangesTest, PermitRemindersThirtyDaysAheadOncePerPermit) {
    const int64_t soon = Register(Id18("51990119900215123"), "王五", house_, "floating");
    const int64_t later = Register(Id18("51990119850101224"), "王小二", house_, "floating");
    const int64_t gone = Register("519901800101002", "李四", house_, "floating");
    const auto set_expiry = [&](int64_t id, int days) {
        PersonEdit e;
        e.permit_expires = std::optional<std::string>(FormatDate(CivilFromDays(ChinaDayNumber(kNow) + days)));
        auto p = GetPerson(*c_, id);
        ASSERT_TRUE(EditPerson(*c_, id, e, p->version, kNow, 0).ok());
    };
    set_expiry(soon, 30);
    set_expiry(later, 31);
    set_expiry(gone, 5);
    ASSERT_TRUE(RecordMove(*c_, gone, {"out", "", "2026-09-01", ""}, officer_, kNow).ok());
    auto sent = SendPermitReminders(*c_, kNow);
    ASSERT_TRUE(sent.ok()) << sent.status().message();
    EXPECT_EQ(*sent, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND code = 'community.permit_expiring'",
                    {V(officer_.user_id)}),
              1);
    EXPECT_EQ(*SendPermitReminders(*c_, kNow + 3600), 0);   // once per permit
    EXPECT_EQ(*SendPermitReminders(*c_, kNow + 86400), 1);  // the next one enters the 30 days a day later
    set_expiry(soon, 400);                                  // renewed, then nearly expired again
    EXPECT_EQ(*SendPermitReminders(*c_, kNow + 371 * 86400), 1);
}

TEST_P(PeopleChangesTest, DemoPeopleAreValidAndDistinct) {
    const auto people = DemoPeople(3000, {house_, gridded_}, {{officer_.user_id, officer_.unit_id}}, kNow);
    std::set<std::string> ids;
    int floating = 0, overseas = 0, expiring = 0;
    const std::string horizon = FormatDate(CivilFromDays(ChinaDayNumber(kNow) + 30));
    for (const auto& p : people) {
        PersonInput in;
        in.id_kind = p.id_kind;
        in.id_number = p.id_number;
        in.nationality = p.nationality;
        in.name = p.name;
        in.sex = p.sex;
        in.birth_date = p.birth_date;
        in.category = p.category;
        EXPECT_TRUE(NormalisePersonInput(in).ok()) << p.id_number;
        ids.insert(p.id_kind + p.nationality + p.id_number);
        floating += p.category == "floating";
        overseas += p.category == "overseas";
        expiring += p.permit_expires && *p.permit_expires <= horizon;
    }
    EXPECT_EQ(ids.size(), people.size());
    EXPECT_GT(floating, 300);
    EXPECT_GT(overseas, 20);
    EXPECT_GT(expiring, 20);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleChangesTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community

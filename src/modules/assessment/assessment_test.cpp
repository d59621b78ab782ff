// Community assessment on SQLite and PostgreSQL: the audit chain's work imported exactly once (a failed action and
// an idempotent replay count nothing), caps from the shipped rules (data/community_rules.csv), appeals that change
// the score, editions that never rescore a past month.
#include <gtest/gtest.h>

#include "assessment/assessment_service.hpp"
#include "common/civil_time.hpp"
#include "test_support/database_test.hpp"

namespace jw::community::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace jw::assessment {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

using storage::V;

int64_t China(const char* text) { return *ParseChinaTime(text); }

class AssessmentTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas(/*with_audit=*/true);
        // community before assessment, as the server migrates them: the grid officers come from its grids
        schemas.push_back({"community", &community::data::EmbeddedFiles()});
        schemas.push_back({"assessment", &data::EmbeddedFiles()});
        if (!OpenDatabase("assessment", schemas)) return;
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt);
        station_a_ = Unit("519901031000", "城关派出所", bureau_);
        station_b_ = Unit("519901031100", "东城派出所", bureau_);
        officer_a_ = User("officer_a", station_a_, "officer");
        officer_b_ = User("officer_b", station_b_, "officer");
        leader_ = User("leader", bureau_, "leader");
        ASSERT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) {
                        return EnsureDefaultEdition(tx, China("2026-03-01 08:00:00"));
                    }).ok());
    }

    // An audit record as the HTTP layer writes one (the chain's hashes do not matter to the import).
    void Audit(int64_t user, const std::string& unit, const std::string& action, const std::string& result, int64_t at,
               const std::string& detail = "", const std::string& object = "visit:1") {
        ++audit_id_;
        ASSERT_TRUE(c_->Exec("INSERT INTO audit_log (id, at, user_id, username, unit, client, action, object, result, "
                             "purpose, case_no, request_id, detail, prev_hash, hash) VALUES "
                             "(?,?,?,'u',?,'127.0.0.1',?,?,?,'','','r',?,'p','h')",
                             {V(audit_id_), V(at), V(user), V(unit), V(action), V(object), V(result), V(detail)})
                        .ok());
    }

    ImportResult Import(int64_t now) {
        Result<ImportResult> r = ImportResult{};
        EXPECT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) {
                        r = ImportFromAudit(tx, now);
                        return r.status();
                    }).ok());
        return r.ok() ? *r : ImportResult{};
    }

    int ScoreOf(int64_t officer, const std::string& month) {
        auto r = Scores(*c_, month, std::nullopt);
        EXPECT_TRUE(r.ok());
        for (const auto& o : r->officers) {
            if (o.score.officer_id == officer) return o.score.score;
        }
        return 0;
    }

    int64_t bureau_ = 0, station_a_ = 0, station_b_ = 0, officer_a_ = 0, officer_b_ = 0, leader_ = 0;
    int64_t audit_id_ = 0;
};

TEST_P(AssessmentTest, WorkIsImportedExactlyOnceAndFailedOrReplayedActionsCountNothing) {
    const int64_t t = China("2026-03-10 09:00:00");
    Audit(officer_a_, "519901031000", "community.visit.create", "ok", t);
    Audit(officer_a_, "519901031000", "community.visit.create", "ok", t + 60);
    Audit(officer_a_, "519901031000", "community.visit.create", "invalid", t + 120);  // refused: no work
    Audit(officer_a_, "519901031000", "community.person.create", "ok", t + 180, "", "person:9");
    Audit(officer_a_, "519901031000", "case.event", "ok", t + 240, R"({"action":"file","replay":false,"event":3})",
          "case:4");
    Audit(officer_a_, "519901031000", "case.event", "ok", t + 250, R"({"action":"file","replay":true,"event":3})",
          "case:4");  // the same filing sent twice: counted once
    Audit(officer_a_, "519901031000", "case.event", "ok", t + 260, R"({"action":"start_investigation"})", "case:4");
    Audit(officer_b_, "519901031100", "community.task.complete", "ok", t + 300, R"({"late":true})", "task:2");
    Audit(officer_b_, "519901031100", "community.task.complete", "ok", t + 310, R"({"late":false})", "task:3");
    Audit(officer_b_, "519901031100", "user.create", "ok", t + 320);  // not work

    const auto first = Import(t + 400);
    EXPECT_EQ(first.items, 5);  // 2 visits, 1 person, 1 filing, 1 late task
    EXPECT_EQ(first.to_id, audit_id_);
    EXPECT_EQ(Import(t + 500).items, 0);  // run twice: nothing new
    EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_items"), 5);
    // Each item keeps the record it came from.
    EXPECT_EQ(Count("SELECT audit_id FROM assessment_items WHERE code = 'case_filed'"), 5);
    EXPECT_EQ(ScoreOf(officer_a_, "2026-03"), 1 + 1 + 1 + 2);
    EXPECT_EQ(ScoreOf(officer_b_, "2026-03"), -2);

    Audit(officer_a_, "519901031000", "community.mediation.close", "ok", t + 600, "", "mediation:1");
    EXPECT_EQ(Import(t + 700).items, 1);
    EXPECT_EQ(ScoreOf(officer_a_, "2026-03"), 8);
    // Even if the position were lost, the (audit record, rule) key keeps an item from being counted twice.
    ASSERT_TRUE(c_->Exec("UPDATE assessment_import SET last_audit_id = 0").ok());
    EXPECT_EQ(Import(t + 800).items, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_items"), 6);
}

TEST_P(AssessmentTest, TheShippedCapsBoundTheMonthAndTheItemsSayWhy) {
    const int64_t t = China("2026-03-02 09:00:00");
    for (int i = 0; i < 42; ++i)
        Audit(officer_a_, "519901031000", "community.visit.create", "ok", t + i * 60, "", "visit:" + std::to_string(i));
    Import(t + 3600);
    EXPECT_EQ(ScoreOf(officer_a_, "2026-03"), 40);  // community_rules.csv: visit 1 point, cap 40
    auto items = OfficerItems(*c_, officer_a_, "2026-03");
    ASSERT_TRUE(items.ok());
    ASSERT_EQ(items->size(), 42u);
    EXPECT_EQ((*items)[39].counted, 1);
    EXPECT_EQ((*items)[40].counted, 0);  // over the cap: shown, counted 0
    EXPECT_EQ((*items)[0].name_zh, "入户走访");
    EXPECT_FALSE((*items)[0].basis.empty());
    EXPECT_EQ((*items)[0].row.object, "visit:0");
    ASSERT_TRUE((*items)[0].row.audit_id.has_value());
}

TEST_P(AssessmentTest, AnUpheldAppealVoidsTheItemAndChangesTheScore) {
    const int64_t t = China("2026-03-05 09:00:00");
    for (int i = 0; i < 3; ++i) Audit(officer_a_, "519901031000", "community.visit.create", "ok", t + i);
    Audit(officer_b_, "519901031100", "community.visit.create", "ok", t + 10);
    Import(t + 100);
    auto items = OfficerItems(*c_, officer_a_, "2026-03");
    ASSERT_TRUE(items.ok());
    const int64_t item = (*items)[0].row.id;
    auto in_tx = [&](auto fn) { return storage::InTransaction(*c_, fn); };

    // Someone else's item is not found; an empty reason is refused.
    EXPECT_EQ(in_tx([&](storage::Connection& tx) { return FileAppeal(tx, officer_b_, item, "x", t).status(); }).code(),
              ErrorCode::kNotFound);
    EXPECT_FALSE(in_tx([&](storage::Connection& tx) { return FileAppeal(tx, officer_a_, item, "", t).status(); }).ok());
    int64_t appeal = 0;
    ASSERT_TRUE(in_tx([&](storage::Connection& tx) -> Status {
                    JW_ASSIGN_OR_RETURN(appeal, FileAppeal(tx, officer_a_, item, "同一户重复录入", t));
                    return Status::Ok();
                }).ok());
    EXPECT_EQ(
        in_tx([&](storage::Connection& tx) { return FileAppeal(tx, officer_a_, item, "again", t).status(); }).code(),
        ErrorCode::kConflict);  // one pending appeal per item
    // A leader of another station does not see it; the officer cannot decide their own.
    const std::optional<std::vector<int64_t>> other = std::vector<int64_t>{station_b_};
    EXPECT_EQ(in_tx([&](storage::Connection& tx) {
                  return DecideAppeal(tx, leader_, other, appeal, "upheld", "ok", t).status();
              }).code(),
              ErrorCode::kNotFound);
    EXPECT_EQ(in_tx([&](storage::Connection& tx) {
                  return DecideAppeal(tx, officer_a_, std::nullopt, appeal, "upheld", "ok", t).status();
              }).code(),
              ErrorCode::kPermissionDenied);
    EXPECT_EQ(ScoreOf(officer_a_, "2026-03"), 3);
    ASSERT_TRUE(in_tx([&](storage::Connection& tx) {
                    return DecideAppeal(tx, leader_, std::nullopt, appeal, "upheld", "属实，核减", t + 1).status();
                }).ok());
    EXPECT_EQ(ScoreOf(officer_a_, "2026-03"), 2);
    EXPECT_EQ(in_tx([&](storage::Connection& tx) {
                  return DecideAppeal(tx, leader_, std::nullopt, appeal, "rejected", "x", t + 2).status();
              }).code(),
              ErrorCode::kConflict);  // decided once
    // A rejected appeal changes nothing.
    const int64_t second = (*items)[1].row.id;
    int64_t appeal2 = 0;
    ASSERT_TRUE(in_tx([&](storage::Connection& tx) -> Status {
                    JW_ASSIGN_OR_RETURN(appeal2, FileAppeal(tx, officer_a_, second, "理由", t));
                    return DecideAppeal(tx, leader_, std::nullopt, appeal2, "rejected", "不属实", t + 3).status();
                }).ok());
    EXPECT_EQ(ScoreOf(officer_a_, "2026-03"), 2);
    EXPECT_EQ(ScoreOf(officer_b_, "2026-03"), 1);
}

TEST_P(AssessmentTest, ANewEditionNeverRescoresAPastMonth) {
    const int64_t march = China("2026-03-05 09:00:00"), april = China("2026-04-05 09:00:00");
    Audit(officer_a_, "519901031000", "community.visit.create", "ok", march);
    Audit(officer_a_, "519901031000", "community.visit.create", "ok", april);
    Import(april + 60);
    const std::string rules =
        "code,kind,points,cap,events,name_zh,name_en,basis\n"
        "visit,add,5,10,community.visit.create,入户走访,Visit,依据\n";
    auto create = [&](const std::string& month) {
        Result<int64_t> v = int64_t{0};
        auto s = storage::InTransaction(*c_, [&](storage::Connection& tx) {
            v = CreateEdition(tx, month, rules, "", leader_, april + 120);
            return v.status();
        });
        return s;
    };
    EXPECT_EQ(create("2026-03").fields().count("effective_month"), 1u);  // March is past on 5 April
    EXPECT_FALSE(create("2026-4").ok());
    auto bad = storage::InTransaction(*c_, [&](storage::Connection& tx) {
        return CreateEdition(tx, "2026-05", "code,kind\n", "", leader_, april).status();
    });
    EXPECT_FALSE(bad.ok());
    ASSERT_TRUE(create("2026-04").ok());
    EXPECT_EQ(ScoreOf(officer_a_, "2026-03"), 1);  // edition 1
    EXPECT_EQ(ScoreOf(officer_a_, "2026-04"), 5);  // edition 2, from April
    auto r = Scores(*c_, "2026-04", std::nullopt);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->edition_version, 2);
}

TEST_P(AssessmentTest, StationsAndOfficersAreRankedWithTies) {
    const int64_t t = China("2026-03-05 09:00:00");
    const int64_t a2 = User("officer_a2", station_a_, "officer");
    Audit(officer_a_, "519901031000", "community.visit.create", "ok", t);
    Audit(officer_a_, "519901031000", "community.visit.create", "ok", t + 1);
    Audit(a2, "519901031000", "community.visit.create", "ok", t + 2);
    Audit(officer_b_, "519901031100", "community.visit.create", "ok", t + 3);
    Audit(officer_b_, "519901031100", "community.visit.create", "ok", t + 4);
    Import(t + 100);
    // officer_b leads grid G1 (a member row of the community grids; the grid's name falls back to its code)
    ASSERT_TRUE(c_->Exec("INSERT INTO community_grid_members (grid_code, user_id, name, role, phone, position) "
                         "VALUES ('G1', ?, '乙', 'community_officer', '', 0)",
                         {V(officer_b_)})
                    .ok());
    auto r = Scores(*c_, "2026-03", std::nullopt);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->officers.size(), 3u);
    EXPECT_EQ(r->officers[0].rank, 1);
    EXPECT_EQ(r->officers[1].rank, 1);  // officer_a and officer_b tie at 2
    EXPECT_EQ(r->officers[2].rank, 3);
    EXPECT_EQ(r->officers[2].unit_rank, 2);
    ASSERT_EQ(r->stations.size(), 2u);
    EXPECT_EQ(r->stations[0].unit_name, "东城派出所");  // average 2 against 1.5
    ASSERT_EQ(r->grids.size(), 1u);
    EXPECT_EQ(r->grids[0].grid_code, "G1");
    EXPECT_EQ(r->grids[0].officers, 1);
    EXPECT_EQ(r->grids[0].total, 2);  // officer_b's score
    auto scoped = Scores(*c_, "2026-03", std::vector<int64_t>{station_b_});
    ASSERT_TRUE(scoped.ok());
    ASSERT_EQ(scoped->officers.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::assessment

// Restructuring the demo county of `jingwu init --demo` on SQLite and PostgreSQL: two stations merged, a brigade
// split, a unit renamed and one moved; the dry run counts what moves and changes nothing, apply moves officers
// and records history, undo before the effective date restores everything.
#include <gtest/gtest.h>

#include <sstream>

#include "auth/auth_repository.hpp"
#include "storage/test_databases.hpp"
#include "units/history.hpp"
#include "units/restructure_service.hpp"
#include "units/restructure_test_fixture.hpp"
#include "units/structure_watch.hpp"
#include "units/units_module.hpp"

namespace jw::units {
namespace {

using testing::Count;
using testing::UnitId;
using testing::UserUnit;

constexpr int64_t kNow = 1765000000;        // 2025-12-06, before the plan's date
constexpr int64_t kEffective = 4070880000;  // 2099-01-01 00:00 China time
const char* kChengguan = "519901031000";
const char* kDongcheng = "519901031100";
const char* kXingzhen = "519901020500";

// Every row a restructure may touch, as text: equal snapshots mean nothing was lost or left changed.
std::string Snapshot(storage::Connection& c) {
    std::ostringstream out;
    for (const char* sql : {"SELECT id, code, name, kind, parent_id, dissolved_at FROM units ORDER BY id",
                            "SELECT id, unit_id FROM users ORDER BY id",
                            "SELECT unit_id, code, name, valid_from, valid_to FROM unit_history ORDER BY id",
                            "SELECT from_unit_id, to_unit_id FROM unit_successions ORDER BY 1, 2"}) {
        auto rows = c.Query(sql);
        EXPECT_TRUE(rows.ok()) << sql;
        if (!rows.ok()) continue;
        for (const auto& r : *rows) {
            for (size_t i = 0; i < r.size(); ++i) out << r.Opt(i).value_or("NULL") << "|";
            out << "\n";
        }
    }
    return out.str();
}

class Restructure : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        db_ = testing::OpenDemoCopy(GetParam(), "units_demo");
        if (!db_) GTEST_SKIP() << GetParam() << " not available";
        AddCoreParticipants(participants_);
        plan_ = testing::ParseOrDie(testing::TestData("demo_restructure.json"));
    }
    Result<Json> ApplyPlan(const Plan& plan) {
        Json out;
        Status s = testing::InTx(*db_, [&](storage::Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(out, Apply(tx, participants_, plan, Actor{1, "sysadmin"}, kNow));
            return Status::Ok();
        });
        if (!s.ok()) return s;
        return out;
    }
    Result<Json> UndoIt(int64_t id, int64_t now) {
        Json out;
        Status s = testing::InTx(*db_, [&](storage::Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(out, Undo(tx, participants_, id, Actor{1, "sysadmin"}, "测试撤销", now));
            return Status::Ok();
        });
        if (!s.ok()) return s;
        return out;
    }
    int64_t MovedCount(const Json& summary, const std::string& what) {
        for (const auto& m : summary["moves"])
            if (m["what"] == what) return m["count"].get<int64_t>();
        return 0;
    }

    std::unique_ptr<storage::Database> db_;
    Participants participants_;
    Plan plan_;
};

TEST_P(Restructure, DryRunCountsAndChangesNothing) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    const std::string before = Snapshot(**c);
    const int64_t dongcheng =
        Count(**c, "SELECT COUNT(*) FROM users u JOIN units n ON n.id = u.unit_id WHERE n.code = '519901031100'");
    const int64_t xingzhen =
        Count(**c, "SELECT COUNT(*) FROM users u JOIN units n ON n.id = u.unit_id WHERE n.code = '519901020500'");
    ASSERT_GT(dongcheng, 0);
    ASSERT_GT(xingzhen, 2);
    auto summary = DryRun(**c, participants_, plan_, kNow);
    ASSERT_TRUE(summary.ok()) << summary.status().message();
    EXPECT_TRUE((*summary)["dry_run"].get<bool>());
    EXPECT_EQ(MovedCount(*summary, "users"), dongcheng + xingzhen);
    EXPECT_EQ((*summary)["total_moved"].get<int64_t>(), dongcheng + xingzhen);
    EXPECT_EQ((*summary)["units"]["create"].size(), 2u);
    ASSERT_EQ((*summary)["units"]["dissolve"].size(), 2u);
    EXPECT_EQ((*summary)["units"]["rename"].size(), 1u);
    EXPECT_EQ((*summary)["units"]["rename"][0]["new_name"], "城关中心派出所");
    EXPECT_EQ((*summary)["units"]["move"].size(), 1u);
    EXPECT_EQ(Snapshot(**c), before);
}

TEST_P(Restructure, ApplyMovesOfficersAndKeepsHistoryThenUndoRestoresEverything) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    const std::string before = Snapshot(**c);
    const int64_t chengguan = UnitId(**c, kChengguan), dongcheng = UnitId(**c, kDongcheng),
                  xingzhen = UnitId(**c, kXingzhen);
    const int64_t officers = Count(**c, "SELECT COUNT(*) FROM users");
    const int64_t merged = Count(**c,
                                 "SELECT COUNT(*) FROM users u JOIN units n ON n.id = u.unit_id WHERE n.code IN "
                                 "('519901031000', '519901031100')");
    auto applied = ApplyPlan(plan_);
    ASSERT_TRUE(applied.ok()) << applied.status().message();
    const int64_t id = (*applied)["id"].get<int64_t>();
    EXPECT_TRUE((*applied)["undoable"].get<bool>());

    const int64_t part1 = UnitId(**c, "519901020510"), part2 = UnitId(**c, "519901020520");
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM users"), officers);  // nobody lost
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM users WHERE unit_id = " + std::to_string(chengguan)), merged);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM users WHERE unit_id = " + std::to_string(dongcheng)), 0);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM users WHERE unit_id = " + std::to_string(xingzhen)), 0);
    EXPECT_EQ(UserUnit(**c, "p990030"), part2);  // reassigned one by one
    EXPECT_EQ(UserUnit(**c, "p990031"), part2);
    EXPECT_EQ(UserUnit(**c, "p990026"), part1);  // with the default part
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM units WHERE name = '城关中心派出所'"), 1);

    // History: the structure before the effective date is the old one, after it the new one.
    auto old_name = UnitAsOf(**c, chengguan, kNow);
    ASSERT_TRUE(old_name.ok());
    EXPECT_EQ(old_name->name, "城关派出所");
    auto new_name = UnitAsOf(**c, chengguan, kEffective);
    ASSERT_TRUE(new_name.ok());
    EXPECT_EQ(new_name->name, "城关中心派出所");
    EXPECT_TRUE(UnitAsOf(**c, dongcheng, kNow).ok());
    EXPECT_EQ(UnitAsOf(**c, dongcheng, kEffective).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(UnitAsOf(**c, part1, kNow).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(*SuccessorsOf(**c, dongcheng, kEffective), std::vector<int64_t>{chengguan});
    EXPECT_EQ(*SuccessorsOf(**c, dongcheng, kNow), std::vector<int64_t>{dongcheng});
    EXPECT_EQ(*SuccessorsOf(**c, xingzhen, kEffective), (std::vector<int64_t>{part1, part2}));
    EXPECT_EQ(*UnitInStructure(**c, dongcheng, kEffective), chengguan);
    EXPECT_EQ(*UnitInStructure(**c, part2, kNow), xingzhen);
    auto old_tree = StructureAt(**c, kNow);
    auto new_tree = StructureAt(**c, kEffective);
    ASSERT_TRUE(old_tree.ok() && new_tree.ok());
    EXPECT_EQ(old_tree->size(), 16u);
    EXPECT_EQ(new_tree->size(), 16u);  // 16 - 2 dissolved + 2 created

    // The dissolved units keep their rows, marked from the effective date, and are no longer offered for new work.
    EXPECT_EQ(auth::repo::GetUnit(**c, dongcheng)->dissolved_at, kEffective);
    EXPECT_EQ(auth::repo::GetUnit(**c, xingzhen)->dissolved_at, kEffective);
    EXPECT_EQ(auth::repo::GetUnit(**c, chengguan)->dissolved_at, 0);
    auto live = auth::repo::ListLiveUnits(**c);
    auto choices = auth::repo::ListUnitsInDisplayOrder(**c);
    auto all = auth::repo::ListUnits(**c);
    ASSERT_TRUE(live.ok() && choices.ok() && all.ok());
    EXPECT_EQ(all->size(), 18u);  // 16 + 2 created
    EXPECT_EQ(live->size(), 16u);
    EXPECT_EQ(choices->size(), 16u);
    for (const auto& u : *live) EXPECT_TRUE(u.id != dongcheng && u.id != xingzhen) << u.code;
    for (const auto& u : *choices) EXPECT_TRUE(u.id != dongcheng && u.id != xingzhen) << u.code;
    auto refused = auth::repo::GetLiveUnit(**c, dongcheng);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().fields().at("unit_id"), "dissolved");

    // Not undoable once the effective date has come; undone before it, everything is as it was.
    auto late = UndoIt(id, kEffective);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.status().fields().at("restructure"), "effective_date_reached");
    auto undone = UndoIt(id, kNow + 60);
    ASSERT_TRUE(undone.ok()) << undone.status().message();
    EXPECT_EQ((*undone)["status"], "undone");
    EXPECT_EQ(auth::repo::GetUnit(**c, dongcheng)->dissolved_at, 0);  // live again (the snapshot below says so too)
    EXPECT_EQ(auth::repo::ListLiveUnits(**c)->size(), 16u);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM unit_history WHERE valid_to IS NOT NULL"), 0);
    // Baseline versions recorded by the restructure stay (open, identical to the unit rows); drop them to compare.
    ASSERT_TRUE((*c)->Exec("DELETE FROM unit_history").ok());
    EXPECT_EQ(Snapshot(**c), before);
    auto again = UndoIt(id, kNow + 120);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().fields().at("restructure"), "already_undone");
}

TEST_P(Restructure, PlansWrongForTheDatabaseNameTheFieldAndWriteNothing) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    const std::string before = Snapshot(**c);
    std::istringstream lines(testing::TestData("bad_plans_db.jsonl"));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        const Json t = Json::parse(line);
        auto plan = ParsePlan(t["plan"], "2026-12-06");
        ASSERT_TRUE(plan.ok()) << t["name"] << ": " << plan.status().message();
        auto applied = ApplyPlan(*plan);
        ASSERT_FALSE(applied.ok()) << t["name"];
        EXPECT_EQ(applied.status().code(), ErrorCode::kInvalidArgument) << t["name"];
        const Status status = applied.status();
        auto it = status.fields().find(t["field"].get<std::string>());
        ASSERT_NE(it, status.fields().end()) << t["name"] << ": " << Json(status.fields()).dump();
        EXPECT_EQ(it->second, t["problem"].get<std::string>()) << t["name"];
    }
    EXPECT_EQ(Snapshot(**c), before);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM unit_restructures"), 0);
}

TEST_P(Restructure, OnlyTheLatestIsUndoneAndNotWhileItsNewUnitsHoldNewRows) {
    auto first = ApplyPlan(plan_);
    ASSERT_TRUE(first.ok()) << first.status().message();
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    // A second restructure on the new structure: the merged station is already dissolved.
    auto stale = ApplyPlan(plan_);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.status().fields().at("operations[0].units[1]"), "dissolved");
    Plan second = testing::ParseOrDie(R"({"title":"第二次","effective_date":"2099-02-01","operations":[
        {"op":"rename","unit":"519901020510","name":"刑侦一队"}]})");
    auto later = ApplyPlan(second);
    ASSERT_TRUE(later.ok()) << later.status().message();
    auto refused = UndoIt((*first)["id"].get<int64_t>(), kNow + 60);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().fields().at("restructure"), "later_restructure_applied");
    ASSERT_TRUE(UndoIt((*later)["id"].get<int64_t>(), kNow + 60).ok());
    // An officer added to a new unit after the restructure is not the restructure's to move back.
    ASSERT_TRUE((*c)->Exec("INSERT INTO users (username, police_no, name, unit_id, phone, status, password_hash, "
                           "password_changed_at, must_change_password, created_at) VALUES ('newcomer', '998877', "
                           "'新人', ?, '13900000000', 'active', 'x', 0, 0, 0)",
                           {storage::V(UnitId(**c, "519901020510"))})
                    .ok());
    auto in_use = UndoIt((*first)["id"].get<int64_t>(), kNow + 60);
    ASSERT_FALSE(in_use.ok());
    EXPECT_EQ(in_use.status().fields().at("restructure"), "new_unit_in_use");
    EXPECT_EQ(UserUnit(**c, "p990030"), UnitId(**c, "519901020520"));  // the refused undo changed nothing
}

// What a second process (a server while the CLI restructures) sees: the structure generation moves on every apply
// and every undo, and only then.
TEST_P(Restructure, TheWatchNoticesEachApplyAndUndoOnce) {
    int calls = 0;
    StructureWatch watch;
    watch.Start(*db_, std::chrono::hours(1), [&calls] { ++calls; });  // polled by hand below
    EXPECT_FALSE(watch.Poll());
    auto applied = ApplyPlan(plan_);
    ASSERT_TRUE(applied.ok()) << applied.status().message();
    EXPECT_TRUE(watch.Poll());
    EXPECT_FALSE(watch.Poll());
    ASSERT_TRUE(UndoIt((*applied)["id"].get<int64_t>(), kNow + 60).ok());
    EXPECT_TRUE(watch.Poll());
    EXPECT_FALSE(watch.Poll());
    watch.Stop();
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(watch.changes_seen(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, Restructure, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::units

// The demo county of `jingwu init --demo` (officers, cases, checkpoints, watch orders, alerts) restructured with
// every module's participant, on SQLite and PostgreSQL: 城关派出所 merged into 东城派出所 and 刑事侦查大队 split
// in two. Nothing is lost, closed cases keep their unit, open ones move, the supervision reminders' unit head is
// the new unit's, the watch orders notify the new unit, and undo before the effective date restores every row.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "alerts/alerts_module.hpp"
#include "alerts/unit_participant.hpp"
#include "cases/case_secrets.hpp"
#include "cases/cases_module.hpp"
#include "cases/demo_cases.hpp"
#include "cases/supervision/supervision_repository.hpp"
#include "cases/unit_participant.hpp"
#include "checkpoint/checkpoint_module.hpp"
#include "checkpoint/demo/demo_seed.hpp"
#include "checkpoint/unit_participant.hpp"
#include "community/community_keys.hpp"
#include "storage/test_databases.hpp"
#include "units/restructure_service.hpp"
#include "units/restructure_test_fixture.hpp"
#include "units/units_module.hpp"

namespace jw::community::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace jw::units {
namespace {

using storage::V;
using testing::Count;
using testing::UnitId;

const std::string kKey(16, 'k');

// Every unit-bound row of every module, as text: equal snapshots mean nothing was lost or left changed.
std::string Snapshot(storage::Connection& c) {
    std::ostringstream out;
    for (const char* sql :
         {"SELECT id, code, name, kind, parent_id FROM units ORDER BY id", "SELECT id, unit_id FROM users ORDER BY id",
          "SELECT id, unit_id, state FROM cases ORDER BY id", "SELECT id, unit_id FROM checkpoint_devices ORDER BY id",
          "SELECT id, unit_id, status FROM watch_orders ORDER BY id",
          "SELECT order_id, unit_id FROM watch_order_units ORDER BY 1, 2",
          "SELECT alert_id, unit_id, signed_at FROM alert_targets ORDER BY 1, 2",
          "SELECT id, unit_id FROM viid_clients ORDER BY id",
          "SELECT from_unit_id, to_unit_id FROM unit_successions ORDER BY 1, 2"}) {
        auto rows = c.Query(sql);
        EXPECT_TRUE(rows.ok()) << sql;
        if (!rows.ok()) continue;
        out << sql << "\n";
        for (const auto& r : *rows) {
            for (size_t i = 0; i < r.size(); ++i) out << r.Opt(i).value_or("NULL") << "|";
            out << "\n";
        }
    }
    return out.str();
}

int64_t Moved(const Json& summary, const std::string& module, const std::string& what) {
    for (const auto& m : summary["moves"])
        if (m["module"] == module && m["what"] == what) return m["count"].get<int64_t>();
    return 0;
}

class DemoCounty : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        cases::InstallKeys(kKey);
        community::InstallKeys(kKey);  // demo cases' parties resolve through the master index
        const auto passes =
            std::filesystem::temp_directory_path() / ("jw_units_passes_" + GetParam() + "_" + std::to_string(getpid()));
        db_ = testing::OpenDemoCopy(
            GetParam(), "units_county",
            {{"community", {community::data::EmbeddedFiles().begin(), community::data::EmbeddedFiles().end()}},
             {"cases", {cases::ModuleFiles().begin(), cases::ModuleFiles().end()}},
             {"alerts", {alerts::ModuleFiles().begin(), alerts::ModuleFiles().end()}},
             {"checkpoint", {checkpoint::ModuleFiles().begin(), checkpoint::ModuleFiles().end()}}},
            [passes](storage::Connection& tx) -> Status {
                const int64_t now = NowUnix();
                JW_RETURN_IF_ERROR(cases::SeedDemoCases(tx, now));
                checkpoint::DemoSeedOptions options;
                options.pass_days = 1;
                options.passes_per_day = 3000;
                options.sync = false;
                return checkpoint::SeedDemoWith(tx, passes.string(), kKey, now, options).status();
            });
        if (!db_) GTEST_SKIP() << GetParam() << " not available";
        units::AddCoreParticipants(participants_);
        participants_.Add(cases::MakeUnitParticipant());
        participants_.Add(checkpoint::MakeUnitParticipant());
        participants_.Add(alerts::MakeUnitParticipant());
        plan_ = testing::ParseOrDie(testing::TestData("demo_county_plan.json"));
    }
    Result<Json> Run(const std::function<Result<Json>(storage::Connection&)>& fn) {
        Json out;
        Status s = testing::InTx(*db_, [&](storage::Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(out, fn(tx));
            return Status::Ok();
        });
        if (!s.ok()) return s;
        return out;
    }

    std::unique_ptr<storage::Database> db_;
    Participants participants_;
    Plan plan_;
};

TEST_P(DemoCounty, MergeAndSplitMoveLiveWorkKeepClosedRecordsAndUndoRestoresEverything) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    const int64_t chengguan = UnitId(**c, "519901031000"), dongcheng = UnitId(**c, "519901031100");
    const std::string cg = std::to_string(chengguan), dc = std::to_string(dongcheng);
    // One more of 城关's cases is closed: closed cases must keep their unit.
    ASSERT_TRUE((*c)->Exec("UPDATE cases SET state = 'closed', closed_at = 1 WHERE id = (SELECT MIN(id) FROM cases "
                           "WHERE unit_id = ?)",
                           {V(chengguan)})
                    .ok());
    // 东城 gets a head of its own: after the merge, reminders on 城关's old cases must reach that head.
    ASSERT_TRUE((*c)->Exec("INSERT INTO users (username, police_no, name, unit_id, phone, status, password_hash, "
                           "password_changed_at, must_change_password, created_at) VALUES ('dc_head', '997001', "
                           "'东城所长', ?, '13900000000', 'active', 'x', 0, 0, 0)",
                           {V(dongcheng)})
                    .ok());
    const int64_t head = Count(**c, "SELECT id FROM users WHERE username = 'dc_head'");
    ASSERT_TRUE((*c)->Exec("INSERT INTO user_roles (user_id, role_code) VALUES (?, 'leader')", {V(head)}).ok());

    const int64_t open_cg = Count(**c, "SELECT COUNT(*) FROM cases WHERE state <> 'closed' AND unit_id = " + cg);
    const int64_t closed_cg = Count(**c, "SELECT COUNT(*) FROM cases WHERE state = 'closed' AND unit_id = " + cg);
    const int64_t devices_cg = Count(**c, "SELECT COUNT(*) FROM checkpoint_devices WHERE unit_id = " + cg);
    const int64_t notified_cg = Count(**c, "SELECT COUNT(*) FROM watch_order_units WHERE unit_id = " + cg);
    const int64_t alerts_cg = Count(**c,
                                    "SELECT COUNT(*) FROM alert_targets t JOIN alerts a ON a.id = t.alert_id "
                                    "WHERE a.status = 'open' AND t.feedback_at IS NULL AND t.unit_id = " +
                                        cg);
    const int64_t cases_total = Count(**c, "SELECT COUNT(*) FROM cases");
    ASSERT_GT(open_cg, 0);
    ASSERT_GE(closed_cg, 1);  // the demo's own closed cases and the one closed above
    ASSERT_GT(devices_cg, 0);
    ASSERT_GT(notified_cg, 0);
    const int64_t open_case = Count(**c, "SELECT MIN(id) FROM cases WHERE state <> 'closed' AND unit_id = " + cg);
    auto head_of = [&](int64_t case_id) {
        auto k = cases::supervision::GetCaseBrief(**c, case_id);
        EXPECT_TRUE(k.ok());
        auto ids = cases::supervision::Recipients(**c, *k, "unit_head");
        EXPECT_TRUE(ids.ok());
        return ids.ok() ? *ids : std::vector<int64_t>{};
    };
    const auto head_before = head_of(open_case);
    EXPECT_EQ(std::count(head_before.begin(), head_before.end(), head), 0);
    const std::string before = Snapshot(**c);

    // The dry run counts exactly what moves, per module, and changes nothing.
    auto dry = Run([&](storage::Connection& tx) { return DryRun(tx, participants_, plan_, NowUnix()); });
    ASSERT_TRUE(dry.ok()) << dry.status().message();
    EXPECT_EQ(Moved(*dry, "cases", "open_cases") + Moved(*dry, "cases", "review_queue"), open_cg);
    EXPECT_EQ(Moved(*dry, "checkpoint", "devices"), devices_cg);
    EXPECT_EQ(Moved(*dry, "checkpoint", "watch_order_units"), notified_cg);
    EXPECT_EQ(Moved(*dry, "alerts", "open_alert_targets"), alerts_cg);
    bool kept_closed = false;
    for (const auto& k : (*dry)["kept"]) kept_closed |= k["what"] == "closed_cases" && k["count"] == closed_cg;
    EXPECT_TRUE(kept_closed) << (*dry)["kept"].dump();
    EXPECT_EQ(Snapshot(**c), before);

    auto applied = Run([&](storage::Connection& tx) {
        return Apply(tx, participants_, plan_, Actor{1, "sysadmin"}, NowUnix());
    });
    ASSERT_TRUE(applied.ok()) << applied.status().message();
    EXPECT_EQ((*applied)["total_moved"], (*dry)["total_moved"]);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM cases"), cases_total);  // nothing lost
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM cases WHERE state = 'closed' AND unit_id = " + cg), closed_cg);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM cases WHERE state <> 'closed' AND unit_id = " + cg), 0);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM checkpoint_devices WHERE unit_id = " + cg), 0);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM watch_order_units WHERE unit_id = " + dc), notified_cg);
    EXPECT_EQ(Count(**c, "SELECT COUNT(*) FROM users WHERE unit_id = " + cg), 0);
    EXPECT_EQ(Count(**c, "SELECT unit_id FROM users WHERE username = 'officer'"), dongcheng);
    const auto head_after = head_of(open_case);
    EXPECT_EQ(head_after, std::vector<int64_t>{head});

    auto undone = Run([&](storage::Connection& tx) {
        return Undo(tx, participants_, (*applied)["id"].get<int64_t>(), Actor{1, "sysadmin"}, "测试", NowUnix());
    });
    ASSERT_TRUE(undone.ok()) << undone.status().message();
    EXPECT_EQ(Snapshot(**c), before);
    EXPECT_EQ(head_of(open_case), head_before);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoCounty, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::units

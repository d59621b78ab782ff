// Analysis part: the role limits table and checks, the task store and case links (SQLite and PostgreSQL),
// chunked runs equal to the engine's whole answers, the worker's progress, cancellation and restart.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "analytics/test_data.hpp"
#include "checkpoint/analysis/analysis_limits.hpp"
#include "checkpoint/analysis/analysis_repository.hpp"
#include "checkpoint/analysis/analysis_run.hpp"
#include "checkpoint/analysis/analysis_runner.hpp"
#include "checkpoint/checkpoint_module.hpp"
#include "checkpoint/checkpoint_test_fixture.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

TEST(AnalysisLimits, EmbeddedTableGivesTheMostGenerousOfSeveralRoles) {
    const auto& t = LimitsTable::Default();
    ASSERT_TRUE(t.roles().count("analyst"));
    auto officer = t.For({"officer"});
    ASSERT_TRUE(officer.ok());
    auto both = t.For({"officer", "analyst", "sys_admin"});
    ASSERT_TRUE(both.ok());
    const auto& a = t.roles().at("analyst");
    EXPECT_EQ(both->max_range_days, std::max(officer->max_range_days, a.max_range_days));
    EXPECT_EQ(both->max_conditions, std::max(officer->max_conditions, a.max_conditions));
    auto none = t.For({"sys_admin", "courier"});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.status().code(), ErrorCode::kPermissionDenied);
    EXPECT_EQ(none.status().fields().at("role"), "no_limits");
}

TEST(AnalysisLimits, ParserNamesTheBadLine) {
    const std::string header = "role,max_range_days,max_conditions,max_lookback_days,max_window_s\n";
    auto ok = LimitsTable::Parse(header + "a,1,2,3,4\nb,5,1,1,1\n");
    ASSERT_TRUE(ok.ok());
    auto mixed = ok->For({"a", "b"});
    ASSERT_TRUE(mixed.ok());
    EXPECT_EQ(mixed->max_range_days, 5);
    EXPECT_EQ(mixed->max_conditions, 2);
    EXPECT_EQ(mixed->max_window_s, 4);
    EXPECT_EQ(LimitsTable::Parse(header + "a,1,2,3\n").status().fields().count("line 2"), 1u);
    EXPECT_EQ(LimitsTable::Parse(header + "a,1,2,3,4\na,1,2,3,0\n").status().fields().at("line 3"),
              "not_a_positive_integer");
    EXPECT_EQ(LimitsTable::Parse(header + "a,1,2,3,4\na,1,2,3,4\n").status().fields().at("line 3"), "duplicate_role");
    EXPECT_EQ(LimitsTable::Parse("role,days\n").status().fields().count("header"), 1u);
}

TEST(AnalysisLimits, CheckNamesTheFieldOverItsLimit) {
    const RoleLimits l{7, 2, 30, 600};
    auto st = CheckLimits({{"q", "trajectory"}, {"from", "2026-03-01 00:00:00"}, {"to", "2026-03-09 00:00:00"}}, l);
    EXPECT_EQ(st.fields().at("to"), "range_too_long");
    EXPECT_TRUE(CheckLimits({{"from", "2026-03-01 00:00:00"}, {"to", "2026-03-08 00:00:00"}}, l).ok());
    Json cond = {{"checkpoints", {"x"}}, {"from", "2026-03-01 00:00:00"}, {"to", "2026-03-02 00:00:00"}};
    Json long_cond = {{"checkpoints", {"x"}}, {"from", "2026-03-01 00:00:00"}, {"to", "2026-03-20 00:00:00"}};
    st = CheckLimits({{"q", "collision"}, {"conditions", {cond, long_cond, cond}}, {"min_match", 2}}, l);
    EXPECT_EQ(st.fields().at("conditions"), "too_many");
    EXPECT_EQ(st.fields().at("conditions[1].to"), "range_too_long");
    EXPECT_EQ(CheckLimits({{"lookback_days", 31}}, l).fields().at("lookback_days"), "over_limit");
    EXPECT_EQ(CheckLimits({{"window_s", 601}}, l).fields().at("window_s"), "over_limit");
    // Malformed values are the engine's to report.
    EXPECT_TRUE(CheckLimits({{"from", "yesterday"}, {"to", 5}, {"window_s", "x"}}, l).ok());
    EXPECT_EQ(ToQueryLimits(l).max_range_s, 7 * 86400);
    EXPECT_EQ(ToQueryLimits(l).max_conditions, 2u);
}

TEST(AnalysisRun, KindsAndRequests) {
    EXPECT_TRUE(IsAnalysisKind("night"));
    EXPECT_FALSE(IsAnalysisKind("everything"));
    EXPECT_EQ(EngineRequest("everything", Json::object()).status().fields().at("kind"), "unknown");
    EXPECT_EQ(EngineRequest("night", Json::array()).status().fields().at("params"), "not_an_object");
    EXPECT_EQ(EngineRequest("night", {{"q", "cloned"}}).status().fields().at("params.q"), "unknown_field");
    EXPECT_EQ((*EngineRequest("night", {{"from", "x"}}))["q"], "night");
}

// A database with the checkpoint module's schema and an engine loaded with the analytics test data set.
class AnalysisStoreTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        // The checkpoint schema refers to units (auth) and alerts: migrate what the server migrates before it.
        if (!OpenDatabase("analysis", testing::CheckpointSchemas(), /*seed_roles=*/false)) return;
        committer_ = std::move(storage::Committer::Start(*db_)).value();
        data_ = analytics::testing::Generate(7, 200, 10, 4000, 3);
        ASSERT_TRUE(hub_->store().UpsertCheckpoints(data_.checkpoints).ok());
        ASSERT_TRUE(hub_->Append(data_.passes).ok());
    }
    void TearDown() override {
        runner_.reset();
        if (committer_) committer_->Stop();
    }

    AnalysisTask Queued(const std::string& kind, Json params) {
        AnalysisTask t;
        t.user_id = 7;
        t.username = "analyst";
        t.kind = kind;
        t.params = std::move(params);
        t.limits = {{"max_range_days", 31}, {"max_conditions", 8}, {"max_lookback_days", 30}, {"max_window_s", 600}};
        t.purpose = "侦查";
        t.case_no = "A5199012026000001";
        t.status = "queued";
        t.created_at = 1000;
        return t;
    }
    int64_t Insert(const AnalysisTask& t) {
        int64_t id = 0;
        EXPECT_TRUE(committer_
                        ->Run([&](storage::Connection& c) -> Status {
                            JW_ASSIGN_OR_RETURN(id, InsertTask(c, t));
                            return Status::Ok();
                        })
                        .ok());
        return id;
    }
    AnalysisTask Load(int64_t id) {
        auto c = db_->Acquire();
        return std::move(GetTask(**c, id, true)).value();
    }
    TaskRunner& Runner(int pause_ms = 0) {
        runner_ = std::make_unique<TaskRunner>(*db_, *committer_, *hub_, RunnerOptions{1, pause_ms});
        return *runner_;
    }
    std::string Day(int d, const char* clock = "00:00:00") {
        return FormatChinaTime(data_.start + int64_t{d} * 86400).substr(0, 11) + clock;
    }

    std::unique_ptr<storage::Committer> committer_;
    testing::TempHub hub_;
    std::unique_ptr<TaskRunner> runner_;
    analytics::testing::Dataset data_;
};

TEST_P(AnalysisStoreTest, TaskLifecycleAndListing) {
    const int64_t a = Insert(Queued("night", {{"from", "x"}}));
    const int64_t b = Insert(Queued("cloned", {{"from", "y"}}));
    auto c = db_->Acquire();
    auto list = ListTasks(**c, 7, 1, 1);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->second, 2);
    ASSERT_EQ(list->first.size(), 1u);
    EXPECT_EQ(list->first[0].id, b);  // newest first
    EXPECT_EQ(ListTasks(**c, 8, 1, 20)->second, 0);
    EXPECT_EQ(ListQueued(**c)->size(), 2u);

    EXPECT_TRUE(*MarkRunning(**c, a, 2000));
    EXPECT_FALSE(*MarkRunning(**c, a, 2001));  // already running
    ASSERT_TRUE(SetProgress(**c, a, 40, "day 2/5").ok());
    auto t = Load(a);
    EXPECT_EQ(t.status, "running");
    EXPECT_EQ(t.progress, 40);
    EXPECT_EQ(t.phase, "day 2/5");
    EXPECT_EQ(t.params["from"], "x");
    EXPECT_EQ(t.limits["max_range_days"], 31);
    ASSERT_TRUE(RequeueInterrupted(**c).ok());  // a restart puts it back in the queue
    EXPECT_EQ(Load(a).status, "queued");
    EXPECT_TRUE(*MarkRunning(**c, a, 2002));
    EXPECT_TRUE(*FinishTask(**c, a, Json{{"plates", Json::array()}}, 0, "", 3000));
    t = Load(a);
    EXPECT_EQ(t.status, "done");
    EXPECT_EQ(t.progress, 100);
    ASSERT_TRUE(t.result.has_value());
    EXPECT_TRUE((*t.result)["plates"].is_array());
    EXPECT_FALSE(*CancelTask(**c, a, 3001));  // finished: nothing to cancel
    EXPECT_TRUE(*CancelTask(**c, b, 3002));   // queued: cancelled at once
    EXPECT_FALSE(*MarkRunning(**c, b, 3003));
    EXPECT_EQ(Load(b).status, "cancelled");
}

TEST_P(AnalysisStoreTest, SavingToACaseHappensOnceAndNamesTheCases) {
    const int64_t a = Insert(Queued("night", Json::object()));
    auto c = db_->Acquire();
    EXPECT_TRUE(SavedCaseNumbers(**c, a)->empty());
    ASSERT_TRUE(SaveToCase(**c, a, "A5199012026000001", 7, "同行分析", 5000).ok());
    ASSERT_TRUE(SaveToCase(**c, a, "A5199012026000002", 7, "", 5000).ok());
    EXPECT_EQ(*SavedCaseNumbers(**c, a), (std::vector<std::string>{"A5199012026000001", "A5199012026000002"}));
    Status dup = SaveToCase(**c, a, "A5199012026000001", 7, "", 5001);
    EXPECT_EQ(dup.code(), ErrorCode::kConflict);
    EXPECT_EQ(dup.fields().at("case_no"), "already_saved");
    auto saved = ListSaved(**c, "A5199012026000001");
    ASSERT_TRUE(saved.ok());
    ASSERT_EQ(saved->size(), 1u);
    EXPECT_EQ((*saved)[0].task.id, a);
    EXPECT_EQ((*saved)[0].note, "同行分析");
    EXPECT_EQ((*saved)[0].saved_at, 5000);
    EXPECT_TRUE(ListSaved(**c, "other")->empty());
}

TEST_P(AnalysisStoreTest, ChunkedRunsEqualTheEngineAndReportProgress) {
    const auto s = hub_->Snapshot();
    const auto limits = ToQueryLimits({31, 8, 30, 600});
    const std::string plate = data_.plates[0];
    Json traj = {{"q", "trajectory"}, {"plate", plate}, {"from", Day(0, "06:30:00")}, {"to", Day(3)}};
    std::vector<int> progress;
    RunControl control{nullptr, [&](int p, const std::string&) { progress.push_back(p); }};
    auto chunked = RunChunked(s, traj, limits, control);
    ASSERT_TRUE(chunked.ok()) << chunked.status().message();
    EXPECT_EQ(*chunked, *analytics::RunQuery(s, traj, limits));
    EXPECT_FALSE((*chunked)["passes"].empty());
    EXPECT_EQ(progress, (std::vector<int>{33, 66, 99}));

    std::vector<std::string> cps;
    for (const auto& cp : data_.checkpoints) cps.push_back(cp.id);
    Json coll = {{"q", "collision"},
                 {"min_match", 2},
                 {"conditions",
                  {{{"checkpoints", {cps[0], cps[1], cps[2]}}, {"from", Day(0)}, {"to", Day(1)}},
                   {{"checkpoints", {cps[3], cps[4]}}, {"from", Day(1)}, {"to", Day(2)}},
                   {{"checkpoints", {cps[0], cps[5]}}, {"from", Day(2)}, {"to", Day(3)}}}}};
    progress.clear();
    chunked = RunChunked(s, coll, limits, control);
    ASSERT_TRUE(chunked.ok()) << chunked.status().message();
    EXPECT_EQ(*chunked, *analytics::RunQuery(s, coll, limits));
    EXPECT_FALSE((*chunked)["plates"].empty());
    EXPECT_EQ(progress.size(), 3u);

    // A bad field is the engine's error, before anything runs.
    Json bad = traj;
    bad["plate"] = "not a plate";
    EXPECT_EQ(RunChunked(s, bad, limits, control).status().fields().at("plate"), "bad_plate");
    // Cancelled between chunks.
    int calls = 0;
    RunControl cancel_after_one{[&] { return calls > 0; }, [&](int, const std::string&) { ++calls; }};
    auto cancelled = RunChunked(s, traj, limits, cancel_after_one);
    EXPECT_TRUE(IsCancelled(cancelled.status()));
    EXPECT_EQ(calls, 1);
    // The map gets every checkpoint the reply names, with coordinates.
    Json where = CheckpointsOf(s, traj, *analytics::RunQuery(s, traj, limits));
    ASSERT_FALSE(where.empty());
    EXPECT_TRUE(where[0].contains("name"));
    EXPECT_TRUE(where[0].contains("latitude"));
}

// The inline run's reply is written as text (ADR 0072): for every kind it must be what the Json path wrote —
// reply["checkpoints"] = CheckpointsOf(...), row count, the 201 body dumped — and the stored result must read
// back as that Json.
TEST_P(AnalysisStoreTest, InlineTextRepliesEqualTheJsonPathForEveryKind) {
    const auto s = hub_->Snapshot();
    const auto limits = ToQueryLimits({31, 8, 30, 600});
    std::vector<std::string> cps;
    for (const auto& cp : data_.checkpoints) cps.push_back(cp.id);
    const std::string plate = data_.plates[0];
    const Json cond0 = {{"checkpoints", {cps[0], cps[1], "nowhere"}}, {"from", Day(0)}, {"to", Day(1)}};
    const Json cond1 = {{"checkpoints", {cps[2]}}, {"from", Day(1)}, {"to", Day(2)}};
    const std::vector<Json> requests = {
        {{"q", "trajectory"}, {"plate", plate}, {"from", Day(0, "06:30:00")}, {"to", Day(3)}},
        {{"q", "companion"},
         {"plate", plate},
         {"from", Day(0)},
         {"to", Day(3)},
         {"window_s", 300},
         {"min_checkpoints", 1}},
        {{"q", "collision"}, {"conditions", {cond0, cond1}}, {"min_match", 1}},
        {{"q", "first_seen"}, {"from", Day(2)}, {"to", Day(3)}, {"lookback_days", 1}},
        {{"q", "first_seen"}, {"from", Day(1)}, {"to", Day(2)}, {"lookback_days", 1}, {"checkpoints", {cps[3]}}},
        {{"q", "cloned"}, {"from", Day(0)}, {"to", Day(3)}, {"max_speed_kmh", 120}},
        {{"q", "night"},
         {"from", Day(0)},
         {"to", Day(3)},
         {"night_start", "22:00"},
         {"night_end", "05:00"},
         {"min_nights", 1},
         {"min_night_share", 0.2}},
        {{"q", "trajectory"}, {"plate", "川Z99999"}, {"from", Day(0)}, {"to", Day(1)}},  // an empty list
    };
    std::set<std::string> kinds_with_rows;
    for (const auto& request : requests) {
        const std::string kind = request["q"];
        auto tree = analytics::RunQuery(s, request, limits);
        ASSERT_TRUE(tree.ok()) << request.dump() << tree.status().message();
        Json result = *tree;
        result["checkpoints"] = CheckpointsOf(s, request, *tree);
        const int64_t rows = RowCount(kind, result);
        const Json body = {
            {"task_id", 42}, {"status", "done"}, {"kind", kind}, {"row_count", rows}, {"result", result}};

        auto reply = analytics::RunQueryReply(s, request, limits);
        ASSERT_TRUE(reply.ok()) << request.dump();
        const ResultText text = WithCheckpoints(s, request, *reply);
        EXPECT_EQ(text.json, result.dump()) << request.dump();
        EXPECT_EQ(text.row_count, rows) << request.dump();
        EXPECT_EQ(DoneBody(42, kind, text), body.dump()) << request.dump();
        if (rows > 0) kinds_with_rows.insert(kind);

        // Stored as text, read back as the same Json.
        AnalysisTask t = Queued(kind, request);
        t.status = "done";
        t.result_text = text.json;
        t.row_count = text.row_count;
        EXPECT_EQ(*Load(Insert(t)).result, result) << request.dump();
    }
    // Every kind was compared on real rows, not only on empty lists.
    EXPECT_EQ(kinds_with_rows.size(), 6u) << Json(kinds_with_rows).dump();
}

TEST_P(AnalysisStoreTest, WorkerRunsATaskToDoneWithProgress100) {
    const int64_t id = Insert(Queued("trajectory", {{"plate", data_.plates[0]}, {"from", Day(0)}, {"to", Day(3)}}));
    ASSERT_TRUE(Runner().RunOne(id).ok());
    auto t = Load(id);
    EXPECT_EQ(t.status, "done");
    EXPECT_EQ(t.progress, 100);
    ASSERT_TRUE(t.result.has_value());
    EXPECT_EQ(t.row_count, static_cast<int64_t>((*t.result)["passes"].size()));
    EXPECT_GT(t.row_count, 0);
    EXPECT_FALSE((*t.result)["checkpoints"].empty());
    EXPECT_TRUE(t.started_at.has_value());
    EXPECT_TRUE(t.finished_at.has_value());
}

TEST_P(AnalysisStoreTest, WorkerRecordsAFailureWithTheField) {
    const int64_t id = Insert(Queued("trajectory", {{"plate", "bad"}, {"from", Day(0)}, {"to", Day(3)}}));
    ASSERT_TRUE(Runner().RunOne(id).ok());
    auto t = Load(id);
    EXPECT_EQ(t.status, "failed");
    Json err = Json::parse(t.error);
    EXPECT_EQ(err["fields"]["plate"], "bad_plate");
}

TEST_P(AnalysisStoreTest, CancelledTasksStayCancelled) {
    auto& runner = Runner();
    const Json params = {{"plate", data_.plates[0]}, {"from", Day(0)}, {"to", Day(3)}};
    // Cancelled while queued: the worker skips it.
    const int64_t queued = Insert(Queued("trajectory", params));
    {
        auto c = db_->Acquire();
        ASSERT_TRUE(*CancelTask(**c, queued, 1500));
    }
    runner.RequestCancel(queued);
    ASSERT_TRUE(runner.RunOne(queued).ok());
    EXPECT_EQ(Load(queued).status, "cancelled");
    EXPECT_FALSE(Load(queued).result.has_value());
    // Cancelled while running (the flag stops it at the next chunk; the store already says cancelled).
    const int64_t running = Insert(Queued("trajectory", params));
    runner.RequestCancel(running);
    ASSERT_TRUE(runner.RunOne(running).ok());
    auto t = Load(running);
    EXPECT_EQ(t.status, "running");  // only the flag: a restart would requeue it
    {
        auto c = db_->Acquire();
        ASSERT_TRUE(*CancelTask(**c, running, 1600));
    }
    EXPECT_EQ(Load(running).status, "cancelled");
    EXPECT_FALSE(Load(running).result.has_value());
}

TEST_P(AnalysisStoreTest, StartRequeuesInterruptedTasksAndRunsThem) {
    const int64_t id = Insert(Queued("trajectory", {{"plate", data_.plates[0]}, {"from", Day(0)}, {"to", Day(2)}}));
    {
        auto c = db_->Acquire();
        ASSERT_TRUE(*MarkRunning(**c, id, 1000));  // a process died while running it
    }
    auto& runner = Runner();
    ASSERT_TRUE(runner.Start().ok());
    // Wait for the worker through the store (no timing assertion: only a bound on how long to wait).
    for (int i = 0; i < 600 && Load(id).status != "done"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    runner.Stop();
    EXPECT_EQ(Load(id).status, "done");
}

INSTANTIATE_TEST_SUITE_P(Backends, AnalysisStoreTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::checkpoint

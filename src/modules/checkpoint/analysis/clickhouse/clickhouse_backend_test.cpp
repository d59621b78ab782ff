// The ClickHouse backend against the in-process engine (issue 19): a single local ClickHouse server started by
// scripts/clickhouse_local.sh (own temporary directory, free loopback port, stopped at the end), the benchmark
// generator's small preset loaded into both, and every reply compared — the workload's queries, the extra
// requests of compare.cpp, an invalid request, and the statistics.

#include "checkpoint/analysis/clickhouse/clickhouse_backend.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "analytics/store.hpp"
#include "checkpoint/analysis/clickhouse/analytics_router.hpp"
#include "checkpoint/analysis/clickhouse/compare.hpp"
#include "common/civil_time.hpp"
#include "generator.hpp"

namespace jw::checkpoint::clickhouse {
namespace {

namespace fs = std::filesystem;

std::string Script() {
    const char* src = std::getenv("JW_SOURCE_DIR");
    return std::string(src ? src : ".") + "/scripts/clickhouse_local.sh";
}

class ClickHouseTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new fs::path(fs::temp_directory_path() / ("jw_ch_test_" + std::to_string(::getpid())));
        fs::create_directories(*dir_);
        state_ = new std::string((*dir_ / "state").string());
        FILE* p = ::popen(("bash " + Script() + " start " + *state_ + " 1 2>&1").c_str(), "r");
        std::string out;
        char buf[512];
        while (p && std::fgets(buf, sizeof buf, p)) out += buf;
        const int rc = p ? ::pclose(p) : -1;
        url_ = new std::string();
        if (rc == 0 && out.rfind("http://", 0) == 0)
            *url_ = out.substr(0, out.find('\n'));
        else
            start_error_ = new std::string("exit " + std::to_string(WEXITSTATUS(rc)) + ": " + out);
    }
    static void TearDownTestSuite() {
        (void)std::system(("bash " + Script() + " stop " + *state_).c_str());
        fs::remove_all(*dir_);
    }
    void SetUp() override {
        if (url_->empty()) {
            // The package cannot exist here (scripts/setup.sh installs it on every machine that runs make test).
            if (start_error_ && start_error_->find("not installed") != std::string::npos) {
                GTEST_SKIP() << "clickhouse-server is not installed: " << *start_error_;
            }
            FAIL() << "ClickHouse did not start: " << (start_error_ ? *start_error_ : "");
        }
    }
    static fs::path* dir_;
    static std::string* state_;
    static std::string* url_;
    static std::string* start_error_;
};
fs::path* ClickHouseTest::dir_ = nullptr;
std::string* ClickHouseTest::state_ = nullptr;
std::string* ClickHouseTest::url_ = nullptr;
std::string* ClickHouseTest::start_error_ = nullptr;

TEST_F(ClickHouseTest, SmallPresetAnswersEqualTheEngine) {
    const std::string data = (*dir_ / "data").string();
    auto preset = bench::FindPreset("small");
    ASSERT_TRUE(preset);
    ASSERT_TRUE(bench::Generate(*preset, 42, data).ok());
    auto store = analytics::Store::Open((*dir_ / "engine").string(), {.sync = false, .retention_days = 0});
    ASSERT_TRUE(store.ok()) << store.status().message();
    Settings settings;
    settings.urls = {*url_};
    settings.database = "jw_test";
    auto backend = Backend::Open(settings);
    ASSERT_TRUE(backend.ok()) << backend.status().message();
    auto loaded = LoadBoth(data, **store, **backend, 20000);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    EXPECT_GT(loaded->passes, 50000u);

    const auto snap = (*store)->GetSnapshot();
    auto requests = ReadRequests(data, snap);
    ASSERT_TRUE(requests.ok());
    const auto outcomes = CompareAll(snap, **backend, *requests);
    std::map<std::string, int> kinds, nonempty;
    for (const auto& o : outcomes) {
        ++kinds[o.kind];
        if (o.rows > 0) ++nonempty[o.kind];
        EXPECT_TRUE(o.equal) << o.kind << "\nengine:     " << o.engine_reply.substr(0, 2000)
                             << "\nclickhouse: " << o.clickhouse_reply.substr(0, 2000);
    }
    for (const auto& [k, n] : kinds) std::printf("  %-18s %3d compared, %3d with rows\n", k.c_str(), n, nonempty[k]);
    // Every query kind was compared, and on answers with rows (an empty-against-empty comparison proves little).
    for (const char* k : {"trajectory", "companion", "collision", "first_seen", "cloned", "night", "stats.hourly",
                          "stats.new_plates"}) {
        EXPECT_GT(nonempty[k], 0) << k;
    }
    EXPECT_EQ(kinds["trajectory.invalid"], 1);
}

TEST_F(ClickHouseTest, NewPassesAndCheckpointChangesAreSeenAtOnce) {
    Settings settings;
    settings.urls = {*url_};
    settings.database = "jw_test_fresh";
    auto backend = Backend::Open(settings);
    ASSERT_TRUE(backend.ok()) << backend.status().message();
    ASSERT_TRUE((*backend)->Truncate().ok());
    const int64_t t = 1796000000;
    ASSERT_TRUE((*backend)->UpsertCheckpoints({{"K1", "东门", 116.0, 39.0}, {"K2", "西门", 117.0, 39.0}}).ok());
    ASSERT_TRUE((*backend)->Append({{"京A12345", 0, "K1", t}, {"京A12345", 0, "K2", t + 60}}).ok());
    const Json q = {
        {"q", "cloned"}, {"from", "2026-11-30 00:00:00"}, {"to", "2026-12-30 00:00:00"}, {"max_speed_kmh", 120}};
    auto r = (*backend)->RunQuery(q);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ((*r)["suspects"].size(), 1u) << r->dump();
    // Moving K2 next to K1 makes the pair slow: the reply follows the new coordinates at once.
    ASSERT_TRUE((*backend)->UpsertCheckpoints({{"K2", "西门", 116.001, 39.0}}).ok());
    r = (*backend)->RunQuery(q);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ((*r)["suspects"].size(), 0u) << r->dump();
}

TEST_F(ClickHouseTest, RouterShipsBatchesAndSendsOldDaysToClickHouse) {
    RouterConfig config;
    config.backend = "clickhouse";
    config.clickhouse.urls = {*url_};
    config.clickhouse.database = "jw_test_router";
    auto router = Router::Open(config);
    ASSERT_TRUE(router.ok()) << router.status().message();
    ASSERT_TRUE((*router)->backend().Truncate().ok());
    auto store = analytics::Store::Open((*dir_ / "router_engine").string(), {.sync = false, .retention_days = 0});
    ASSERT_TRUE(store.ok());
    const int64_t day = *ParseChinaTime("2026-11-01 00:00:00");
    ASSERT_TRUE((*store)->UpsertCheckpoints({{"K1", "东门", 116.0, 39.0}}).ok());
    // Three days of one plate, shipped as the intake hook ships them.
    for (int d : {0, 10, 11}) {
        const std::vector<analytics::PassRecord> batch = {{"京A12345", 0, "K1", day + d * kDaySeconds + 3600}};
        ASSERT_TRUE((*store)->Append(batch).ok());
        (*router)->Ship(batch, (*store)->GetSnapshot());
    }
    ASSERT_TRUE((*router)->Flush().ok());
    EXPECT_EQ((*router)->Stats().shipped, 3u);
    // The engine as a hot cache: the old day is gone from it.
    (*store)->DropPartitionsBefore(day + 10 * kDaySeconds);
    const auto snap = (*store)->GetSnapshot();
    const Json all = {
        {"q", "trajectory"}, {"plate", "京A12345"}, {"from", "2026-11-01 00:00:00"}, {"to", "2026-11-20 00:00:00"}};
    EXPECT_EQ(Router::Choose(snap, *Router::NeedFrom(all)), Router::Target::kClickHouse);
    auto r = (*router)->RunQuery(snap, all, {});
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ((*r)["passes"].size(), 3u) << r->dump();  // the engine alone has 2
    // A range inside the engine's complete days is the engine's (its first day may be partial: not that one).
    const Json recent = {
        {"q", "trajectory"}, {"plate", "京A12345"}, {"from", "2026-11-12 00:00:00"}, {"to", "2026-11-20 00:00:00"}};
    EXPECT_EQ(Router::Choose(snap, *Router::NeedFrom(recent)), Router::Target::kEngine);
    EXPECT_EQ(Router::Choose(snap, *ParseChinaTime("2026-11-11 12:00:00")), Router::Target::kClickHouse);
    r = (*router)->RunQuery(snap, recent, {});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ((*r)["passes"].size(), 1u);
}

// What ClickHouse holds of a plate over [from, to), as the backend answers a trajectory.
size_t ClickHousePasses(Backend& backend, const std::string& plate) {
    auto r = backend.RunQuery(
        {{"q", "trajectory"}, {"plate", plate}, {"from", "2026-10-31 00:00:00"}, {"to", "2026-11-06 00:00:00"}});
    return r.ok() ? (*r)["passes"].size() : SIZE_MAX;
}

TEST_F(ClickHouseTest, ReconcileRewritesExactlyTheDaysThatDiffer) {
    RouterConfig config;
    config.backend = "clickhouse";
    config.clickhouse.urls = {*url_};
    config.clickhouse.database = "jw_test_reconcile";
    config.clickhouse.source = "519901";
    auto router = Router::Open(config);
    ASSERT_TRUE(router.ok()) << router.status().message();
    Backend& ch = (*router)->backend();
    ASSERT_TRUE(ch.Truncate().ok());
    auto store = analytics::Store::Open((*dir_ / "reconcile_engine").string(), {.sync = false, .retention_days = 0});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->UpsertCheckpoints({{"K1", "东门", 116.0, 39.0}, {"K2", "西门", 116.1, 39.0}}).ok());
    const int64_t day0 = *ParseChinaTime("2026-11-01 00:00:00");
    const int32_t first_day = analytics::ChinaDay(day0);
    std::vector<std::vector<analytics::PassRecord>> days(4);
    for (int d = 0; d < 4; ++d) {
        for (int i = 0; i <= d; ++i) {  // day d holds d + 1 passes of 京A00001 and one of 京B00002
            days[d].push_back({"京A00001", 0, i % 2 ? "K2" : "K1", day0 + d * kDaySeconds + 600 * (i + 1), 1, 2, 40});
        }
        days[d].push_back({"京B00002", 1, "K2", day0 + d * kDaySeconds + 7200});
        ASSERT_TRUE((*store)->Append(days[d]).ok());
    }
    // ClickHouse has day 1 as shipped, day 2 twice (a retried insert), days 0 and 3 not at all (seeded or lost).
    ASSERT_TRUE(ch.UpsertCheckpoints((*store)->GetSnapshot().checkpoints().list).ok());
    ASSERT_TRUE(ch.Append(days[1]).ok());
    ASSERT_TRUE(ch.Append(days[2]).ok());
    ASSERT_TRUE(ch.Append(days[2]).ok());
    // Another county's server writes to the same cluster on the same days: never counted or deleted here.
    Settings neighbour = config.clickhouse;
    neighbour.source = "519902";
    auto other = Backend::Open(neighbour);
    ASSERT_TRUE(other.ok());
    for (int d = 0; d < 4; ++d)
        ASSERT_TRUE((*other)->Append({{"川Z99999", 0, "K1", day0 + d * kDaySeconds + 99}}).ok());
    const auto snap = (*store)->GetSnapshot();
    auto report = (*router)->Reconcile(snap, true);
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_EQ(report->days_checked, 4u);
    EXPECT_EQ(report->days_rewritten, (std::vector<int32_t>{first_day, first_day + 2, first_day + 3}));
    EXPECT_EQ(report->passes_rewritten, 2u + 4u + 5u);
    auto counts = ch.DayCounts(first_day, first_day + 3);
    ASSERT_TRUE(counts.ok());
    for (int d = 0; d < 4; ++d) EXPECT_EQ((*counts)[first_day + d], days[d].size()) << "day " << d;
    // The rewritten passes are the engine's to the field: every reply over them is the engine's.
    const Json q = {
        {"q", "trajectory"}, {"plate", "京A00001"}, {"from", "2026-10-31 00:00:00"}, {"to", "2026-11-06 00:00:00"}};
    auto engine = analytics::RunQuery(snap, q, {});
    auto clickhouse = ch.RunQuery(q);
    ASSERT_TRUE(engine.ok()) << engine.status().message();
    ASSERT_TRUE(clickhouse.ok()) << clickhouse.status().message();
    EXPECT_EQ(engine->dump(), clickhouse->dump());
    // Level now: a second pass rewrites nothing.
    report = (*router)->Reconcile(snap, true);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->days_rewritten.empty());
    // Without engine_whole the engine's oldest day is left alone (retention may have cut it).
    ASSERT_TRUE(ch.DeleteDay(first_day).ok());
    report = (*router)->Reconcile(snap, false);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->days_checked, 3u);
    EXPECT_TRUE(report->days_rewritten.empty());
    EXPECT_EQ(ClickHousePasses(ch, "京A00001"), 2u + 3u + 4u);
    EXPECT_EQ(ClickHousePasses(ch, "川Z99999"), 4u);  // the neighbour's passes, untouched throughout
}

TEST_F(ClickHouseTest, StartReconcileRunsBeforeLaterBatchesAndWritesNothingTwice) {
    RouterConfig config;
    config.backend = "clickhouse";
    config.clickhouse.urls = {*url_};
    config.clickhouse.database = "jw_test_start_reconcile";
    auto router = Router::Open(config);
    ASSERT_TRUE(router.ok()) << router.status().message();
    Backend& ch = (*router)->backend();
    ASSERT_TRUE(ch.Truncate().ok());
    auto store = analytics::Store::Open((*dir_ / "start_engine").string(), {.sync = false, .retention_days = 0});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->UpsertCheckpoints({{"K1", "东门", 116.0, 39.0}}).ok());
    const int64_t day0 = *ParseChinaTime("2026-11-01 00:00:00");
    for (int d = 0; d < 3; ++d)
        ASSERT_TRUE((*store)->Append({{"京C00003", 0, "K1", day0 + d * kDaySeconds + 60}}).ok());
    // The server's start: the snapshot it opened with goes first; a batch arriving right after is queued behind it.
    (*router)->StartReconcile((*store)->GetSnapshot());
    const std::vector<analytics::PassRecord> late = {{"京C00003", 0, "K1", day0 + 2 * kDaySeconds + 120}};
    ASSERT_TRUE((*store)->Append(late).ok());
    (*router)->Ship(late, (*store)->GetSnapshot());
    ASSERT_TRUE((*router)->Flush().ok()) << (*router)->Stats().last_error;
    const auto stats = (*router)->Stats();
    EXPECT_FALSE(stats.reconcile_pending);
    ASSERT_TRUE(stats.last_reconcile.has_value());
    EXPECT_EQ(stats.last_reconcile->passes_rewritten, 2u);  // days 1 and 2 as the snapshot held them
    EXPECT_EQ(stats.shipped, 1u);
    EXPECT_EQ(ClickHousePasses(ch, "京C00003"), 3u);  // day 0 is the engine's oldest: left alone
    auto counts = ch.DayCounts(analytics::ChinaDay(day0), analytics::ChinaDay(day0) + 2);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ((*counts)[analytics::ChinaDay(day0) + 2], 2u);
}

TEST(RouterRule, NeedFromCoversWindowsAndLookbacks) {
    const int64_t from = *ParseChinaTime("2026-11-10 00:00:00");
    EXPECT_EQ(Router::NeedFrom({{"q", "night"}, {"from", "2026-11-10 00:00:00"}}), from);
    EXPECT_EQ(Router::NeedFrom({{"q", "companion"}, {"from", "2026-11-10 00:00:00"}, {"window_s", 60}}), from - 60);
    EXPECT_EQ(Router::NeedFrom({{"q", "first_seen"}, {"from", "2026-11-10 00:00:00"}, {"lookback_days", 30}}),
              from - 30 * kDaySeconds);
    EXPECT_EQ(
        Router::NeedFrom({{"q", "collision"},
                          {"conditions", {{{"from", "2026-11-10 00:00:00"}}, {{"from", "2026-11-09 00:00:00"}}}}}),
        from - kDaySeconds);
    EXPECT_EQ(Router::NeedFrom({{"q", "trajectory"}, {"from", "bad"}}), std::nullopt);
    // Without a router the engine answers (the default backend).
    EXPECT_EQ(InstalledRouter(), nullptr);
}

}  // namespace
}  // namespace jw::checkpoint::clickhouse

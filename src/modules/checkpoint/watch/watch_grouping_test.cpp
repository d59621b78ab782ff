// Grouped alerts from watch hits (issue 13, ADR 0043) on SQLite and PostgreSQL: one plate passing four watched
// checkpoints within the window makes one alert with four sightings; the alert keeps its signature while it
// grows; a sighting after the window or after the alert closed raises a new one; two passes recorded at once by two
// writers make one alert, not two.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "alerts/alerts_module.hpp"
#include "alerts/alerts_service.hpp"
#include "alerts/sightings.hpp"
#include "checkpoint/checkpoint_test_fixture.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/watch/watch_hits.hpp"
#include "checkpoint/watch/watch_service.hpp"

namespace jw::checkpoint {
namespace {

constexpr int64_t kT0 = 1790000000;
const std::string kGates[] = {"51990100001210000001", "51990100001210000002", "51990100001210000003",
                              "51990100001210000004"};

class GroupingTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        if (!OpenDatabase("watch_grouping", testing::CheckpointSchemas())) return;
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt);
        station_ = Unit("519901030100", "城关派出所", bureau_);
        officer_ = User("officer_a", station_, "officer");
        leader_ = User("leader", bureau_, "leader");
        for (int i = 0; i < 4; ++i)
            ASSERT_TRUE(UpsertDevice(*c_, testing::Gate(kGates[i], "卡口" + std::to_string(i + 1)), kT0).ok());
        OrderInput in;
        in.target = "川A12345";
        in.reason = "涉嫌盗窃车辆";
        in.case_no = "A5199012026000001";
        in.valid_from = kT0;
        in.valid_to = kT0 + 7 * 86400;
        in.priority = 1;
        in.unit_ids = {station_};
        auto id = CreateOrder(*c_, alerts::Policy::Default(), in, {officer_, station_}, kT0);
        ASSERT_TRUE(id.ok()) << id.status().message();
        ASSERT_TRUE(ApproveOrder(*c_, *id, {leader_, bureau_}, std::nullopt, kT0).ok());
        ASSERT_TRUE(RefreshWatchList(*c_, *hub_, kT0).ok());
    }

    std::vector<PassHit> Hits(int gate, int64_t time) {
        analytics::PassRecord p{"川A12345", 5, kGates[gate], time, 1, 2, 60};
        auto hits = hub_->Append({p});
        EXPECT_TRUE(hits.ok());
        EXPECT_EQ(hits->size(), 1u);
        return *hits;
    }
    void Pass(int gate, int64_t time) { EXPECT_TRUE(RecordHits(*c_, Hits(gate, time), time + 1).ok()); }
    int64_t Alerts() { return Count("SELECT COUNT(*) FROM alerts"); }
    int64_t LastAlert() { return Count("SELECT MAX(id) FROM alerts"); }

    testing::TempHub hub_;
    int64_t bureau_ = 0, station_ = 0, officer_ = 0, leader_ = 0;
};

TEST_P(GroupingTest, FourCheckpointsInTheWindowGrowOneAlertThatKeepsItsState) {
    Pass(0, kT0 + 100);
    const int64_t first = LastAlert();
    ASSERT_TRUE(alerts::Sign(*c_, first, station_, officer_, kT0 + 200).ok());
    Pass(1, kT0 + 400);
    Pass(2, kT0 + 900);
    Pass(3, kT0 + 1500);
    EXPECT_EQ(Alerts(), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM watch_hits WHERE alert_id = " + std::to_string(first)), 4);
    auto sightings = alerts::ListSightings(*c_, first);
    ASSERT_TRUE(sightings.ok());
    ASSERT_EQ(sightings->size(), 4u);
    EXPECT_EQ((*sightings)[0].place, "卡口1");
    EXPECT_EQ((*sightings)[3].place, "卡口4");
    EXPECT_EQ((*sightings)[3].seen_at, kT0 + 1500);
    EXPECT_EQ((*sightings)[3].direction, 1);
    ASSERT_TRUE((*sightings)[3].longitude.has_value());
    auto a = alerts::Get(*c_, first);
    ASSERT_TRUE(a.ok());
    EXPECT_TRUE(a->targets[0].signed_at.has_value());  // signed before it grew, still signed
    EXPECT_EQ(a->payload["sighting_count"], 4);
    EXPECT_EQ(a->title, "布控车辆 川A12345 已发现 4 次，最近经过 卡口4");
    EXPECT_EQ(alerts::TitleIn(*a, Lang::kEn), "Watched vehicle 川A12345 seen 4 times, last at 卡口4");
    // The signers heard of each sighting, in-app only.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE code = 'alerts.sighted' AND channel = 'inapp'"), 3);

    // After the window (30 min after the last sighting): a new alert.
    Pass(0, kT0 + 1500 + 1801);
    EXPECT_EQ(Alerts(), 2);
    const int64_t second = LastAlert();
    // Once closed (signed and reported back), the next sighting is new work: a new alert, the closed one unchanged.
    ASSERT_TRUE(alerts::Sign(*c_, second, station_, officer_, kT0 + 3400).ok());
    ASSERT_TRUE(alerts::Feedback(*c_, second, station_, {"未发现", "张三", ""}, officer_, kT0 + 3450).ok());
    Pass(1, kT0 + 3500);
    EXPECT_EQ(Alerts(), 3);
    EXPECT_EQ(alerts::ListSightings(*c_, second)->size(), 1u);
    // A retried post of a recorded pass adds nothing.
    EXPECT_TRUE(
        RecordHits(*c_, {PassHit{{"川A12345", 5, kGates[1], kT0 + 3500, 1, 2, 60}, a->payload["order_id"]}}, kT0 + 3600)
            .ok());
    EXPECT_EQ(Alerts(), 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alert_sightings"), 6);
}

TEST_P(GroupingTest, TwoPassesRecordedAtOnceMakeOneAlert) {
    const auto a = Hits(0, kT0 + 100);
    const auto b = Hits(1, kT0 + 110);
    std::atomic<bool> first_in{false};
    Status sa, sb;
    std::thread ta([&] {
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        sa = (*c)->BeginWrite();
        if (sa.ok()) sa = RecordHits(**c, a, kT0 + 101);
        first_in = true;
        // Hold the transaction open while the other writer tries: without the group lock it would see no alert.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        if (sa.ok()) sa = (*c)->Commit();
    });
    std::thread tb([&] {
        while (!first_in) std::this_thread::yield();
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        sb = (*c)->BeginWrite();
        if (sb.ok()) sb = RecordHits(**c, b, kT0 + 111);
        if (sb.ok()) sb = (*c)->Commit();
    });
    ta.join();
    tb.join();
    EXPECT_TRUE(sa.ok()) << sa.message();
    EXPECT_TRUE(sb.ok()) << sb.message();
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM alerts")->Int(0), 1);
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM alert_sightings")->Int(0), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupingTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::checkpoint

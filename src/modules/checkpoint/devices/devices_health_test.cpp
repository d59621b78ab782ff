// The health round end to end on SQLite and PostgreSQL: ids touched in the hub reach last_seen through the
// committer; a checkpoint that falls silent is reported to the duty desk once (in-app, audited as
// device.health), and once again when it is back; a quiet round writes no audit record.
#include "checkpoint/devices/devices_health.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "audit/audit_log.hpp"
#include "checkpoint/checkpoint_test_fixture.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "storage/committer.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

constexpr int64_t kT0 = 1790000000;
const std::string kGate = "51990100001210000001";

class HealthTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        if (!OpenDatabase("devices_health", testing::CheckpointSchemas(/*with_audit=*/true))) return;
        const int64_t centre = Unit("519901010200", "指挥中心", std::nullopt, "centre");
        for (auto [name, role] : {std::pair{"duty", "duty_desk"}, std::pair{"officer", "officer"}})
            users_[name] = User(name, centre, role);
        ASSERT_TRUE(UpsertDevice(*c_, testing::Gate(kGate, "城关卡口"), kT0).ok());
        audit_ = std::move(audit::AuditLog::Open(*db_)).value();
        committer_ = std::move(storage::Committer::Start(*db_, audit_->CommitterHooks())).value();
        audit_->Attach(committer_.get());
        outbox_ = std::make_unique<notify::Outbox>(*db_, nullptr);
    }
    void TearDown() override {
        committer_.reset();
        hub_.Close();
    }

    Deps MakeDeps() { return Deps{*db_, *committer_, *audit_, *outbox_, *hub_, "", "519901"}; }

    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<storage::Committer> committer_;
    testing::TempHub hub_;
    std::unique_ptr<notify::Outbox> outbox_;
    std::map<std::string, int64_t> users_;
};

TEST_P(HealthTest, TouchedIdsBecomeLastSeenAndTransitionsReachTheDutyDeskOnce) {
    const Deps deps = MakeDeps();
    hub_->Touch(kGate, kT0 + 10);
    hub_->Touch("51990100001210009999", kT0 + 10);  // not registered: ignored
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 20), 0);
    EXPECT_EQ(Count("SELECT last_seen FROM checkpoint_devices WHERE id = ?", {V(kGate)}), kT0 + 10);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'device.health'"), 0);  // quiet round

    EXPECT_EQ(*RunHealthRound(deps, kT0 + 10 + 601), 1);  // silent past the 600 s default
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 10 + 900), 0);
    hub_->Touch(kGate, kT0 + 1000);
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 1001), 1);  // back
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 1002), 0);

    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'device'", {V(users_["duty"])}),
              2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ?", {V(users_["officer"])}), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'device.health'"), 2);
}

// Issue 13: a checkpoint that delivered a pass is online, whichever way the pass came (here straight into the
// engine, as the demo seed and file imports do, without a Touch); its capture device with it. Last seen is the
// later of heartbeat and pass; a device silent past the threshold goes offline and is reported once.
TEST_P(HealthTest, PassesInTheEngineMakeTheCheckpointAndItsCaptureDeviceOnline) {
    const Deps deps = MakeDeps();
    Device ape = testing::Gate("51990100001190000001", "城关卡口抓拍机");
    ape.kind = "ape";
    ape.category.clear();
    ape.tollgate_id = kGate;
    ASSERT_TRUE(UpsertDevice(*c_, ape, kT0).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM checkpoint_devices WHERE last_seen IS NULL"), 2);  // never reported

    analytics::PassRecord p;
    p.plate = "川A12345";
    p.checkpoint_id = kGate;
    p.time = kT0 + 100;
    ASSERT_TRUE(hub_->Append({p}).ok());
    hub_->Touch(kGate, kT0 + 50);  // an older heartbeat: the pass is later and wins
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 130), 0);
    EXPECT_EQ(Count("SELECT last_seen FROM checkpoint_devices WHERE id = ?", {V(kGate)}), kT0 + 100);
    EXPECT_EQ(Count("SELECT last_seen FROM checkpoint_devices WHERE id = ?", {V(ape.id)}), kT0 + 100);
    auto listed = ListDevices(*c_, DeviceFilter{}, kDefaultOfflineAfterS, kT0 + 130);
    ASSERT_TRUE(listed.ok());
    for (const auto& v : listed->first) EXPECT_EQ(v.status, "online") << v.device.id;

    hub_->Touch(kGate, kT0 + 200);  // a later heartbeat wins over the pass
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 210), 0);
    EXPECT_EQ(Count("SELECT last_seen FROM checkpoint_devices WHERE id = ?", {V(kGate)}), kT0 + 200);

    // Silent past the 600 s default: both go offline, reported to the duty desk once each.
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 200 + 601), 2);
    listed = ListDevices(*c_, DeviceFilter{}, kDefaultOfflineAfterS, kT0 + 200 + 601);
    ASSERT_TRUE(listed.ok());
    for (const auto& v : listed->first) EXPECT_EQ(v.status, "offline") << v.device.id;
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 200 + 900), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'device'", {V(users_["duty"])}),
              2);
}

INSTANTIATE_TEST_SUITE_P(Backends, HealthTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::checkpoint

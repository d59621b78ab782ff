// The checkpoint registry on SQLite and PostgreSQL: GB/T 28181 id validation, upsert, CSV import (errors by
// line, all or nothing), list filters and derived status, health transitions reported once, hub sync,
// base map and map settings.
#include "checkpoint/devices/devices_repository.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "checkpoint/checkpoint_test_fixture.hpp"
#include "checkpoint/devices/devices_health.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

constexpr int64_t kT0 = 1790000000;
const std::string kGate1 = "51990100001210000001";
const std::string kGate2 = "51990100001210000002";
const std::string kApe1 = "51990100001190000001";

using testing::Gate;

class DevicesTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override { OpenDatabase("devices", testing::CheckpointSchemas()); }
};

TEST(DeviceId, TwentyDigitsWithARegionPrefix) {
    EXPECT_TRUE(CheckDeviceId("34020000001320000001").ok());  // GB/T 28181's example camera
    EXPECT_TRUE(CheckDeviceId(kGate1).ok());
    EXPECT_EQ(CheckDeviceId("3402000000132000001").fields().at("id"), "bad_length");
    EXPECT_EQ(CheckDeviceId("3402000000132000000A").fields().at("id"), "bad_characters");
    EXPECT_EQ(CheckDeviceId("00020000001320000001").fields().at("id"), "bad_region");
    EXPECT_EQ(CheckDeviceId("99020000001320000001", "tollgate_id").fields().at("tollgate_id"), "bad_region");
}

TEST_P(DevicesTest, UpsertCreatesUpdatesAndNamesEveryBadField) {
    ASSERT_TRUE(UpsertDevice(*c_, Gate(kGate1, "城关卡口"), kT0).ok());
    Device d = Gate(kGate1, "城关卡口(东)");
    d.longitude = 104.25;
    ASSERT_TRUE(UpsertDevice(*c_, d, kT0 + 1).ok());
    auto got = GetDevice(*c_, kGate1, kDefaultOfflineAfterS, kT0 + 2);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->device.name, "城关卡口(东)");
    EXPECT_DOUBLE_EQ(got->device.longitude, 104.25);
    EXPECT_EQ(got->status, "offline");  // never seen

    Device bad;
    bad.id = "123";
    bad.kind = "camera";
    bad.longitude = 200;
    bad.latitude = 30;
    bad.place_code = "000000";
    bad.category = "55";
    bad.tollgate_id = kGate2;
    auto s = UpsertDevice(*c_, bad, kT0);
    ASSERT_EQ(s.code(), ErrorCode::kInvalidArgument);
    for (const char* f : {"id", "kind", "name", "longitude", "place_code", "category", "tollgate_id"})
        EXPECT_TRUE(s.fields().count(f)) << f;
    Device ape = Gate(kApe1, "城关卡口 1 号相机");
    ape.kind = "ape";
    ape.category = "";
    ape.tollgate_id = kGate2;  // not registered
    EXPECT_EQ(UpsertDevice(*c_, ape, kT0).fields().at("tollgate_id"), "not_found");
    ape.tollgate_id = kGate1;
    EXPECT_TRUE(UpsertDevice(*c_, ape, kT0).ok());
    Device kind_change = Gate(kApe1, "x");
    EXPECT_EQ(UpsertDevice(*c_, kind_change, kT0).fields().at("kind"), "invalid");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM checkpoint_devices"), 2);
}

TEST_P(DevicesTest, ImportRejectsTheWholeFileAndNamesEveryBadLine) {
    const std::string csv = "id,kind,name,longitude,latitude,place_code,tollgate_id,category\n" + kGate1 +
                            ",tollgate,城关卡口,104.1,30.6,519901,,40\n"
                            "123,tollgate,短编码,104.1,30.6,519901,,40\n" +
                            kGate2 + ",tollgate,,104.1,30.6,519901,,40\n" + kApe1 + ",ape,相机,abc,30.6,519901," +
                            kGate1 + ",\n";
    auto r = ImportDevicesCsv(*c_, csv, kT0);
    ASSERT_FALSE(r.ok());
    const auto f = r.status().fields();
    EXPECT_EQ(f.at("line 3"), "id: bad_length (line 3, column 1)");
    EXPECT_EQ(f.at("line 4"), "name: required (line 4, column 31)");
    EXPECT_EQ(f.at("line 5"), "longitude: bad_format (line 5, column 29)");
    EXPECT_EQ(f.size(), 3u);
    EXPECT_FALSE(ImportDevicesCsv(*c_, "id,kind,name\n1,2,3\n", kT0).status().fields().count("csv") == 0);
    EXPECT_TRUE(ImportDevicesCsv(*c_, "", kT0).status().fields().count("csv"));
    // A quote left open is refused where it opens, before any row is written.
    const auto before = Count("SELECT COUNT(*) FROM checkpoint_devices");
    auto open = ImportDevicesCsv(*c_,
                                 "id,kind,name,longitude,latitude,place_code,tollgate_id,category\n" + kGate1 +
                                     ",tollgate,\"城关,104.1,30.6,519901,,40\n",
                                 kT0);
    ASSERT_FALSE(open.ok());
    EXPECT_EQ(open.status().fields().at("csv"), "line 2, column 31: unterminated_quote");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM checkpoint_devices"), before);
}

TEST_P(DevicesTest, ImportAcceptsBomCrlfQuotesAndAnApeBeforeItsCheckpoint) {
    const std::string csv = "\xEF\xBB\xBFid,kind,name,longitude,latitude,place_code,tollgate_id,category\r\n" + kApe1 +
                            ",ape,\"相机, 1 号\",,,," + kGate1 + ",\r\n" + kGate1 +
                            ",tollgate,\"城关\"\"东\"\"卡口\",104.1,30.6,519901,,40\r\n";
    auto r = ImportDevicesCsv(*c_, csv, kT0);
    ASSERT_TRUE(r.ok()) << r.status().message() << " " << (r.ok() ? "" : r.status().fields().begin()->second);
    EXPECT_EQ(r->created, 2);
    auto ape = GetDevice(*c_, kApe1, kDefaultOfflineAfterS, kT0);
    EXPECT_EQ(ape->device.name, "相机, 1 号");
    EXPECT_EQ(ape->device.tollgate_id, kGate1);
    EXPECT_EQ(GetDevice(*c_, kGate1, kDefaultOfflineAfterS, kT0)->device.name, "城关\"东\"卡口");
    auto again = ImportDevicesCsv(*c_, csv, kT0 + 5);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->updated, 2);
    EXPECT_EQ(again->created, 0);
}

TEST_P(DevicesTest, ListFiltersByKindStatusAndText) {
    ASSERT_TRUE(UpsertDevice(*c_, Gate(kGate1, "城关卡口"), kT0).ok());
    ASSERT_TRUE(UpsertDevice(*c_, Gate(kGate2, "南门卡口"), kT0).ok());
    Device ape = Gate(kApe1, "南门相机");
    ape.kind = "ape";
    ape.category = "";
    ape.tollgate_id = kGate2;
    ASSERT_TRUE(UpsertDevice(*c_, ape, kT0).ok());
    ASSERT_TRUE(RecordSeen(*c_, {{kGate1, kT0 + 100}, {"99999999999999999999", kT0}}).ok());
    ASSERT_TRUE(SetDeviceEnabled(*c_, kGate2, false, kT0).ok());
    auto ids = [&](DeviceFilter f) {
        std::vector<std::string> out;
        auto page = ListDevices(*c_, f, 600, kT0 + 200);
        EXPECT_TRUE(page.ok());
        for (const auto& v : page->first) out.push_back(v.device.id + ":" + v.status);
        return out;
    };
    EXPECT_EQ(ids({}), (std::vector<std::string>{kGate1 + ":online", kGate2 + ":disabled", kApe1 + ":offline"}));
    EXPECT_EQ(ids({.kind = "ape"}), (std::vector<std::string>{kApe1 + ":offline"}));
    EXPECT_EQ(ids({.status = "online"}), (std::vector<std::string>{kGate1 + ":online"}));
    EXPECT_EQ(ids({.status = "disabled"}), (std::vector<std::string>{kGate2 + ":disabled"}));
    EXPECT_EQ(ids({.text = "南门"}).size(), 2u);
    EXPECT_EQ(ListDevices(*c_, {.page = 2, .page_size = 2}, 600, kT0)->second, 3);
    EXPECT_EQ(ListDevices(*c_, {.page = 2, .page_size = 2}, 600, kT0)->first.size(), 1u);
    auto known = LoadCheckpointIds(*c_);
    EXPECT_EQ(*known, (std::set<std::string>{kGate1}));
}

TEST_P(DevicesTest, DutyDeskHearsOnceWhenADeviceGoesOfflineAndOnceWhenItIsBack) {
    ASSERT_TRUE(UpsertDevice(*c_, Gate(kGate1, "城关卡口"), kT0).ok());
    ASSERT_TRUE(UpsertDevice(*c_, Gate(kGate2, "南门卡口"), kT0).ok());  // never seen: never reported
    auto user = test_support::InsertUser(
        *c_, {"duty", Unit("519901010200", "指挥中心", std::nullopt, "centre"), "duty_desk", "d1", "值班员"});
    ASSERT_TRUE(user.ok()) << user.status().message();

    ASSERT_TRUE(RecordSeen(*c_, {{kGate1, kT0}}).ok());
    auto round = [&](int64_t now) {
        auto ch = TakeHealthChanges(*c_, 600, now);
        EXPECT_TRUE(ch.ok());
        EXPECT_TRUE(NotifyHealthChanges(*c_, *ch).ok());
        std::vector<std::string> out;
        for (const auto& h : *ch) out.push_back(h.id + (h.offline ? ":offline" : ":online"));
        return out;
    };
    EXPECT_TRUE(round(kT0 + 300).empty());
    EXPECT_EQ(round(kT0 + 601), (std::vector<std::string>{kGate1 + ":offline"}));
    EXPECT_TRUE(round(kT0 + 900).empty());  // reported once
    ASSERT_TRUE(RecordSeen(*c_, {{kGate1, kT0 + 950}}).ok());
    ASSERT_TRUE(RecordSeen(*c_, {{kGate1, kT0 + 10}}).ok());  // an older touch never moves last_seen back
    EXPECT_EQ(round(kT0 + 960), (std::vector<std::string>{kGate1 + ":online"}));
    EXPECT_TRUE(round(kT0 + 970).empty());
    auto notes = c_->Query("SELECT code FROM notifications WHERE user_id = ? ORDER BY id", {V(*user)});
    ASSERT_EQ(notes->size(), 2u);
    EXPECT_EQ((*notes)[0].Str(0), "checkpoint.device_offline");  // a code; words from the message catalogue
    EXPECT_EQ((*notes)[1].Str(0), "checkpoint.device_online");
}

TEST_P(DevicesTest, HubLearnsEnabledCheckpointsAndTheirCoordinates) {
    testing::TempHub hub;
    ASSERT_TRUE(hub.get());
    ASSERT_TRUE(UpsertDevice(*c_, Gate(kGate1, "城关卡口"), kT0).ok());
    ASSERT_TRUE(UpsertDevice(*c_, Gate(kGate2, "南门卡口"), kT0).ok());
    ASSERT_TRUE(SetDeviceEnabled(*c_, kGate2, false, kT0).ok());
    ASSERT_TRUE(SyncCheckpointsToHub(*c_, *hub).ok());
    EXPECT_TRUE(hub->IsKnownCheckpoint(kGate1));
    EXPECT_FALSE(hub->IsKnownCheckpoint(kGate2));
    const auto snap = hub->Snapshot();
    auto idx = snap.checkpoints().Find(kGate1);
    ASSERT_TRUE(idx.has_value());
    EXPECT_EQ(snap.checkpoints().list[*idx].name, "城关卡口");
    EXPECT_NEAR(snap.checkpoints().list[*idx].latitude, 30.6, 1e-9);
}

TEST_P(DevicesTest, BaseMapAndSettingsValidateAndRoundTrip) {
    EXPECT_EQ(*LoadBaseMap(*c_), R"({"type":"FeatureCollection","features":[]})");
    EXPECT_EQ(SaveBaseMap(*c_, R"({"type":"Feature"})", kT0).fields().at("geojson"), "bad_format");
    EXPECT_EQ(SaveBaseMap(*c_, "not json", kT0).fields().at("geojson"), "bad_format");
    const std::string gj = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"river"},)"
                           R"("geometry":{"type":"LineString","coordinates":[[104,30],[104.1,30.1]]}}]})";
    ASSERT_TRUE(SaveBaseMap(*c_, gj, kT0).ok());
    ASSERT_TRUE(SaveBaseMap(*c_, gj, kT0 + 1).ok());  // replaces
    EXPECT_EQ(*LoadBaseMap(*c_), gj);
    EXPECT_EQ(LoadMapSettings(*c_)->offline_after_s, kDefaultOfflineAfterS);
    EXPECT_EQ(LoadMapSettings(*c_)->tile_url, "");
    EXPECT_EQ(SaveMapSettings(*c_, {"ftp://x/{z}", "", 600}, kT0).fields().at("tile_url"), "bad_format");
    EXPECT_EQ(SaveMapSettings(*c_, {"", "", 5}, kT0).fields().at("offline_after_s"), "out_of_range");
    ASSERT_TRUE(SaveMapSettings(*c_, {"http://gis.police/tiles/{z}/{x}/{y}.png", "公安 GIS", 900}, kT0).ok());
    auto s = LoadMapSettings(*c_);
    EXPECT_EQ(s->tile_url, "http://gis.police/tiles/{z}/{x}/{y}.png");
    EXPECT_EQ(s->offline_after_s, 900);
}

INSTANTIATE_TEST_SUITE_P(Backends, DevicesTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::checkpoint

#include "checkpoint/viid/viid_codec.hpp"

#include <gtest/gtest.h>

#include "common/crypto.hpp"

namespace jw::checkpoint::viid {
namespace {

constexpr int64_t kNow = 1790000000;  // 2026-09-21 22:13:20 China time
constexpr const char* kTollgate = "51990100001210000001";

Json Vehicle(Json extra = Json::object()) {
    Json v = {{"MotorVehicleID", "519901000012100000010220260921101500000010200001"},
              {"PlateNo", "川A12345"},
              {"TollgateID", kTollgate},
              {"PassTime", "20260921101500"},
              {"PlateColor", 5}};
    for (auto it = extra.begin(); it != extra.end(); ++it) v[it.key()] = *it;
    return v;
}

TEST(ViidTime, FourteenAndSeventeenDigitsAreChinaTime) {
    // 2026-09-21 10:15:00 China time = 02:15:00 UTC.
    const int64_t expected = 1789956900;
    EXPECT_EQ(ParseViidTime("20260921101500"), expected);
    EXPECT_EQ(ParseViidTime("20260921101500123"), expected);
    EXPECT_EQ(ParseViidTime("2026-09-21 10:15:00"), expected);
    EXPECT_EQ(FormatViidTime(expected), "20260921101500");
    EXPECT_FALSE(ParseViidTime("20260231101500"));  // 31 February
    EXPECT_FALSE(ParseViidTime("20260921246000"));  // hour 24
    EXPECT_FALSE(ParseViidTime("2026092110150"));   // 13 digits
    EXPECT_FALSE(ParseViidTime("2026092110150x"));
    EXPECT_EQ(FormatViidTime(0), "19700101080000");
}

TEST(ViidEnvelope, SingleAndListEnvelopesAnyCasing) {
    auto single = ParseEnvelope(R"({"MotorVehicleObject":{"PlateNo":"川A12345"}})", "MotorVehicle");
    ASSERT_EQ(single.code, Code::kOk);
    EXPECT_FALSE(single.list);
    ASSERT_EQ(single.objects.size(), 1u);
    auto list = ParseEnvelope(R"({"motorvehiclelistobject":{"MOTORVEHICLEOBJECT":[{},{}]}})", "MotorVehicle");
    ASSERT_EQ(list.code, Code::kOk);
    EXPECT_TRUE(list.list);
    EXPECT_EQ(list.objects.size(), 2u);
}

TEST(ViidEnvelope, BrokenJsonIsSevenWrongContentIsEight) {
    EXPECT_EQ(ParseEnvelope(R"({"MotorVehicleObject":{)", "MotorVehicle").code, Code::kInvalidJsonFormat);
    EXPECT_EQ(ParseEnvelope("", "MotorVehicle").code, Code::kInvalidJsonFormat);
    EXPECT_EQ(ParseEnvelope(R"({"FaceObject":{}})", "MotorVehicle").code, Code::kInvalidJsonContent);
    EXPECT_EQ(ParseEnvelope(R"([1,2])", "MotorVehicle").code, Code::kInvalidJsonContent);
    EXPECT_EQ(ParseEnvelope(R"({"MotorVehicleListObject":{"MotorVehicleObject":{}}})", "MotorVehicle").code,
              Code::kInvalidJsonContent);
    EXPECT_EQ(ParseEnvelope(R"({"MotorVehicleListObject":{"MotorVehicleObject":[]}})", "MotorVehicle").code,
              Code::kInvalidJsonContent);
    EXPECT_EQ(ParseEnvelope(R"({"MotorVehicleObject":"x"})", "MotorVehicle").code, Code::kInvalidJsonContent);
    auto too_many = ParseEnvelope(R"({"MotorVehicleListObject":{"MotorVehicleObject":[{},{},{}]}})", "MotorVehicle", 2);
    EXPECT_EQ(too_many.code, Code::kInvalidJsonContent);
    EXPECT_NE(too_many.reason.find("between 1 and 2"), std::string::npos);
}

TEST(ViidVehicle, CanonicalObject) {
    auto r =
        ParseMotorVehicle(Vehicle({{"Speed", 61.6}, {"Direction", 2}, {"LaneNo", 1}, {"DeviceID", kTollgate}}), kNow);
    ASSERT_TRUE(r.vehicle) << r.reason;
    EXPECT_EQ(r.vehicle->pass.plate, "川A12345");
    EXPECT_EQ(r.vehicle->pass.checkpoint_id, kTollgate);
    EXPECT_EQ(r.vehicle->pass.time, 1789956900);
    EXPECT_EQ(r.vehicle->pass.plate_color, 5);
    EXPECT_EQ(r.vehicle->pass.speed, 62);
    EXPECT_EQ(r.vehicle->pass.direction, 2);
    EXPECT_EQ(r.vehicle->pass.lane, 1);
    EXPECT_EQ(r.vehicle->device_id, kTollgate);
    EXPECT_EQ(r.object_id, "519901000012100000010220260921101500000010200001");
}

TEST(ViidVehicle, VendorCasingNumbersAsStringsAndSeventeenDigitTimes) {
    Json v = {{"plateno", " 川a·12345 "},
              {"TollgateId", kTollgate},
              {"PASSTIME", "20260921101500999"},
              {"PlateColor", "5"},
              {"speed", "60"},
              {"laneNo", "2"},
              {"StorageURL1", "http://x/1.jpg"}};
    auto r = ParseMotorVehicle(v, kNow);
    ASSERT_TRUE(r.vehicle) << r.reason;
    EXPECT_EQ(r.vehicle->pass.plate, "川A12345");
    EXPECT_EQ(r.vehicle->pass.time, 1789956900);
    EXPECT_EQ(r.vehicle->pass.plate_color, 5);
    EXPECT_EQ(r.vehicle->pass.speed, 60);
    EXPECT_EQ(r.vehicle->pass.lane, 2);
    // A TollgateID sent as a JSON number still reads as its digits.
    auto n = ParseMotorVehicle(Vehicle({{"TollgateID", 51990100001210000001.0}}), kNow);
    EXPECT_FALSE(n.vehicle);  // a 20-digit number does not survive a double: refused, not silently altered
}

TEST(ViidVehicle, EachProblemNamesTheField) {
    struct Case {
        Json extra;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {{{"PlateNo", "川A1234"}}, "PlateNo: bad_length"},
        {{{"PlateNo", "XYZ12345"}}, "PlateNo: "},
        {{{"PlateNo", ""}}, "PlateNo: required"},
        {{{"TollgateID", "1234"}}, "TollgateID: bad_format"},
        {{{"TollgateID", nullptr}}, "TollgateID: required"},
        {{{"PassTime", "2026-13-01 00:00:00"}}, "PassTime: bad_format"},
        {{{"PassTime", "20260922101500"}}, "PassTime: in_the_future"},
        {{{"PassTime", nullptr}}, "PassTime: required"},
        {{{"DeviceID", "abc"}}, "DeviceID: bad_format"},
        {{{"Speed", "fast"}}, "Speed: out_of_range"},
        {{{"Speed", 1200}}, "Speed: out_of_range"},
        {{{"LaneNo", 300}}, "LaneNo: out_of_range"},
        {{{"PlateColor", "blue"}}, "PlateColor: out_of_range"},
    };
    for (const auto& c : cases) {
        auto r = ParseMotorVehicle(Vehicle(c.extra), kNow);
        EXPECT_FALSE(r.vehicle) << c.extra.dump();
        EXPECT_EQ(r.reason.rfind(c.reason, 0), 0u) << c.extra.dump() << " → " << r.reason;
    }
    EXPECT_EQ(ParseMotorVehicle(Json::array(), kNow).reason, "MotorVehicleObject: not_an_object");
}

TEST(ViidDevices, TollgateAndApe) {
    auto t = ParseTollgate({{"TollgateID", kTollgate},
                            {"name", "城关卡口"},
                            {"Longitude", "104.05"},
                            {"Latitude", 30.6},
                            {"TollgateCat", "31"},
                            {"LaneNum", "4"},
                            {"PlaceCode", "519901"}});
    ASSERT_TRUE(t.device) << t.reason;
    EXPECT_EQ(t.device->kind, "tollgate");
    EXPECT_EQ(t.device->name, "城关卡口");
    EXPECT_DOUBLE_EQ(t.device->longitude, 104.05);
    EXPECT_EQ(t.device->category, "31");
    EXPECT_EQ(t.device->lane_count, 4);
    auto a = ParseApe({{"ApeID", "51990100001320000001"}, {"Name", "1号相机"}, {"TollgateID", kTollgate}});
    ASSERT_TRUE(a.device) << a.reason;
    EXPECT_EQ(a.device->kind, "ape");
    EXPECT_EQ(a.device->tollgate_id, kTollgate);
    EXPECT_TRUE(std::isnan(a.device->latitude));
    EXPECT_EQ(ParseTollgate({{"TollgateID", kTollgate}}).reason, "Name: required");
    EXPECT_EQ(ParseTollgate({{"Name", "x"}}).reason, "TollgateID: required");
    EXPECT_EQ(ParseTollgate({{"TollgateID", kTollgate}, {"Name", "x"}, {"Latitude", 95}}).reason,
              "Latitude: out_of_range");
}

TEST(ViidAudit, DigestIsSm3OfTheAcceptedPassesAsCsvLinesInOrder) {
    analytics::PassRecord a{"川A12345", 2, kTollgate, 1789956900, 1, 2, 60};
    analytics::PassRecord b{"京B0000警", 5, "51990100001210000002", 1789956901, 0, 0, 0};
    // SM3 written out independently of the code under test: the standard's test vector "abc".
    EXPECT_EQ(Sm3Hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    EXPECT_EQ(PassesDigest({a, b}), Sm3Hex("川A12345,2,51990100001210000001,1789956900,1,2,60\n"
                                           "京B0000警,5,51990100001210000002,1789956901,0,0,0\n"));
    EXPECT_NE(PassesDigest({a, b}), PassesDigest({b, a}));  // the order of the post is part of it
    EXPECT_EQ(PassesDigest({}), Sm3Hex(""));
}

TEST(ViidReply, ResponseStatusShapes) {
    Json one = ResponseStatus("/VIID/MotorVehicles", Code::kInvalidJsonFormat, "body: malformed_json", "", 0);
    EXPECT_EQ(one["ResponseStatusObject"]["StatusCode"], 7);
    EXPECT_EQ(one["ResponseStatusObject"]["RequestURL"], "/VIID/MotorVehicles");
    EXPECT_EQ(one["ResponseStatusObject"]["LocalTime"], "19700101080000");
    Json list = ResponseStatusList(Json::array({ResponseStatusInner("/x", Code::kOk, "", "a", 0)}));
    EXPECT_EQ(list["ResponseStatusListObject"]["ResponseStatusObject"][0]["StatusString"], "OK");
    EXPECT_EQ(list["ResponseStatusListObject"]["ResponseStatusObject"][0]["Id"], "a");
}

}  // namespace
}  // namespace jw::checkpoint::viid

// The fast intake path (simdjson, reply as text) against the tree path of viid_codec.hpp: same passes, same
// per-object reasons, same whole-request errors, same reply bytes (ADR 0071).
#include "checkpoint/viid/viid_vehicles.hpp"

#include <gtest/gtest.h>

namespace jw::checkpoint::viid {
namespace {

constexpr int64_t kNow = 1790000000;  // 2026-09-21 22:13:20 China time
constexpr const char* kTollgate = "51990100001210000001";

// What the tree path answers for `body`.
VehicleList Tree(std::string_view body) {
    VehicleList out;
    Envelope env = ParseEnvelope(body, "MotorVehicle", 3);
    out.code = env.code;
    out.reason = env.reason;
    out.list = env.list;
    for (const auto& o : env.objects) out.vehicles.push_back(ParseMotorVehicle(o, kNow));
    return out;
}

void ExpectSame(std::string_view body, bool fast) {
    SCOPED_TRACE(std::string(body));
    const VehicleList a = ParseMotorVehicles(body, kNow, 3);
    const VehicleList b = Tree(body);
    EXPECT_EQ(a.fast, fast);
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.reason, b.reason);
    EXPECT_EQ(a.list, b.list);
    ASSERT_EQ(a.vehicles.size(), b.vehicles.size());
    for (size_t i = 0; i < a.vehicles.size(); ++i) {
        const auto& x = a.vehicles[i];
        const auto& y = b.vehicles[i];
        EXPECT_EQ(x.object_id, y.object_id) << i;
        EXPECT_EQ(x.reason, y.reason) << i;
        ASSERT_EQ(x.vehicle.has_value(), y.vehicle.has_value()) << i;
        if (!x.vehicle) continue;
        EXPECT_EQ(x.vehicle->device_id, y.vehicle->device_id);
        const auto& p = x.vehicle->pass;
        const auto& q = y.vehicle->pass;
        EXPECT_EQ(p.plate, q.plate);
        EXPECT_EQ(p.checkpoint_id, q.checkpoint_id);
        EXPECT_EQ(p.time, q.time);
        EXPECT_EQ(p.plate_color, q.plate_color);
        EXPECT_EQ(p.direction, q.direction);
        EXPECT_EQ(p.lane, q.lane);
        EXPECT_EQ(p.speed, q.speed);
    }
}

std::string List(const std::string& objects) {
    return R"({"MotorVehicleListObject":{"MotorVehicleObject":[)" + objects + "]}}";
}
std::string Object(const std::string& members) {
    return std::string(R"({"PlateNo":"川A12345","TollgateID":")") + kTollgate + R"(","PassTime":"20260921101500")" +
           (members.empty() ? "" : "," + members) + "}";
}

TEST(ViidFastPath, ValidObjectsReadAsTheTreeReadsThem) {
    ExpectSame(List(Object(R"("MotorVehicleID":"v1","Speed":61.6,"Direction":2,"LaneNo":"1","DeviceID":")" +
                           std::string(kTollgate) + R"(")") +
                    "," + Object(R"("PlateColor":"5","speed":"60")")),
               true);
    ExpectSame(R"({"MotorVehicleObject":)" + Object(R"("MotorVehicleID":12345)") + "}", true);
    // Vendor casing, 17-digit time, a normalised plate, fields the codec does not read, escaped keys.
    ExpectSame(List(R"({"plateno":" 川a·12345 ","TollgateId":")" + std::string(kTollgate) +
                    R"(","PASSTIME":"20260921101500999","Storage\u0055RL1":"http://x/1.jpg","Pla\u0074eColor":2})"),
               true);
}

TEST(ViidFastPath, EachProblemNamedAsTheTreeNamesIt) {
    for (const std::string m :
         {R"("PlateNo":"川A1234")", R"("PlateNo":"")", R"("TollgateID":"1234")", R"("TollgateID":null)",
          R"("PassTime":"2026-13-01 00:00:00")", R"("PassTime":"20260922101500")", R"("DeviceID":"abc")",
          R"("Speed":"fast")", R"("Speed":1200)", R"("LaneNo":300)", R"("PlateColor":"blue")", R"("PlateColor":true)",
          R"("LaneNo":1.5)", R"("Speed":-1)", R"("MotorVehicleID":1.5)", R"("MotorVehicleID":[1])",
          R"("TollgateID":51990100001210000)", R"("Speed":18446744073709551615)",
          R"("MotorVehicleID":"一二三四五六七八九十一二三四五六七八九十一二三四")"}) {
        // The member comes after the good one of the same name: the later of two equal names wins in both.
        ExpectSame(List(Object(std::string(m))), true);
    }
    ExpectSame(List(R"(1,"x",[])"), true);  // not objects
    ExpectSame(List("{}"), true);           // an empty one
}

TEST(ViidFastPath, NamesDifferingOnlyInCaseAreChosenAsTheTreeChoosesThem) {
    // The tree keeps members in name order and takes the first that matches: "PlateNo" before "plateno".
    ExpectSame(List(R"({"plateno":"川A1","PlateNo":"川A12345","TollgateID":")" + std::string(kTollgate) +
                    R"(","PassTime":"20260921101500"})"),
               true);
    ExpectSame(List(R"({"PlateNo":"川A12345","plateno":"川A1","TollgateID":")" + std::string(kTollgate) +
                    R"(","PassTime":"20260921101500"})"),
               true);
    ExpectSame(List(R"({"PlateNo":null,"plateno":"川A12345","TollgateID":")" + std::string(kTollgate) +
                    R"(","PassTime":"20260921101500"})"),
               true);
}

TEST(ViidFastPath, UnusualBodiesGoTheTreeWayWithTheSameAnswer) {
    for (const std::string& body :
         {std::string(R"({"MotorVehicleObject":{)"), std::string(""), std::string(R"({"FaceObject":{}})"),
          std::string("[1,2]"), std::string(R"({"MotorVehicleListObject":{"MotorVehicleObject":{}}})"),
          std::string(R"({"MotorVehicleListObject":{"MotorVehicleObject":[]}})"),
          std::string(R"({"MotorVehicleObject":"x"})"), List("{},{},{},{}"),  // more than 3
          List(Object(R"("TollgateID":51990100001210000001)")),               // beyond 64 bits: simdjson refuses
          std::string(R"({"MotorVehicleObject":{},"MotorVehicleObject":)") + Object("") + "}",  // duplicate
          std::string(R"({"MotorVehicleListObject":{"x":1,"MotorVehicleObject":[)") + Object("") + "]}}",
          std::string("{\"MotorVehicleObject\":{\"PlateNo\":\"\xff\"}}")}) {
        ExpectSame(body, false);
    }
}

TEST(ViidFastPath, ReplyTextIsWhatTheTreeDumps) {
    const std::vector<StatusItem> items = {{Code::kOk, "OK", "v1"},
                                           {Code::kInvalidJsonContent, "PlateNo: bad_length", "id \"q\" \\ \n 一"},
                                           {Code::kOther, "", ""}};
    Json tree = Json::array();
    for (const auto& s : items) tree.push_back(ResponseStatusInner("/VIID/MotorVehicles", s.code, s.text, s.id, kNow));
    EXPECT_EQ(ResponseStatusText("/VIID/MotorVehicles", true, items, kNow), ResponseStatusList(tree).dump());
    EXPECT_EQ(ResponseStatusText("/VIID/MotorVehicles", false, {items[1]}, kNow),
              ResponseStatus("/VIID/MotorVehicles", items[1].code, items[1].text, items[1].id, kNow).dump());
}

}  // namespace
}  // namespace jw::checkpoint::viid

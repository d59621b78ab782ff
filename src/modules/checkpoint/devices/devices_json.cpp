#include "checkpoint/devices/devices_json.hpp"

#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

Json Coord(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

// A coordinate: a number, a numeric string, or null/absent (unknown).
double ReadCoord(const Json& body, const char* name, JsonReader& in) {
    if (!body.contains(name) || body[name].is_null()) return NAN;
    const Json& v = body[name];
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) {
        try {
            size_t used = 0;
            const std::string s = v.get<std::string>();
            const double d = std::stod(s, &used);
            if (used == s.size()) return d;
        } catch (...) {
        }
    }
    in.Fail(name, "bad_format");
    return NAN;
}

}  // namespace

Json DeviceJson(const DeviceView& v, bool with_lanes) {
    const Device& d = v.device;
    Json j = {{"id", d.id},
              {"kind", d.kind},
              {"name", d.name},
              {"longitude", Coord(d.longitude)},
              {"latitude", Coord(d.latitude)},
              {"place_code", d.place_code},
              {"place", d.place},
              {"tollgate_id", d.tollgate_id},
              {"category", d.category},
              {"lane_count", d.lane_count},
              {"unit_id", d.unit_id ? Json(*d.unit_id) : Json(nullptr)},
              {"unit_name", v.unit_name},
              {"enabled", d.enabled},
              {"last_seen", d.last_seen ? Json(FormatUtcIso(*d.last_seen)) : Json(nullptr)},
              {"status", v.status}};
    if (with_lanes) {
        j["lanes"] = Json::array();
        for (const auto& l : v.lanes)
            j["lanes"].push_back(
                {{"lane_no", l.lane_no}, {"direction", l.direction}, {"max_speed", l.max_speed}, {"ape_id", l.ape_id}});
    }
    return j;
}

Result<std::pair<Device, std::optional<std::vector<Lane>>>> ReadDeviceBody(const Json& body, const std::string& id) {
    JsonReader in(body, {"id", "kind", "name", "longitude", "latitude", "place_code", "place", "tollgate_id",
                         "category", "lane_count", "unit_id", "enabled", "lanes", "status", "last_seen", "unit_name"});
    Device d;
    // id, kind and name are required, but UpsertDevice says so together with every other rule it checks.
    d.id = id.empty() ? in.Text("id", false, 40).value_or("") : id;
    d.kind = in.Text("kind", false, 20).value_or("");
    d.name = in.Text("name", false, 100).value_or("");
    d.longitude = ReadCoord(body, "longitude", in);
    d.latitude = ReadCoord(body, "latitude", in);
    d.place_code = in.Text("place_code", false, 12).value_or("");
    d.place = in.Text("place", false, 200).value_or("");
    d.tollgate_id = in.Text("tollgate_id", false, 20).value_or("");
    d.category = in.Text("category", false, 2).value_or("");
    d.lane_count = static_cast<int>(in.Int("lane_count", false, 0, 99).value_or(0));
    if (body.contains("unit_id") && !body["unit_id"].is_null()) d.unit_id = in.Int("unit_id", false, 1, INT64_MAX);
    d.enabled = in.Bool("enabled", false).value_or(true);
    std::optional<std::vector<Lane>> lanes;
    if (body.contains("lanes") && !body["lanes"].is_null()) {
        if (!body["lanes"].is_array() || body["lanes"].size() > 99) {
            in.Fail("lanes", "must_be_array");
        } else {
            lanes.emplace();
            for (size_t i = 0; i < body["lanes"].size(); ++i) {
                const Json& lj = body["lanes"][i];
                const std::string at = "lanes[" + std::to_string(i) + "]";
                if (!lj.is_object()) {
                    in.Fail(at, "must_be_object");
                    continue;
                }
                JsonReader li(lj, {"lane_no", "direction", "max_speed", "ape_id"});
                Lane l;
                l.lane_no = static_cast<int>(li.Int("lane_no", true, 1, 99).value_or(0));
                l.direction = li.Text("direction", false, 20).value_or("");
                l.max_speed = static_cast<int>(li.Int("max_speed", false, 0, 300).value_or(0));
                l.ape_id = li.Text("ape_id", false, 20).value_or("");
                const Status lane_status = li.status();
                for (const auto& [k, v] : lane_status.fields()) in.Fail(at + "." + k, v);
                lanes->push_back(std::move(l));
            }
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    return std::make_pair(std::move(d), std::move(lanes));
}

}  // namespace jw::checkpoint

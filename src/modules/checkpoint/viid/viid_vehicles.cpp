#include "checkpoint/viid/viid_vehicles.hpp"

#include <simdjson.h>

#include "analytics/json_text.hpp"
#include "checkpoint/viid/viid_vehicle_fields.hpp"

namespace jw::checkpoint::viid {
namespace {

constexpr std::string_view kSingle = "MotorVehicleObject";
constexpr std::string_view kList = "MotorVehicleListObject";

FieldValue FromElement(simdjson::dom::element e) {
    FieldValue f;
    switch (e.type()) {
        case simdjson::dom::element_type::STRING:
            f.kind = FieldValue::kString;
            f.text = e.get_string().value_unsafe();
            break;
        case simdjson::dom::element_type::INT64:
            f.kind = FieldValue::kInteger;
            f.integer = e.get_int64().value_unsafe();
            f.number = static_cast<double>(f.integer);
            break;
        case simdjson::dom::element_type::UINT64: {
            const uint64_t u = e.get_uint64().value_unsafe();
            f.kind = FieldValue::kInteger;
            f.integer = static_cast<int64_t>(u);
            f.number = static_cast<double>(u);
            break;
        }
        case simdjson::dom::element_type::DOUBLE:
            f.kind = FieldValue::kDouble;
            f.number = e.get_double().value_unsafe();
            break;
        case simdjson::dom::element_type::NULL_VALUE:
            break;
        default:
            f.kind = FieldValue::kOther;
    }
    return f;
}

// The tree path picks, among the members whose name matches case-insensitively, the first in the order of its
// std::map (the smallest name; of equal names the last one sent wins). Same here, in one walk of the members.
VehicleResult ReadObject(simdjson::dom::element e, int64_t now, analytics::PlateFastPath& plates) {
    simdjson::dom::object o;
    if (e.get_object().get(o)) {
        VehicleResult r;
        r.reason = "MotorVehicleObject: not_an_object";
        return r;
    }
    VehicleFields f;
    std::array<std::string_view, kVehicleFieldCount> picked{};
    std::array<bool, kVehicleFieldCount> seen{};
    for (auto member : o) {
        const std::string_view key = member.key;
        for (size_t i = 0; i < kVehicleFieldCount; ++i) {
            if (!EqualsNoCase(key, kVehicleFieldNames[i])) continue;
            if (!seen[i] || key <= picked[i]) {
                seen[i] = true;
                picked[i] = key;
                f[i] = FromElement(member.value);
            }
            break;
        }
    }
    return ReadVehicle(f, now, &plates);
}

VehicleList TreePath(std::string_view body, int64_t now, size_t max_objects) {
    VehicleList out;
    Envelope env = ParseEnvelope(body, "MotorVehicle", max_objects);
    out.code = env.code;
    out.reason = std::move(env.reason);
    out.list = env.list;
    out.vehicles.reserve(env.objects.size());
    for (const auto& o : env.objects) out.vehicles.push_back(ParseMotorVehicle(o, now));
    return out;
}

}  // namespace

VehicleList ParseMotorVehicles(std::string_view body, int64_t now, size_t max_objects) {
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element doc;
    simdjson::dom::object top;
    if (parser.parse(body.data(), body.size(), true).get(doc) || doc.get_object().get(top) || top.size() != 1)
        return TreePath(body, now, max_objects);
    const auto member = *top.begin();
    VehicleList out;
    analytics::PlateFastPath plates;
    if (EqualsNoCase(member.key, kSingle) && member.value.is_object()) {
        out.vehicles.push_back(ReadObject(member.value, now, plates));
    } else if (EqualsNoCase(member.key, kList)) {
        simdjson::dom::object inner;
        simdjson::dom::array items;
        if (member.value.get_object().get(inner) || inner.size() != 1) return TreePath(body, now, max_objects);
        const auto only = *inner.begin();
        if (!EqualsNoCase(only.key, kSingle) || only.value.get_array().get(items))
            return TreePath(body, now, max_objects);
        const size_t n = items.size();
        if (n == 0 || n > max_objects) return TreePath(body, now, max_objects);
        out.list = true;
        out.vehicles.reserve(n);
        for (auto item : items) out.vehicles.push_back(ReadObject(item, now, plates));
    } else {
        return TreePath(body, now, max_objects);
    }
    out.fast = true;
    return out;
}

std::string ResponseStatusText(std::string_view url, bool list, const std::vector<StatusItem>& items, int64_t now) {
    const std::string local_time = FormatViidTime(now);
    analytics::JsonText w(64 + items.size() * (url.size() + 96));
    auto item = [&](const StatusItem& s) {
        w.BeginObject();  // keys in the order of nlohmann's std::map
        w.Key("Id");
        w.String(s.id);
        w.Key("LocalTime");
        w.String(local_time);
        w.Key("RequestURL");
        w.String(url);
        w.Key("StatusCode");
        w.Uint(static_cast<uint64_t>(s.code));
        w.Key("StatusString");
        w.String(!s.text.empty() ? s.text : s.code == Code::kOk ? "OK" : "Error");
        w.EndObject();
    };
    w.BeginObject();
    if (list || items.size() != 1) {
        w.Key("ResponseStatusListObject");
        w.BeginObject();
        w.Key("ResponseStatusObject");
        w.BeginArray();
        for (const auto& s : items) item(s);
        w.EndArray();
        w.EndObject();
    } else {
        w.Key("ResponseStatusObject");
        item(items[0]);
    }
    w.EndObject();
    return std::move(w).Take();
}

}  // namespace jw::checkpoint::viid

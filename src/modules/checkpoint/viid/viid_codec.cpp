#include "checkpoint/viid/viid_codec.hpp"

#include <charconv>
#include <cmath>

#include "checkpoint/viid/viid_vehicle_fields.hpp"
#include "common/china_day.hpp"
#include "common/crypto.hpp"
#include "common/validators.hpp"

namespace jw::checkpoint::viid {
namespace {

bool AllDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char ch : s)
        if (ch < '0' || ch > '9') return false;
    return true;
}

int Num(std::string_view s) {
    int v = 0;
    for (char ch : s) v = v * 10 + (ch - '0');
    return v;
}

// A field's value as both readers hand it over (see viid_vehicle_fields.hpp).
FieldValue FromJson(const Json* v) {
    FieldValue f;
    if (v == nullptr) return f;
    if (v->is_string()) {
        f.kind = FieldValue::kString;
        f.text = v->get_ref<const std::string&>();
    } else if (v->is_number_integer()) {
        f.kind = FieldValue::kInteger;
        f.integer = v->get<int64_t>();
        f.number = v->get<double>();
    } else if (v->is_number_float()) {
        f.kind = FieldValue::kDouble;
        f.number = v->get<double>();
    } else {
        f.kind = FieldValue::kOther;
    }
    return f;
}

std::optional<std::string> TextOf(const FieldValue& v) {
    switch (v.kind) {
        case FieldValue::kString:
            return std::string(v.text);
        case FieldValue::kInteger:
            return std::to_string(v.integer);
        case FieldValue::kDouble:
            if (std::floor(v.number) == v.number && std::fabs(v.number) < 1e15)
                return std::to_string(static_cast<int64_t>(v.number));
            return Json(v.number).dump();
        default:
            return std::nullopt;
    }
}

std::optional<double> NumberOf(const FieldValue& v, bool* bad) {
    switch (v.kind) {
        case FieldValue::kAbsent:
            return std::nullopt;
        case FieldValue::kInteger:
        case FieldValue::kDouble:
            return v.number;
        case FieldValue::kString: {
            if (v.text.empty()) return std::nullopt;
            double d = 0;
            auto [p, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
            if (ec == std::errc() && p == v.text.data() + v.text.size() && std::isfinite(d)) return d;
            break;
        }
        default:
            break;
    }
    *bad = true;
    return std::nullopt;
}

std::optional<double> NumberField(const Json& object, std::string_view name, bool* bad) {
    return NumberOf(FromJson(Field(object, name)), bad);
}

// An optional integer field in [lo, hi]; sets *reason when present but wrong.
template <typename T>
T SmallInt(const FieldValue& v, std::string_view name, int lo, int hi, std::string* reason) {
    bool bad = false;
    auto d = NumberOf(v, &bad);
    if (bad || (d && (*d < lo || *d > hi || std::floor(*d) != *d))) {
        if (reason->empty()) *reason = std::string(name) + ": out_of_range";
        return 0;
    }
    return static_cast<T>(d.value_or(0));
}

// At most `max` bytes of `s`, cut at a character boundary (an echoed ID stays valid UTF-8).
void CutUtf8(std::string& s, size_t max) {
    if (s.size() <= max) return;
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
}

double Coordinate(const Json& object, std::string_view name, double limit, std::string* reason) {
    bool bad = false;
    auto d = NumberField(object, name, &bad);
    if (bad || (d && std::fabs(*d) > limit)) {
        if (reason->empty()) *reason = std::string(name) + ": out_of_range";
        return NAN;
    }
    return d.value_or(NAN);
}

}  // namespace

bool EqualsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

const Json* Field(const Json& object, std::string_view name) {
    if (!object.is_object()) return nullptr;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (EqualsNoCase(it.key(), name)) return it->is_null() ? nullptr : &*it;
    }
    return nullptr;
}

std::optional<std::string> TextField(const Json& object, std::string_view name) {
    return TextOf(FromJson(Field(object, name)));
}

Envelope ParseEnvelope(std::string_view body, std::string_view kind, size_t max_objects) {
    Envelope env;
    Json doc = Json::parse(body, nullptr, false);
    if (doc.is_discarded()) {
        env.code = Code::kInvalidJsonFormat;
        env.reason = "body: malformed_json";
        return env;
    }
    env.code = Code::kInvalidJsonContent;
    const std::string single = std::string(kind) + "Object";
    const std::string list = std::string(kind) + "ListObject";
    if (!doc.is_object() || doc.size() != 1) {
        env.reason = "body: expected " + single + " or " + list;
        return env;
    }
    auto top = doc.begin();
    if (EqualsNoCase(top.key(), single)) {
        if (!top->is_object()) {
            env.reason = single + ": not_an_object";
            return env;
        }
        env.objects.push_back(std::move(*top));
    } else if (EqualsNoCase(top.key(), list)) {
        Json* items = nullptr;
        if (top->is_object())
            for (auto it = top->begin(); it != top->end(); ++it)
                if (EqualsNoCase(it.key(), single)) items = &*it;
        if (items == nullptr || !items->is_array()) {
            env.reason = list + "." + single + ": expected a list";
            return env;
        }
        if (items->empty() || items->size() > max_objects) {
            env.reason = list + "." + single + ": between 1 and " + std::to_string(max_objects) + " objects";
            return env;
        }
        env.list = true;
        env.objects.reserve(items->size());
        for (auto& o : *items) env.objects.push_back(std::move(o));
    } else {
        env.reason = "body: expected " + single + " or " + list;
        return env;
    }
    env.code = Code::kOk;
    return env;
}

std::optional<int64_t> ParseViidTime(std::string_view t) {
    CivilDate d;
    int hh = 0, mm = 0, ss = 0;
    if ((t.size() == 14 || t.size() == 17) && AllDigits(t)) {
        d = {Num(t.substr(0, 4)), Num(t.substr(4, 2)), Num(t.substr(6, 2))};
        hh = Num(t.substr(8, 2));
        mm = Num(t.substr(10, 2));
        ss = Num(t.substr(12, 2));
    } else if (t.size() == 19 || t.size() == 23) {
        auto china = ParseChinaTime(t.substr(0, 19));
        if (!china) return std::nullopt;
        return china;
    } else {
        return std::nullopt;
    }
    if (!IsValidDate(d) || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    return ChinaMidnightOf(d) + hh * 3600 + mm * 60 + ss;
}

std::string FormatViidTime(int64_t unix_seconds) {
    const CivilDate d = ChinaDateOf(unix_seconds);
    const int32_t secs = ChinaSecondOfDay(unix_seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", d.year, d.month, d.day, static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

bool IsViidId(std::string_view id) { return id.size() == 20 && AllDigits(id); }

VehicleResult ReadVehicle(const VehicleFields& f, int64_t now, analytics::PlateFastPath* plates) {
    VehicleResult r;
    r.object_id = TextOf(f[kMotorVehicleId]).value_or("");
    if (r.object_id.size() > 64) {
        CutUtf8(r.object_id, 64);
        r.reason = "MotorVehicleID: too_long";
        return r;
    }
    MotorVehicle v;
    v.object_id = r.object_id;
    const auto plate = TextOf(f[kPlateNo]);
    if (!plate || plate->empty()) {
        r.reason = "PlateNo: required";
        return r;
    }
    if (plates && plates->Canonical(*plate)) {
        v.pass.plate = *plate;
    } else {
        v.pass.plate = NormalisePlate(*plate);
        if (Status s = CheckPlate(v.pass.plate, "PlateNo"); !s.ok()) {
            r.reason = "PlateNo: " + (s.fields().empty() ? std::string("invalid") : s.fields().begin()->second);
            return r;
        }
        if (plates && v.pass.plate == *plate) plates->Learn(v.pass.plate);
    }
    v.pass.checkpoint_id = TextOf(f[kTollgateId]).value_or("");
    if (v.pass.checkpoint_id.empty()) {
        r.reason = "TollgateID: required";
        return r;
    }
    if (!IsViidId(v.pass.checkpoint_id)) {
        r.reason = "TollgateID: bad_format";
        return r;
    }
    v.device_id = TextOf(f[kDeviceId]).value_or("");
    if (!v.device_id.empty() && !IsViidId(v.device_id)) {
        r.reason = "DeviceID: bad_format";
        return r;
    }
    const auto time_text = TextOf(f[kPassTime]);
    if (!time_text || time_text->empty()) {
        r.reason = "PassTime: required";
        return r;
    }
    const auto t = ParseViidTime(*time_text);
    if (!t || *t < 0 || *t >= (int64_t{1} << 32)) {
        r.reason = "PassTime: bad_format";
        return r;
    }
    if (*t > now + 3600) {
        r.reason = "PassTime: in_the_future";
        return r;
    }
    v.pass.time = *t;
    std::string reason;
    v.pass.plate_color = SmallInt<uint8_t>(f[kPlateColor], "PlateColor", 0, 255, &reason);
    v.pass.direction = SmallInt<uint8_t>(f[kDirection], "Direction", 0, 255, &reason);
    v.pass.lane = SmallInt<uint8_t>(f[kLaneNo], "LaneNo", 0, 255, &reason);
    bool bad_speed = false;
    const auto speed = NumberOf(f[kSpeed], &bad_speed);
    if (bad_speed || (speed && (*speed < 0 || *speed > 999))) reason = reason.empty() ? "Speed: out_of_range" : reason;
    if (!reason.empty()) {
        r.reason = reason;
        return r;
    }
    v.pass.speed = static_cast<uint16_t>(std::lround(speed.value_or(0)));
    r.vehicle = std::move(v);
    return r;
}

VehicleResult ParseMotorVehicle(const Json& object, int64_t now) {
    if (!object.is_object()) {
        VehicleResult r;
        r.reason = "MotorVehicleObject: not_an_object";
        return r;
    }
    VehicleFields f;
    for (size_t i = 0; i < kVehicleFieldCount; ++i) f[i] = FromJson(Field(object, kVehicleFieldNames[i]));
    return ReadVehicle(f, now);
}

std::string PassesDigest(const std::vector<analytics::PassRecord>& passes) {
    std::string text;
    text.reserve(passes.size() * 64);
    char num[24];
    auto add = [&](int64_t v, char end) {
        auto [p, ec] = std::to_chars(num, num + sizeof num, v);
        text.append(num, p);
        text += end;
    };
    for (const auto& p : passes) {
        text += p.plate;
        text += ',';
        add(p.plate_color, ',');
        text += p.checkpoint_id;
        text += ',';
        add(p.time, ',');
        add(p.direction, ',');
        add(p.lane, ',');
        add(p.speed, '\n');
    }
    return Sm3Hex(text);
}

namespace {
DeviceResult ParseDevice(const Json& object, const char* kind, std::initializer_list<const char*> id_names) {
    DeviceResult r;
    const std::string envelope = std::string(kind == std::string("ape") ? "APEObject" : "TollgateObject");
    if (!object.is_object()) {
        r.reason = envelope + ": not_an_object";
        return r;
    }
    const char* id_name = *id_names.begin();
    for (const char* n : id_names) {
        if (auto id = TextField(object, n); id && !id->empty()) {
            r.object_id = *id;
            id_name = n;
            break;
        }
    }
    if (r.object_id.empty()) {
        r.reason = std::string(id_name) + ": required";
        return r;
    }
    if (!IsViidId(r.object_id)) {
        r.reason = std::string(id_name) + ": bad_format";
        return r;
    }
    Device d;
    d.id = r.object_id;
    d.kind = kind;
    d.name = TextField(object, "Name").value_or("");
    if (d.name.empty()) {
        r.reason = "Name: required";
        return r;
    }
    std::string reason;
    d.longitude = Coordinate(object, "Longitude", 180, &reason);
    d.latitude = Coordinate(object, "Latitude", 90, &reason);
    d.place_code = TextField(object, "PlaceCode").value_or("");
    d.place = TextField(object, "Place").value_or("");
    if (d.kind == "tollgate") {
        d.category = TextField(object, "TollgateCat").value_or("");
        d.lane_count = SmallInt<int>(FromJson(Field(object, "LaneNum")), "LaneNum", 0, 99, &reason);
    } else {
        d.tollgate_id = TextField(object, "TollgateID").value_or("");
    }
    if (!reason.empty()) {
        r.reason = reason;
        return r;
    }
    r.device = std::move(d);
    return r;
}
}  // namespace

DeviceResult ParseTollgate(const Json& object) { return ParseDevice(object, "tollgate", {"TollgateID"}); }
DeviceResult ParseApe(const Json& object) { return ParseDevice(object, "ape", {"ApeID", "DeviceID"}); }

Json ResponseStatusInner(std::string_view url, Code code, std::string_view text, std::string_view id, int64_t now) {
    return Json{{"RequestURL", url},
                {"StatusCode", static_cast<int>(code)},
                {"StatusString", text.empty() ? std::string(code == Code::kOk ? "OK" : "Error") : std::string(text)},
                {"Id", id},
                {"LocalTime", FormatViidTime(now)}};
}

Json ResponseStatus(std::string_view url, Code code, std::string_view text, std::string_view id, int64_t now) {
    return Json{{"ResponseStatusObject", ResponseStatusInner(url, code, text, id, now)}};
}

Json ResponseStatusList(Json inner_objects) {
    return Json{{"ResponseStatusListObject", Json{{"ResponseStatusObject", std::move(inner_objects)}}}};
}

}  // namespace jw::checkpoint::viid

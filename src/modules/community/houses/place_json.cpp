#include "community/houses/place_json.hpp"

namespace jw::community {

PlaceActor ActorOf(const http::Request& req) { return PlaceActor{req.principal->user_id, req.principal->unit_id}; }

UnitScope ScopeOf(const http::Request& req) {
    if (req.principal->all_units) return std::nullopt;
    return req.principal->unit_scope;
}

bool IsNull(const Json& body, const char* name) { return body.contains(name) && body[name].is_null(); }

std::optional<double> Area(const Json& body, const char* name, double max, JsonReader& in) {
    if (!body.contains(name) || body[name].is_null()) return std::nullopt;
    if (!body[name].is_number()) {
        in.Fail(name, "must_be_number");
        return std::nullopt;
    }
    const double v = body[name].get<double>();
    if (!(v > 0) || v > max) {
        in.Fail(name, "out_of_range");
        return std::nullopt;
    }
    return v;
}

std::optional<int64_t> PersonField(const Json& body, const char* name, JsonReader& in) {
    if (IsNull(body, name)) return std::nullopt;
    return in.Int(name, false, 1, INT64_MAX);
}

}  // namespace jw::community

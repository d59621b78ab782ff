#include "community/houses/place_json.hpp"

#include <map>

#include "community/people/people_service.hpp"

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

std::optional<PersonInput> PersonIdentity(const Json& body, const char* name, JsonReader& in) {
    if (!body.contains(name) || body[name].is_null()) return std::nullopt;
    if (!body[name].is_object()) {
        in.Fail(name, "must_be_object");
        return std::nullopt;
    }
    JsonReader sub(body[name], {"id_kind", "id_number", "nationality", "name"});
    PersonInput p;
    p.id_kind = sub.Text("id_kind", false, 30).value_or("resident_id");
    p.id_number = sub.Text("id_number", true, 40).value_or("");
    p.nationality = sub.Text("nationality", false, 3).value_or("");
    p.name = sub.Text("name", true, 50).value_or("");
    const Status problems = sub.status();  // a copy: fields() of a temporary would dangle
    for (const auto& [field, problem] : problems.fields()) in.Fail(std::string(name) + "." + field, problem);
    return p;
}

Result<int64_t> ResolvePersonField(storage::Connection& tx, const PersonInput& person, const auth::Principal& who,
                                   const std::string& name) {
    auto r = ResolvePerson(tx, person, who);
    if (r.ok()) return r->person_id;
    const Status s = r.status();  // a copy: fields() of a temporary would dangle
    if (s.code() != ErrorCode::kInvalidArgument) return s;
    std::map<std::string, std::string> fields;
    for (const auto& [field, problem] : s.fields()) fields[name + "." + field] = problem;
    return Status(ErrorCode::kInvalidArgument, s.message(), fields);
}

std::optional<int64_t> PersonField(const Json& body, const char* name, JsonReader& in) {
    if (IsNull(body, name)) return std::nullopt;
    return in.Int(name, false, 1, INT64_MAX);
}

}  // namespace jw::community

#include "cases/case_json.hpp"

#include "cases/case_clocks.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"

namespace jw::cases {

namespace {

Status Prefixed(const Status& s, const std::string& prefix) {
    if (s.ok()) return s;
    Status out(s.code(), s.message());
    for (const auto& [k, v] : s.fields()) out.mutable_fields()[prefix + k] = v;
    return out;
}

Json ParseData(const std::string& text) {
    Json j = Json::parse(text, nullptr, false);
    return j.is_object() ? j : Json::object();
}

}  // namespace

Json TimeOrNull(int64_t t) { return t > 0 ? Json(FormatUtcIso(t)) : Json(nullptr); }

Json OfficerRef(const Officers& officers, int64_t id) {
    auto it = officers.find(id);
    if (it == officers.end()) return {{"id", id}, {"name", ""}, {"police_no", ""}};
    return {{"id", id}, {"name", it->second.name}, {"police_no", it->second.police_no}};
}

Json PersonMaskedJson(const Person& p, bool has_query_code) {
    return {{"id", p.id},
            {"role", p.role},
            {"name", MaskName(p.name)},
            {"id_type", p.id_type},
            {"id_number", p.id_number.empty() ? "" : MaskIdNumber(p.id_number)},
            {"phone", p.phone.empty() ? "" : MaskPhone(p.phone)},
            {"address", ""},
            {"has_query_code", has_query_code},
            {"index_person_id", p.index_person_id ? Json(*p.index_person_id) : Json(nullptr)}};
}

Json PersonFullJson(const Person& p) {
    return {{"id", p.id},
            {"role", p.role},
            {"name", p.name},
            {"id_type", p.id_type},
            {"id_number", p.id_number},
            {"phone", p.phone},
            {"address", p.address},
            {"index_person_id", p.index_person_id ? Json(*p.index_person_id) : Json(nullptr)}};
}

Json EventJson(const CaseEvent& e, const Officers& officers) {
    Json attachments = Json::array();
    for (const auto& a : e.attachments) attachments.push_back({{"name", a.name}, {"ref", a.ref}});
    return {{"id", e.id},
            {"seq", e.seq},
            {"kind", e.kind},
            {"action", e.action},
            {"from_state", e.from_state},
            {"to_state", e.to_state},
            {"at", FormatUtcIso(e.at)},
            {"recorded_at", FormatUtcIso(e.recorded_at)},
            {"actor", OfficerRef(officers, e.actor_id)},
            {"person_id", e.person_id ? Json(*e.person_id) : Json(nullptr)},
            {"reason", e.reason},
            {"attachments", attachments},
            {"data", ParseData(e.data_json)}};
}

Json SummaryJson(const Case& k, const deadlines::Clock* next_deadline) {
    return {{"id", k.id},
            {"case_no", k.case_no},
            {"case_type", k.case_type},
            {"law", k.law},
            {"cause", k.cause},
            {"source", k.source},
            {"state", k.state},
            {"outcome", k.outcome},
            {"unit_id", k.unit_id},
            {"unit_name", k.unit_name},
            {"lead_officer",
             {{"id", k.lead_officer_id}, {"name", k.lead_officer_name}, {"police_no", k.lead_officer_police_no}}},
            {"occurred_at", FormatUtcIso(k.occurred_at)},
            {"accepted_at", FormatUtcIso(k.accepted_at)},
            {"last_event_at", FormatUtcIso(k.last_event_at)},
            {"version", k.version},
            {"next_deadline", next_deadline ? ClockJson(*next_deadline) : Json(nullptr)}};
}

Json TransitionJson(const Transition& t) {
    return {{"case_type", t.case_type}, {"from_state", t.from_state}, {"action", t.action}, {"to_state", t.to_state},
            {"roles", t.roles},         {"scope", t.scope},           {"requires", t.needs}};
}

Json CaseJson(const CaseView& v) {
    const Case& k = v.kase;
    Json out = SummaryJson(k, NextDeadline(v.clocks));
    out["cause_code"] = k.cause_code;
    out["place"] = {{"address", k.place_address},
                    {"lon", k.place_lon ? Json(*k.place_lon) : Json(nullptr)},
                    {"lat", k.place_lat ? Json(*k.place_lat) : Json(nullptr)}};
    out["facts"] = k.facts;
    Json assistants = Json::array();
    for (int64_t id : k.assistant_ids) assistants.push_back(OfficerRef(v.officers, id));
    out["assistants"] = assistants;
    out["penalty"] = k.penalty_json.empty() ? Json(nullptr)
                                            : Json{{"source", k.penalty_source}, {"data", ParseData(k.penalty_json)}};
    out["filed_at"] = TimeOrNull(k.filed_at);
    out["closed_at"] = TimeOrNull(k.closed_at);
    out["created_at"] = FormatUtcIso(k.created_at);
    out["updated_at"] = FormatUtcIso(k.updated_at);
    Json people = Json::array();
    for (const auto& p : k.people) {
        bool live = false;
        for (const auto& q : v.codes) live = live || (q.person_id == p.id && q.revoked_at == 0);
        people.push_back(PersonMaskedJson(p, live));
    }
    out["people"] = people;
    Json events = Json::array();
    for (const auto& e : v.events) events.push_back(EventJson(e, v.officers));
    out["events"] = events;
    Json clocks = Json::array();
    for (const auto& c : v.clocks) clocks.push_back(ClockJson(c));
    out["clocks"] = clocks;
    out["clocks_error"] = v.clocks_error ? Json(*v.clocks_error) : Json(nullptr);
    Json actions = Json::array();
    for (const auto* t : v.actions)
        actions.push_back({{"action", t->action}, {"to_state", t->to_state}, {"requires", t->needs}});
    out["allowed_actions"] = actions;
    Json codes = Json::array();
    for (const auto& q : v.codes)
        codes.push_back({{"id", q.id},
                         {"person_id", q.person_id},
                         {"created_at", FormatUtcIso(q.created_at)},
                         {"revoked_at", TimeOrNull(q.revoked_at)}});
    out["query_codes"] = codes;
    return out;
}

Result<int64_t> ParseInstant(const Json& value, const std::string& field) {
    if (!value.is_string()) return Status::Invalid(field, "must_be_string");
    const std::string s = value.get<std::string>();
    if (s.size() < 20) return Status::Invalid(field, "bad_time");
    auto base = ParseUtcIso(s.substr(0, 19) + "Z");
    if (!base) return Status::Invalid(field, "bad_time");
    const std::string zone = s.substr(19);
    if (zone == "Z") return *base;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
        return Status::Invalid(field, "bad_time");
    const int hh = std::atoi(zone.substr(1, 2).c_str()), mm = std::atoi(zone.substr(4, 2).c_str());
    const int64_t offset = (hh * 3600 + mm * 60) * (zone[0] == '+' ? 1 : -1);
    return *base - offset;
}

Result<Person> ParsePerson(const Json& body, const std::string& prefix, bool partial, const Person& base) {
    if (!body.is_object())
        return Status::Invalid(prefix.empty() ? "person" : prefix.substr(0, prefix.size() - 1), "must_be_object");
    JsonReader in(body, {"role", "name", "id_type", "id_number", "phone", "address", "expected_version"});
    Person p = base;
    if (auto v = in.Text("role", !partial, 20)) p.role = *v;
    if (auto v = in.Text("name", !partial, 50)) p.name = *v;
    if (auto v = in.Text("id_type", !partial, 20)) p.id_type = *v;
    if (in.Has("id_number")) p.id_number = in.Text("id_number", false, 30).value_or("");
    if (in.Has("phone")) p.phone = in.Text("phone", false, 20).value_or("");
    if (in.Has("address")) p.address = in.Text("address", false, 200).value_or("");
    JW_RETURN_IF_ERROR(Prefixed(in.status(), prefix));
    if (p.id_type == "resident_id" && !p.id_number.empty() && p.id_number.back() == 'x') p.id_number.back() = 'X';
    return p;
}

Result<NewCase> ParseNewCase(const Json& body) {
    JsonReader in(body, {"case_type", "law", "cause", "cause_code", "source", "occurred_at", "accepted_at", "place",
                         "facts", "unit_id", "lead_officer_id", "assistant_ids", "people", "idempotency_key"});
    NewCase out;
    Case& k = out.fields;
    k.case_type = in.Text("case_type", true, 20).value_or("");
    k.law = in.Text("law", false, 4).value_or("");
    k.cause = in.Text("cause", true, 100).value_or("");
    k.cause_code = in.Text("cause_code", false, 40).value_or("");
    k.source = in.Text("source", true, 20).value_or("");
    k.facts = in.Text("facts", true, 4000).value_or("");
    k.unit_id = in.Int("unit_id", false, 1, INT64_MAX).value_or(0);
    k.lead_officer_id = in.Int("lead_officer_id", false, 1, INT64_MAX).value_or(0);
    out.idempotency_key = in.Text("idempotency_key", false, 64);
    if (!k.case_type.empty() && !IsCaseType(k.case_type)) in.Fail("case_type", "bad_value");
    if (!k.source.empty() && !IsCaseSource(k.source)) in.Fail("source", "bad_value");
    if (!k.law.empty() && k.law != "2012" && k.law != "2025") in.Fail("law", "bad_value");
    if (!body.contains("occurred_at")) {
        in.Fail("occurred_at", "required");
    } else {
        auto t = ParseInstant(body["occurred_at"], "occurred_at");
        if (t.ok())
            k.occurred_at = *t;
        else
            in.Merge(t.status());
    }
    if (body.contains("accepted_at")) {
        auto t = ParseInstant(body["accepted_at"], "accepted_at");
        if (t.ok())
            k.accepted_at = *t;
        else
            in.Merge(t.status());
    }
    if (!body.contains("place") || !body["place"].is_object()) {
        in.Fail("place", body.contains("place") ? "must_be_object" : "required");
    } else {
        const Json& place = body["place"];
        JsonReader pr(place, {"address", "lon", "lat"});
        k.place_address = pr.Text("address", true, 200).value_or("");
        const bool has_lon = place.contains("lon") && !place["lon"].is_null();
        const bool has_lat = place.contains("lat") && !place["lat"].is_null();
        if (has_lon != has_lat) pr.Fail(has_lon ? "lat" : "lon", "required");
        if (has_lon && has_lat) {
            if (!place["lon"].is_number() || place["lon"].get<double>() < 73 || place["lon"].get<double>() > 136)
                pr.Fail("lon", "out_of_range");
            else
                k.place_lon = place["lon"].get<double>();
            if (!place["lat"].is_number() || place["lat"].get<double>() < 3 || place["lat"].get<double>() > 54)
                pr.Fail("lat", "out_of_range");
            else
                k.place_lat = place["lat"].get<double>();
        }
        in.Merge(Prefixed(pr.status(), "place."));
    }
    if (body.contains("assistant_ids")) {
        const Json& a = body["assistant_ids"];
        if (!a.is_array() || a.size() > 10)
            in.Fail("assistant_ids", "must_be_array");
        else
            for (const auto& id : a) {
                if (id.is_number_integer() && id.get<int64_t>() > 0)
                    k.assistant_ids.push_back(id.get<int64_t>());
                else
                    in.Fail("assistant_ids", "must_be_integer");
            }
    }
    if (body.contains("people")) {
        const Json& people = body["people"];
        if (!people.is_array() || people.size() > 50) {
            in.Fail("people", "must_be_array");
        } else {
            for (size_t i = 0; i < people.size(); ++i) {
                const std::string prefix = "people[" + std::to_string(i) + "].";
                auto p = ParsePerson(people[i], prefix, false, Person{});
                if (!p.ok()) {
                    in.Merge(p.status());
                    continue;
                }
                in.Merge(ValidatePerson(*p, prefix));
                k.people.push_back(*p);
            }
        }
    }
    JW_RETURN_IF_ERROR(in.status());
    return out;
}

Result<ActionInput> ParseActionInput(const Json& body) {
    JsonReader in(body, {"action", "expected_version", "idempotency_key", "at", "reason", "person_id", "days",
                         "attachments", "data"});
    ActionInput out;
    out.action = in.Text("action", true, 40).value_or("");
    out.expected_version = in.Int("expected_version", true, 1, INT64_MAX).value_or(0);
    out.idempotency_key = in.Text("idempotency_key", false, 64);
    out.reason = in.Text("reason", false, 1000).value_or("");
    out.person_id = in.Int("person_id", false, 1, INT64_MAX);
    if (auto d = in.Int("days", false, 1, 30)) out.days = static_cast<int>(*d);
    if (body.contains("at") && !body["at"].is_null()) {
        auto t = ParseInstant(body["at"], "at");
        if (t.ok())
            out.at = *t;
        else
            in.Merge(t.status());
    }
    if (body.contains("attachments")) {
        const Json& a = body["attachments"];
        if (!a.is_array() || a.size() > 50) {
            in.Fail("attachments", "must_be_array");
        } else {
            for (size_t i = 0; i < a.size(); ++i) {
                const std::string prefix = "attachments[" + std::to_string(i) + "].";
                if (!a[i].is_object()) {
                    in.Fail(prefix + "name", "required");
                    continue;
                }
                JsonReader ar(a[i], {"name", "ref"});
                Attachment att{ar.Text("name", true, 100).value_or(""), ar.Text("ref", false, 200).value_or("")};
                in.Merge(Prefixed(ar.status(), prefix));
                out.attachments.push_back(att);
            }
        }
    }
    if (body.contains("data")) {
        if (!body["data"].is_object() || body["data"].dump().size() > 4000)
            in.Fail("data", "must_be_object");
        else
            out.data = body["data"];
    }
    JW_RETURN_IF_ERROR(in.status());
    return out;
}

Result<CaseEdit> ParseCaseEdit(const Json& body) {
    JsonReader in(body, {"expected_version", "cause", "cause_code", "source", "occurred_at", "place", "facts",
                         "lead_officer_id", "assistant_ids"});
    CaseEdit e;
    e.expected_version = in.Int("expected_version", true, 1, INT64_MAX).value_or(0);
    e.cause = in.Text("cause", false, 100);
    e.cause_code = in.Text("cause_code", false, 40);
    e.source = in.Text("source", false, 20);
    if (e.source && !IsCaseSource(*e.source)) in.Fail("source", "bad_value");
    e.facts = in.Text("facts", false, 4000);
    e.lead_officer_id = in.Int("lead_officer_id", false, 1, INT64_MAX);
    if (body.contains("occurred_at")) {
        auto t = ParseInstant(body["occurred_at"], "occurred_at");
        if (t.ok())
            e.occurred_at = *t;
        else
            in.Merge(t.status());
    }
    if (body.contains("place")) {
        // The same rules as for a new case: reuse its parser on a minimal body.
        Json probe = {
            {"case_type", "administrative"},         {"cause", "x"},          {"source", "walk_in"}, {"facts", "x"},
            {"occurred_at", "2026-01-01T00:00:00Z"}, {"place", body["place"]}};
        auto parsed = ParseNewCase(probe);
        if (!parsed.ok()) {
            in.Merge(parsed.status());
        } else {
            e.place_address = parsed->fields.place_address;
            e.set_place_coords = true;
            e.place_lon = parsed->fields.place_lon;
            e.place_lat = parsed->fields.place_lat;
        }
    }
    if (body.contains("assistant_ids")) {
        const Json& a = body["assistant_ids"];
        std::vector<int64_t> ids;
        if (!a.is_array() || a.size() > 10)
            in.Fail("assistant_ids", "must_be_array");
        else
            for (const auto& id : a) {
                if (id.is_number_integer() && id.get<int64_t>() > 0)
                    ids.push_back(id.get<int64_t>());
                else
                    in.Fail("assistant_ids", "must_be_integer");
            }
        e.assistant_ids = ids;
    }
    JW_RETURN_IF_ERROR(in.status());
    return e;
}

}  // namespace jw::cases

#include "community/work/work_json.hpp"

#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "http/params.hpp"

namespace jw::community {
namespace {

Json OptId(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json OptTime(const std::optional<int64_t>& v) { return v ? Json(FormatUtcIso(*v)) : Json(nullptr); }

Json PeopleJson(const std::vector<int64_t>& ids, const PeopleNameMap& names) {
    Json out = Json::array();
    for (int64_t id : ids) {
        auto it = names.find(id);
        out.push_back({{"person_id", id}, {"name", it == names.end() ? "" : MaskName(it->second)}});
    }
    return out;
}

}  // namespace

Json VisitJson(const Visit& v, const PeopleNameMap& names) {
    return {{"id", v.id},
            {"officer_id", v.officer_id},
            {"officer_name", v.officer_name},
            {"unit_id", v.unit_id},
            {"grid_id", v.grid_id},
            {"people", PeopleJson(v.person_ids, names)},
            {"address_id", v.address_code},
            {"address_name", v.address_name},
            {"house_id", OptId(v.house_id)},
            {"org_id", OptId(v.org_id)},
            {"visited_at", FormatUtcIso(v.visited_at)},
            {"place", v.place},
            {"kind", v.kind},
            {"findings", v.findings},
            {"follow_up", v.follow_up},
            {"follow_up_note", v.follow_up_note},
            {"created_at", FormatUtcIso(v.created_at)}};
}

Json PatrolJson(const Patrol& p) {
    return {{"id", p.id},
            {"officer_id", p.officer_id},
            {"officer_name", p.officer_name},
            {"unit_id", p.unit_id},
            {"grid_id", p.grid_id},
            {"started_at", FormatUtcIso(p.started_at)},
            {"ended_at", FormatUtcIso(p.ended_at)},
            {"minutes", (p.ended_at - p.started_at) / 60},
            {"route", p.route},
            {"notes", p.notes},
            {"findings", p.findings},
            {"created_at", FormatUtcIso(p.created_at)}};
}

Json MediationJson(const Mediation& m, const PeopleNameMap& names, bool detail) {
    Json parties = Json::array();
    for (const auto& p : m.parties) {
        std::string name = p.name;
        if (p.person_id)
            if (auto it = names.find(*p.person_id); it != names.end()) name = it->second;
        parties.push_back({{"person_id", OptId(p.person_id)}, {"name", MaskName(name)}});
    }
    Json j = {{"id", m.id},
              {"created_by", m.created_by},
              {"created_by_name", m.created_by_name},
              {"unit_id", m.unit_id},
              {"grid_id", m.grid_id},
              {"address_id", m.address_code},
              {"address_name", m.address_name},
              {"dispute_type", m.dispute_type},
              {"parties", parties},
              {"occurred_at", FormatUtcIso(m.occurred_at)},
              {"status", m.status},
              {"outcome", m.outcome},
              {"transferred_to", m.transferred_to},
              {"repeat", m.repeat_count > 0},
              {"repeat_count", m.repeat_count},
              {"repeat_of", OptId(m.repeat_of)},
              {"closed_at", OptTime(m.closed_at)},
              {"created_at", FormatUtcIso(m.created_at)},
              {"updated_at", FormatUtcIso(m.updated_at)},
              {"version", m.version}};
    if (detail) {
        j["summary"] = m.summary;
        j["agreement"] = m.agreement;
    }
    return j;
}

Json TaskJson(const Task& t, int64_t now) {
    Json media = Json::array();
    for (const auto& m : t.report_media_ids) media.push_back(m);
    Json j = {{"id", t.id},
              {"title", t.title},
              {"description", t.description},
              {"assigned_by", t.assigned_by},
              {"assigned_by_name", t.assigned_by_name},
              {"unit_id", t.unit_id},
              {"assignee_id", OptId(t.assignee_id)},
              {"assignee_name", t.assignee_name},
              {"grid_id", t.grid_id},
              {"address_id", t.address_code},
              {"due_at", FormatUtcIso(t.due_at)},
              {"limit_working_days", t.limit_working_days ? Json(*t.limit_working_days) : Json(nullptr)},
              {"status", t.status},
              {"overdue", t.status == "open" && t.due_at < now},
              {"report", t.report},
              {"report_media_ids", media},
              {"report_longitude", t.report_longitude ? Json(*t.report_longitude) : Json(nullptr)},
              {"report_latitude", t.report_latitude ? Json(*t.report_latitude) : Json(nullptr)},
              {"completed_by", OptId(t.completed_by)},
              {"completed_at", OptTime(t.completed_at)},
              {"created_at", FormatUtcIso(t.created_at)}};
    return j;
}

std::optional<double> ReadCoordinate(const Json& body, JsonReader& in, const char* name, double min, double max) {
    if (!body.contains(name) || body[name].is_null()) return std::nullopt;
    if (!body[name].is_number()) {
        in.Fail(name, "invalid_number");
        return std::nullopt;
    }
    const double v = body[name].get<double>();
    if (v < min || v > max) {
        in.Fail(name, "out_of_range");
        return std::nullopt;
    }
    return v;
}

std::optional<int64_t> ReadInstant(JsonReader& in, const char* name, bool required) {
    auto text = in.Text(name, required, 40);
    if (!text) return std::nullopt;
    auto t = http::ParseInstant(name, *text);
    if (!t.ok()) {
        in.Merge(t.status());
        return std::nullopt;
    }
    return *t;
}

std::vector<int64_t> ReadIds(const Json& body, JsonReader& in, const char* name, size_t max_items) {
    std::vector<int64_t> out;
    if (!body.contains(name) || body[name].is_null()) return out;
    const Json& list = body[name];
    if (!list.is_array()) {
        in.Fail(name, "invalid_id_list");
        return out;
    }
    if (list.size() > max_items) {
        in.Fail(name, "too_many");
        return out;
    }
    for (const auto& j : list) {
        int64_t id = 0;
        if (j.is_number_integer()) {
            id = j.get<int64_t>();
        } else if (j.is_string()) {
            auto parsed = http::ParseInteger(name, j.get<std::string>(), 1, INT64_MAX);
            if (parsed.ok()) id = *parsed;
        }
        if (id < 1) {
            in.Fail(name, "invalid_id_list");
            return {};
        }
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    return out;
}

}  // namespace jw::community

// JSON of watch orders (watch_json.hpp).
#include "checkpoint/watch/watch_json.hpp"

#include "common/civil_time.hpp"
#include "http/params.hpp"
#include "watchlist/form_fields.hpp"

namespace jw::checkpoint {
namespace {

Json OptTime(const std::optional<int64_t>& v) { return v ? Json(FormatUtcIso(*v)) : Json(nullptr); }

Json Problems(const std::vector<ImportProblem>& ps) {
    Json out = Json::array();
    for (const auto& p : ps)
        out.push_back({{"line", p.line}, {"plate", p.plate}, {"field", p.field}, {"problem", p.problem}});
    return out;
}

}  // namespace

Json OrderJson(const WatchOrder& o) {
    Json units = Json::array();
    for (size_t i = 0; i < o.notify_units.size(); ++i)
        units.push_back({{"id", o.notify_units[i]},
                         {"name", i < o.notify_unit_names.size() ? o.notify_unit_names[i] : std::string()}});
    return {{"id", o.id},
            {"target_kind", o.target_kind},
            {"target", o.target},
            {"plate_color", o.plate_color},
            {"reason", o.reason},
            {"case_no", o.case_no},
            {"applicant_id", o.applicant_id},
            {"applicant_name", o.applicant_name},
            {"unit_id", o.unit_id},
            {"unit_name", o.unit_name},
            {"approver_id", o.approver_id ? Json(*o.approver_id) : Json(nullptr)},
            {"approver_name", o.approver_name},
            {"approved_at", OptTime(o.approved_at)},
            {"valid_from", FormatUtcIso(o.valid_from)},
            {"valid_to", FormatUtcIso(o.valid_to)},
            {"priority", o.priority},
            {"colour", o.colour},
            {"status", o.status},
            {"version", o.version},
            {"created_at", FormatUtcIso(o.created_at)},
            {"updated_at", FormatUtcIso(o.updated_at)},
            {"units", units}};
}

Json EventJson(const WatchEvent& e) {
    return {{"id", e.id},
            {"at", FormatUtcIso(e.at)},
            {"user_id", e.user_id ? Json(*e.user_id) : Json(nullptr)},
            {"user_name", e.user_name},
            {"action", e.action},
            {"reason", e.reason},
            {"detail", e.detail}};
}

Json HitJson(const WatchHitRow& h) {
    return {{"id", h.id},
            {"order_id", h.order_id},
            {"plate", h.plate},
            {"plate_color", h.plate_color},
            {"checkpoint_id", h.checkpoint_id},
            {"checkpoint_name", h.checkpoint_name},
            {"pass_time", FormatUtcIso(h.pass_time)},
            {"direction", h.direction},
            {"lane", h.lane},
            {"speed", h.speed},
            {"alert_id", h.alert_id ? Json(*h.alert_id) : Json(nullptr)},
            {"recorded_at", FormatUtcIso(h.recorded_at)},
            {"case_no", h.case_no},
            {"colour", h.colour}};
}

Json ImportReportJson(const ImportReport& r) {
    Json created = Json::array();
    for (size_t i = 0; i < r.created.size(); ++i)
        created.push_back({{"id", r.created[i]}, {"plate", r.created_plates[i]}});
    return {{"rows", r.rows},
            {"created", created},
            {"invalid", Problems(r.invalid)},
            {"duplicates", Problems(r.duplicates)}};
}

using watchlist::TimeField;
using watchlist::UnitIdsField;

Result<OrderInput> ParseOrderInput(const Json& body, bool allow_missing_target) {
    JsonReader in(body, {"target", "target_kind", "plate_color", "reason", "case_no", "valid_from", "valid_to",
                         "priority", "colour", "unit_ids", "text"});
    if (!allow_missing_target && body.contains("text")) in.Fail("text", "unknown_field");
    OrderInput o;
    o.target = in.Text("target", !allow_missing_target, 40).value_or("");
    o.target_kind = in.Text("target_kind", false, 20).value_or("plate");
    o.plate_color = static_cast<int>(in.Int("plate_color", false, 0, 255).value_or(0));
    o.reason = in.Text("reason", true, 200).value_or("");
    o.case_no = in.Text("case_no", true, 40).value_or("");
    o.valid_from = TimeField(in, "valid_from", true).value_or(0);
    o.valid_to = TimeField(in, "valid_to", true).value_or(0);
    o.priority = static_cast<int>(in.Int("priority", true, 1, 4).value_or(0));
    o.colour = in.Text("colour", false, 10).value_or("");
    o.unit_ids = UnitIdsField(in, body, true).value_or(std::vector<int64_t>{});
    JW_RETURN_IF_ERROR(in.status());
    return o;
}

Result<ChangeInput> ParseChangeInput(const Json& body, std::optional<int64_t>* version) {
    JsonReader in(body,
                  {"reason", "valid_from", "valid_to", "priority", "colour", "reason_text", "unit_ids", "version"});
    ChangeInput ch;
    ch.reason = in.Text("reason", true, 200).value_or("");
    ch.valid_from = TimeField(in, "valid_from", false);
    ch.valid_to = TimeField(in, "valid_to", false);
    if (auto p = in.Int("priority", false, 1, 4)) ch.priority = static_cast<int>(*p);
    ch.colour = in.Text("colour", false, 10);
    ch.reason_text = in.Text("reason_text", false, 200);
    ch.unit_ids = UnitIdsField(in, body, false);
    *version = in.Int("version", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    return ch;
}

}  // namespace jw::checkpoint

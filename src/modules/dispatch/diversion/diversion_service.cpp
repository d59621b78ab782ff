// Diversion to departments and 12345 (diversion_service.hpp).
#include "dispatch/diversion/diversion_service.hpp"

#include "auth/auth_repository.hpp"
#include "auth/external.hpp"
#include "common/validators.hpp"
#include "dispatch/callbacks/callback_service.hpp"
#include "dispatch/calls/call_lifecycle.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "notify/outbox.hpp"

namespace jw::dispatch {
namespace {

Status StateConflict() {
    return Status(ErrorCode::kConflict, "not allowed in this state", {{"state", "not_allowed_in_state"}});
}

// What the 12345 platform is told about an order: no caller data beyond the masked number (the platform calls
// back through its own record of the call when it has one).
std::string OrderMessage(const WorkOrder& w, const Call& k, const std::string& event, int64_t now) {
    return Json{{"event", event},
                {"order_no", w.order_no},
                {"call_no", k.call_no},
                {"category", k.category},
                {"summary", k.summary},
                {"place_text", k.place_text},
                {"caller_phone_masked", MaskPhone(k.caller_phone)},
                {"due_at", w.due_at},
                {"note", w.note},
                {"sent_at", now}}
        .dump();
}

Status DoAccept(storage::Connection& c, const WorkOrder& w, std::optional<int64_t> user,
                std::optional<int64_t> expected_version, int64_t now) {
    if (w.state != "sent") return StateConflict();
    repo::WorkOrderChange ch;
    ch.state = "accepted";
    ch.set_accepted = true;
    ch.accepted_by = user;
    JW_RETURN_IF_ERROR(repo::UpdateWorkOrder(c, w.id, ch, now, expected_version));
    return RecordEvent(c, w.call_id, user, "order_accepted", "diverted", "diverted", w.order_no, now);
}

Status DoReport(storage::Connection& c, const WorkOrder& w, std::optional<int64_t> user, const std::string& report,
                std::optional<int64_t> expected_version, int64_t now) {
    if (report.empty()) return Status::Invalid("report", "required");
    if (Utf8Length(report).value_or(10000) > 1000) return Status::Invalid("report", "too_long");
    if (w.state != "accepted") return StateConflict();
    repo::WorkOrderChange ch;
    ch.state = "reported";
    ch.set_reported = true;
    ch.reported_by = user;
    ch.report = report;
    JW_RETURN_IF_ERROR(repo::UpdateWorkOrder(c, w.id, ch, now, expected_version));
    JW_RETURN_IF_ERROR(RecordEvent(c, w.call_id, user, "order_reported", "diverted", "diverted", report, now));
    return OpenCallback(c, w.call_id, w.id, now).status();
}

// A string field of the platform's message; "" when missing or not a string (never throws on a wrong type).
std::string Field(const Json& m, const char* key) {
    auto it = m.find(key);
    return it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<int64_t> RootUnit(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnits(c));
    for (const auto& u : units)
        if (!u.parent_id && !u.dissolved_at) return u.id;
    return Status::NotFound("unit");
}

}  // namespace

Status SyncDepartments(storage::Connection& c) {
    for (Department d : Departments()) {
        JW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT id FROM organisations WHERE code = ?", {storage::V(d.org_code)}));
        if (!rows.empty()) d.org_id = rows.front().Int(0);
        JW_RETURN_IF_ERROR(repo::UpsertDepartment(c, d));
    }
    return Status::Ok();
}

Result<int64_t> DivertCall(storage::Connection& c, const auth::Principal& actor, int64_t call_id,
                           const std::string& department_code, const std::string& note,
                           const std::optional<std::string>& category, std::optional<int64_t> expected_version,
                           int64_t now) {
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(c, actor, call_id));
    JW_ASSIGN_OR_RETURN(const Transition* t, CheckTransition("divert", k.state, actor));
    const std::string cat_code = category.value_or(k.category);
    const Category* cat = FindCategory(cat_code);
    if (!cat) return Status::Invalid("category", "invalid_enum");
    if (cat->police) return Status::Invalid("category", "police_matter");
    if (Utf8Length(note).value_or(10000) > 500) return Status::Invalid("note", "too_long");
    JW_ASSIGN_OR_RETURN(auto dept, repo::GetDepartment(c, department_code));
    if (!dept) return Status::Invalid("department_code", "not_found");

    repo::CallChange ch;
    ch.state = t->to;
    ch.outcome = "diverted";
    ch.category = cat->code;
    ch.police = false;
    ch.clear_patrol = k.patrol_id.has_value();
    ch.time_column = "finished_at";
    JW_RETURN_IF_ERROR(repo::UpdateCall(c, k.id, ch, now, expected_version));
    if (k.patrol_id) JW_RETURN_IF_ERROR(repo::UpdatePatrol(c, *k.patrol_id, "available", std::nullopt, now));

    WorkOrder w;
    w.order_no = "GD" + k.call_no.substr(2);
    w.call_id = k.id;
    w.department_code = dept->code;
    w.org_id = dept->org_id;
    w.state = "sent";
    w.due_at = now + int64_t(dept->limit_hours) * 3600;
    w.note = note;
    w.created_at = w.updated_at = now;
    JW_ASSIGN_OR_RETURN(w.id, repo::InsertWorkOrder(c, w));
    JW_RETURN_IF_ERROR(
        RecordEvent(c, k.id, actor.user_id, "divert", k.state, t->to, dept->name + " " + w.order_no, now));
    if (dept->channel == "webhook")
        JW_RETURN_IF_ERROR(
            repo::EnqueueWebhook(c, w.id, "order.created", OrderMessage(w, k, "order.created", now), now));
    // The caller is told where the call went (a mobile number only: a landline cannot take an SMS).
    if (CheckMobile(k.caller_phone).ok())
        JW_RETURN_IF_ERROR(
            notify::Outbox::EnqueueSms(
                c, k.caller_phone, "dispatch_diverted", "dispatch.diverted",
                {{"department", dept->name}, {"order_no", w.order_no}, {"contact_phone", dept->contact_phone}})
                .status());
    return w.id;
}

Result<WorkOrder> WorkOrderInScope(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    if (auth::IsExternal(actor)) return repo::GetWorkOrder(c, id, auth::OrgFilter(actor));
    if (!actor.Can("dispatch.read")) return Status::NotFound("work_order");
    JW_ASSIGN_OR_RETURN(WorkOrder w, repo::GetWorkOrder(c, id));
    JW_RETURN_IF_ERROR(CallInScope(c, actor, w.call_id).status());  // NotFound "call" outside the caller's units
    return w;
}

Status AcceptWorkOrder(storage::Connection& c, const auth::Principal& actor, int64_t id,
                       std::optional<int64_t> expected_version, int64_t now) {
    if (!actor.Can("dispatch.workorder") || !auth::IsExternal(actor)) return Status::Denied("dispatch.workorder");
    JW_ASSIGN_OR_RETURN(WorkOrder w, repo::GetWorkOrder(c, id, auth::OrgFilter(actor)));
    return DoAccept(c, w, actor.user_id, expected_version, now);
}

Status ReportWorkOrder(storage::Connection& c, const auth::Principal& actor, int64_t id, const std::string& report,
                       std::optional<int64_t> expected_version, int64_t now) {
    if (!actor.Can("dispatch.workorder") || !auth::IsExternal(actor)) return Status::Denied("dispatch.workorder");
    JW_ASSIGN_OR_RETURN(WorkOrder w, repo::GetWorkOrder(c, id, auth::OrgFilter(actor)));
    return DoReport(c, w, actor.user_id, report, expected_version, now);
}

Result<Json> ApplyInbound(storage::Connection& c, const Json& message, int64_t now) {
    if (!message.is_object()) return Status::Invalid("body", "must_be_object");
    const std::string event = Field(message, "event");
    if (event == "order.accepted" || event == "order.reported") {
        const std::string order_no = Field(message, "order_no");
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT w.id FROM dispatch_work_orders w JOIN dispatch_departments d "
                                               "ON d.code = w.department_code WHERE w.order_no = ? AND "
                                               "d.channel = 'webhook'",
                                               {storage::V(order_no)}));
        if (rows.empty()) return Status::Invalid("order_no", "not_found");
        JW_ASSIGN_OR_RETURN(WorkOrder w, repo::GetWorkOrder(c, rows.front().Int(0)));
        if (event == "order.accepted")
            JW_RETURN_IF_ERROR(DoAccept(c, w, std::nullopt, std::nullopt, now));
        else
            JW_RETURN_IF_ERROR(DoReport(c, w, std::nullopt, Field(message, "report"), std::nullopt, now));
        return Json{{"ok", true}, {"order_no", order_no}};
    }
    if (event != "police_matter") return Status::Invalid("event", "invalid_enum");
    const std::string ref = Field(message, "external_ref");
    if (ref.empty() || ref.size() > 60) return Status::Invalid("external_ref", "required");
    JW_ASSIGN_OR_RETURN(auto existing, c.Query("SELECT id FROM dispatch_calls WHERE source = '12345' AND "
                                               "external_ref = ?",
                                               {storage::V(ref)}));
    if (!existing.empty()) return Json{{"ok", true}, {"call_id", existing.front().Int(0)}};
    CallInput in;
    in.source = "12345";
    in.external_ref = ref;
    in.caller_phone = Field(message, "caller_phone");
    in.caller_name = Field(message, "caller_name");
    in.summary = Field(message, "summary");
    in.place_text = Field(message, "place_text");
    in.category = Field(message, "category");
    if (const Category* cat = FindCategory(in.category); cat && !cat->police)
        return Status::Invalid("category", "police_only");
    // The platform acts as the county's intake desk for this call: county-wide, intake only.
    auth::Principal platform;
    platform.username = "system:12345";
    platform.all_units = true;
    platform.permissions = {"dispatch.intake"};
    JW_ASSIGN_OR_RETURN(platform.unit_id, RootUnit(c));
    JW_ASSIGN_OR_RETURN(int64_t id, TakeCall(c, platform, in, nullptr, now));
    return Json{{"ok", true}, {"call_id", id}};
}

}  // namespace jw::dispatch

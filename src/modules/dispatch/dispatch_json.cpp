// JSON of 110 dispatch (dispatch_json.hpp).
#include "dispatch/dispatch_json.hpp"

#include "common/validators.hpp"

namespace jw::dispatch {
namespace {
Json Opt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json OptD(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
}  // namespace

Json CallJson(const Call& k, bool caller_full, int64_t now) {
    const Category* cat = FindCategory(k.category);
    const bool open = k.state != "closed";
    return Json{{"id", k.id},
                {"call_no", k.call_no},
                {"received_at", k.received_at},
                {"age_s", open ? now - k.received_at : 0},
                {"caller_phone", caller_full ? k.caller_phone : MaskPhone(k.caller_phone)},
                {"caller_name", caller_full ? k.caller_name : MaskName(k.caller_name)},
                {"caller_masked", !caller_full},
                {"summary", k.summary},
                {"place_text", k.place_text},
                {"address_id", Opt(k.address_id)},
                {"address_code", k.address_code},
                {"latitude", OptD(k.latitude)},
                {"longitude", OptD(k.longitude)},
                {"category", k.category},
                {"category_zh", cat ? cat->name_zh : ""},
                {"category_en", cat ? cat->name_en : ""},
                {"police", k.police},
                {"priority", k.priority},
                {"source", k.source},
                {"external_ref", k.external_ref},
                {"unit_id", k.unit_id},
                {"unit_name", k.unit_name},
                {"patrol_id", Opt(k.patrol_id)},
                {"patrol_name", k.patrol_name},
                {"state", k.state},
                {"outcome", k.outcome},
                {"case_id", Opt(k.case_id)},
                {"dispatched_at", Opt(k.dispatched_at)},
                {"accepted_at", Opt(k.accepted_at)},
                {"arrived_at", Opt(k.arrived_at)},
                {"finished_at", Opt(k.finished_at)},
                {"closed_at", Opt(k.closed_at)},
                {"escalated_at", Opt(k.escalated_at)},
                {"dispatch_due_at", k.dispatch_due_at},
                {"arrival_due_at", k.arrival_due_at},
                {"overdue", k.police && open &&
                                ((k.state == "received" && now > k.dispatch_due_at) ||
                                 ((k.state == "dispatched" || k.state == "accepted") && now > k.arrival_due_at))},
                {"version", k.version}};
}

Json EventJson(const CallEvent& e) {
    return Json{{"id", e.id},
                {"at", e.at},
                {"user_id", Opt(e.user_id)},
                {"user_name", e.user_name},
                {"action", e.action},
                {"from_state", e.from_state},
                {"to_state", e.to_state},
                {"detail", e.detail}};
}

Json PatrolJson(const Patrol& p) {
    return Json{{"id", p.id},
                {"code", p.code},
                {"name", p.name},
                {"unit_id", p.unit_id},
                {"unit_name", p.unit_name},
                {"status", p.status},
                {"status_at", p.status_at},
                {"call_id", Opt(p.call_id)},
                {"latitude", OptD(p.latitude)},
                {"longitude", OptD(p.longitude)},
                {"position_at", p.position_at ? Json(p.position_at) : Json(nullptr)}};
}

Json WorkOrderJson(const WorkOrder& w) {
    return Json{{"id", w.id},
                {"order_no", w.order_no},
                {"call_id", w.call_id},
                {"call_no", w.call_no},
                {"summary", w.summary},
                {"place_text", w.place_text},
                {"category", w.category},
                {"department_code", w.department_code},
                {"department_name", w.department_name},
                {"state", w.state},
                {"due_at", w.due_at},
                {"note", w.note},
                {"accepted_at", Opt(w.accepted_at)},
                {"reported_at", Opt(w.reported_at)},
                {"closed_at", Opt(w.closed_at)},
                {"report", w.report},
                {"version", w.version},
                {"created_at", w.created_at}};
}

Json CallbackJson(const Callback& b) {
    return Json{{"id", b.id},
                {"call_id", b.call_id},
                {"call_no", b.call_no},
                {"work_order_id", Opt(b.work_order_id)},
                {"unit_id", b.unit_id},
                {"created_at", b.created_at},
                {"due_at", b.due_at},
                {"state", b.state},
                {"result", b.result},
                {"comment", b.comment},
                {"done_at", Opt(b.done_at)},
                {"review", b.review},
                {"review_note", b.review_note}};
}

Json CategoryJson(const Category& c) {
    return Json{{"code", c.code},
                {"parent", c.parent},
                {"name_zh", c.name_zh},
                {"name_en", c.name_en},
                {"police", c.police},
                {"priority", c.priority},
                {"dispatch_minutes", c.dispatch_minutes},
                {"arrival_minutes", c.arrival_minutes},
                {"basis", c.basis}};
}

Json DepartmentJson(const Department& d) {
    return Json{{"code", d.code},
                {"name", d.name},
                {"org_id", Opt(d.org_id)},
                {"contact_name", d.contact_name},
                {"contact_phone", d.contact_phone},
                {"limit_hours", d.limit_hours},
                {"channel", d.channel},
                {"topics", d.topics}};
}

}  // namespace jw::dispatch

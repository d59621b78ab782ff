// Inspections of outlets (issue 17; inspections.hpp): the police's list (courier.supervise), the inspector's
// record and closure (courier.inspect), and the 责令整改通知书 as HTML or PDF through the shared renderer (docs/).
// An inspection names an outlet and the inspector, no private person: nothing here is masked.
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "common/validators.hpp"
#include "courier/courier_handlers.hpp"
#include "courier/registry/registry_repository.hpp"
#include "courier/supervision/area_scope.hpp"
#include "courier/supervision/inspections.hpp"
#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"
#include "http/params.hpp"

namespace jw::courier {
namespace {
using http::Reply;
using http::Request;

Json InspectionJson(const Inspection& i) {
    return Json{{"id", i.id},
                {"outlet_id", i.outlet_id},
                {"outlet_name", i.outlet_name},
                {"inspector_name", i.inspector_name},
                {"inspected_at", i.inspected_at},
                {"findings", i.findings},
                {"notice_no", i.notice_no},
                {"rectify_by", i.rectify_by ? Json(*i.rectify_by) : Json(nullptr)},
                {"status", i.status},
                {"closed_at", i.closed_at ? Json(*i.closed_at) : Json(nullptr)},
                {"closing_note", i.closing_note}};
}

// NotFound (as an unknown one) for an inspection or outlet outside the caller's area (area_scope.hpp).
Status InArea(storage::Connection& c, const auth::Principal& p, int64_t outlet_id, const char* what) {
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(c, p));
    return InScope(area, outlet_id) ? Status::Ok() : Status::NotFound(what);
}

Result<Reply> List(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto outlet, http::QueryId(req, "outlet_id"));
    JW_ASSIGN_OR_RETURN(std::string status, http::QueryEnum(req, "status", {"passed", "rectifying", "closed"}));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(auto items, ListInspections(*c, outlet, status));
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    Json out = Json::array();
    for (const auto& i : items)
        if (InScope(area, i.outlet_id)) out.push_back(InspectionJson(i));
    return Reply::Json200({{"items", out}, {"total", out.size()}});
}

Result<Reply> Create(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader r(body, {"outlet_id", "findings", "rectify_days"});
    NewInspection in;
    in.outlet_id = r.Int("outlet_id", true, 1, INT64_MAX).value_or(0);
    in.findings = r.Text("findings", true, 2000).value_or("");
    in.rectify_days = int(r.Int("rectify_days", false, 0, kMaxRectifyDays).value_or(0));
    JW_RETURN_IF_ERROR(r.status());
    const int64_t user = req.principal->user_id;
    const auth::Principal who = *req.principal;
    Reply reply;
    reply.status = 201;
    reply.audit_object = "courier_outlet:" + std::to_string(in.outlet_id);
    reply.write = [in, user, who](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        // An outlet outside the inspector's area reads as an unknown one (the same answer as a wrong id).
        if (!InArea(c, who, in.outlet_id, "outlet").ok()) return Status::Invalid("outlet_id", "not_found");
        JW_ASSIGN_OR_RETURN(int64_t id, CreateInspection(c, in, user, NowUnix()));
        JW_ASSIGN_OR_RETURN(Inspection i, LoadInspection(c, id));
        e.object = "courier_inspection:" + std::to_string(id);
        e.detail = i.status + (i.notice_no.empty() ? "" : " " + i.notice_no);
        out.body = InspectionJson(i);
        return Status::Ok();
    };
    return reply;
}

Result<Reply> Close(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader r(body, {"note"});
    const std::string note = r.Text("note", true, 1000).value_or("");
    JW_RETURN_IF_ERROR(r.status());
    const auth::Principal who = *req.principal;
    Reply reply;
    reply.audit_object = "courier_inspection:" + std::to_string(id);
    reply.write = [id, note, who](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Inspection before, LoadInspection(c, id));
        JW_RETURN_IF_ERROR(InArea(c, who, before.outlet_id, "inspection"));
        JW_RETURN_IF_ERROR(CloseInspection(c, id, note, NowUnix()));
        JW_ASSIGN_OR_RETURN(Inspection i, LoadInspection(c, id));
        out.body = InspectionJson(i);
        return Status::Ok();
    };
    return reply;
}

// GET …/:id/notice?format=html|pdf: the 责令整改通知书; NotFound for an inspection that issued none (passed).
Result<Reply> Notice(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(std::string format, http::QueryEnum(req, "format", {"html", "pdf"}));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(Inspection i, LoadInspection(*c, id));
    JW_RETURN_IF_ERROR(InArea(*c, *req.principal, i.outlet_id, "inspection"));
    if (i.notice_no.empty()) return Status::NotFound("notice");
    JW_ASSIGN_OR_RETURN(Outlet o, LoadOutlet(*c, i.outlet_id));
    JW_ASSIGN_OR_RETURN(storage::Row bureau,
                        c->QueryOne("SELECT name FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1"));
    const docs::Document doc = RectificationNotice(i, o, bureau.Str(0));
    Reply r;
    r.audit_object = "courier_inspection:" + std::to_string(id);
    if (format == "pdf") {
        JW_ASSIGN_OR_RETURN(std::string pdf, docs::RenderPdf(doc));
        r.raw = std::move(pdf);
        r.content_type = "application/pdf";
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"notice-" + std::to_string(id) + ".pdf\"");
    } else {
        r.raw = docs::RenderHtml(doc);
        r.content_type = "text/html; charset=utf-8";
    }
    return r;
}

// GET /api/v1/courier/outlets/:id/staff: the outlet's staff with their 从业人员备案 check (registered: found in the
// master index; unmatched: not found there, to be looked into) — names, ID numbers and phones masked.
Result<Reply> StaffList(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_RETURN_IF_ERROR(LoadOutlet(*c, id).status());
    JW_ASSIGN_OR_RETURN(auto area, PoliceOutletScope(*c, *req.principal));
    if (!InScope(area, id)) return Status::NotFound("outlet");  // outside the area: as an unknown outlet
    JW_ASSIGN_OR_RETURN(auto staff, ListStaff(*c, id));
    Json out = Json::array();
    for (const auto& s : staff)
        out.push_back({{"id", s.id},
                       {"role", s.role},
                       {"name", MaskName(s.name)},
                       {"id_number", MaskIdNumber(s.id_number)},
                       {"phone", MaskPhone(s.phone)},
                       {"status", s.status},
                       {"has_account", s.user_id.has_value()}});
    Reply r = Reply::Json200({{"items", out}, {"total", out.size()}});
    r.audit_object = "courier_outlet:" + std::to_string(id);
    return r;
}

}  // namespace

void RegisterInspectionRoutes(http::Router& router, const Deps& d) {
    const std::string base = "/api/v1/courier/inspections";
    router.Add({"GET", base, "courier.supervise", "courier.inspections.list", [d](Request& r) { return List(d, r); }});
    router.Add(
        {"POST", base, "courier.inspect", "courier.inspections.create", [d](Request& r) { return Create(d, r); }});
    router.Add({"POST", base + "/:id/close", "courier.inspect", "courier.inspections.close",
                [d](Request& r) { return Close(d, r); }});
    router.Add({"GET", "/api/v1/courier/outlets/:id/staff", "courier.supervise", "courier.staff.list",
                [d](Request& r) { return StaffList(d, r); }});
    router.Add({"GET", base + "/:id/notice", "courier.supervise", "courier.inspections.notice",
                [d](Request& r) { return Notice(d, r); }});
}

}  // namespace jw::courier

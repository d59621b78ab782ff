// 从业人员备案 by the outlet's administrator (issue 17; staff_service.hpp): the caller's own outlet only — the outlet
// comes from the account's organisation, never from the request, so no id in a path or body reaches another
// outlet's staff (answered as unknown). Lists mask the ID number and phone; every read and change is audited.
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "common/validators.hpp"
#include "courier/courier_handlers.hpp"
#include "courier/registry/staff_service.hpp"
#include "http/params.hpp"

namespace jw::courier {
namespace {
using http::Reply;
using http::Request;

Json StaffJson(const Staff& s) {
    return Json{{"id", s.id},
                {"role", s.role},
                {"name", s.name},
                {"id_number", MaskIdNumber(s.id_number)},
                {"phone", MaskPhone(s.phone)},
                {"status", s.status},
                {"has_account", s.user_id.has_value()}};
}

Result<StaffInput> InputFrom(const Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader r(body, {"role", "name", "id_number", "phone"});
    StaffInput in;
    in.role = r.Text("role", false, 10);
    in.name = r.Text("name", false, 20);
    in.id_number = r.Text("id_number", false, 20);
    in.phone = r.Text("phone", false, 20);
    JW_RETURN_IF_ERROR(r.status());
    return in;
}

Result<Reply> List(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(auto c, d.db.Acquire());
    JW_ASSIGN_OR_RETURN(Outlet o, CallerOutlet(*c, req.principal->org_id, req.principal->org_kind));
    JW_ASSIGN_OR_RETURN(auto staff, ListStaff(*c, o.id));
    Json items = Json::array();
    for (const auto& s : staff) items.push_back(StaffJson(s));
    Reply r = Reply::Json200({{"outlet", {{"id", o.id}, {"name", o.name}}}, {"items", items}, {"total", staff.size()}});
    r.audit_object = "courier_outlet:" + std::to_string(o.id);
    return r;
}

// One change on the committer: the caller's outlet is resolved inside the transaction.
using Change = std::function<Result<Staff>(storage::Connection&, const StaffActor&, int64_t outlet_id)>;
Reply Write(const Deps& d, const Request& req, int status, Change change) {
    Reply reply;
    reply.status = status;
    reply.audit_object = "org:" + std::to_string(req.principal->org_id);
    reply.write = [accounts = d.sessions, actor = *req.principal, change](storage::Connection& c, audit::AuditEntry& e,
                                                                          Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Outlet o, CallerOutlet(c, actor.org_id, actor.org_kind));
        JW_ASSIGN_OR_RETURN(Staff s, change(c, StaffActor{actor, *accounts}, o.id));
        e.object = "courier_staff:" + std::to_string(s.id);
        // The account a change disabled or gave back, for the audit trail (its own entries are the registry's).
        e.detail = s.user_id ? s.status + ", account user:" + std::to_string(*s.user_id) : s.status;
        out.body = StaffJson(s);
        return Status::Ok();
    };
    return reply;
}

Result<Reply> Add(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(StaffInput in, InputFrom(req));
    JW_RETURN_IF_ERROR(ValidateStaff(in, true));  // before the writer: a fast answer naming the field
    return Write(d, req, 201, [in](storage::Connection& c, const StaffActor& a, int64_t outlet) {
        return AddOutletStaff(c, a, outlet, in, NowUnix());
    });
}

Result<Reply> Edit(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(StaffInput in, InputFrom(req));
    JW_RETURN_IF_ERROR(ValidateStaff(in, false));
    return Write(d, req, 200, [id, in](storage::Connection& c, const StaffActor&, int64_t outlet) {
        return EditOutletStaff(c, outlet, id, in);
    });
}

Result<Reply> Deactivate(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    return Write(d, req, 200, [id](storage::Connection& c, const StaffActor& a, int64_t outlet) {
        return DeactivateOutletStaff(c, a, outlet, id);
    });
}

}  // namespace

void RegisterStaffRoutes(http::Router& router, const Deps& d) {
    const std::string base = "/api/v1/courier/my/staff";
    router.Add({"GET", base, "courier.staff.manage", "courier.my_staff.list", [d](Request& r) { return List(d, r); }});
    router.Add({"POST", base, "courier.staff.manage", "courier.my_staff.add", [d](Request& r) { return Add(d, r); }});
    router.Add({"PUT", base + "/:id", "courier.staff.manage", "courier.my_staff.edit",
                [d](Request& r) { return Edit(d, r); }});
    router.Add({"POST", base + "/:id/deactivate", "courier.staff.manage", "courier.my_staff.deactivate",
                [d](Request& r) { return Deactivate(d, r); }});
}

}  // namespace jw::courier

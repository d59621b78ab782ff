// HTTP routes of search exceptions (analysis_exceptions.hpp), registered with the analysis routes:
//   POST /api/v1/checkpoint/analyses/exceptions              {case_no, reason} — analysis.run; a pending request
//   GET  /api/v1/checkpoint/analyses/exceptions?status=&mine= approvers see everyone's, others their own
//   POST /api/v1/checkpoint/analyses/exceptions/:id/approve  {note?} — analysis.exception_approve
//   POST /api/v1/checkpoint/analyses/exceptions/:id/reject   {note}  — analysis.exception_approve
// Every call is audited by the dispatcher (object analysis_exception:<id>, the case number in the detail).
#include "cases/case_number.hpp"
#include "checkpoint/analysis/analysis_exceptions.hpp"
#include "checkpoint/analysis/analysis_handlers.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;

constexpr const char* kApprove = "analysis.exception_approve";

Json OptTime(const std::optional<int64_t>& t) { return t ? Json(FormatUtcIso(*t)) : Json(nullptr); }

Json ExceptionJson(const SearchException& e) {
    return {{"id", e.id},
            {"username", e.username},
            {"case_no", e.case_no},
            {"reason", e.reason},
            {"status", e.status},
            {"requested_at", FormatUtcIso(e.requested_at)},
            {"decider_name", e.decider_name},
            {"decided_at", OptTime(e.decided_at)},
            {"decision_note", e.decision_note},
            {"valid_until", OptTime(e.valid_until)}};
}

Result<Reply> RequestHandler(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"case_no", "reason"});
    const std::string case_no = in.Text("case_no", true, 40).value_or("");
    const std::string reason = in.Text("reason", true, 200).value_or("");
    if (!reason.empty() && Utf8Length(reason).value_or(0) < 4) in.Fail("reason", "too_short");
    JW_RETURN_IF_ERROR(in.status());
    {
        // The number must at least be one in the bureau's format: the searches it is for are checked the same way.
        auto c = d.db.Acquire();
        if (!c.ok()) return c.status();
        JW_RETURN_IF_ERROR(cases::CheckNumberFormat(**c, case_no));
    }
    Reply r;
    r.status = 201;
    r.audit_detail = Json{{"case_no", case_no}, {"reason", reason}}.dump();
    r.write = [case_no, reason, user = req.principal->user_id, name = req.principal->username](
                  storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(int64_t id, RequestException(c, user, name, case_no, reason, NowUnix()));
        e.object = "analysis_exception:" + std::to_string(id);
        out.body = {{"id", id}, {"status", "pending"}, {"case_no", case_no}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> ListHandler(const Deps& d, Request& req) {
    const bool approver = req.principal->Can(kApprove);
    if (!approver && !req.principal->Can("analysis.run")) return Status::Denied();
    int page = 1, page_size = 20;
    JW_RETURN_IF_ERROR(req.Paging(&page, &page_size));
    const std::string status = req.Query("status");
    if (!status.empty() && status != "pending" && status != "approved" && status != "rejected")
        return Status::Invalid("status", "unknown_value");
    const bool mine = !approver || req.Query("mine") == "1";
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto list, ListExceptions(**c, mine ? req.principal->user_id : 0, status, page, page_size));
    Json items = Json::array();
    for (const auto& e : list.first) items.push_back(ExceptionJson(e));
    return Reply::Json200({{"items", std::move(items)}, {"total", list.second}, {"can_decide", approver}});
}

Result<Reply> DecideHandler(bool approve, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"note"});
    // A refusal says why (the analyst reads it); an approval may.
    const std::string note = in.Text("note", !approve, 200).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "analysis_exception:" + std::to_string(id);
    r.write = [id, approve, note, user = req.principal->user_id, name = req.principal->username](
                  storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(SearchException x, DecideException(c, id, approve, user, name, note, NowUnix()));
        e.detail = Json{{"case_no", x.case_no}, {"requester", x.username}, {"status", x.status}}.dump();
        out.body = ExceptionJson(x);
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterExceptionRoutes(http::Router& router, const Deps& deps) {
    const std::string base = "/api/v1/checkpoint/analyses/exceptions";
    router.Add({"POST", base, "analysis.run", "analysis.exception_request",
                [deps](Request& r) { return RequestHandler(deps, r); }});
    router.Add({"GET", base, "", "analysis.exception_list", [deps](Request& r) { return ListHandler(deps, r); }});
    router.Add({"POST", base + "/:id/approve", kApprove, "analysis.exception_approve",
                [](Request& r) { return DecideHandler(true, r); }});
    router.Add({"POST", base + "/:id/reject", kApprove, "analysis.exception_reject",
                [](Request& r) { return DecideHandler(false, r); }});
}

}  // namespace jw::checkpoint

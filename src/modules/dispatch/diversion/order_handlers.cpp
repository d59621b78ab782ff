// Routes of diversion, work orders, the department's page, callbacks and the 12345 webhook, and the module's jobs
// (dispatch_handlers.hpp; docs/api/dispatch.md). A department's account (dept_staff) reaches only /dept/… and sees
// only its own organisation's orders (auth::OrgFilter), never a caller's number.
#include <cctype>

#include "auth/external.hpp"
#include "checkpoint/demo/demo_http_client.hpp"
#include "common/civil_time.hpp"
#include "common/rate_limiter.hpp"
#include "dispatch/callbacks/callback_service.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/dispatch_handlers.hpp"
#include "dispatch/dispatch_json.hpp"
#include "dispatch/dispatch_keys.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "dispatch/diversion/diversion_service.hpp"
#include "http/error_table.hpp"
#include "http/params.hpp"

namespace jw::dispatch {
namespace {

using http::Reply;
using http::Request;

std::optional<std::vector<int64_t>> Scope(const Request& req) {
    if (req.principal->all_units) return std::nullopt;
    return req.principal->unit_scope;
}

Result<Reply> DivertHandler(const Deps&, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"department_code", "note", "category", "version"});
    const std::string dept = in.Text("department_code", true, 40).value_or("");
    const std::string note = in.Text("note", false, 500).value_or("");
    std::optional<std::string> category = in.Text("category", false, 10);
    auto version = in.Int("version", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    auth::Principal who = *req.principal;
    Reply r;
    r.audit_object = "dispatch_call:" + std::to_string(id);
    r.audit_detail = dept;
    r.write = [who, id, dept, note, category, version](storage::Connection& c, audit::AuditEntry& e,
                                                       Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(int64_t order, DivertCall(c, who, id, dept, note, category, version, now));
        e.detail = dept + " work_order:" + std::to_string(order);
        JW_ASSIGN_OR_RETURN(Call k, repo::GetCall(c, id));
        JW_ASSIGN_OR_RETURN(WorkOrder w, repo::GetWorkOrder(c, order));
        out.body = CallJson(k, false, now);
        out.body["work_order"] = WorkOrderJson(w);
        return Status::Ok();
    };
    return r;
}

// A number typed into a filter: letters and digits only (it becomes a LIKE prefix, so no wildcard gets through).
Result<std::string> NumberQuery(const Request& req, const char* name) {
    std::string v = req.Query(name);
    if (v.size() > 40) return Status::Invalid(name, "too_long");
    for (unsigned char ch : v)
        if (!std::isalnum(ch) && ch != '-') return Status::Invalid(name, "invalid_format");
    return v;
}

Result<Reply> OrderList(const Deps& d, Request& req, std::optional<std::vector<int64_t>> org_ids) {
    repo::WorkOrderFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.state, http::QueryEnum(req, "state", {"sent", "accepted", "reported", "closed"}));
    f.department_code = req.Query("department_code");
    JW_ASSIGN_OR_RETURN(f.from, http::QueryInstant(req, "from"));
    JW_ASSIGN_OR_RETURN(f.to, http::QueryInstant(req, "to"));
    JW_ASSIGN_OR_RETURN(f.order_no, NumberQuery(req, "order_no"));
    if (req.Query("overdue") == "1") f.overdue_at = NowUnix();
    f.org_ids = std::move(org_ids);
    // A station's police reader sees the orders of its units' calls; a county-wide one all of them.
    if (!f.org_ids && !req.principal->all_units) f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, repo::ListWorkOrders(**c, f));
    Json items = Json::array();
    for (const auto& w : page.first) items.push_back(WorkOrderJson(w));
    Reply r = Reply::Json200({{"items", items}, {"total", page.second}});
    r.audit_object = "dispatch_work_orders";
    return r;
}

// Police list: every order of the county for a county-wide reader; a station's reader the orders of its calls.
Result<Reply> PoliceOrdersHandler(const Deps& d, Request& req) { return OrderList(d, req, std::nullopt); }

Result<Reply> OrderDetail(const Deps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    auto w = WorkOrderInScope(**c, *req.principal, id);
    if (!w.ok() && w.status().code() == ErrorCode::kNotFound) return Status::NotFound("work_order");
    if (!w.ok()) return w.status();
    Reply r = Reply::Json200(WorkOrderJson(*w));
    r.audit_object = "dispatch_work_order:" + std::to_string(id);
    return r;
}

Result<Reply> DeptOrdersHandler(const Deps& d, Request& req) {
    if (!auth::IsExternal(*req.principal)) return Status::Denied("dispatch.workorder");
    return OrderList(d, req, auth::OrgFilter(*req.principal));
}

Result<Reply> DeptChange(Request& req, bool report) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"report", "version"});
    const std::string text = in.Text("report", report, 1000).value_or("");
    auto version = in.Int("version", false, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    auth::Principal who = *req.principal;
    Reply r;
    r.audit_object = "dispatch_work_order:" + std::to_string(id);
    r.write = [who, id, text, version, report](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        const int64_t now = NowUnix();
        if (report)
            JW_RETURN_IF_ERROR(ReportWorkOrder(c, who, id, text, version, now));
        else
            JW_RETURN_IF_ERROR(AcceptWorkOrder(c, who, id, version, now));
        JW_ASSIGN_OR_RETURN(WorkOrder w, repo::GetWorkOrder(c, id));
        out.body = WorkOrderJson(w);
        return Status::Ok();
    };
    return r;
}

Result<Reply> CallbacksHandler(const Deps& d, Request& req) {
    repo::CallbackFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.state, http::QueryEnum(req, "state", {"pending", "done"}));
    JW_ASSIGN_OR_RETURN(f.review, http::QueryEnum(req, "review", {"open", "done"}));
    JW_ASSIGN_OR_RETURN(f.result, http::QueryEnum(req, "result", {"satisfied", "basic", "unsatisfied"}));
    JW_ASSIGN_OR_RETURN(f.from, http::QueryInstant(req, "from"));
    JW_ASSIGN_OR_RETURN(f.to, http::QueryInstant(req, "to"));
    JW_ASSIGN_OR_RETURN(f.call_no, NumberQuery(req, "call_no"));
    if (req.Query("overdue") == "1") f.overdue_at = NowUnix();
    f.unit_scope = Scope(req);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, repo::ListCallbacks(**c, f));
    Json items = Json::array();
    for (const auto& b : page.first) items.push_back(CallbackJson(b));
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

Result<Reply> CallbackRecordHandler(const Deps&, Request& req, bool conclude) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"result", "comment", "note"});
    const std::string result = in.Text("result", !conclude, 20).value_or("");
    const std::string comment = in.Text("comment", false, 500).value_or("");
    const std::string note = in.Text("note", conclude, 500).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    auth::Principal who = *req.principal;
    Reply r;
    r.audit_object = "dispatch_callback:" + std::to_string(id);
    r.audit_detail = conclude ? "conclude" : result;
    r.write = [who, id, result, comment, note, conclude](storage::Connection& c, audit::AuditEntry&,
                                                         Reply& out) -> Status {
        const int64_t now = NowUnix();
        if (conclude)
            JW_RETURN_IF_ERROR(ConcludeCallbackReview(c, who, id, note, now));
        else
            JW_RETURN_IF_ERROR(RecordCallbackResult(c, who, id, result, comment, now));
        JW_ASSIGN_OR_RETURN(Callback b, repo::GetCallback(c, id));
        out.body = CallbackJson(b);
        return Status::Ok();
    };
    return r;
}

// The 12345 platform's messages: signed (HMAC-SM3 of the raw body under the shared key), rate-limited per client.
Result<Reply> WebhookHandler(const Deps&, RateLimiter& limiter, Request& req) {
    auto lang = http::RequestLang(req.headers);
    if (!limiter.Allow(req.client, NowUnix())) {
        Reply r;
        r.status = 429;
        r.body = http::ErrorBody("rate_limited", "too many messages", req.request_id, lang);
        return r;
    }
    auto sig = req.headers.find(kSignatureHeader);
    if (sig == req.headers.end() || !WebhookSignatureValid(req.body, sig->second)) {
        Reply r;
        r.status = 401;
        r.body =
            http::ErrorBody("bad_signature", "the message is not signed with the shared key", req.request_id, lang);
        return r;
    }
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    Reply r;
    r.audit_object = "dispatch_webhook";
    r.audit_detail = body.contains("event") && body["event"].is_string() ? body["event"].get<std::string>() : "";
    r.write = [body](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(out.body, ApplyInbound(c, body, NowUnix()));
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterOrderRoutes(http::Router& router, const Deps& deps) {
    auto bind = [deps](Result<Reply> (*fn)(const Deps&, Request&)) {
        return [deps, fn](Request& req) { return fn(deps, req); };
    };
    const std::string base = "/api/v1/dispatch";
    router.Add({"POST", base + "/calls/:id/divert", "dispatch.assign", "dispatch.divert", bind(DivertHandler)});
    router.Add({"GET", base + "/work-orders", "dispatch.read", "dispatch.work_orders", bind(PoliceOrdersHandler)});
    router.Add({"GET", base + "/work-orders/:id", "dispatch.read", "dispatch.work_order", bind(OrderDetail)});
    router.Add({"GET", base + "/dept/orders", "dispatch.workorder", "dispatch.dept_orders", bind(DeptOrdersHandler)});
    router.Add({"GET", base + "/dept/orders/:id", "dispatch.workorder", "dispatch.dept_order", bind(OrderDetail)});
    router.Add({"POST", base + "/dept/orders/:id/accept", "dispatch.workorder", "dispatch.dept_accept",
                [](Request& r) { return DeptChange(r, false); }});
    router.Add({"POST", base + "/dept/orders/:id/report", "dispatch.workorder", "dispatch.dept_report",
                [](Request& r) { return DeptChange(r, true); }});
    router.Add({"GET", base + "/callbacks", "dispatch.read", "dispatch.callbacks", bind(CallbacksHandler)});
    router.Add({"POST", base + "/callbacks/:id", "dispatch.callback", "dispatch.callback",
                [deps](Request& r) { return CallbackRecordHandler(deps, r, false); }});
    router.Add({"POST", base + "/callbacks/:id/conclude", "dispatch.review", "dispatch.review",
                [deps](Request& r) { return CallbackRecordHandler(deps, r, true); }});
    auto limiter = std::make_shared<RateLimiter>(600, 60);
    router.Add({"POST", base + "/webhook/12345", "public", "dispatch.webhook",
                [deps, limiter](Request& r) { return WebhookHandler(deps, *limiter, r); }});
}

Status RegisterJobs(notify::Scheduler& scheduler, const Deps& deps) {
    // Every minute: missed time targets go to the duty leader through alerts (audited only when one is due).
    JW_RETURN_IF_ERROR(scheduler.Register("dispatch.escalate", 60, [deps] {
        {
            auto c = deps.db.Acquire();
            if (!c.ok()) return c.status();
            JW_ASSIGN_OR_RETURN(auto due, repo::OverdueCalls(**c, NowUnix(), 1));
            if (due.empty()) return Status::Ok();
        }
        audit::AuditEntry e;
        e.username = "system:scheduler";
        e.client = "scheduler";
        e.action = "dispatch.escalate";
        e.object = "dispatch_calls";
        return deps.audit.Run(e, [](storage::Connection& c, audit::AuditEntry& entry) -> Status {
            JW_ASSIGN_OR_RETURN(int n, EscalateOverdue(c, NowUnix()));
            entry.detail = std::to_string(n) + " escalated";
            return Status::Ok();
        });
    }));
    if (deps.places)
        JW_RETURN_IF_ERROR(
            scheduler.Register("dispatch.places", 300, [deps] { return deps.places->Refresh(deps.db); }));
    if (deps.webhook_url.empty()) return Status::Ok();
    // Every 10 s: the outbound 12345 messages, signed, oldest first; at least once (the platform dedups by
    // order_no and event).
    std::string host;
    int port = 80;
    JW_RETURN_IF_ERROR(checkpoint::demo::ParseHttpUrl(deps.webhook_url, &host, &port));
    const std::string url = deps.webhook_url;
    const size_t slash = url.find('/', url.find("//") + 2);
    const std::string path = slash == std::string::npos ? "/" : url.substr(slash);
    return scheduler.Register("dispatch.webhook", 10, [deps, host, port, path] {
        std::vector<repo::WebhookMessage> pending;
        {
            auto c = deps.db.Acquire();
            if (!c.ok()) return c.status();
            JW_ASSIGN_OR_RETURN(pending, repo::PendingWebhooks(**c, 50));
        }
        if (pending.empty()) return Status::Ok();
        checkpoint::demo::HttpClient client(host, port);
        for (const auto& m : pending) {
            auto res = client.Send(
                "POST", path, {{"Content-Type", "application/json"}, {"X-Jingwu-Signature", WebhookSignature(m.body)}},
                m.body);
            const bool ok = res.ok() && res->status >= 200 && res->status < 300;
            const std::string error = res.ok() ? "HTTP " + std::to_string(res->status) : res.status().message();
            audit::AuditEntry e;
            e.username = "system:scheduler";
            e.client = "scheduler";
            e.action = "dispatch.webhook_out";
            e.object = "dispatch_work_order:" + std::to_string(m.work_order_id);
            e.detail = m.event + (ok ? " delivered" : " " + error);
            JW_RETURN_IF_ERROR(deps.audit.Run(e, [&](storage::Connection& c, audit::AuditEntry&) -> Status {
                return repo::MarkWebhook(c, m.id, ok, ok ? "" : error, NowUnix());
            }));
        }
        return Status::Ok();
    });
}

}  // namespace jw::dispatch

// Audit search, CSV export and chain verification (audit administrator); the user's notifications.
#include <map>

#include "admin/admin_module.hpp"
#include "admin/json_views.hpp"
#include "audit/audit_log.hpp"
#include "auth/auth_repository.hpp"
#include "common/csv.hpp"
#include "http/error_table.hpp"
#include "http/params.hpp"

namespace jw::admin {

using http::Reply;
using http::Request;

namespace {

Result<audit::AuditFilter> FilterFrom(const Request& req) {
    audit::AuditFilter f;
    JW_RETURN_IF_ERROR(req.Paging(&f.page, &f.page_size));
    JW_ASSIGN_OR_RETURN(f.from, http::QueryInstant(req, "from"));
    JW_ASSIGN_OR_RETURN(f.to, http::QueryInstant(req, "to"));
    f.user = req.Query("user");
    f.action = req.Query("action");
    f.object = req.Query("object");
    f.result = req.Query("result");
    return f;
}

// Records keep the unit's code (stable); the reader sees its current name beside it.
Json RecordJson(const audit::AuditRecord& r, const std::map<std::string, std::string>& unit_names) {
    auto name = unit_names.find(r.unit);
    return {{"id", r.id},
            {"at", FormatUtcIso(r.at)},
            {"user", r.username},
            {"unit", r.unit},
            {"unit_name", name == unit_names.end() ? Json(nullptr) : Json(name->second)},
            {"client", r.client},
            {"action", r.action},
            {"object", r.object},
            {"result", r.result},
            {"purpose", r.purpose},
            {"case_no", r.case_no},
            {"request_id", r.request_id},
            {"hash", r.hash},
            {"detail", r.detail}};
}

Result<Reply> Search(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(audit::AuditFilter f, FilterFrom(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, audit::AuditLog::Search(**c, f));
    JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnits(**c));
    std::map<std::string, std::string> unit_names;
    for (const auto& u : units) unit_names[u.code] = u.name;
    Json items = Json::array();
    for (const auto& r : page.first) items.push_back(RecordJson(r, unit_names));
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

Result<Reply> ExportCsv(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(audit::AuditFilter f, FilterFrom(req));
    f.page = 1;
    f.page_size = 100000;
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto page, audit::AuditLog::Search(**c, f));
    std::string csv =
        "\xEF\xBB\xBF"
        "id,at,user,unit,client,action,object,result,purpose,case_no,request_id,hash\r\n";
    for (const auto& r : page.first) {
        csv += std::to_string(r.id) + "," + FormatUtcIso(r.at);
        for (const std::string* s : {&r.username, &r.unit, &r.client, &r.action, &r.object, &r.result, &r.purpose,
                                     &r.case_no, &r.request_id, &r.hash})
            csv += "," + CsvCell(*s);
        csv += "\r\n";
    }
    Reply r;
    r.raw = std::move(csv);
    r.content_type = "text/csv; charset=utf-8";
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"audit.csv\"");
    r.audit_object = "audit_export";
    r.audit_detail = "rows=" + std::to_string(page.first.size());
    return r;
}

Result<Reply> Verify(Deps d, Request&) {
    if (d.audit == nullptr) return Status::Internal("audit log not wired to the admin module");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(audit::VerifyReport v, d.audit->Verify(**c));
    auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
    return Reply::Json200({{"ok", v.ok},
                           {"records", v.records},
                           {"first_bad_id", v.first_bad_id ? Json(*v.first_bad_id) : Json(nullptr)},
                           {"problem", opt(v.problem)},
                           {"detail", opt(v.detail)},
                           {"head_id", v.head_id},
                           {"head_hash", opt(v.head_hash)},
                           {"anchored_id", v.anchored_id},
                           {"keyed_from", v.keyed_from}});
}

Result<Reply> Notifications(Deps d, Request& req) {
    int page = 1, page_size = 20;
    JW_RETURN_IF_ERROR(req.Paging(&page, &page_size));
    JW_ASSIGN_OR_RETURN(const bool unread, http::QueryBool(req, "unread", false));
    // collapse=1: repeats as one line with their count (issue 13).
    JW_ASSIGN_OR_RETURN(const bool collapse, http::QueryBool(req, "collapse", false));
    if (collapse) return CollapsedNotifications(d, req, unread, page, page_size);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto list, d.outbox.List(**c, req.principal->user_id, unread, page, page_size));
    Json items = Json::array();
    const Lang lang = http::RequestLang(req.headers);
    for (const auto& n : list.first) items.push_back(notify::NotificationJson(n, lang));
    return Reply::Json200({{"items", items}, {"total", list.second}});
}

Result<Reply> MarkRead(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    Reply r = Reply::NoContent();
    r.audit_object = "notification:" + std::to_string(id);
    const int64_t user_id = req.principal->user_id;
    r.write = [d, id, user_id](storage::Connection& c, audit::AuditEntry&, Reply&) {
        return d.outbox.MarkRead(c, user_id, id, NowUnix());
    };
    return r;
}

}  // namespace

void RegisterAuditRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/audit", "audit.read", "audit.search", [d](Request& r) { return Search(d, r); }});
    router.Add({"GET", "/api/v1/audit/export.csv", "audit.export", "audit.export",
                [d](Request& r) { return ExportCsv(d, r); }});
    router.Add(
        {"GET", "/api/v1/audit/verify", "audit.verify", "audit.verify", [d](Request& r) { return Verify(d, r); }});
    router.Add({"GET", "/api/v1/notifications", "notify.read", "notification.list",
                [d](Request& r) { return Notifications(d, r); }});
    router.Add({"POST", "/api/v1/notifications/:id/read", "notify.read", "notification.read",
                [d](Request& r) { return MarkRead(d, r); }});
}

}  // namespace jw::admin

// Audit search, CSV export and chain verification (audit administrator); the user's notifications.
#include <map>

#include "admin/admin_module.hpp"
#include "admin/audit_words.hpp"
#include "admin/json_views.hpp"
#include "audit/audit_detail.hpp"
#include "audit/audit_log.hpp"
#include "audit/audit_search.hpp"
#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "common/csv.hpp"
#include "common/text.hpp"
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

// One page of records as the reader sees them, in their language, with the stored codes beside the words.
struct Page {
    std::vector<audit::AuditRecord> records;
    int64_t total = 0;
    PeopleNames people;
    std::map<std::string, std::string> unit_names;  // records keep the unit's (stable) code
};

constexpr size_t kMaxSearchText = 50;

Result<Page> Find(storage::Connection& c, const Request& req, audit::AuditFilter f, Lang lang) {
    // `q`: one box over what the page shows (action and detail words, people, object), ADR 0045.
    std::string q = std::string(TrimUnicodeBlanks(req.Query("q")));
    if (Utf8Length(q).value_or(kMaxSearchText + 1) > kMaxSearchText) return Status::Invalid("q", "too_long");
    audit::TextMatch match;
    if (!q.empty()) {
        JW_ASSIGN_OR_RETURN(match, MatchFor(c, q, lang));
    }
    JW_ASSIGN_OR_RETURN(auto found, audit::SearchText(c, f, match));
    Page p;
    p.records = std::move(found.first);
    p.total = found.second;
    JW_ASSIGN_OR_RETURN(p.people, NamesOf(c, p.records));
    JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnits(c));
    for (const auto& u : units) p.unit_names[u.code] = u.name;
    return p;
}

Json RecordJson(const audit::AuditRecord& r, const Page& p, Lang lang) {
    auto name = p.unit_names.find(r.unit);
    auto person = p.people.find(r.user_id);
    return {{"id", r.id},
            {"at", FormatUtcIso(r.at)},
            {"user", r.username},
            {"user_name", person == p.people.end() ? Json(nullptr) : Json(person->second)},
            {"unit", r.unit},
            {"unit_name", name == p.unit_names.end() ? Json(nullptr) : Json(name->second)},
            {"client", r.client},
            {"action", r.action},
            {"action_name", ActionName(r.action, lang)},
            {"object", r.object},
            {"object_text", ObjectText(r.object, p.people, lang)},
            {"result", r.result},
            {"result_name", ResultName(r.result, lang)},
            {"purpose", r.purpose},
            {"case_no", r.case_no},
            {"request_id", r.request_id},
            {"hash", r.hash},
            {"detail", r.detail},
            {"detail_text", audit::DetailText(r.detail, lang)},
            {"change", audit::DetailChange(r.detail)}};
}

Result<Reply> Search(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(audit::AuditFilter f, FilterFrom(req));
    const Lang lang = http::RequestLang(req.headers);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Page page, Find(**c, req, f, lang));
    Json items = Json::array();
    for (const auto& r : page.records) items.push_back(RecordJson(r, page, lang));
    Reply reply = Reply::Json200({{"items", items}, {"total", page.total}});
    if (!req.Query("q").empty()) reply.audit_detail = Json({{"q", req.Query("q")}}).dump();
    return reply;
}

// The export is what the page shows, in the reader's language, times in China time (UTC+08:00, as the page
// says 北京时间) with the zone in the header; the stored codes and the chain hash travel beside the words.
Result<Reply> ExportCsv(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(audit::AuditFilter f, FilterFrom(req));
    f.page = 1;
    f.page_size = 100000;
    const Lang lang = http::RequestLang(req.headers);
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Page page, Find(**c, req, f, lang));
    std::string csv = "\xEF\xBB\xBF" + Message(MessageCode("audit.csv.header"), lang) + "\r\n";
    for (const auto& r : page.records) {
        auto unit = page.unit_names.find(r.unit);
        auto person = page.people.find(r.user_id);
        const std::string cells[] = {std::to_string(r.id),
                                     FormatChinaTime(r.at),
                                     r.username,
                                     person == page.people.end() ? "" : person->second,
                                     unit == page.unit_names.end() ? r.unit : unit->second,
                                     r.client,
                                     ActionName(r.action, lang),
                                     r.action,
                                     ObjectText(r.object, page.people, lang),
                                     ResultName(r.result, lang),
                                     audit::DetailText(r.detail, lang),
                                     r.purpose,
                                     r.case_no,
                                     r.request_id,
                                     r.hash};
        std::string line;
        for (const auto& cell : cells) line += (line.empty() ? "" : ",") + CsvCell(cell);
        csv += line + "\r\n";
    }
    Reply r;
    r.raw = std::move(csv);
    r.content_type = "text/csv; charset=utf-8";
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"audit.csv\"");
    r.audit_object = "audit_export";
    r.audit_detail =
        audit::EventDetail(MessageCode("audit.detail.exported"), {{"rows", std::to_string(page.records.size())}});
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

// The to-do centre's route and the collapsed inbox (issue 13, ADR 0042): GET /api/v1/todo asks every source the
// modules registered (notify/todo.hpp); the inbox's repeats expand and are marked read as one line
// (notify/outbox_groups.hpp). Thin handlers: the rules live in notify/.
#include "admin/admin_module.hpp"
#include "common/civil_time.hpp"
#include "http/error_table.hpp"
#include "http/params.hpp"
#include "notify/outbox_groups.hpp"
#include "notify/todo.hpp"

namespace jw::admin {
namespace {

using http::Reply;
using http::Request;

Result<Reply> Todo(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(const bool detail, http::QueryBool(req, "detail", false));
    JW_ASSIGN_OR_RETURN(const int64_t limit, http::QueryInt(req, "limit", 1, 100, 20));
    const std::string kind = req.Query("kind");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Json out, notify::todo::Summary(**c, notify::todo::ServingRegistry(), *req.principal, NowUnix(),
                                                        detail, kind, static_cast<int>(limit)));
    return Reply::Json200(out);
}

Result<Reply> Repeats(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows, notify::Repeats(**c, req.principal->user_id, id, 200));
    const Lang lang = http::RequestLang(req.headers);
    Json items = Json::array();
    for (const auto& n : rows) items.push_back(notify::NotificationJson(n, lang));
    return Reply::Json200({{"items", items}, {"total", items.size()}});
}

Result<Reply> MarkGroupRead(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    Reply r;
    r.audit_object = "notification:" + std::to_string(id);
    const int64_t user_id = req.principal->user_id;
    r.write = [id, user_id](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(const int64_t n, notify::MarkGroupRead(c, user_id, id, NowUnix()));
        out.body = {{"marked", n}};
        return Status::Ok();
    };
    return r;
}

}  // namespace

Result<Reply> CollapsedNotifications(Deps d, Request& req, bool unread, int page, int page_size) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto list, notify::ListCollapsed(**c, req.principal->user_id, unread, page, page_size));
    const Lang lang = http::RequestLang(req.headers);
    Json items = Json::array();
    for (const auto& g : list.first) items.push_back(notify::RepeatGroupJson(g, lang));
    return Reply::Json200({{"items", items}, {"total", list.second}});
}

void RegisterTodoRoutes(http::Router& router, Deps d) {
    router.Add({"GET", "/api/v1/todo", "", "todo.read", [d](Request& r) { return Todo(d, r); }});
    router.Add({"GET", "/api/v1/notifications/:id/repeats", "notify.read", "notification.repeats",
                [d](Request& r) { return Repeats(d, r); }});
    router.Add({"POST", "/api/v1/notifications/:id/read-all", "notify.read", "notification.read_group", MarkGroupRead});
}

}  // namespace jw::admin

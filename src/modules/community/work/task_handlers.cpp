// Tasks from the bureau (work_handlers.hpp): the list (?mine=1 for the officer's own), assignment, the
// completion report.
#include "common/civil_time.hpp"
#include "community/work/task_photos.hpp"
#include "community/work/work_handlers.hpp"
#include "community/work/work_json.hpp"
#include "community/work/work_service.hpp"
#include "http/params.hpp"
#include "idempotency/idempotency.hpp"
#include "media/media_store.hpp"

namespace jw::community {
namespace {

using http::Reply;
using http::Request;

Result<Reply> ListTasksHandler(WorkDeps d, Request& req) {
    WorkFilter f;
    JW_ASSIGN_OR_RETURN(auto page, http::QueryPage(req));
    f.page = page.page;
    f.page_size = page.page_size;
    JW_ASSIGN_OR_RETURN(bool mine, http::QueryBool(req, "mine", false));
    JW_ASSIGN_OR_RETURN(f.status, http::QueryEnum(req, "status", {"open", "done", "overdue"}));
    f.grid_id = req.Query("grid_id");
    JW_ASSIGN_OR_RETURN(f.assignee_id, http::QueryId(req, "assignee_id"));
    JW_ASSIGN_OR_RETURN(f.from, http::QueryInstant(req, "from"));
    JW_ASSIGN_OR_RETURN(f.to, http::QueryInstant(req, "to"));
    f.now = NowUnix();
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows, ListTasksFor(**c, *req.principal, f, mine));
    Json items = Json::array();
    for (const auto& t : rows.first) items.push_back(TaskJson(t, f.now));
    Reply r = Reply::Json200({{"items", items}, {"total", rows.second}});
    r.audit_object = mine ? "tasks:mine" : "tasks";
    return r;
}

Result<Reply> GetTaskHandler(WorkDeps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Task t, ReadTask(**c, *req.principal, id));
    Reply r = Reply::Json200(TaskJson(t, NowUnix()));
    r.audit_object = "task:" + std::to_string(id);
    return r;
}

Result<Reply> AssignTaskHandler(WorkDeps d, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"title", "description", "assignee_id", "grid_id", "address_id", "unit_id", "due_at",
                         "limit_working_days", "client_key"});
    TaskInput ti;
    ti.fields.title = in.Text("title", true, 100).value_or("");
    ti.fields.description = in.Text("description", false, 2000).value_or("");
    if (auto a = in.Int("assignee_id", false, 1, INT64_MAX)) ti.fields.assignee_id = *a;
    ti.fields.grid_id = in.Text("grid_id", false, 40).value_or("");
    ti.fields.address_code = in.Text("address_id", false, 64).value_or("");
    ti.fields.unit_id = in.Int("unit_id", false, 1, INT64_MAX).value_or(0);
    ti.due_at = ReadInstant(in, "due_at", false);
    if (auto n = in.Int("limit_working_days", false, 1, 60)) ti.limit_working_days = static_cast<int>(*n);
    ti.fields.client_key = in.Text("client_key", false, 64).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    const HolidayCalendar* calendar = &d.calendar;
    Reply r;
    r.status = 201;
    r.write = [actor, ti, calendar](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(auto saved, AssignTask(c, actor, ti, *calendar, now));
        e.object = "task:" + std::to_string(saved.record.id);
        out.body = TaskJson(saved.record, now);
        AuditReplay(e, saved.replay, out);
        return Status::Ok();
    };
    return r;
}

Result<Reply> ReportTaskHandler(WorkDeps, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"report", "media_ids", "longitude", "latitude", "client_key"});
    TaskReport tr;
    tr.report = in.Text("report", true, 2000).value_or("");
    tr.media_ids = in.TextList("media_ids", false, 9, 64).value_or(std::vector<std::string>{});
    tr.longitude = ReadCoordinate(body, in, "longitude", -180, 180);
    tr.latitude = ReadCoordinate(body, in, "latitude", -90, 90);
    tr.client_key = in.Text("client_key", false, 64).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    const auth::Principal actor = *req.principal;
    Reply r;
    r.audit_object = "task:" + std::to_string(id);
    r.write = [actor, id, tr](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(auto saved, ReportTask(c, actor, id, tr, now));
        out.body = TaskJson(saved.record, now);
        AuditReplay(e, saved.replay, out);
        return Status::Ok();
    };
    return r;
}

// The officers a leader may give a task to (in the leader's units).
Result<Reply> OfficersHandler(WorkDeps d, Request& req) {
    const std::string q = req.Query("q");
    if (q.size() > 60) return Status::Invalid("q", "too_long");
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto rows, ListOfficers(**c, WorkScope(*req.principal), q));
    Json items = Json::array();
    for (const auto& o : rows)
        items.push_back({{"id", o.id},
                         {"name", o.name},
                         {"police_no", o.police_no},
                         {"unit_id", o.unit_id},
                         {"unit_name", o.unit_name}});
    return Reply::Json200({{"items", items}});
}

}  // namespace

void RegisterTaskRoutes(http::Router& router, WorkDeps d) {
    const std::string base = "/api/v1/community/tasks";
    auto h = [d](Result<Reply> (*fn)(WorkDeps, Request&)) { return [d, fn](Request& r) { return fn(d, r); }; };
    router.Add({"GET", base, "community.work.read", "community.task.list", h(ListTasksHandler)});
    router.Add({"POST", base, "community.task.assign", "community.task.assign", h(AssignTaskHandler)});
    router.Add({"GET", base + "/:id", "community.work.read", "community.task.read", h(GetTaskHandler)});
    router.Add(
        {"GET", "/api/v1/community/officers", "community.task.assign", "community.officers", h(OfficersHandler)});
    router.Add({"POST", base + "/:id/report", "community.work.write", "community.task.complete",
                idempotency::Once(d.db, d.master, h(ReportTaskHandler))});
    // A report's photos are read like the task (GET …/tasks/:id: the read permission and the unit scope).
    media::RegisterAccessCheck(kTaskPhotoKind,
                               [](storage::Connection& c, const auth::Principal& p, int64_t id) -> Result<bool> {
                                   if (!p.Can("community.work.read")) return false;
                                   auto t = ReadTask(c, p, id);
                                   if (t.ok()) return true;
                                   if (t.status().code() == ErrorCode::kNotFound) return false;
                                   return t.status();
                               });
}

}  // namespace jw::community

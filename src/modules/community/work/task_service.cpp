// Tasks from the bureau and their reminders (work_service.hpp).
#include <algorithm>

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/log_mask.hpp"
#include "community/work/repository_util.hpp"
#include "community/work/task_photos.hpp"
#include "community/work/work_service.hpp"
#include "media/media_store.hpp"
#include "notify/outbox.hpp"
#include "timelimits/period.hpp"

namespace jw::community {

using storage::V;

namespace {

bool InScope(const auth::Principal& p, int64_t unit) { return p.all_units || p.SeesUnit(unit); }

// Who may report on a task: its assignee; for a grid task the grid team's members with an account, or, for a grid
// with no such member yet, the officers of the task's unit (a task must never be left without anyone to do it).
Result<std::vector<int64_t>> Reporters(storage::Connection& c, const Task& t) {
    if (t.assignee_id) return std::vector<int64_t>{*t.assignee_id};
    JW_ASSIGN_OR_RETURN(auto team, GridTeamUsers(c, t.grid_id));
    if (!team.empty()) return team;
    return UnitUsersWithRole(c, t.unit_id, "officer");
}

}  // namespace

bool IsOverdue(const Task& t, int64_t now) { return t.status == "open" && t.due_at < now; }

Result<Saved<Task>> AssignTask(storage::Connection& c, const auth::Principal& actor, const TaskInput& in,
                               const HolidayCalendar& calendar, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto earlier, TaskIdByKey(c, actor.user_id, in.fields.client_key));
    if (earlier) {
        JW_ASSIGN_OR_RETURN(Task t, GetTask(c, *earlier));
        return Saved<Task>{std::move(t), true};
    }
    Task t = in.fields;
    if (t.title.empty()) return Status::Invalid("title", "required");
    if (t.assignee_id && !t.grid_id.empty()) return Status::Invalid("grid_id", "one_of_assignee_or_grid");
    if (!t.address_code.empty()) {
        JW_ASSIGN_OR_RETURN(std::string grid, GridOfAddress(c, t.address_code));
        if (!t.assignee_id && t.grid_id.empty()) t.grid_id = grid;
    }
    if (!t.assignee_id && t.grid_id.empty()) return Status::Invalid("assignee_id", "required");
    if (t.assignee_id) {
        JW_ASSIGN_OR_RETURN(
            auto rows, c.Query("SELECT unit_id FROM users WHERE id = ? AND status = 'active'", {V(*t.assignee_id)}));
        if (rows.empty()) return Status::Invalid("assignee_id", "not_found");
        t.unit_id = rows[0].Int(0);
        if (!InScope(actor, t.unit_id)) return Status::Invalid("assignee_id", "outside_your_units");
    } else {
        if (t.unit_id == 0) t.unit_id = actor.unit_id;
        if (!InScope(actor, t.unit_id)) return Status::Invalid("unit_id", "outside_your_units");
    }
    if (in.due_at && in.limit_working_days) return Status::Invalid("due_at", "one_of_due_at_or_limit");
    if (in.limit_working_days) {
        // One counting of working days in the platform: the deadline engine's, over the holiday calendar.
        const CivilDate last = timelimits::AddWorkingDays(calendar, ChinaDateOf(now), *in.limit_working_days);
        t.due_at = ChinaMidnightOf(last) + kDaySeconds - 1;
        t.limit_working_days = in.limit_working_days;
    } else if (in.due_at) {
        if (*in.due_at <= now) return Status::Invalid("due_at", "in_past");
        t.due_at = *in.due_at;
    } else {
        return Status::Invalid("due_at", "required");
    }
    t.assigned_by = actor.user_id;
    t.status = "open";
    t.created_at = t.updated_at = now;
    JW_ASSIGN_OR_RETURN(int64_t id, InsertTask(c, t));
    JW_ASSIGN_OR_RETURN(Task out, GetTask(c, id));
    return Saved<Task>{std::move(out), false};
}

Result<Task> ReadTask(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    JW_ASSIGN_OR_RETURN(Task t, GetTask(c, id));
    if (!InScope(actor, t.unit_id)) return Status::NotFound("task");
    return t;
}

Result<bool> MayReport(storage::Connection& c, const auth::Principal& actor, const Task& t) {
    JW_ASSIGN_OR_RETURN(auto who, Reporters(c, t));
    return std::find(who.begin(), who.end(), actor.user_id) != who.end();
}

Result<Saved<Task>> ReportTask(storage::Connection& c, const auth::Principal& actor, int64_t id, const TaskReport& in,
                               int64_t now) {
    JW_ASSIGN_OR_RETURN(Task t, ReadTask(c, actor, id));
    JW_ASSIGN_OR_RETURN(bool may, MayReport(c, actor, t));
    if (!may) return Status(ErrorCode::kPermissionDenied, "the task was not given to you", {{"task", "not_assignee"}});
    if (t.status != "open") {
        if (!in.client_key.empty() && t.report_key == in.client_key && t.completed_by == actor.user_id)
            return Saved<Task>{std::move(t), true};
        return Status(ErrorCode::kConflict, "the task is done already", {{"status", "already_done"}});
    }
    if (in.report.empty()) return Status::Invalid("report", "required");
    if (in.longitude.has_value() != in.latitude.has_value()) return Status::Invalid("latitude", "required");
    t.report = in.report;
    t.report_media_ids = in.media_ids;
    t.report_longitude = in.longitude;
    t.report_latitude = in.latitude;
    t.report_key = in.client_key;
    t.completed_by = actor.user_id;
    t.completed_at = now;
    t.updated_at = now;
    JW_RETURN_IF_ERROR(CompleteTask(c, t));
    // The report's photos belong to the task from now on (read like it; not purged as abandoned uploads).
    for (const auto& m : in.media_ids)
        JW_RETURN_IF_ERROR(media::Attach(c, m, kTaskPhotoKind, t.id, actor.user_id, "media_ids"));
    JW_ASSIGN_OR_RETURN(Task out, GetTask(c, id));
    return Saved<Task>{std::move(out), false};
}

Result<Page<Task>> ListTasksFor(storage::Connection& c, const auth::Principal& actor, WorkFilter f, bool mine) {
    f.unit_scope = WorkScope(actor);
    if (mine) {
        f.mine_user = actor.user_id;
        JW_ASSIGN_OR_RETURN(f.mine_grids, GridsOfUser(c, actor.user_id));
    }
    return ListTasks(c, f);
}

Result<int> RemindTasks(storage::Connection& c, int64_t now) {
    int sent = 0;
    // Overdue first, so a task first seen past due gets the overdue reminder and not a stale "due soon" one.
    for (bool overdue : {true, false}) {
        JW_ASSIGN_OR_RETURN(auto tasks, TasksToRemind(c, overdue, overdue ? now : now + kDaySeconds));
        for (const Task& t : tasks) {
            JW_RETURN_IF_ERROR(MarkReminded(c, t.id, overdue));
            if (overdue) JW_RETURN_IF_ERROR(MarkReminded(c, t.id, false));
            JW_ASSIGN_OR_RETURN(auto users, Reporters(c, t));
            notify::Notification n;
            n.kind = "reminder";
            n.channel = "inapp";
            n.code = overdue ? "community.task.overdue" : "community.task.due";
            n.params = {{"title", MaskForLog(t.title)},
                        {"due", FormatChinaTime(t.due_at).substr(0, 16)},
                        {"task_id", std::to_string(t.id)}};
            for (int64_t u : users) {
                n.user_id = u;
                JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
                ++sent;
            }
        }
    }
    return sent;
}

}  // namespace jw::community

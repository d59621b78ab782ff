// community_tasks (work_repository.hpp).
#include <cstdio>

#include "community/work/repository_util.hpp"
#include "community/work/work_repository.hpp"
#include "storage/in_list.hpp"

namespace jw::community {

using storage::Null;
using storage::V;

namespace {

constexpr const char* kColumns =
    "t.id, t.client_key, t.title, t.description, t.assigned_by, COALESCE(ub.name, ''), t.unit_id, t.assignee_id, "
    "COALESCE(ua.name, ''), t.grid_id, t.address_code, t.due_at, t.limit_working_days, t.status, t.report, "
    "t.report_media_ids, t.report_longitude, t.report_latitude, t.report_key, t.completed_by, t.completed_at, "
    "t.created_at, t.updated_at FROM community_tasks t LEFT JOIN users ub ON ub.id = t.assigned_by "
    "LEFT JOIN users ua ON ua.id = t.assignee_id";

std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(',', i);
        if (j == std::string::npos) j = text.size();
        if (j > i) out.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

storage::Value Coord(const std::optional<double>& v) {
    if (!v) return Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", *v);
    return V(std::string(buf));
}

Task TaskFrom(const storage::Row& r) {
    Task t;
    t.id = r.Int(0);
    t.client_key = r.Str(1);
    t.title = r.Str(2);
    t.description = r.Str(3);
    t.assigned_by = r.Int(4);
    t.assigned_by_name = r.Str(5);
    t.unit_id = r.Int(6);
    if (!r.IsNull(7)) t.assignee_id = r.Int(7);
    t.assignee_name = r.Str(8);
    t.grid_id = r.Str(9);
    t.address_code = r.Str(10);
    t.due_at = r.Int(11);
    if (!r.IsNull(12)) t.limit_working_days = static_cast<int>(r.Int(12));
    t.status = r.Str(13);
    t.report = r.Str(14);
    t.report_media_ids = SplitList(r.Str(15));
    if (!r.IsNull(16)) t.report_longitude = std::stod(r.Str(16));
    if (!r.IsNull(17)) t.report_latitude = std::stod(r.Str(17));
    t.report_key = r.Str(18);
    if (!r.IsNull(19)) t.completed_by = r.Int(19);
    if (!r.IsNull(20)) t.completed_at = r.Int(20);
    t.created_at = r.Int(21);
    t.updated_at = r.Int(22);
    return t;
}

}  // namespace

Result<int64_t> InsertTask(storage::Connection& c, const Task& t) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne(
            "INSERT INTO community_tasks (client_key, title, description, assigned_by, unit_id, assignee_id, "
            "grid_id, address_code, due_at, limit_working_days, status, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,'open',?,?) RETURNING id",
            {t.client_key.empty() ? Null() : V(t.client_key), V(t.title), V(t.description), V(t.assigned_by),
             V(t.unit_id), t.assignee_id ? V(*t.assignee_id) : Null(), V(t.grid_id), V(t.address_code), V(t.due_at),
             t.limit_working_days ? V(*t.limit_working_days) : Null(), V(t.created_at), V(t.updated_at)}));
    return row.Int(0);
}

Result<std::optional<int64_t>> TaskIdByKey(storage::Connection& c, int64_t assigned_by, const std::string& key) {
    return work_sql::IdByKey(c, "SELECT id FROM community_tasks WHERE assigned_by = ? AND client_key = ?", assigned_by,
                             key);
}

Result<Task> GetTask(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + " WHERE t.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("task");
    return TaskFrom(rows[0]);
}

Result<Page<Task>> ListTasks(storage::Connection& c, const WorkFilter& f) {
    work_sql::Where w(c.dialect());
    w.Scope("t.unit_id", f.unit_scope);
    w.Eq("t.grid_id", f.grid_id);
    if (f.assignee_id) w.Add("t.assignee_id = ?", {V(*f.assignee_id)});
    if (f.status == "overdue")
        w.Add("t.status = 'open' AND t.due_at < ?", {V(f.now)});
    else
        w.Eq("t.status", f.status);
    if (f.from) w.Add("t.due_at >= ?", {V(*f.from)});
    if (f.to) w.Add("t.due_at < ?", {V(*f.to)});
    if (f.mine_user) {
        storage::Params p{V(*f.mine_user)};
        std::string pred = "(t.assignee_id = ? OR (t.assignee_id IS NULL AND (" +
                           storage::InFilter(c.dialect(), "t.grid_id", f.mine_grids, p);
        w.Add(pred + ")))", p);
    }
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM community_tasks t" + w.Sql(), w.params()));
    storage::Params p = w.params();
    p.push_back(V(int64_t{f.page_size}));
    p.push_back(V(int64_t{(f.page - 1) * f.page_size}));
    // Open tasks first, the most urgent on top; done ones after, the latest first.
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + w.Sql() +
                                               " ORDER BY CASE WHEN t.status = 'open' THEN 0 ELSE 1 END, "
                                               "CASE WHEN t.status = 'open' THEN t.due_at ELSE -t.due_at END, t.id "
                                               "LIMIT ? OFFSET ?",
                                           p));
    Page<Task> out{{}, total.Int(0)};
    for (const auto& r : rows) out.first.push_back(TaskFrom(r));
    return out;
}

Status CompleteTask(storage::Connection& c, const Task& t) {
    std::string media;
    for (const auto& m : t.report_media_ids) media += (media.empty() ? "" : ",") + m;
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("UPDATE community_tasks SET status = 'done', report = ?, report_media_ids = ?, "
                "report_longitude = ?, report_latitude = ?, report_key = ?, completed_by = ?, "
                "completed_at = ?, updated_at = ? WHERE id = ? AND status = 'open' RETURNING id",
                {V(t.report), V(media), Coord(t.report_longitude), Coord(t.report_latitude),
                 t.report_key.empty() ? Null() : V(t.report_key), t.completed_by ? V(*t.completed_by) : Null(),
                 t.completed_at ? V(*t.completed_at) : Null(), V(t.updated_at), V(t.id)}));
    if (rows.empty()) return Status(ErrorCode::kConflict, "the task is done already", {{"status", "already_done"}});
    return Status::Ok();
}

Result<std::vector<Task>> TasksToRemind(storage::Connection& c, bool overdue, int64_t due_before) {
    const std::string flag = overdue ? "reminded_overdue" : "reminded_due";
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + " WHERE t.status = 'open' AND t." +
                                               flag + " = 0 AND t.due_at <= ? ORDER BY t.due_at, t.id LIMIT 500",
                                           {V(due_before)}));
    std::vector<Task> out;
    for (const auto& r : rows) out.push_back(TaskFrom(r));
    return out;
}

Status MarkReminded(storage::Connection& c, int64_t task_id, bool overdue) {
    return c.Exec(std::string("UPDATE community_tasks SET ") + (overdue ? "reminded_overdue" : "reminded_due") +
                      " = 1 WHERE id = ?",
                  {V(task_id)});
}

}  // namespace jw::community

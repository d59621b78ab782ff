#include "checkpoint/analysis/analysis_repository.hpp"

namespace jw::checkpoint {
namespace {

using storage::Null;
using storage::V;

constexpr const char* kColumns =
    "id, user_id, username, kind, params, limits, purpose, case_no, status, progress, phase, row_count, error, "
    "created_at, started_at, finished_at";

Json ParseOr(const std::string& text, Json fallback) {
    if (text.empty()) return fallback;
    Json j = Json::parse(text, nullptr, false);
    return j.is_discarded() ? fallback : j;
}

// Reads kColumns (and, at index 16, the result when selected).
AnalysisTask FromRow(const storage::Row& r, bool with_result) {
    AnalysisTask t;
    t.id = r.Int(0);
    t.user_id = r.Int(1);
    t.username = r.Str(2);
    t.kind = r.Str(3);
    t.params = ParseOr(r.Str(4), Json::object());
    t.limits = ParseOr(r.Str(5), Json::object());
    t.purpose = r.Str(6);
    t.case_no = r.Str(7);
    t.status = r.Str(8);
    t.progress = static_cast<int>(r.Int(9));
    t.phase = r.Str(10);
    t.row_count = r.Int(11);
    t.error = r.Str(12);
    t.created_at = r.Int(13);
    if (!r.IsNull(14)) t.started_at = r.Int(14);
    if (!r.IsNull(15)) t.finished_at = r.Int(15);
    if (with_result && r.size() > 16 && !r.IsNull(16)) t.result = ParseOr(r.Str(16), Json());
    return t;
}

}  // namespace

Result<int64_t> InsertTask(storage::Connection& c, const AnalysisTask& t) {
    auto r = c.QueryOne(
        "INSERT INTO analysis_tasks (user_id, username, kind, params, limits, purpose, case_no, status, progress, "
        "phase, result, row_count, error, created_at, started_at, finished_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        {V(t.user_id), V(t.username), V(t.kind), V(t.params.dump()), V(t.limits.dump()), V(t.purpose), V(t.case_no),
         V(t.status), V(t.progress), V(t.phase),
         t.result_text ? V(*t.result_text)
         : t.result    ? V(t.result->dump())
                       : Null(),
         V(t.row_count), V(t.error), V(t.created_at), t.started_at ? V(*t.started_at) : Null(),
         t.finished_at ? V(*t.finished_at) : Null()});
    if (!r.ok()) return r.status();
    return r->Int(0);
}

Result<AnalysisTask> GetTask(storage::Connection& c, int64_t id, bool with_result) {
    std::string sql =
        std::string("SELECT ") + kColumns + (with_result ? ", result" : "") + " FROM analysis_tasks WHERE id = ?";
    auto rows = c.Query(sql, {V(id)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("analysis task");
    return FromRow(rows->front(), with_result);
}

Result<std::pair<std::vector<AnalysisTask>, int64_t>> ListTasks(storage::Connection& c, int64_t user_id, int page,
                                                                int page_size) {
    auto total = c.QueryOne("SELECT COUNT(*) FROM analysis_tasks WHERE user_id = ?", {V(user_id)});
    if (!total.ok()) return total.status();
    auto rows = c.Query(
        std::string("SELECT ") + kColumns + " FROM analysis_tasks WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        {V(user_id), V(page_size), V(int64_t{page - 1} * page_size)});
    if (!rows.ok()) return rows.status();
    std::vector<AnalysisTask> out;
    for (const auto& r : *rows) out.push_back(FromRow(r, false));
    return std::pair{std::move(out), total->Int(0)};
}

Result<std::vector<AnalysisTask>> ListQueued(storage::Connection& c) {
    auto rows = c.Query(std::string("SELECT ") + kColumns + " FROM analysis_tasks WHERE status = 'queued' ORDER BY id");
    if (!rows.ok()) return rows.status();
    std::vector<AnalysisTask> out;
    for (const auto& r : *rows) out.push_back(FromRow(r, false));
    return out;
}

Result<bool> MarkRunning(storage::Connection& c, int64_t id, int64_t now) {
    auto rows = c.Query(
        "UPDATE analysis_tasks SET status = 'running', started_at = ?, phase = 'starting' "
        "WHERE id = ? AND status = 'queued' RETURNING id",
        {V(now), V(id)});
    if (!rows.ok()) return rows.status();
    return !rows->empty();
}

Status SetProgress(storage::Connection& c, int64_t id, int progress, const std::string& phase) {
    return c.Exec("UPDATE analysis_tasks SET progress = ?, phase = ? WHERE id = ? AND status = 'running'",
                  {V(progress), V(phase), V(id)});
}

Result<bool> FinishTask(storage::Connection& c, int64_t id, const std::optional<Json>& result, int64_t row_count,
                        const std::string& error, int64_t now) {
    const bool ok = error.empty();
    auto rows = c.Query(
        "UPDATE analysis_tasks SET status = ?, progress = ?, phase = ?, result = ?, row_count = ?, "
        "error = ?, finished_at = ? WHERE id = ? AND status = 'running' RETURNING id",
        {V(ok ? "done" : "failed"), V(ok ? 100 : 0), V(ok ? "done" : "failed"), result ? V(result->dump()) : Null(),
         V(row_count), V(error), V(now), V(id)});
    if (!rows.ok()) return rows.status();
    return !rows->empty();
}

Result<bool> CancelTask(storage::Connection& c, int64_t id, int64_t now) {
    auto rows = c.Query(
        "UPDATE analysis_tasks SET status = 'cancelled', phase = 'cancelled', finished_at = ? "
        "WHERE id = ? AND status IN ('queued', 'running') RETURNING id",
        {V(now), V(id)});
    if (!rows.ok()) return rows.status();
    return !rows->empty();
}

Status RequeueInterrupted(storage::Connection& c) {
    return c.Exec("UPDATE analysis_tasks SET status = 'queued', progress = 0, phase = '' WHERE status = 'running'");
}

Status SaveToCase(storage::Connection& c, int64_t task_id, const std::string& case_no, int64_t user_id,
                  const std::string& note, int64_t now) {
    auto dup = c.Query("SELECT 1 FROM analysis_case_links WHERE task_id = ? AND case_no = ?", {V(task_id), V(case_no)});
    if (!dup.ok()) return dup.status();
    if (!dup->empty()) return Status(ErrorCode::kConflict, "already_saved", {{"case_no", "already_saved"}});
    return c.Exec("INSERT INTO analysis_case_links (task_id, case_no, saved_by, saved_at, note) VALUES (?,?,?,?,?)",
                  {V(task_id), V(case_no), V(user_id), V(now), V(note)});
}

Result<std::vector<std::string>> SavedCaseNumbers(storage::Connection& c, int64_t task_id) {
    auto rows = c.Query("SELECT case_no FROM analysis_case_links WHERE task_id = ? ORDER BY id", {V(task_id)});
    if (!rows.ok()) return rows.status();
    std::vector<std::string> out;
    for (const auto& r : *rows) out.push_back(r.Str(0));
    return out;
}

Result<std::vector<SavedAnalysis>> ListSaved(storage::Connection& c, const std::string& case_no) {
    // kColumns with the task table's alias, so the link's own columns can follow.
    std::string prefixed = std::string("t.") + kColumns;
    for (size_t at = prefixed.find(", "); at != std::string::npos; at = prefixed.find(", ", at + 4))
        prefixed.replace(at, 2, ", t.");
    auto rows = c.Query("SELECT " + prefixed +
                            ", l.saved_by, l.saved_at, l.note FROM analysis_case_links l "
                            "JOIN analysis_tasks t ON t.id = l.task_id WHERE l.case_no = ? ORDER BY l.id DESC",
                        {V(case_no)});
    if (!rows.ok()) return rows.status();
    std::vector<SavedAnalysis> out;
    for (const auto& r : *rows) {
        SavedAnalysis s;
        s.task = FromRow(r, false);
        s.saved_by = r.Int(16);
        s.saved_at = r.Int(17);
        s.note = r.Str(18);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace jw::checkpoint

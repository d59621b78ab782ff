#pragma once
// The analysis part's repository: analysis tasks and their links to cases (schema/004_analysis.sql). SQL only;
// works on SQLite and PostgreSQL. Every function runs on the connection it is given (a transaction when the caller
// holds one). Status values: queued → running → done | failed | cancelled (cancelled also straight from queued).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/json_util.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

struct AnalysisTask {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string username;
    std::string kind;  // trajectory | companion | collision | first_seen | cloned | night
    Json params;       // the engine query's parameters (without "q")
    Json limits;       // the role limits it ran under (analysis_limits.hpp fields)
    std::string purpose, case_no;
    std::string status;          // queued | running | done | failed | cancelled
    int progress = 0;            // 0–100
    std::string phase;           // e.g. "day 3/30", "condition 2/4", "running"
    std::optional<Json> result;  // only when asked for and present
    // Written instead of result when set: the result already as JSON text (an inline run's, ADR 0072).
    std::optional<std::string> result_text;
    int64_t row_count = 0;
    std::string error;
    int64_t created_at = 0;
    std::optional<int64_t> started_at, finished_at;
};

// Inserts `t` (its status and, when done, result and row_count) and returns the id.
Result<int64_t> InsertTask(storage::Connection& c, const AnalysisTask& t);
// Error: NotFound("analysis task").
Result<AnalysisTask> GetTask(storage::Connection& c, int64_t id, bool with_result);
// A user's tasks, newest first, without results; second = total.
Result<std::pair<std::vector<AnalysisTask>, int64_t>> ListTasks(storage::Connection& c, int64_t user_id, int page,
                                                                int page_size);
// Tasks waiting to run (oldest first), with their parameters.
Result<std::vector<AnalysisTask>> ListQueued(storage::Connection& c);

// queued → running; false when the task is no longer queued (cancelled meanwhile).
Result<bool> MarkRunning(storage::Connection& c, int64_t id, int64_t now);
// Progress of a running task (ignored when it is no longer running).
Status SetProgress(storage::Connection& c, int64_t id, int progress, const std::string& phase);
// running → done (result, row_count, progress 100) or failed (error). False when no longer running.
Result<bool> FinishTask(storage::Connection& c, int64_t id, const std::optional<Json>& result, int64_t row_count,
                        const std::string& error, int64_t now);
// queued|running → cancelled. False when the task had already finished.
Result<bool> CancelTask(storage::Connection& c, int64_t id, int64_t now);
// After a restart: tasks left running go back to the queue.
Status RequeueInterrupted(storage::Connection& c);

// Links a done task to a case (the caller has checked that the user may see the case: cases/case_scope.hpp). Error:
// Conflict when it is already saved to that case.
Status SaveToCase(storage::Connection& c, int64_t task_id, const std::string& case_no, int64_t user_id,
                  const std::string& note, int64_t now);

struct SavedAnalysis {
    AnalysisTask task;  // without result
    int64_t saved_by = 0;
    int64_t saved_at = 0;
    std::string note;
};
// The numbers of the cases the task is saved to (empty when none).
Result<std::vector<std::string>> SavedCaseNumbers(storage::Connection& c, int64_t task_id);
// Analyses saved to a case, newest first.
Result<std::vector<SavedAnalysis>> ListSaved(storage::Connection& c, const std::string& case_no);

}  // namespace jw::checkpoint

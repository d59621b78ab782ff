#pragma once
// HTTP routes and jobs of the checkpoint module's analysis part (docs/api/checkpoint-analysis.md):
//   POST /api/v1/checkpoint/analyses                 {kind, params, background?} — purpose + case number
//        required (needs_purpose); the query goes into the audit detail; small runs answer at once
//        {task_id, status: "done", result}, long ones (over 7 days in all, or background) {task_id, "queued"}
//   GET  /api/v1/checkpoint/analyses?case_no=        analyses saved to a case
//   GET  /api/v1/checkpoint/analyses/tasks           my tasks (paging)
//   GET  /api/v1/checkpoint/analyses/tasks/:id       status, progress, result (audited read)
//   POST /api/v1/checkpoint/analyses/tasks/:id/cancel
//   POST /api/v1/checkpoint/analyses/tasks/:id/save  {case_no, note?}
//   POST /api/v1/checkpoint/analyses/tasks/:id/exported {rows, format?} — records a client-side export
// The run, the saved list and the export are sensitive (purpose + case number stated); those and every read of a
// task's result check the case number through search_basis.hpp (a case the user may see, or an approved
// exception), and a run also that its range is not in the future — before anything runs.
// Search exceptions: RegisterExceptionRoutes (exception_handlers.cpp), called by RegisterAnalysisRoutes.
// RegisterAnalysisJobs starts the task workers (the runner lives until StopAnalysisTasks or process exit).

#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint {

void RegisterAnalysisRoutes(http::Router& router, const Deps& deps);
void RegisterExceptionRoutes(http::Router& router, const Deps& deps);
Status RegisterAnalysisJobs(notify::Scheduler& scheduler, const Deps& deps);
// Stops the task workers after their current chunk; call before the PassHub is destroyed. Idempotent.
void StopAnalysisTasks();

}  // namespace jw::checkpoint

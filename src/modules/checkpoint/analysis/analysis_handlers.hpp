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
// RegisterAnalysisJobs starts the task workers (the runner lives until StopAnalysisTasks or process exit).

#include "checkpoint/checkpoint_module.hpp"

namespace jw::checkpoint {

void RegisterAnalysisRoutes(http::Router& router, const Deps& deps);
Status RegisterAnalysisJobs(notify::Scheduler& scheduler, const Deps& deps);
// Stops the task workers after their current chunk; call before the PassHub is destroyed. Idempotent.
void StopAnalysisTasks();

}  // namespace jw::checkpoint

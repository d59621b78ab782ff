#pragma once
// The checkpoint module's lines of the to-do centre (notify/todo.hpp, issue 13): watch orders (布控) waiting for the
// reader's approval, and analysts' search exceptions waiting for a leader's decision.
#include <memory>

#include "notify/todo.hpp"

namespace jw::checkpoint {

// checkpoint.watch_approve (watch.approve): pending orders still valid, not applied for by the reader (who may not
// approve their own, watch_service.hpp ApproveOrder), in the reader's unit scope. Link
// /checkpoint/watch?status=pending.
std::unique_ptr<notify::todo::Source> MakeWatchApprovalSource();
// checkpoint.exception_approve (analysis.exception_approve): pending search exceptions not asked for by the reader
// (who may not decide their own, analysis_exceptions.hpp DecideException). Link /checkpoint/analysis.
std::unique_ptr<notify::todo::Source> MakeExceptionApprovalSource();

}  // namespace jw::checkpoint

#pragma once
// JSON of 110 dispatch for the routes (docs/api/dispatch.md). The caller's number and name are masked
// (MaskPhone / MaskName) unless `caller_full` — only the caller route of the duty desk sets it. A work order's
// JSON carries the call's summary, place and category, never the caller.

#include "common/json_util.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch.hpp"

namespace jw::dispatch {

Json CallJson(const Call& k, bool caller_full, int64_t now);
Json EventJson(const CallEvent& e);
Json PatrolJson(const Patrol& p);
Json WorkOrderJson(const WorkOrder& w);
Json CallbackJson(const Callback& b);
Json CategoryJson(const Category& c);
Json DepartmentJson(const Department& d);

}  // namespace jw::dispatch

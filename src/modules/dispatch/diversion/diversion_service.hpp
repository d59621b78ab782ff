#pragma once
// Diversion (非警务分流): one action turns a non-police call into a work order for a department of the catalogue
// (data/departments.csv on the orgs registry), the caller told by SMS where it went; the department accepts and
// reports — by its dept_staff accounts (auth/external.hpp: only its own organisation's orders) or, for a
// department on the webhook channel (the 12345 platform), through the signed inbound webhook. The report opens the
// call's callback (callbacks/callback_service.hpp); nothing closes before that callback is recorded. The other
// direction: a police matter 12345 received comes in as a call (source 12345) on the desk's board.
//
// Every function runs on the caller's connection inside its write transaction. Errors name the field; a work order
// outside an external caller's organisations is NotFound "work_order". Thread safety: stateless.

#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "common/json_util.hpp"
#include "dispatch/dispatch.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

// Reads data/departments.csv into dispatch_departments, linking each to its organisation (organisations.code)
// when registered. Idempotent (Module::Prepare and the demo).
Status SyncDepartments(storage::Connection& c);

// Diverts the call to `department_code`; `category`, when given, recategorises the call (must be a non-police
// category). Returns the work order id. Errors: the transition's (divert); InvalidArgument
// department_code=not_found, category=invalid_enum | police_matter (the call's or the given category is a police
// one: it is not diverted), note=too_long (> 500).
Result<int64_t> DivertCall(storage::Connection& c, const auth::Principal& actor, int64_t call_id,
                           const std::string& department_code, const std::string& note,
                           const std::optional<std::string>& category, std::optional<int64_t> expected_version,
                           int64_t now);

// The work order if the caller may see it: an external caller its own organisation's (OrgFilter), a police
// caller with dispatch.read any. NotFound "work_order" otherwise.
Result<WorkOrder> WorkOrderInScope(storage::Connection& c, const auth::Principal& actor, int64_t id);

// The department's accept (sent → accepted) and report (accepted → reported, `report` required ≤ 1000). Only an
// external account of the order's organisation with dispatch.workorder. Errors: Denied dispatch.workorder;
// NotFound; Conflict state=not_allowed_in_state, expected_version=version_mismatch; InvalidArgument report.
Status AcceptWorkOrder(storage::Connection& c, const auth::Principal& actor, int64_t id,
                       std::optional<int64_t> expected_version, int64_t now);
Status ReportWorkOrder(storage::Connection& c, const auth::Principal& actor, int64_t id, const std::string& report,
                       std::optional<int64_t> expected_version, int64_t now);

// The 12345 platform's signed message (the signature is checked by the handler): {"event": "order.accepted" |
// "order.reported", "order_no", "report"} for an order sent to a webhook department, or {"event":
// "police_matter", "external_ref", "caller_phone", "caller_name", "summary", "place_text", "category"} handing
// a police matter to the police (a call, source 12345, at the county's root unit; the same external_ref again
// returns the first call). Returns {"ok": true, "call_id"?: n, "order_no"?: s}. Errors: InvalidArgument naming
// the field (event=invalid_enum, order_no=not_found, category=police_only for a non-police category …);
// Conflict state=not_allowed_in_state.
Result<Json> ApplyInbound(storage::Connection& c, const Json& message, int64_t now);

}  // namespace jw::dispatch

#pragma once
// The rules of watch orders (布控). Every function runs on the caller's connection inside the caller's write
// transaction (a Reply's `write`, a scheduler job), writes one watch_order_events row per change, and leaves
// the hub alone: callers rebuild the watch list afterwards (RefreshWatchList, watch_hits.hpp).
// `expected_version`, when given, must equal the order's version (optimistic concurrency), else Conflict
// "version_mismatch"; every change increments the version.

#include <optional>
#include <vector>

#include "alerts/alert.hpp"
#include "checkpoint/watch/watch_order.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// Validates and normalises `in` in place. Errors (InvalidArgument naming the field): target_kind (only
// "plate"), target (GA 36 plate problems), plate_color (0-255), reason (required, ≤ 200), case_no (required,
// ≤ 40), valid_from / valid_to (valid_to after valid_from and after `now`, at most 366 days long), priority
// (1-4), colour (one of the policy's), unit_ids (1-50 units). Fills an empty colour from the policy.
Status ValidateOrder(const alerts::Policy& policy, OrderInput& in, int64_t now);

// Creates a pending order applied for by `actor` for the actor's unit. Errors: ValidateOrder's;
// InvalidArgument "unit_ids" naming an unknown unit.
Result<int64_t> CreateOrder(storage::Connection& c, const alerts::Policy& policy, OrderInput in, const Actor& actor,
                            int64_t now);

// pending → active; `comment` (optional) is kept in the approval event. Errors: NotFound; PermissionDenied
// "applicant_cannot_approve" (the applicant approving their own order); Conflict "not_pending", "expired"
// (valid_to already passed), "version_mismatch".
Status ApproveOrder(storage::Connection& c, int64_t id, const Actor& actor, std::optional<int64_t> expected_version,
                    int64_t now, const std::string& comment = "");

// pending → rejected. Errors: InvalidArgument "reason" (required); NotFound; PermissionDenied
// "applicant_cannot_approve"; Conflict "not_pending", "version_mismatch".
Status RejectOrder(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                   std::optional<int64_t> expected_version, int64_t now);

// Changes validity, priority, colour, stated reason or units of a pending or active order. Errors:
// InvalidArgument "reason" (required) and ValidateOrder's for the changed fields; NotFound; Conflict
// "not_changeable", "version_mismatch".
Status ChangeOrder(storage::Connection& c, const alerts::Policy& policy, int64_t id, const ChangeInput& in,
                   const Actor& actor, std::optional<int64_t> expected_version, int64_t now);

// 撤控: pending or active → withdrawn. Errors: InvalidArgument "reason" (required); NotFound; Conflict
// "not_withdrawable", "version_mismatch".
Status WithdrawOrder(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                     std::optional<int64_t> expected_version, int64_t now);

// Marks pending and active orders whose valid_to has passed as expired (one event each). Returns how many.
Result<int> ExpireDue(storage::Connection& c, int64_t now);

// Batch import: every row becomes a pending order with `common`'s case, reason (a row's own reason wins),
// validity, priority, colour and units. Rows with an invalid plate, a plate repeated in the file, or a plate
// that already has a pending or active order are reported with their line number and not created; the
// valid rows are created together. Errors: ValidateOrder's for `common` (target excepted); InvalidArgument
// "text" (empty or too many rows).
struct ImportReport {
    std::vector<int64_t> created;
    std::vector<std::string> created_plates;
    std::vector<ImportProblem> invalid;     // field + problem
    std::vector<ImportProblem> duplicates;  // problem: "line N" (repeated in the file) or "order N" (existing)
    int rows = 0;
};
Result<ImportReport> ImportOrders(storage::Connection& c, const alerts::Policy& policy, std::string_view text,
                                  OrderInput common, const Actor& actor, int64_t now);

}  // namespace jw::checkpoint

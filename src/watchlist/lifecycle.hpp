#pragma once
// The rules every watch list shares (布控, ADR 0010 and 0052): an entry is applied for by one officer, approved by
// another (a leader), valid in [valid_from, valid_to), and ends withdrawn (撤控) or expired.
//
// Status: pending → active (approved) → withdrawn | expired; pending → rejected | withdrawn | expired.
// Each module keeps its own tables, events and hits (vehicle watch orders in checkpoint/watch, the person watch list
// in personwatch); these are the checks both apply before they change a row. Pure functions, except CheckUnits
// (a read on the caller's connection). Thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::watchlist {

// The longest validity of one entry: a year (and a day for a leap year); longer watches are renewed by a change.
inline constexpr int64_t kMaxValiditySeconds = 366 * 86400;
inline constexpr size_t kMaxNotifyUnits = 50;

// What a state change looks at.
struct Head {
    int64_t applicant = 0;
    std::string status;  // pending | active | rejected | withdrawn | expired
    int64_t version = 0, valid_to = 0;
};

// Whether `s` is non-empty valid UTF-8 of at most `max` code points.
bool TextOk(std::string_view s, size_t max);
// InvalidArgument `field` "required, at most <max> characters" unless TextOk.
Status RequireText(std::string_view field, std::string_view s, size_t max);

// The validity window. Errors (InvalidArgument): valid_from "out_of_range" (negative or past 2106), valid_to
// "out_of_range", "must_be_after_valid_from", "already_passed" (at or before `now`), "longer_than_366_days".
Status ValidateWindow(int64_t from, int64_t to, int64_t now);

// The units an entry notifies: 1 to kMaxNotifyUnits. Error: InvalidArgument "unit_ids" "between 1 and 50 units".
Status ValidateUnitCount(const std::vector<int64_t>& units);
// Each unit exists and is not dissolved. Errors: InvalidArgument `field` "unknown unit <id>" / "dissolved"; the
// database's.
Status CheckUnits(storage::Connection& c, const std::vector<int64_t>& units, std::string_view field = "unit_ids");

// Optimistic concurrency: `expected` (when given) equals the version. Error: Conflict "version_mismatch".
Status CheckVersion(const Head& h, std::optional<int64_t> expected);
// pending → active by `approver` at `now`. Errors: Conflict "not_pending"; PermissionDenied
// "applicant_cannot_approve" (four eyes: nobody approves their own application); Conflict "expired".
Status CheckApprove(const Head& h, int64_t approver, int64_t now);
// pending → rejected. Errors: Conflict "not_pending"; PermissionDenied "applicant_cannot_approve".
Status CheckReject(const Head& h, int64_t approver);
// A change of terms: pending or active. Error: Conflict "not_changeable".
Status CheckChange(const Head& h);
// 撤控: pending or active → withdrawn. Error: Conflict "not_withdrawable".
Status CheckWithdraw(const Head& h);

}  // namespace jw::watchlist

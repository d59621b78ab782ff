#pragma once
// The one check of what a sensitive vehicle search stands on (issue 13), asked by every way in to an analysis
// (run, the saved list of a case, reading a task's result, export, save to a case):
// - the case number names a case the user may see — the cases module's rule (cases/case_scope.hpp, the one
//   GET /cases/{id} applies), asked, not copied — or one the user holds an approved, unexpired exception for
//   (analysis_exceptions.hpp);
// - the searched time range is not in the future (a range that would answer "nothing" because it has not
//   happened yet is refused instead).
// The dispatcher has already checked that a purpose of 4+ characters and a well-formed case number were given
// (Route.needs_purpose). Thread-safe; runs on the connection it is given.

#include <cstdint>
#include <string>

#include "auth/principal.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// Clock slack for "now" (the browser's clock and the server's differ by a little).
inline constexpr int64_t kFutureSlackS = 300;

// Ok when `actor` may search under `case_no` at `now`. Errors: kInvalidArgument {"case_no": "unknown_case"}
// for a number that is no case the actor may see and has no approved exception (the same answer whether the case
// exists in another unit or not at all: the reply must not tell which numbers exist); the database's errors.
Status CheckCaseBasis(storage::Connection& c, const auth::Principal& actor, const std::string& case_no, int64_t now);

// Ok when no [from, to) of the engine request (top level and each collision condition) reaches past now.
// Errors: kInvalidArgument naming "from" / "to" (or "conditions[i].from" / "conditions[i].to") with
// "in_future": from at or after now, or to after now + kFutureSlackS. Unparsable times are left to the engine.
Status CheckNotFuture(const Json& request, int64_t now);

// Both checks of a search that runs a query, with every failing field in one reply (the user fixes them at once):
// CheckCaseBasis, then CheckNotFuture. The way in of POST /analyses, checked before anything runs.
Status CheckSearch(storage::Connection& c, const auth::Principal& actor, const std::string& case_no,
                   const Json& request, int64_t now);

}  // namespace jw::checkpoint

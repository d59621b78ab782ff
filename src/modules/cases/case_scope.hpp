#pragma once
// Public to other modules: whether a user may see a case, by its number. The rule is the one GET
// /api/v1/cases/{id} applies (the handling unit in the user's data scope, or a legal reviewer, who reads the
// whole county). A module that links its records to cases (checkpoint's saved analyses) asks here instead of
// reading the cases table. Thread-safe; runs on the connection it is given.

#include <string>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::cases {

// The id of the case numbered `case_no` when `actor` may see it. NotFound("case") both when there is no such
// case and when it is outside the actor's scope, so that the answer does not tell which numbers exist.
Result<int64_t> VisibleCaseId(storage::Connection& c, const auth::Principal& actor, const std::string& case_no);

}  // namespace jw::cases

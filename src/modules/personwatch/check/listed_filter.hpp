#pragma once
// Which of many subjects the person watch list may name: one query for all (issue 17, ADR 0062). For callers that
// check many people at once — the courier companies' bulk intake posts up to 1,000 records — and would otherwise pay
// CheckIdentity's look-ups per person. A subject answered `false` has no active entry valid at `now` on its
// document, so CheckIdentity would answer "no hit" and write nothing for it; the caller runs CheckIdentity only on
// the subjects answered `true` (same answer, same alert, exactly once per event). `true` also for a subject this
// filter cannot decide by document (no number: a name + birth date check; a number NormaliseIdentity refuses), so
// CheckIdentity still answers or refuses those itself.
// Runs on the caller's connection (inside its transaction); reads only. Needs personwatch::InstallKeys.
#include <vector>

#include "common/status.hpp"
#include "personwatch/check/identity_check.hpp"
#include "storage/database.hpp"

namespace jw::personwatch {

// One answer per subject, in order. Errors: the database's.
Result<std::vector<bool>> MayBeListed(storage::Connection& c, const std::vector<CheckSubject>& who, int64_t now);

}  // namespace jw::personwatch

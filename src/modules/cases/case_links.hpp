#pragma once
// Case people and places resolve through the community master index (issue 14 "Reuse", ADR 0037).
//
// A party with a resident ID number (15 or 18 digits) is the person of community_people with that identity:
// community::ResolvePerson finds them or registers them (from the party's name and number) on the caller's
// transaction, so the case change and the link commit together; the party's own fields stay as they are in cases
// (sealed, as written). A party without one (passport — cases keep no nationality —, other, none) stays unlinked.
// The case's place, free text, is matched to a standard address; below the matcher's threshold it stays unlinked
// and the case page shows the candidates.
//
// Thread safety: stateless; the connection is the caller's.

#include <cstdint>
#include <string>

#include "auth/principal.hpp"
#include "cases/case.hpp"
#include "common/json_util.hpp"
#include "community/addresses/address_matcher.hpp"
#include "storage/database.hpp"

namespace jw::cases {

// Links one stored party (p.id set) and records that it was looked at. Errors: the database's; an identity the
// index refuses (it should not: cases validate the number) leaves the party unlinked rather than failing the case.
Status LinkParty(storage::Connection& tx, const auth::Principal& actor, const Person& p);

// Matches `place` and stores the result on the case. A null matcher (the index not built yet) leaves the case for
// the backfill. Errors: the database's.
Status LinkPlace(storage::Connection& tx, int64_t case_id, const community::AddressMatcher* matcher,
                 const std::string& place);

// The officer's choice of the standard address for the case's place (an unlinked place's candidate, or a
// correction): stored with score 1 (chosen, not matched). The place's text stays as written. Errors: NotFound
// "case" (none, or not in the actor's units), InvalidArgument address_id unknown (not in the matcher's
// addresses), Unavailable without a matcher, the database's.
Result<Case> ChoosePlace(storage::Connection& tx, const auth::Principal& actor, int64_t case_id,
                         const community::AddressMatcher* matcher, const std::string& address_id);

// The one-off backfill of cases stored before the index (and of any row a crash left behind): parties not looked
// at, then — when `matcher` has addresses — places not looked at, in transactions of at most `batch` rows. Each row
// is linked and marked in one transaction, so a kill -9 at any point leaves it either untouched or done; running it
// again finishes the rest (idempotent). `max_batches` < 0: until none is left (tests stop it midway with a count).
// The index person is registered on behalf of the case's creator and unit. Runs outside the Committer, at
// start-up. Returns how many rows it looked at. Errors: the database's.
Result<int64_t> LinkMasterIndex(storage::Connection& c, const community::AddressMatcher* matcher, int batch = 200,
                                int max_batches = -1);

// The case's place in the master index, for the case page: {"address_id", "full_name", "score", "candidates"} —
// linked: the standard address (no candidates); unlinked: address_id null and the candidates the matcher offers now
// (none without a matcher), for the officer to choose from.
Json StandardPlaceJson(const Case& k, const community::AddressMatcher* matcher);

// LinkMasterIndex as the server runs it at start-up (cases' Prepare): with a matcher of the standard addresses,
// built only when some place waits and addresses exist. Errors: LinkMasterIndex's.
Status LinkMasterIndexAtStart(storage::Connection& c);

}  // namespace jw::cases

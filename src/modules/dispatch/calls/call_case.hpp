#pragma once
// A case from a call (outcome "case"): the cases module's CreateCase with the call's facts, place and people — the
// summary as the facts, the place (text, coordinates, standard address), the time of the call as the time it
// happened, the caller as the reporter, the call number as the case's source ("110报警 <call_no>") — so nothing is
// typed twice. A caller who gave no name (匿名报警) becomes a reporter named kAnonymousCaller with no number and no
// ID: the case says explicitly that the reporter is anonymous, and the number stays on the call record (sealed, the
// desk's to open), reached from the case through the call number — it is not copied into the case file, where
// it would travel into documents and the reporter's query-code SMS. The call finishes with outcome case and its
// callback opens. Runs inside the caller's write transaction.

#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

// The reporter's name in a case from an anonymous call (the web shows it in the reader's language).
inline constexpr const char* kAnonymousCaller = "匿名报警人";

struct CaseFromCallInput {
    std::string case_type;  // administrative | criminal; empty: criminal for a 刑事 (01…) category, else administrative
    std::string cause;      // empty: the category's name
    int64_t lead_officer_id = 0;  // 0: the actor (must be an officer of the call's unit)
};

// Returns the case id. Errors: the transition's (case: from arrived or finished, dispatch.case); Conflict
// case_id=already_created; the cases module's (lead_officer_id not_in_unit …, people[0].… for the caller).
Result<int64_t> CaseFromCall(storage::Connection& c, const auth::Principal& actor, int64_t call_id,
                             const CaseFromCallInput& in, const std::string& region, int64_t now);

}  // namespace jw::dispatch

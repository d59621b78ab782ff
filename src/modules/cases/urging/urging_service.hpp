#pragma once
// 督办 / 催办 (issue 13): the rules. A 督办 is sent by a holder of case.urge on an open case in their data scope
// (a county-wide leader: any unit; a unit's leader: their unit and below) to the case unit's heads — the active
// users of the case's unit holding case.urge.receive — with a message and a deadline (a China date, today or
// later). A 催办 reminds of a 督办 that is not answered. A unit head (case.urge.receive, the case's unit in their
// scope) answers a 督办, which closes it (and its line in their to-do). Each step is a case event (kind "record":
// urge, urge_remind, urge_answer — the case's timeline) and an in-app notification through the outbox; the
// routes' audit records name the case. Functions write on the caller's connection inside the caller's audited
// transaction. Stateless; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "cases/urging/urging.hpp"
#include "storage/database.hpp"

namespace jw::cases::urging {

inline constexpr size_t kMaxMessage = 500;

// Errors: NotFound "case" (unknown, or outside the sender's scope: the two are not told apart); Conflict
// {state: closed}; InvalidArgument message (required / too_long), due_date (required / invalid_date / past);
// Conflict {unit: no_unit_head} when nobody in the case's unit could receive it (the security administrator gives
// case.urge.receive to the unit heads' role).
Result<Urging> Issue(storage::Connection& c, const auth::Principal& sender, int64_t case_id, const std::string& message,
                     const std::string& due_date, int64_t now);

// 催办 of the 督办 `urging_id` of the case. Errors: Issue's for the case and message; NotFound "urging" (not a
// 督办 of this case); Conflict {urging: answered}.
Result<Urging> Remind(storage::Connection& c, const auth::Principal& sender, int64_t case_id, int64_t urging_id,
                      const std::string& message, int64_t now);

// The unit head answers. Errors: NotFound "case" / "urging" as above (the case's unit must be in the answerer's
// scope); InvalidArgument answer (required / too_long); Conflict {urging: answered}.
Result<Urging> Answer(storage::Connection& c, const auth::Principal& head, int64_t case_id, int64_t urging_id,
                      const std::string& answer, int64_t now);

// The case's urgings for a reader who may see the case (the caller checked). Oldest first.
Result<std::vector<Urging>> OfCase(storage::Connection& c, int64_t case_id);

}  // namespace jw::cases::urging

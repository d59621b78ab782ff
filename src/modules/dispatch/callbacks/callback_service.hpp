#pragma once
// Callbacks (回访): every finished call — resolved on scene, turned into a case, or diverted once the department
// reported — gets exactly one callback task (the unique call_id of dispatch_callbacks; opening it twice makes
// nothing new), due its category's callback_hours (data/categories.csv) after it opened, listed in the desk's to-do.
// The desk records the result (satisfied | basic | unsatisfied, comment): the call closes (and its work order); an
// unsatisfied result reopens the call for review (state review, the leader's to-do) until the leader concludes it. Runs
// on the caller's connection inside its write transaction. Thread safety: stateless.

#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "dispatch/dispatch.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

// The seconds within which the caller of a call of `category` is called back: the category's callback_hours in
// data/categories.csv (the county's setting, 非法定); 72 hours for a category the file does not know.
int64_t CallbackDueSeconds(const std::string& category);

// Opens the call's callback unless it has one; returns whether one was opened.
Result<bool> OpenCallback(storage::Connection& c, int64_t call_id, std::optional<int64_t> work_order_id, int64_t now);

// Records the result. Errors: Denied dispatch.callback; NotFound "callback" (or its call outside the actor's
// scope); InvalidArgument result=invalid_enum, comment=too_long (> 500) | required (unsatisfied needs one);
// Conflict state=already_recorded.
Status RecordCallbackResult(storage::Connection& c, const auth::Principal& actor, int64_t callback_id,
                            const std::string& result, const std::string& comment, int64_t now);

// The leader concludes the review of an unsatisfied callback: the call closes again. Errors: Denied
// dispatch.review; NotFound; InvalidArgument note=required; Conflict review=not_open.
Status ConcludeCallbackReview(storage::Connection& c, const auth::Principal& actor, int64_t callback_id,
                              const std::string& note, int64_t now);

}  // namespace jw::dispatch

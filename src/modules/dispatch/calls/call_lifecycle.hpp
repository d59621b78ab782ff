#pragma once
// The call (警情) state machine as one table: each action, the states it may start from, the state it leads to and
// the permission it needs (permissions.csv gives the roles). received → dispatched → accepted → arrived →
// finished → closed; received…arrived → diverted → closed; finished/diverted → closed only by the callback (the
// caller called back); closed → review when the caller was not satisfied; review → closed when the leader
// concludes it. Pure data and functions; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"

namespace jw::dispatch {

struct Transition {
    std::string action;
    std::vector<std::string> from;
    std::string to;
    std::string permission;
};

const std::vector<Transition>& CallTransitions();
// The transition for `action` from `state` for `actor`. Errors: InvalidArgument action=unknown_action; Denied
// (the permission) when the actor lacks it; Conflict state=not_allowed_in_state.
Result<const Transition*> CheckTransition(std::string_view action, std::string_view state,
                                          const auth::Principal& actor);
// Whether the state is open (not closed).
bool IsOpenState(std::string_view state);

}  // namespace jw::dispatch

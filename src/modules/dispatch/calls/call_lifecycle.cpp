// The call state machine (call_lifecycle.hpp).
#include "dispatch/calls/call_lifecycle.hpp"

#include <algorithm>

namespace jw::dispatch {

const std::vector<Transition>& CallTransitions() {
    static const std::vector<Transition> table = {
        {"dispatch", {"received"}, "dispatched", "dispatch.assign"},
        {"accept", {"dispatched"}, "accepted", "dispatch.respond"},
        {"arrive", {"accepted"}, "arrived", "dispatch.respond"},
        {"finish", {"arrived"}, "finished", "dispatch.respond"},
        {"case", {"arrived", "finished"}, "finished", "dispatch.case"},
        {"divert", {"received", "dispatched", "accepted", "arrived"}, "diverted", "dispatch.assign"},
        {"callback", {"finished", "diverted"}, "closed", "dispatch.callback"},
        {"reopen", {"closed"}, "review", "dispatch.callback"},
        {"conclude", {"review"}, "closed", "dispatch.review"},
    };
    return table;
}

Result<const Transition*> CheckTransition(std::string_view action, std::string_view state,
                                          const auth::Principal& actor) {
    for (const auto& t : CallTransitions()) {
        if (t.action != action) continue;
        if (!actor.Can(t.permission)) return Status::Denied(t.permission);
        if (std::find(t.from.begin(), t.from.end(), state) == t.from.end())
            return Status(ErrorCode::kConflict, "not allowed in this state", {{"state", "not_allowed_in_state"}});
        return &t;
    }
    return Status::Invalid("action", "unknown_action");
}

bool IsOpenState(std::string_view state) { return state != "closed"; }

}  // namespace jw::dispatch

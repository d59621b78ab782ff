#pragma once
// The case lifecycle as data: data/transitions.csv (embedded) lists, per case type, which action leads from
// which state to which, which roles may take it, whether the actor must be within the handling unit's scope
// ("unit") or may be anywhere in the county ("county", legal review), and what the action requires.
//   from_state "*" = any state except "closed"; to_state "=" = a fact recorded without a state change.
//   roles: '|'-separated role codes. requires: space-separated tokens (Transition::needs).
// Pure logic; Lifecycle is immutable after loading and thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::cases {

inline constexpr const char* kAnyState = "*";
inline constexpr const char* kSameState = "=";
inline constexpr const char* kClosed = "closed";
inline constexpr const char* kAccepted = "accepted";

struct Transition {
    std::string case_type;
    std::string from_state;
    std::string action;
    std::string to_state;
    std::vector<std::string> roles;
    std::string scope;               // unit | county
    std::vector<std::string> needs;  // reason person days penalty review_approved outcome_penalty outcome_not_penalty

    bool IsFact() const { return to_state == kSameState; }
    bool Requires(std::string_view token) const;
};

// What the caller knows about the actor, the case and the request when asking whether an action may be taken.
struct ActionContext {
    std::string case_type;
    std::string state;
    std::string outcome;  // the case's outcome
    std::vector<std::string> actor_roles;
    bool actor_sees_unit = false;  // the handling unit is the actor's unit or one of its sub-units
    bool has_reason = false;
    bool has_suspect_person = false;  // person_id names a suspect of this case
    bool has_days = false;
    bool has_penalty = false;
    bool review_approved = false;  // a review_approved event after the last submit_review
};

class Lifecycle {
  public:
    // Errors: InvalidArgument naming "line N" for a malformed row, unknown scope or requirement, or a
    // duplicate (case_type, from_state, action).
    static Result<Lifecycle> FromCsv(std::string_view csv);
    // The embedded data/transitions.csv; throws std::logic_error if the shipped table is broken (a build bug).
    static const Lifecycle& Default();

    const std::vector<Transition>& transitions() const { return transitions_; }
    // The row for this action in this state (a concrete row wins over "*"), or nullptr.
    const Transition* Find(std::string_view case_type, std::string_view state, std::string_view action) const;
    // True when the case type knows this action in some state.
    bool KnowsAction(std::string_view case_type, std::string_view action) const;

    // Whether the action may be taken now. Errors, in this order:
    //   InvalidArgument {action: unknown_action}     the case type has no such action
    //   Conflict {action: not_allowed_in_state}       not from this state (also: the case is closed)
    //   PermissionDenied {action: role_not_allowed}   no role of the actor may take it
    //   NotFound "case"                               the actor is outside the handling unit's scope (unit rows)
    //   InvalidArgument {reason|person_id|days: required} / Conflict {penalty: required,
    //     review: not_approved, outcome: …}            a requirement is not met
    Result<const Transition*> Check(const ActionContext& ctx, std::string_view action) const;
    // The actions this actor may offer now, ignoring request-specific requirements (reason, person, days).
    std::vector<const Transition*> Offered(const ActionContext& ctx) const;

  private:
    std::vector<Transition> transitions_;
};

}  // namespace jw::cases

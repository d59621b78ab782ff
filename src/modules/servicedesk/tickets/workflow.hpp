#pragma once
// The ticket's state machine, as data (data/workflow.csv): each action, the state it leaves and enters, the
// permission it takes and whether a note is required. Step applies one action for a user:
//  - PermissionDenied ("servicedesk.<perm>") when the user lacks the row's permission; an action of the unit
//    concerned (servicedesk.reply) is allowed only on a ticket assigned to the user's unit (or a unit below it),
//    else NotFound("ticket") — the unit sees nothing of other units' tickets;
//  - InvalidArgument naming "action" ("not_allowed_in_state") when the ticket is not in the row's from-state,
//    "note" when required and missing, "unit_id" for assign without a unit, "into" for join without a root
//    ticket, "result" for a callback without satisfied | basically | unsatisfied, "days" for an extension
//    outside the rule's step (time_limits.csv);
//  - Conflict "version" when the ticket changed since the caller read it (checked before the state), Conflict
//    "callback_recorded" for a second callback (exactly once: servicedesk_callbacks' primary key);
//  - the database's.
// Every step records an event (who, when, from, to, note) in the caller's transaction. assign starts the
// handling clock (and ends the acceptance clock), reply ends it; callback closes the ticket.
// Thread safety: stateless; the connection is the caller's.
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "servicedesk/tickets/ticket.hpp"
#include "storage/database.hpp"

namespace jw::servicedesk {

struct Transition {
    std::string action, from, to, permission;
    bool note_required = false;
    std::string name_zh, name_en;
};

const std::vector<Transition>& Workflow();
// The row of `action` leaving `from`, or nullptr.
const Transition* FindTransition(const std::string& action, const std::string& from);
// The actions `who` may take on `t` now (for the ticket page's buttons).
std::vector<std::string> AllowedActions(const auth::Principal& who, const Ticket& t);

struct StepInput {
    std::string action;
    int version = 0;
    std::string note;
    std::optional<int64_t> unit_id;  // assign
    std::string officer_police_no;   // assign (optional)
    std::optional<int64_t> into;     // join
    std::string result;              // callback
    int days = 0;                    // extend
};

// Which tickets `who` may see: nullopt = all (the centre, county-wide roles), else the unit scope.
std::optional<std::vector<int64_t>> TicketScope(const auth::Principal& who);

Result<Ticket> Step(storage::Connection& c, const auth::Principal& who, int64_t ticket_id, const StepInput& in,
                    int64_t now);

}  // namespace jw::servicedesk

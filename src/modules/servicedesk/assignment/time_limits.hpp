#pragma once
// A ticket's time limits (ADR 0049 engine over data/time_limits.csv): the family is the channel's time_family
// (信访 per 《信访工作条例》, 12345 transfers and the other channels per the bureau's configuration). Events from
// the ticket: received (the day it came in), assigned (受理交办: ends the acceptance clock, starts handling),
// extension_approved (each "extend" step), replied (the unit's current reply; a returned reply reopens the clock),
// closed. A joined ticket has no clocks: it follows the ticket it was joined to. Dates are China civil dates;
// `today` is the caller's (a simulated clock in tests). Errors: the engine's (an event after today). Thread-safe.
#include <vector>

#include "common/civil_time.hpp"
#include "servicedesk/tickets/ticket.hpp"
#include "timelimits/engine.hpp"

namespace jw::servicedesk {

Result<std::vector<timelimits::Clock>> TicketClocks(const Ticket& t, const std::vector<TicketEvent>& events,
                                                    CivilDate today);
// The handling rule's extension step (days) for the ticket's channel; 0 when none.
int ExtensionStep(const Ticket& t);
// The clock that decides the ticket's next deadline: the first open clock (running or overdue), else nullptr.
const timelimits::Clock* OpenClock(const std::vector<timelimits::Clock>& clocks);

}  // namespace jw::servicedesk

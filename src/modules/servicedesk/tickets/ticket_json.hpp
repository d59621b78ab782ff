#pragma once
// Tickets as JSON. The complainant is masked (MaskName, MaskPhone, MaskIdNumber) unless `full` (the record route
// with a stated purpose); an anonymous complainant shows as anonymous. Times UTC ISO 8601; the open clock's due
// date and state come from time_limits.hpp.
#include <vector>

#include "common/json_util.hpp"
#include "servicedesk/tickets/ticket.hpp"
#include "timelimits/engine.hpp"

namespace jw::servicedesk {

Json TicketJson(const Ticket& t, bool full, const std::vector<timelimits::Clock>* clocks = nullptr);
Json EventJson(const TicketEvent& e);
Json ClockJson(const timelimits::Clock& c);

}  // namespace jw::servicedesk

#pragma once
// The bridge from a case's stored events to the deadline engine (deadlines/deadline_engine.hpp): which case
// events are clock events, under which kind, with which subject (clock_key "person-<id>" for a person's
// measures, the item name for seizures), and the clocks' JSON. Pure; thread-safe.

#include <string>
#include <vector>

#include "cases/case.hpp"
#include "cases/deadlines/deadline_engine.hpp"
#include "common/json_util.hpp"

namespace jw::cases {

// China civil date ("YYYY-MM-DD") of an instant.
std::string ChinaDate(int64_t unix_seconds);

// The engine's view of the case: transitions become accepted / filed / decided / closed / not_filed /
// transferred_for_prosecution…, facts the engine knows pass through with their subject, days, months and
// ground (data.ground); other events are left out.
deadlines::CaseFacts FactsOf(const Case& k, const std::vector<CaseEvent>& events);

// The clocks as of `today` with the shipped rules and holiday calendar. Errors: the engine's (InvalidArgument
// naming events[i].field), which the service prevents by checking each new event before storing it.
Result<std::vector<deadlines::Clock>> ComputeCaseClocks(const Case& k, const std::vector<CaseEvent>& events,
                                                        const std::string& today);

Json ClockJson(const deadlines::Clock& clock);
// The open clock with the fewest days left, or nullptr.
const deadlines::Clock* NextDeadline(const std::vector<deadlines::Clock>& clocks);

}  // namespace jw::cases

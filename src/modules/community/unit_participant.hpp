#pragma once
// The community module's restructure participant (ADR 0024, 0026): when units merge or split, the master index
// and the live work move with the territory — people, houses, units (orgs) and grids of a restructured unit go to
// the unit taking over (houses, units and open mediations follow the officer who recorded them, open tasks their
// assignee, when that officer moves into one of the unit's parts); open mediations and open tasks move; visits,
// patrols, closed mediations and done tasks are history and keep the unit they had (counted as kept).
// SQL on the community tables stays here.

#include <memory>

#include "units/participant.hpp"

namespace jw::community {

std::unique_ptr<units::Participant> MakeUnitParticipant();

}  // namespace jw::community

#pragma once
// The alerts module's restructure participant (ADR 0024): targets of open alerts that a restructured unit has not
// yet fed back on move to the unit taking over, so the new unit's duty desk signs and reports; targets of closed
// or fed-back alerts keep the unit they had. SQL on alert_targets stays here.

#include <memory>

#include "units/participant.hpp"

namespace jw::alerts {

std::unique_ptr<units::Participant> MakeUnitParticipant();

}  // namespace jw::alerts

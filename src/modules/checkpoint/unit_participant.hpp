#pragma once
// The checkpoint module's restructure participant (ADR 0024): the responsibility for checkpoints and devices,
// the applying unit of pending and active watch orders, the units those orders notify, and the unit a VIID
// client receives watch orders for, all follow the unit taking over. Ended watch orders (withdrawn, rejected,
// expired) keep their units. SQL on these tables stays here.

#include <memory>

#include "units/participant.hpp"

namespace jw::checkpoint {

std::unique_ptr<units::Participant> MakeUnitParticipant();

}  // namespace jw::checkpoint

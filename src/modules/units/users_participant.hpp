#pragma once
// The restructure participant of auth's users (ADR 0024): officers of restructured units move with their unit
// or to the unit they are reassigned to. Its SQL is auth's (auth/unit_moves.hpp).

#include <memory>

#include "units/participant.hpp"

namespace jw::units {

std::unique_ptr<Participant> MakeUsersParticipant();

}  // namespace jw::units

#pragma once
// The cases module's restructure participant (ADR 0024): open cases of a restructured unit move to the unit taking
// over (in a split, with their lead officer when the officer goes to one of the parts) — and with them the legal
// review queue (cases in legal review) and the supervision reminders, whose recipients are found from the case's
// unit when they are sent. Closed cases and issued supervision letters keep the unit they had. SQL stays here.

#include <memory>

#include "units/participant.hpp"

namespace jw::cases {

std::unique_ptr<units::Participant> MakeUnitParticipant();

}  // namespace jw::cases

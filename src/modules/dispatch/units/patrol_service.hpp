#pragma once
// Patrol units (巡逻组) and their status: available | en_route | on_scene | busy | off_duty. The desk's dispatch
// and the unit's accept / arrive / finish move it (calls/call_service.hpp); the unit itself sets it from the phone
// (busy on other work, off duty, available again). Runs inside the caller's write transaction.

#include <string>

#include "auth/principal.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

inline constexpr const char* kPatrolStatuses[] = {"available", "en_route", "on_scene", "busy", "off_duty"};

// Errors: Denied dispatch.respond; NotFound "patrol" (outside the actor's units); InvalidArgument
// status=invalid_enum; Conflict status=on_call (a unit working a call is freed by the call's finish or diversion,
// not by hand, so the board never shows a call without its unit).
Status SetPatrolStatus(storage::Connection& c, const auth::Principal& actor, int64_t patrol_id,
                       const std::string& status, int64_t now);

}  // namespace jw::dispatch

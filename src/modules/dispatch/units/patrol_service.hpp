#pragma once
// Patrol units (巡逻组) and their status: available | en_route | on_scene | busy | off_duty. The desk's dispatch
// and the unit's accept / arrive / finish move it (calls/call_service.hpp); the unit itself sets it from the phone
// (busy on other work, off duty, available again), sending where it is, which the board's map shows. Runs inside
// the caller's write transaction; every change tells the duty desks' boards (board/board_signal.hpp).

#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "dispatch/dispatch.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

inline constexpr const char* kPatrolStatuses[] = {"available", "en_route", "on_scene", "busy", "off_duty"};

struct Position {
    double latitude = 0, longitude = 0;
};

// Errors: Denied dispatch.respond; NotFound "patrol" (outside the actor's units); InvalidArgument
// status=invalid_enum, latitude/longitude=out_of_range; Conflict status=on_call (a unit working a call is freed
// by the call's finish or diversion, not by hand, so the board never shows a call without its unit). A unit on a
// call may still send its position (status unchanged: the status it has).
Status SetPatrolStatus(storage::Connection& c, const auth::Principal& actor, int64_t patrol_id,
                       const std::string& status, std::optional<Position> where, int64_t now);

// The phone's "my unit": the patrol unit the actor leads, or NotFound "patrol".
Result<Patrol> MyPatrol(storage::Connection& c, const auth::Principal& actor);

}  // namespace jw::dispatch

// Patrol unit status (patrol_service.hpp).
#include "dispatch/units/patrol_service.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "dispatch/board/board_signal.hpp"
#include "dispatch/dispatch_repository.hpp"

namespace jw::dispatch {

Status SetPatrolStatus(storage::Connection& c, const auth::Principal& actor, int64_t patrol_id,
                       const std::string& status, std::optional<Position> where, int64_t now) {
    if (!actor.Can("dispatch.respond")) return Status::Denied("dispatch.respond");
    if (std::find(std::begin(kPatrolStatuses), std::end(kPatrolStatuses), status) == std::end(kPatrolStatuses))
        return Status::Invalid("status", "invalid_enum");
    if (where && (!std::isfinite(where->latitude) || std::fabs(where->latitude) > 90))
        return Status::Invalid("latitude", "out_of_range");
    if (where && (!std::isfinite(where->longitude) || std::fabs(where->longitude) > 180))
        return Status::Invalid("longitude", "out_of_range");
    JW_ASSIGN_OR_RETURN(Patrol p, repo::GetPatrol(c, patrol_id));
    if (!actor.all_units && !actor.SeesUnit(p.unit_id)) return Status::NotFound("patrol");
    if (p.call_id && status != p.status)
        return Status(ErrorCode::kConflict, "the unit is on a call", {{"status", "on_call"}});
    if (where) JW_RETURN_IF_ERROR(repo::SetPatrolPosition(c, p.id, where->latitude, where->longitude, now));
    if (status != p.status) JW_RETURN_IF_ERROR(repo::UpdatePatrol(c, p.id, status, std::nullopt, now));
    return SignalBoard(c, p.unit_id, "patrol", p.id, status, now);
}

Result<Patrol> MyPatrol(storage::Connection& c, const auth::Principal& actor) {
    if (!actor.Can("dispatch.respond")) return Status::Denied("dispatch.respond");
    JW_ASSIGN_OR_RETURN(auto p, repo::PatrolLedBy(c, actor.user_id));
    if (!p) return Status::NotFound("patrol");
    return *p;
}

}  // namespace jw::dispatch

// Patrol unit status (patrol_service.hpp).
#include "dispatch/units/patrol_service.hpp"

#include <algorithm>
#include <iterator>

#include "dispatch/dispatch_repository.hpp"

namespace jw::dispatch {

Status SetPatrolStatus(storage::Connection& c, const auth::Principal& actor, int64_t patrol_id,
                       const std::string& status, int64_t now) {
    if (!actor.Can("dispatch.respond")) return Status::Denied("dispatch.respond");
    if (std::find(std::begin(kPatrolStatuses), std::end(kPatrolStatuses), status) == std::end(kPatrolStatuses))
        return Status::Invalid("status", "invalid_enum");
    JW_ASSIGN_OR_RETURN(Patrol p, repo::GetPatrol(c, patrol_id));
    if (!actor.all_units && !actor.SeesUnit(p.unit_id)) return Status::NotFound("patrol");
    if (p.call_id) return Status(ErrorCode::kConflict, "the unit is on a call", {{"status", "on_call"}});
    return repo::UpdatePatrol(c, p.id, status, std::nullopt, now);
}

}  // namespace jw::dispatch

#pragma once
// Unit restructuring (ADR 0024): dry run, apply and undo of a plan, and the JSON views of restructures.
// Apply and undo run on the caller's write transaction (the HTTP write job or the CLI's audited job), so the
// change, its journal and its audit record commit together or not at all.
//
// Errors: InvalidArgument naming the plan field (ParsePlan / ResolvePlan); NotFound ("restructure");
// Conflict with fields {restructure: already_undone | effective_date_reached | later_restructure_applied |
// new_unit_in_use}; the connection's errors. Thread safety: stateless functions.

#include <cstdint>
#include <string>

#include "common/json_util.hpp"
#include "storage/database.hpp"
#include "units/participant.hpp"
#include "units/plan.hpp"

namespace jw::units {

struct Actor {
    int64_t user_id = 0;  // 0 from the command line
    std::string name;
};

// The Summary (docs/api/units-restructure.md) of what applying `plan` now would do. Read only.
Result<Json> DryRun(storage::Connection& c, const Participants& participants, const Plan& plan, int64_t now);
// Applies the plan; returns the Restructure.
Result<Json> Apply(storage::Connection& tx, const Participants& participants, const Plan& plan, const Actor& actor,
                   int64_t now);
// Undoes restructure `id`; returns the Restructure (status undone).
Result<Json> Undo(storage::Connection& tx, const Participants& participants, int64_t id, const Actor& actor,
                  const std::string& reason, int64_t now);

Result<Json> GetRestructure(storage::Connection& c, int64_t id, int64_t now);
Result<Json> ListRestructures(storage::Connection& c, int page, int page_size, int64_t now);

}  // namespace jw::units

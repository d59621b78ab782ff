#pragma once
// A parsed plan checked against the database and turned into what a restructure does: units to create,
// dissolve and change, where each restructured unit's rows go, and which officers change unit.
// Codes in a plan are the codes units have before the plan.
//
// ResolvePlan errors: InvalidArgument naming the plan field (unknown_unit, dissolved, exists, cycle,
// unknown_user, …, see docs/api/units-restructure.md); the connection's errors. Read only.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "units/participant.hpp"
#include "units/plan.hpp"

namespace jw::units {

struct UnitAttrs {
    int64_t id = 0;  // < 0 for a unit the plan creates, until it is inserted
    std::string code, name, kind;
    std::string parent_code;  // "" = none
};

struct Resolved {
    Plan plan;
    int64_t effective_at = 0;                     // 00:00 China time of the effective date
    std::map<std::string, int64_t> ids;           // plan code → unit id (new units: < 0 until inserted)
    std::vector<UnitAttrs> creates;               // parents before children
    std::vector<std::string> dissolve;            // plan codes
    std::map<std::string, UnitAttrs> before;      // existing units touched, as they are now
    std::map<std::string, UnitAttrs> updates;     // existing units whose attributes change → final attributes
    std::map<std::string, std::string> unit_map;  // source code → default target code
    std::map<std::string, std::set<std::string>> parts;
    std::map<int64_t, std::string> user_targets;  // officer → target code (before ids are known)

    int64_t Id(const std::string& code) const { return ids.at(code); }
    // The participants' view, with the current ids (call again after new units are inserted).
    MoveContext Context(int64_t now) const;
};

Result<Resolved> ResolvePlan(storage::Connection& c, const Plan& plan);

}  // namespace jw::units

#pragma once
// The restructure plan: its JSON form (docs/api/units-restructure.md § The plan, the same for
// `jingwu unit restructure --plan FILE.json` and `POST /api/v1/units/restructure`), parsed and checked for
// everything that needs no database. Checks against the database (codes exist, not dissolved, no cycles) are
// ResolvePlan's (resolve.hpp).
//
// ParsePlan errors: InvalidArgument whose fields name each problem by JSON path, e.g.
// {"operations[1].into[0].code": "bad_format"} — the field keys and problems listed in the API document.
// Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::units {

// A unit the plan names: an existing unit by `code`, or a new one (`is_new`) with its attributes.
struct UnitSpec {
    std::string code;
    bool is_new = false;
    std::string name, kind, parent;  // new units only; parent is a code ("" = the source's parent)
};

struct Operation {
    std::string op;                  // merge | split | rename | move
    std::vector<std::string> units;  // merge: the merged units
    std::string unit;                // split, rename, move: the unit
    std::vector<UnitSpec> into;      // merge: one; split: the parts
    std::string default_code;        // split: the part taking what is not placed otherwise
    std::string name, code;          // rename: new name, optional new code
    std::string parent;              // move: new parent
};

struct Reassignment {
    std::string user;  // username
    std::string to;    // unit code
};

struct Plan {
    std::string title, effective_date, reason;
    std::vector<Operation> operations;
    std::vector<Reassignment> reassign;
};

inline constexpr size_t kMaxOperations = 200;
inline constexpr size_t kMaxReassign = 5000;

// `today` is the China date "YYYY-MM-DD" the effective date may not precede.
Result<Plan> ParsePlan(const Json& body, std::string_view today);
// Plan text (a file) → Plan. Errors as ParsePlan, plus {"plan": "malformed_json" | "not_an_object"}.
Result<Plan> ParsePlanText(std::string_view text, std::string_view today);
Json PlanToJson(const Plan& plan);

}  // namespace jw::units

#pragma once
// Auth's SQL for unit restructuring (ADR 0024): which officers belong to which units, moving an officer, and
// changing or removing a unit row. Called by the units module (its users participant and its history), so that
// no SQL on users or units lives outside auth. Errors: the connection's; Conflict when a unit still referenced
// is deleted. Thread safety: the Connection rules of storage/database.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace jw::auth::repo {

// (user id, unit id) of every user of these units, in user id order.
Result<std::vector<std::pair<int64_t, int64_t>>> UsersOfUnits(storage::Connection& c,
                                                              const std::vector<int64_t>& units);
// (user id, unit id) of the named users (unknown names are absent).
Result<std::vector<std::pair<int64_t, int64_t>>> UnitsOfUsers(storage::Connection& c,
                                                              const std::vector<int64_t>& users);
// Moves the user to `to` if still in `from`; true when moved.
Result<bool> MoveUser(storage::Connection& c, int64_t user_id, int64_t from, int64_t to);
Status SetUnitStructure(storage::Connection& c, int64_t id, const std::string& code, const std::string& name,
                        const std::string& kind, std::optional<int64_t> parent_id);
Status DeleteUnit(storage::Connection& c, int64_t id);
// Marks the unit dissolved from `at` (Unix seconds), or live again when `at` is 0 (an undone restructure).
Status SetUnitDissolved(storage::Connection& c, int64_t id, int64_t at);

}  // namespace jw::auth::repo

#include "auth/unit_moves.hpp"

#include <algorithm>

#include "storage/in_list.hpp"

namespace jw::auth::repo {

using storage::Null;
using storage::V;

namespace {
Result<std::vector<std::pair<int64_t, int64_t>>> Pairs(storage::Connection& c, std::string_view sql,
                                                       const std::vector<int64_t>& ids) {
    JW_ASSIGN_OR_RETURN(auto rows, storage::QueryIn(c, sql, ids));
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const auto& r : rows) out.emplace_back(r.Int(0), r.Int(1));
    std::sort(out.begin(), out.end());
    return out;
}
}  // namespace

Result<std::vector<std::pair<int64_t, int64_t>>> UsersOfUnits(storage::Connection& c,
                                                              const std::vector<int64_t>& units) {
    return Pairs(c, "SELECT id, unit_id FROM users WHERE unit_id IN @IDS@", units);
}

Result<std::vector<std::pair<int64_t, int64_t>>> UnitsOfUsers(storage::Connection& c,
                                                              const std::vector<int64_t>& users) {
    return Pairs(c, "SELECT id, unit_id FROM users WHERE id IN @IDS@", users);
}

Result<bool> MoveUser(storage::Connection& c, int64_t user_id, int64_t from, int64_t to) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("UPDATE users SET unit_id = ? WHERE id = ? AND unit_id = ? RETURNING id",
                                           {V(to), V(user_id), V(from)}));
    return !rows.empty();
}

Status SetUnitStructure(storage::Connection& c, int64_t id, const std::string& code, const std::string& name,
                        const std::string& kind, std::optional<int64_t> parent_id) {
    return c.Exec("UPDATE units SET code = ?, name = ?, kind = ?, parent_id = ? WHERE id = ?",
                  {V(code), V(name), V(kind), parent_id ? V(*parent_id) : Null(), V(id)});
}

Status DeleteUnit(storage::Connection& c, int64_t id) { return c.Exec("DELETE FROM units WHERE id = ?", {V(id)}); }

Status SetUnitDissolved(storage::Connection& c, int64_t id, int64_t at) {
    return c.Exec("UPDATE units SET dissolved_at = ? WHERE id = ?", {at ? V(at) : Null(), V(id)});
}

}  // namespace jw::auth::repo

#include "courier/supervision/area_scope.hpp"

#include <algorithm>

#include "storage/in_list.hpp"

namespace jw::courier {

Result<std::optional<std::vector<int64_t>>> PoliceOutletScope(storage::Connection& c, const auth::Principal& p) {
    if (p.all_units) return std::optional<std::vector<int64_t>>{};
    std::vector<int64_t> ids;
    JW_ASSIGN_OR_RETURN(
        auto rows, storage::QueryIn(c, "SELECT id FROM courier_outlets WHERE station_unit_id IN @IDS@", p.unit_scope));
    for (const auto& r : rows) ids.push_back(r.Int(0));
    std::sort(ids.begin(), ids.end());
    if (ids.empty()) ids.push_back(-1);
    return std::optional<std::vector<int64_t>>(std::move(ids));
}

bool InScope(const std::optional<std::vector<int64_t>>& scope, int64_t outlet_id) {
    return !scope || std::find(scope->begin(), scope->end(), outlet_id) != scope->end();
}

}  // namespace jw::courier

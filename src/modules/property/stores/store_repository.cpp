#include "property/stores/store_repository.hpp"

namespace jw::property::repo {

using storage::V;

Result<bool> UnitExists(storage::Connection& c, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM units WHERE id = ?", {V(unit_id)}));
    return !rows.empty();
}

Result<bool> PlaceCodeTaken(storage::Connection& c, int64_t store_id, const std::string& code) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT 1 FROM property_places WHERE store_id = ? AND code = ?", {V(store_id), V(code)}));
    return !rows.empty();
}

Status UpdatePlaceRow(storage::Connection& c, const Place& p) {
    return c.Exec("UPDATE property_places SET name = ?, capacity = ? WHERE id = ?",
                  {V(p.name), V(p.capacity), V(p.id)});
}

}  // namespace jw::property::repo

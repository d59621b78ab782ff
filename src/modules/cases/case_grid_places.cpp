#include "cases/case_grid_places.hpp"

#include <mutex>

#include "community/grids/grid_places.hpp"

namespace jw::cases {
namespace {

using storage::V;

Result<community::PlaceCount> CountCases(storage::Connection& c, const community::Grid& g) {
    community::PlaceCount n;
    n.kind = "cases";
    const geo::Box& b = g.polygon.box;
    JW_ASSIGN_OR_RETURN(
        auto located, c.Query("SELECT place_lon, place_lat FROM cases WHERE place_lon BETWEEN ? AND ? "
                              "AND place_lat BETWEEN ? AND ?",
                              {V(std::to_string(b.MinLongitude() - 1e-6)), V(std::to_string(b.MaxLongitude() + 1e-6)),
                               V(std::to_string(b.MinLatitude() - 1e-6)), V(std::to_string(b.MaxLatitude() + 1e-6))}));
    for (const auto& r : located) n.inside += geo::Contains(g.polygon, std::stod(r.Str(0)), std::stod(r.Str(1)));
    JW_ASSIGN_OR_RETURN(auto by_text, c.QueryOne("SELECT COUNT(*) FROM cases k JOIN community_addresses a "
                                                 "ON a.full_name = k.place_address WHERE a.grid_id = ? AND "
                                                 "(k.place_lon IS NULL OR k.place_lat IS NULL)",
                                                 {V(g.code)}));
    n.inside += by_text.Int(0);
    JW_ASSIGN_OR_RETURN(auto unplaced, c.QueryOne("SELECT COUNT(*) FROM cases k WHERE k.unit_id = ? AND "
                                                  "(k.place_lon IS NULL OR k.place_lat IS NULL) AND NOT EXISTS "
                                                  "(SELECT 1 FROM community_addresses a WHERE a.full_name = "
                                                  "k.place_address AND a.grid_id IS NOT NULL)",
                                                  {V(g.unit_id)}));
    n.unplaced = unplaced.Int(0);
    if (n.unplaced > 0) n.note = "no_coordinates";
    return n;
}

}  // namespace

void RegisterCaseGridPlaces() {
    static std::once_flag once;
    std::call_once(once, [] { community::RegisterPlaceCounter(CountCases); });
}

}  // namespace jw::cases

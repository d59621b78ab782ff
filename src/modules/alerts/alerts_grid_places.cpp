#include "alerts/alerts_grid_places.hpp"

#include <mutex>

#include "community/grids/grid_places.hpp"

namespace jw::alerts {
namespace {

using storage::V;

Result<community::PlaceCount> CountAlerts(storage::Connection& c, const community::Grid& g) {
    community::PlaceCount n;
    n.kind = "alerts";
    // Coordinates live in the payload (JSON): read the payloads that name them and place them here.
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT payload FROM alerts WHERE payload LIKE '%\"latitude\"%'"));
    for (const auto& r : rows) {
        const Json p = Json::parse(r.Str(0), nullptr, false);
        if (!p.is_object() || !p.contains("longitude") || !p.contains("latitude")) continue;
        if (!p["longitude"].is_number() || !p["latitude"].is_number()) continue;
        n.inside += geo::Contains(g.polygon, p["longitude"].get<double>(), p["latitude"].get<double>());
    }
    JW_ASSIGN_OR_RETURN(auto unplaced, c.QueryOne("SELECT COUNT(*) FROM alerts a JOIN alert_targets t ON "
                                                  "t.alert_id = a.id WHERE t.unit_id = ? AND a.payload NOT LIKE "
                                                  "'%\"latitude\"%'",
                                                  {V(g.unit_id)}));
    n.unplaced = unplaced.Int(0);
    if (n.unplaced > 0) n.note = "no_coordinates";
    return n;
}

}  // namespace

void RegisterAlertGridPlaces() {
    static std::once_flag once;
    std::call_once(once, [] { community::RegisterPlaceCounter(CountAlerts); });
}

}  // namespace jw::alerts

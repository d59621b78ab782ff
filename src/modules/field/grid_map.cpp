#include "field/grid_map.hpp"

#include <algorithm>

namespace jw::field {
namespace {

// Widens `box` by every position in a GeoJSON coordinates array (any nesting: Point … MultiPolygon).
void Extend(const Json& coords, geo::Box& box) {
    if (!coords.is_array()) return;
    if (coords.size() >= 2 && coords[0].is_number() && coords[1].is_number()) {
        const geo::FixedPoint p = geo::ToFixed(coords[0].get<double>(), coords[1].get<double>());
        if (box.max_x < box.min_x) {
            box = {p.x, p.y, p.x, p.y};
        } else {
            box.min_x = std::min(box.min_x, p.x), box.max_x = std::max(box.max_x, p.x);
            box.min_y = std::min(box.min_y, p.y), box.max_y = std::max(box.max_y, p.y);
        }
        return;
    }
    for (const Json& c : coords) Extend(c, box);
}

}  // namespace

Json GridBaseMap(const Json& collection, const geo::Box& box) {
    Json out = {{"type", "FeatureCollection"}, {"features", Json::array()}};
    if (!collection.is_object() || !collection.contains("features") || !collection["features"].is_array() ||
        box.max_x < box.min_x)
        return out;
    const geo::Box near{box.min_x - kGridMapMargin, box.min_y - kGridMapMargin, box.max_x + kGridMapMargin,
                        box.max_y + kGridMapMargin};
    for (const Json& f : collection["features"]) {
        if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object()) continue;
        geo::Box fb;
        if (f["geometry"].contains("coordinates")) Extend(f["geometry"]["coordinates"], fb);
        if (fb.max_x >= fb.min_x && fb.Intersects(near)) out["features"].push_back(f);
    }
    return out;
}

}  // namespace jw::field

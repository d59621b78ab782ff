#pragma once
// Polygons on the map (grids, districts): parsing and validating GeoJSON Polygon geometries, point in polygon,
// overlap of two polygons, bounding boxes (ADR 0034).
//
// Exactness. Coordinates are snapped to a fixed grid of 1e-7 degree (about 1 cm; GeoJSON written back has 7
// decimals). Every predicate below then works on 64-bit integers with 128-bit products, so it is exact: no
// epsilon, the same answer on every machine.
//
// The boundary rule (which polygon owns a point on an edge or a vertex). A point p belongs to a polygon when the
// point p + (ε, δ), 0 < δ ≪ ε infinitesimal — a hair to the east and a much smaller hair to the north — lies
// inside it. So a polygon owns its west (left) edges and its south (bottom) horizontal edges, not its east or
// north ones; a vertex goes to the polygon that lies just east-north-east of it. Polygons that tile an area
// without gaps or overlaps therefore give every point of the area to exactly one of them (a point on the edge
// two neighbouring grids share is in the eastern one, or for a horizontal shared edge the northern one). This is
// the half-open crossing-number rule (upward edges include their start, downward edges their end, horizontal
// edges count for nothing; crossings strictly east of p), which is what Contains computes.
//
// Holes: rings after the first are holes; the even–odd rule over all rings under the same boundary rule.
//
// Thread safety: pure functions over values.

#include <cstdint>
#include <string>
#include <vector>

#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::geo {

inline constexpr double kFixedScale = 1e7;  // fixed-point units per degree

struct FixedPoint {
    int64_t x = 0;  // longitude × 1e7
    int64_t y = 0;  // latitude × 1e7
    bool operator==(const FixedPoint&) const = default;
};

FixedPoint ToFixed(double longitude, double latitude);  // rounds to the nearest unit

struct Box {
    int64_t min_x = 0, min_y = 0, max_x = -1, max_y = -1;  // empty when max < min
    bool Contains(FixedPoint p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    bool Intersects(const Box& o) const {
        return min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y && o.min_y <= max_y;
    }
    double MinLongitude() const { return min_x / kFixedScale; }
    double MaxLongitude() const { return max_x / kFixedScale; }
    double MinLatitude() const { return min_y / kFixedScale; }
    double MaxLatitude() const { return max_y / kFixedScale; }
};

// A valid polygon: rings[0] the outer ring counter-clockwise, then holes clockwise; each ring without its closing
// point, at least three vertices, no two consecutive equal. Build it with MakePolygon or ParseGeoJsonPolygon.
struct Polygon {
    std::vector<std::vector<FixedPoint>> rings;
    Box box;
};

// Checks and normalises rings (closing point optional; any orientation; consecutive duplicates dropped).
// Errors: InvalidArgument on `field` with one problem:
//   too_few_points     a ring with fewer than three distinct vertices, or no ring
//   too_many_points    more than max_points vertices in all
//   out_of_range       a longitude outside [-180, 180] or a latitude outside [-90, 90]
//   zero_area          a ring without area (cannot happen once the ring is simple; a guard)
//   self_intersection  two edges of the polygon (of one ring or of two rings) touch or cross
//   hole_outside       a hole not inside the outer ring, or inside another hole
Result<Polygon> MakePolygon(const std::vector<std::vector<FixedPoint>>& rings, const std::string& field,
                            size_t max_points = 5000);

// A GeoJSON (RFC 7946) Polygon geometry: {"type":"Polygon","coordinates":[[[lon,lat],…],…]}. Each ring must be
// closed (first position = last). Errors as MakePolygon, and: not_a_polygon (not an object of type Polygon with
// coordinates), invalid_coordinates (a position that is not two or three numbers), not_closed.
Result<Polygon> ParseGeoJsonPolygon(const Json& geometry, const std::string& field, size_t max_points = 5000);

// The GeoJSON geometry of a polygon: rings closed, outer counter-clockwise, holes clockwise, 7 decimals.
Json ToGeoJson(const Polygon& polygon);

// Point in polygon under the boundary rule above.
bool Contains(const Polygon& polygon, FixedPoint p);
bool Contains(const Polygon& polygon, double longitude, double latitude);

// True when p lies on an edge of the polygon (a vertex included).
bool OnBoundary(const Polygon& polygon, FixedPoint p);

// True when the interiors of a and b share an area (touching along edges or at vertices is not an overlap).
bool Overlap(const Polygon& a, const Polygon& b);

// Twice the signed area of a ring in fixed units² (positive when counter-clockwise).
__int128 TwiceSignedArea(const std::vector<FixedPoint>& ring);

}  // namespace jw::geo

#include "geo/polygon.hpp"

#include <algorithm>
#include <cmath>

namespace jw::geo {
namespace {

using i128 = __int128;

// Sign of the turn a → b → c: > 0 counter-clockwise (c left of a→b), < 0 clockwise, 0 collinear. Exact:
// coordinates are below 2^32 in magnitude (doubled ones too), so the products fit in 128 bits.
int Orient(FixedPoint a, FixedPoint b, FixedPoint c) {
    const i128 v = i128(b.x - a.x) * (c.y - a.y) - i128(b.y - a.y) * (c.x - a.x);
    return v > 0 ? 1 : v < 0 ? -1 : 0;
}

bool Between(int64_t a, int64_t b, int64_t v) { return std::min(a, b) <= v && v <= std::max(a, b); }

// p on the closed segment a–b.
bool OnSegment(FixedPoint a, FixedPoint b, FixedPoint p) {
    return Orient(a, b, p) == 0 && Between(a.x, b.x, p.x) && Between(a.y, b.y, p.y);
}

bool ProperCross(FixedPoint a, FixedPoint b, FixedPoint c, FixedPoint d) {
    return Orient(a, b, c) * Orient(a, b, d) < 0 && Orient(c, d, a) * Orient(c, d, b) < 0;
}

// The closed segments share at least one point.
bool Touch(FixedPoint a, FixedPoint b, FixedPoint c, FixedPoint d) {
    if (ProperCross(a, b, c, d)) return true;
    return OnSegment(a, b, c) || OnSegment(a, b, d) || OnSegment(c, d, a) || OnSegment(c, d, b);
}

// Crossings of the ray east of p with the ring, under the half-open rule (header comment).
int Crossings(const std::vector<FixedPoint>& ring, FixedPoint p) {
    int n = 0;
    for (size_t i = 0, m = ring.size(); i < m; ++i) {
        const FixedPoint a = ring[i], b = ring[(i + 1) % m];
        if (a.y <= p.y && b.y > p.y) {
            n += Orient(a, b, p) > 0;
        } else if (b.y <= p.y && a.y > p.y) {
            n += Orient(a, b, p) < 0;
        }
    }
    return n;
}

bool RingOnBoundary(const std::vector<FixedPoint>& ring, FixedPoint p) {
    for (size_t i = 0, m = ring.size(); i < m; ++i)
        if (OnSegment(ring[i], ring[(i + 1) % m], p)) return true;
    return false;
}

Box BoxOf(const std::vector<FixedPoint>& ring) {
    Box b{ring[0].x, ring[0].y, ring[0].x, ring[0].y};
    for (const auto& p : ring) {
        b.min_x = std::min(b.min_x, p.x);
        b.max_x = std::max(b.max_x, p.x);
        b.min_y = std::min(b.min_y, p.y);
        b.max_y = std::max(b.max_y, p.y);
    }
    return b;
}

struct Edge {
    FixedPoint a, b;
    size_t ring, index;
};

std::vector<Edge> EdgesOf(const Polygon& p) {
    std::vector<Edge> out;
    for (size_t r = 0; r < p.rings.size(); ++r)
        for (size_t i = 0, m = p.rings[r].size(); i < m; ++i)
            out.push_back({p.rings[r][i], p.rings[r][(i + 1) % m], r, i});
    return out;
}

bool AdjacentInRing(const Edge& e, const Edge& f, size_t ring_size) {
    if (e.ring != f.ring) return false;
    return (e.index + 1) % ring_size == f.index || (f.index + 1) % ring_size == e.index;
}

Polygon Doubled(const Polygon& p) {
    Polygon d = p;
    for (auto& ring : d.rings)
        for (auto& v : ring) v = {v.x * 2, v.y * 2};
    d.box = {p.box.min_x * 2, p.box.min_y * 2, p.box.max_x * 2, p.box.max_y * 2};
    return d;
}

bool StrictlyInside(const Polygon& p, FixedPoint q) { return !OnBoundary(p, q) && Contains(p, q); }

// Some stretch of an edge of `a` lies in the interior of `b`. `b2` is b doubled, so that the midpoints of
// stretches (halves of integer sums) stay integers. Assumes no edge of a crosses an edge of b properly: then each
// stretch between consecutive vertices of b lying on the edge is wholly inside, outside or on b's boundary.
bool BoundaryEnters(const Polygon& a, const Polygon& b, const Polygon& b2) {
    for (const Edge& e : EdgesOf(a)) {
        std::vector<FixedPoint> cuts{e.a, e.b};
        for (const auto& ring : b.rings)
            for (const auto& v : ring)
                if (OnSegment(e.a, e.b, v)) cuts.push_back(v);
        const bool by_x = e.a.x != e.b.x;
        std::sort(cuts.begin(), cuts.end(),
                  [by_x](FixedPoint l, FixedPoint r) { return by_x ? l.x < r.x : l.y < r.y; });
        for (size_t i = 0; i + 1 < cuts.size(); ++i) {
            if (cuts[i] == cuts[i + 1]) continue;
            if (StrictlyInside(b2, {cuts[i].x + cuts[i + 1].x, cuts[i].y + cuts[i + 1].y})) return true;
        }
    }
    return false;
}

// Two collinear edges running the same way over a stretch of positive length: both interiors lie on their left
// (normalised orientation), so they overlap there.
bool SameWayCollinear(const Edge& e, const Edge& f) {
    if (Orient(e.a, e.b, f.a) != 0 || Orient(e.a, e.b, f.b) != 0) return false;
    const int64_t ex = e.b.x - e.a.x, ey = e.b.y - e.a.y, fx = f.b.x - f.a.x, fy = f.b.y - f.a.y;
    if (i128(ex) * fx + i128(ey) * fy <= 0) return false;
    const bool by_x = ex != 0;
    const int64_t e0 = by_x ? std::min(e.a.x, e.b.x) : std::min(e.a.y, e.b.y);
    const int64_t e1 = by_x ? std::max(e.a.x, e.b.x) : std::max(e.a.y, e.b.y);
    const int64_t f0 = by_x ? std::min(f.a.x, f.b.x) : std::min(f.a.y, f.b.y);
    const int64_t f1 = by_x ? std::max(f.a.x, f.b.x) : std::max(f.a.y, f.b.y);
    return std::min(e1, f1) > std::max(e0, f0);
}

}  // namespace

FixedPoint ToFixed(double longitude, double latitude) {
    return {static_cast<int64_t>(std::llround(longitude * kFixedScale)),
            static_cast<int64_t>(std::llround(latitude * kFixedScale))};
}

i128 TwiceSignedArea(const std::vector<FixedPoint>& ring) {
    i128 s = 0;
    for (size_t i = 0, m = ring.size(); i < m; ++i) {
        const FixedPoint a = ring[i], b = ring[(i + 1) % m];
        s += i128(a.x) * b.y - i128(b.x) * a.y;
    }
    return s;
}

Result<Polygon> MakePolygon(const std::vector<std::vector<FixedPoint>>& input, const std::string& field,
                            size_t max_points) {
    Polygon p;
    size_t total = 0;
    if (input.empty()) return Status::Invalid(field, "too_few_points");
    for (const auto& raw : input) {
        std::vector<FixedPoint> ring;
        for (const auto& v : raw) {
            if (v.x < -180 * 10'000'000LL || v.x > 180 * 10'000'000LL || v.y < -90 * 10'000'000LL ||
                v.y > 90 * 10'000'000LL)
                return Status::Invalid(field, "out_of_range");
            if (ring.empty() || !(ring.back() == v)) ring.push_back(v);
        }
        while (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
        if (ring.size() < 3) return Status::Invalid(field, "too_few_points");
        total += ring.size();
        if (total > max_points) return Status::Invalid(field, "too_many_points");
        p.rings.push_back(std::move(ring));
    }
    const auto edges = EdgesOf(p);
    for (size_t i = 0; i < edges.size(); ++i) {
        for (size_t j = i + 1; j < edges.size(); ++j) {
            const Edge &e = edges[i], &f = edges[j];
            if (AdjacentInRing(e, f, p.rings[e.ring].size())) {
                // They share a vertex; any other common point means the ring doubles back on itself.
                const FixedPoint shared = e.b == f.a ? e.b : e.a;
                const FixedPoint e_far = e.a == shared ? e.b : e.a, f_far = f.a == shared ? f.b : f.a;
                if (OnSegment(e.a, e.b, f_far) || OnSegment(f.a, f.b, e_far)) {
                    return Status::Invalid(field, "self_intersection");
                }
                continue;
            }
            if (Touch(e.a, e.b, f.a, f.b)) return Status::Invalid(field, "self_intersection");
        }
    }
    for (size_t r = 0; r < p.rings.size(); ++r) {
        // A simple ring has an area; kept as a guard. Outer ring counter-clockwise, holes clockwise (RFC 7946
        // § 3.1.6): the interior is then left of every edge, which Overlap relies on.
        const i128 area = TwiceSignedArea(p.rings[r]);
        if (area == 0) return Status::Invalid(field, "zero_area");
        if ((area > 0) != (r == 0)) std::reverse(p.rings[r].begin(), p.rings[r].end());
    }
    // Rings do not touch, so one vertex tells on which side of another ring a whole ring lies.
    for (size_t h = 1; h < p.rings.size(); ++h) {
        if (Crossings(p.rings[0], p.rings[h][0]) % 2 == 0) return Status::Invalid(field, "hole_outside");
        for (size_t o = 1; o < p.rings.size(); ++o)
            if (o != h && Crossings(p.rings[o], p.rings[h][0]) % 2 == 1) return Status::Invalid(field, "hole_outside");
    }
    p.box = BoxOf(p.rings[0]);
    return p;
}

Result<Polygon> ParseGeoJsonPolygon(const Json& g, const std::string& field, size_t max_points) {
    if (!g.is_object() || !g.contains("type") || g["type"] != "Polygon" || !g.contains("coordinates") ||
        !g["coordinates"].is_array())
        return Status::Invalid(field, "not_a_polygon");
    std::vector<std::vector<FixedPoint>> rings;
    for (const auto& r : g["coordinates"]) {
        if (!r.is_array()) return Status::Invalid(field, "invalid_coordinates");
        if (r.size() > max_points + 1) return Status::Invalid(field, "too_many_points");
        std::vector<FixedPoint> ring;
        for (const auto& pos : r) {
            if (!pos.is_array() || pos.size() < 2 || pos.size() > 3 || !pos[0].is_number() || !pos[1].is_number())
                return Status::Invalid(field, "invalid_coordinates");
            const double lon = pos[0].get<double>(), lat = pos[1].get<double>();
            if (!std::isfinite(lon) || !std::isfinite(lat)) return Status::Invalid(field, "invalid_coordinates");
            if (std::fabs(lon) > 180 || std::fabs(lat) > 90) return Status::Invalid(field, "out_of_range");
            ring.push_back(ToFixed(lon, lat));
        }
        if (ring.size() < 4) return Status::Invalid(field, "too_few_points");
        if (!(ring.front() == ring.back())) return Status::Invalid(field, "not_closed");
        ring.pop_back();
        rings.push_back(std::move(ring));
    }
    return MakePolygon(rings, field, max_points);
}

Json ToGeoJson(const Polygon& polygon) {
    Json rings = Json::array();
    for (const auto& ring : polygon.rings) {
        Json r = Json::array();
        for (size_t i = 0; i <= ring.size(); ++i) {
            const FixedPoint v = ring[i % ring.size()];
            r.push_back(Json::array({v.x / kFixedScale, v.y / kFixedScale}));
        }
        rings.push_back(std::move(r));
    }
    return Json{{"type", "Polygon"}, {"coordinates", std::move(rings)}};
}

bool Contains(const Polygon& polygon, FixedPoint p) {
    if (!polygon.box.Contains(p)) return false;
    int n = 0;
    for (const auto& ring : polygon.rings) n += Crossings(ring, p);
    return n % 2 == 1;
}

bool Contains(const Polygon& polygon, double longitude, double latitude) {
    return Contains(polygon, ToFixed(longitude, latitude));
}

bool OnBoundary(const Polygon& polygon, FixedPoint p) {
    if (!polygon.box.Contains(p)) return false;
    for (const auto& ring : polygon.rings)
        if (RingOnBoundary(ring, p)) return true;
    return false;
}

bool Overlap(const Polygon& a, const Polygon& b) {
    if (!a.box.Intersects(b.box)) return false;
    const auto ea = EdgesOf(a), eb = EdgesOf(b);
    for (const Edge& e : ea) {
        for (const Edge& f : eb) {
            if (ProperCross(e.a, e.b, f.a, f.b) || SameWayCollinear(e, f)) return true;
        }
    }
    return BoundaryEnters(a, b, Doubled(b)) || BoundaryEnters(b, a, Doubled(a));
}

}  // namespace jw::geo

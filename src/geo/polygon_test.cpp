// geo/polygon.hpp: the boundary rule at edges and vertices, collinear cases, holes, validity, overlap, and two
// brute-force checks on random data (against a winding-number reference, and "exactly one owner" on random
// tilings).
#include "geo/polygon.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace jw::geo {
namespace {

// Polygons on a small integer lattice (1 unit = 1e-7 degree; the rule does not depend on the scale).
Polygon Make(std::vector<std::vector<FixedPoint>> rings) {
    auto p = MakePolygon(rings, "polygon");
    EXPECT_TRUE(p.ok()) << p.status().message();
    return p.ok() ? *p : Polygon{};
}
Polygon Rect(int64_t x0, int64_t y0, int64_t x1, int64_t y1) {
    return Make({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}});
}
std::string Problem(const std::vector<std::vector<FixedPoint>>& rings) {
    auto p = MakePolygon(rings, "polygon");
    if (p.ok()) return "ok";
    return p.status().fields().at("polygon");
}

TEST(PolygonTest, EdgesWestAndSouthBelongEastAndNorthDoNot) {
    const Polygon sq = Rect(0, 0, 10, 10);
    EXPECT_TRUE(Contains(sq, {5, 5}));
    EXPECT_TRUE(Contains(sq, {0, 5}));    // west edge
    EXPECT_FALSE(Contains(sq, {10, 5}));  // east edge
    EXPECT_TRUE(Contains(sq, {5, 0}));    // south edge
    EXPECT_FALSE(Contains(sq, {5, 10}));  // north edge
    EXPECT_TRUE(Contains(sq, {0, 0}));    // south-west vertex: ε east and δ north is inside
    EXPECT_FALSE(Contains(sq, {10, 0}));
    EXPECT_FALSE(Contains(sq, {0, 10}));
    EXPECT_FALSE(Contains(sq, {10, 10}));
    EXPECT_FALSE(Contains(sq, {-1, 5}));
    EXPECT_FALSE(Contains(sq, {11, 5}));
    for (FixedPoint p : {FixedPoint{0, 5}, {10, 5}, {5, 0}, {5, 10}, {0, 0}, {10, 10}}) EXPECT_TRUE(OnBoundary(sq, p));
    EXPECT_FALSE(OnBoundary(sq, {5, 5}));
}

TEST(PolygonTest, SharedEdgeAndSharedVertexHaveExactlyOneOwner) {
    // Four squares round the point (10, 10).
    const Polygon sw = Rect(0, 0, 10, 10), se = Rect(10, 0, 20, 10), nw = Rect(0, 10, 10, 20),
                  ne = Rect(10, 10, 20, 20);
    auto owners = [&](FixedPoint p) {
        return int(Contains(sw, p)) + Contains(se, p) + Contains(nw, p) + Contains(ne, p);
    };
    EXPECT_TRUE(Contains(se, {10, 5}));  // vertical shared edge: the eastern neighbour
    EXPECT_FALSE(Contains(sw, {10, 5}));
    EXPECT_TRUE(Contains(nw, {5, 10}));  // horizontal shared edge: the northern neighbour
    EXPECT_FALSE(Contains(sw, {5, 10}));
    EXPECT_TRUE(Contains(ne, {10, 10}));  // the common vertex: north-east
    for (int x = 1; x < 20; ++x)
        for (int y = 1; y < 20; ++y) EXPECT_EQ(owners({x, y}), 1) << x << "," << y;
}

TEST(PolygonTest, SlantedSharedEdge) {
    // Two triangles splitting a square along its diagonal (0,0)–(10,10): points on it go east, i.e. below.
    const Polygon lower = Make({{{0, 0}, {10, 0}, {10, 10}}}), upper = Make({{{0, 0}, {10, 10}, {0, 10}}});
    for (int t = 1; t < 10; ++t) {
        EXPECT_TRUE(Contains(lower, {t, t}));
        EXPECT_FALSE(Contains(upper, {t, t}));
    }
}

TEST(PolygonTest, RayThroughVerticesAndCollinearEdges) {
    // A diamond: the ray east from (-5, 0) passes through two vertices (−10,0) is west of it, (10,0) east.
    const Polygon diamond = Make({{{0, -10}, {10, 0}, {0, 10}, {-10, 0}}});
    EXPECT_TRUE(Contains(diamond, {-5, 0}));
    EXPECT_TRUE(Contains(diamond, {0, 0}));
    EXPECT_FALSE(Contains(diamond, {-11, 0}));  // the ray grazes both side vertices
    EXPECT_TRUE(Contains(diamond, {-10, 0}));   // west vertex: east of it is inside
    EXPECT_FALSE(Contains(diamond, {10, 0}));
    EXPECT_FALSE(Contains(diamond, {0, -10}));  // south vertex: ε east, δ ≪ ε north is outside
}

TEST(PolygonTest, HorizontalEdgesOnTheRay) {
    // A step: the ray from (1, 5) runs along the horizontal edge (5,5)–(10,5).
    const Polygon step = Make({{{0, 0}, {10, 0}, {10, 5}, {5, 5}, {5, 10}, {0, 10}}});
    EXPECT_TRUE(Contains(step, {1, 5}));
    EXPECT_TRUE(Contains(step, {1, 4}));
    EXPECT_FALSE(Contains(step, {7, 5}));  // on the northern edge of the lower part
    EXPECT_TRUE(Contains(step, {7, 4}));
    EXPECT_FALSE(Contains(step, {5, 7}));  // east edge of the upper part
    EXPECT_FALSE(Contains(step, {5, 5}));  // the reflex vertex: east-north-east of it is outside
    EXPECT_TRUE(Contains(step, {5, 4}));
}

TEST(PolygonTest, Holes) {
    const Polygon ring = Make({{{0, 0}, {30, 0}, {30, 30}, {0, 30}}, {{10, 10}, {20, 10}, {20, 20}, {10, 20}}});
    EXPECT_TRUE(Contains(ring, {5, 5}));
    EXPECT_FALSE(Contains(ring, {15, 15}));
    EXPECT_FALSE(Contains(ring, {10, 15}));  // hole's west edge: east of it is the hole
    EXPECT_TRUE(Contains(ring, {20, 15}));   // hole's east edge: east of it is the polygon
    const Polygon fill = Rect(10, 10, 20, 20);
    for (int x = 1; x < 30; ++x)
        for (int y = 1; y < 30; ++y) EXPECT_EQ(int(Contains(ring, {x, y})) + Contains(fill, {x, y}), 1);
    EXPECT_FALSE(Overlap(ring, fill));
    EXPECT_TRUE(Overlap(ring, Rect(5, 5, 15, 15)));
}

TEST(PolygonTest, Validity) {
    EXPECT_EQ(Problem({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}), "ok");
    EXPECT_EQ(Problem({{{0, 0}, {10, 0}}}), "too_few_points");
    EXPECT_EQ(Problem({{{0, 0}, {10, 0}, {10, 0}, {0, 0}}}), "too_few_points");
    EXPECT_EQ(Problem({{{0, 0}, {5, 5}, {10, 10}}}), "self_intersection");            // doubles back on one line
    EXPECT_EQ(Problem({{{0, 0}, {10, 10}, {10, 0}, {0, 10}}}), "self_intersection");  // bow tie
    EXPECT_EQ(Problem({{{0, 0}, {10, 0}, {10, 10}, {10, 5}, {0, 10}}}), "self_intersection");  // spike back
    EXPECT_EQ(Problem({{{0, 0}, {10, 0}, {5, 0}, {5, 10}}}), "self_intersection");             // collinear overlap
    // A ring touching itself at a vertex (figure eight through (5,5)).
    EXPECT_EQ(Problem({{{0, 0}, {5, 5}, {10, 0}, {10, 10}, {5, 5}, {0, 10}}}), "self_intersection");
    EXPECT_EQ(Problem({{{0, 0}, {30, 0}, {30, 30}, {0, 30}}, {{40, 40}, {50, 40}, {50, 50}}}), "hole_outside");
    EXPECT_EQ(Problem({{{0, 0}, {30, 0}, {30, 30}, {0, 30}}, {{0, 0}, {10, 5}, {5, 10}}}), "self_intersection");
    EXPECT_EQ(Problem({{{0, 0}, {30, 0}, {30, 30}, {0, 30}},
                       {{5, 5}, {25, 5}, {25, 25}, {5, 25}},
                       {{10, 10}, {20, 10}, {20, 20}}}),
              "hole_outside");  // a hole inside a hole
    EXPECT_EQ(Problem({{{0, 0}, {1900000000, 0}, {0, 10}}}), "out_of_range");
    // Orientation is normalised: a clockwise outer ring is stored counter-clockwise, the hole clockwise.
    const Polygon p = Make({{{0, 0}, {0, 30}, {30, 30}, {30, 0}}, {{10, 10}, {20, 10}, {20, 20}, {10, 20}}});
    EXPECT_GT(TwiceSignedArea(p.rings[0]), 0);
    EXPECT_LT(TwiceSignedArea(p.rings[1]), 0);
}

TEST(PolygonTest, GeoJson) {
    const Json ok = Json::parse(R"({"type":"Polygon","coordinates":[[[104.1,30.1],[104.2,30.1],[104.2,30.2],
        [104.1,30.2],[104.1,30.1]]]})");
    auto p = ParseGeoJsonPolygon(ok, "polygon");
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(Contains(*p, 104.15, 30.15));
    EXPECT_TRUE(Contains(*p, 104.1, 30.15));
    EXPECT_FALSE(Contains(*p, 104.2, 30.15));
    auto back = ParseGeoJsonPolygon(ToGeoJson(*p), "polygon");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->rings, p->rings);
    auto problem = [](const char* text) {
        auto r = ParseGeoJsonPolygon(Json::parse(text), "polygon");
        return r.ok() ? std::string("ok") : r.status().fields().at("polygon");
    };
    EXPECT_EQ(problem(R"({"type":"Point","coordinates":[1,2]})"), "not_a_polygon");
    EXPECT_EQ(problem(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]})"), "not_closed");
    EXPECT_EQ(problem(R"({"type":"Polygon","coordinates":[[[0,0],[1,0],["a",1],[0,0]]]})"), "invalid_coordinates");
    EXPECT_EQ(problem(R"({"type":"Polygon","coordinates":[[[0,0],[181,0],[1,1],[0,0]]]})"), "out_of_range");
}

TEST(PolygonTest, Overlap) {
    const Polygon a = Rect(0, 0, 10, 10);
    EXPECT_FALSE(Overlap(a, Rect(10, 0, 20, 10)));   // shared edge
    EXPECT_FALSE(Overlap(a, Rect(10, 10, 20, 20)));  // shared vertex
    EXPECT_FALSE(Overlap(a, Rect(10, 5, 20, 15)));   // part of an edge
    EXPECT_FALSE(Overlap(a, Rect(11, 0, 20, 10)));
    EXPECT_TRUE(Overlap(a, Rect(9, 0, 20, 10)));
    EXPECT_TRUE(Overlap(a, Rect(2, 2, 8, 8)));  // inside
    EXPECT_TRUE(Overlap(Rect(2, 2, 8, 8), a));
    EXPECT_TRUE(Overlap(a, Rect(0, 0, 10, 10)));  // the same
    EXPECT_TRUE(Overlap(a, Rect(0, 0, 10, 5)));   // inside, sharing three edges
    // A triangle whose edges run through a's corners only: its edge (0,0)–(10,10) cuts a in half.
    EXPECT_TRUE(Overlap(a, Make({{{0, 0}, {10, 10}, {-10, 10}}})));
    EXPECT_FALSE(Overlap(a, Make({{{0, 10}, {10, 10}, {5, 20}}})));
}

// Winding number of a point off the boundary, in floating point: a different method from the crossing rule.
int Winding(const Polygon& p, double x, double y) {
    double total = 0;
    for (const auto& ring : p.rings) {
        for (size_t i = 0; i < ring.size(); ++i) {
            const FixedPoint a = ring[i], b = ring[(i + 1) % ring.size()];
            const double a1 = std::atan2(a.y - y, a.x - x), a2 = std::atan2(b.y - y, b.x - x);
            double d = a2 - a1;
            while (d > M_PI) d -= 2 * M_PI;
            while (d < -M_PI) d += 2 * M_PI;
            total += d;
        }
    }
    return static_cast<int>(std::lround(total / (2 * M_PI)));
}

TEST(PolygonTest, RandomPolygonsAgreeWithWindingNumberOfThePerturbedPoint) {
    std::mt19937 rng(20261207);
    constexpr int64_t kScale = 1'000'000;  // polygon on a 0..20 lattice, scaled; the perturbation is (1000, 1)
    int tested = 0, inside = 0, boundary = 0;
    for (int round = 0; round < 300; ++round) {
        // A star-shaped ring round (10, 10) on the lattice; rounding may make it invalid: then skip it.
        const int n = 3 + rng() % 9;
        std::vector<double> angles;
        for (int i = 0; i < n; ++i) angles.push_back(std::uniform_real_distribution<double>(0, 2 * M_PI)(rng));
        std::sort(angles.begin(), angles.end());
        std::vector<FixedPoint> ring;
        for (double a : angles) {
            const double r = std::uniform_real_distribution<double>(2, 10)(rng);
            ring.push_back({std::llround(10 + r * std::cos(a)) * kScale, std::llround(10 + r * std::sin(a)) * kScale});
        }
        auto poly = MakePolygon({ring}, "polygon");
        if (!poly.ok()) continue;
        for (int x = 0; x <= 20; ++x) {
            for (int y = 0; y <= 20; ++y) {
                const FixedPoint p{x * kScale, y * kScale};
                const bool got = Contains(*poly, p);
                const bool want = Winding(*poly, p.x + 1000.0, p.y + 1.0) % 2 != 0;
                ASSERT_EQ(got, want) << "round " << round << " point " << x << "," << y;
                ++tested;
                inside += got;
                boundary += OnBoundary(*poly, p);
            }
        }
    }
    EXPECT_GT(tested, 10000);
    EXPECT_GT(inside, 1000);
    EXPECT_GT(boundary, 500);  // the rule was exercised on edges and vertices, not only in the open
}

TEST(PolygonTest, RandomTilingsGiveEveryPointExactlyOneOwner) {
    std::mt19937 rng(7);
    for (int round = 0; round < 30; ++round) {
        // A 4×4 grid of quads over [0,120]², inner lattice points jittered; neighbours share vertices exactly.
        constexpr int kCells = 4, kStep = 30;
        FixedPoint v[kCells + 1][kCells + 1];
        for (int i = 0; i <= kCells; ++i)
            for (int j = 0; j <= kCells; ++j) {
                const bool inner_i = i > 0 && i<kCells, inner_j = j> 0 && j < kCells;
                v[i][j] = {i * kStep + (inner_i ? int64_t(rng() % 21) - 10 : 0),
                           j * kStep + (inner_j ? int64_t(rng() % 21) - 10 : 0)};
            }
        std::vector<Polygon> tiles;
        for (int i = 0; i < kCells; ++i)
            for (int j = 0; j < kCells; ++j)
                tiles.push_back(Make({{v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]}}));
        for (size_t a = 0; a < tiles.size(); ++a)
            for (size_t b = a + 1; b < tiles.size(); ++b) ASSERT_FALSE(Overlap(tiles[a], tiles[b]));
        for (int x = 0; x < kCells * kStep; ++x)
            for (int y = 0; y < kCells * kStep; ++y) {
                int owners = 0;
                for (const auto& t : tiles) owners += Contains(t, {x, y});
                ASSERT_EQ(owners, 1) << "round " << round << " point " << x << "," << y;
            }
    }
}

}  // namespace
}  // namespace jw::geo

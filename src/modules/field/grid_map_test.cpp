#include "field/grid_map.hpp"

#include <gtest/gtest.h>

namespace jw::field {
namespace {

Json Line(double x0, double y0, double x1, double y1, const char* name) {
    return {{"type", "Feature"},
            {"properties", {{"kind", "road"}, {"name", name}}},
            {"geometry", {{"type", "LineString"}, {"coordinates", {{x0, y0}, {x1, y1}}}}}};
}

// The grid: 104.00–104.02°E, 30.00–30.02°N; "near" is that box widened by 0.01° on each side.
const geo::Box kGrid{geo::ToFixed(104.0, 30.0).x, geo::ToFixed(104.0, 30.0).y, geo::ToFixed(104.02, 30.02).x,
                     geo::ToFixed(104.02, 30.02).y};

TEST(GridBaseMap, KeepsWholeFeaturesMeetingTheWidenedBoxOnly) {
    const Json multi = Json::parse(R"({"type": "Feature", "properties": {"kind": "township"}, "geometry":
        {"type": "MultiPolygon", "coordinates": [[[[103.9, 29.9], [104.1, 29.9], [104.1, 30.1], [103.9, 29.9]]]]}})");
    Json features = Json::array();
    features.push_back(Line(104.01, 29.5, 104.01, 30.5, "through"));  // crosses the grid
    features.push_back(Line(104.025, 30.025, 104.2, 30.2, "edge"));   // starts 0.005 deg outside: within the margin
    features.push_back(Line(104.05, 30.05, 104.2, 30.2, "far"));      // 0.03 deg away: left out
    features.push_back(Line(103.0, 29.0, 103.1, 29.1, "elsewhere"));  // left out
    features.push_back(multi);
    const Json fc = {{"type", "FeatureCollection"}, {"features", features}};
    const Json out = GridBaseMap(fc, kGrid);
    ASSERT_EQ(out["features"].size(), 3u);
    EXPECT_EQ(out["features"][0]["properties"]["name"], "through");
    EXPECT_EQ(out["features"][0]["geometry"], fc["features"][0]["geometry"]);  // whole, not cut
    EXPECT_EQ(out["features"][1]["properties"]["name"], "edge");
    EXPECT_EQ(out["features"][2]["properties"]["kind"], "township");
}

TEST(GridBaseMap, AnythingElseGivesAnEmptyCollection) {
    const Json empty = {{"type", "FeatureCollection"}, {"features", Json::array()}};
    EXPECT_EQ(GridBaseMap(Json::parse("not json", nullptr, false), kGrid), empty);
    EXPECT_EQ(GridBaseMap(Json{{"type", "Feature"}}, kGrid), empty);
    EXPECT_EQ(GridBaseMap(Json{{"features", {{{"geometry", nullptr}}, 3}}}, kGrid), empty);
    Json fc = {{"type", "FeatureCollection"}, {"features", {Line(104.01, 30.01, 104.011, 30.011, "in")}}};
    EXPECT_EQ(GridBaseMap(fc, geo::Box{}), empty);  // an empty box
    EXPECT_EQ(GridBaseMap(fc, kGrid)["features"].size(), 1u);
}

}  // namespace
}  // namespace jw::field

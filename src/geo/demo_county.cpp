#include "geo/demo_county.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "analytics/pass.hpp"
#include "common/json_util.hpp"

namespace jw::geo {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kCentreLon = 104.25, kCentreLat = 30.80;
// Degrees of longitude per degree of latitude in length at 30.8° N (1 / cos 30.8°), so rings look round.
constexpr double kLonScale = 1.1636;
constexpr double kTownRadius = kDemoTownRadius;  // 城关镇's boundary, degrees of latitude

struct Point {
    double lon, lat;
};

Point Polar(double angle_deg, double r) {
    const double a = angle_deg * kPi / 180;
    return {kCentreLon + r * std::cos(a) * kLonScale, kCentreLat + r * std::sin(a)};
}

// The county boundary's distance from the centre at an angle: a wobbly circle, so townships differ.
double OuterRadius(double angle_deg) {
    const double a = angle_deg * kPi / 180;
    return 0.18 + 0.012 * std::sin(3 * a) + 0.008 * std::cos(5 * a);
}

const char* Compass(const Node& from, const Node& to) {
    const double dx = (to.longitude - from.longitude) / kLonScale, dy = to.latitude - from.latitude;
    double deg = std::atan2(dy, dx) * 180 / kPi;
    if (deg < 0) deg += 360;
    static const char* kNames[] = {"东", "东北", "北", "西北", "西", "西南", "南", "东南"};
    return kNames[static_cast<int>(std::floor((deg + 22.5) / 45)) % 8];
}

std::string Digits(const char* type, int serial) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "5199010000%s0%06d", type, serial);
    return buf;
}

double Round6(double v) { return std::round(v * 1e6) / 1e6; }
Json Coord(double lon, double lat) { return Json::array({Round6(lon), Round6(lat)}); }

struct TownshipSpec {
    const char* name;
    double angle;
    double radius;
    const char* station;
};
constexpr TownshipSpec kTownships[] = {
    {"东城镇", 0, 0.11, "东城派出所"},   {"青石镇", 45, 0.12, "青石派出所"},  {"北坝镇", 90, 0.11, "北坝派出所"},
    {"石桥乡", 135, 0.12, "北坝派出所"}, {"西河镇", 180, 0.11, "西河派出所"}, {"龙泉镇", 225, 0.12, "西河派出所"},
    {"南山乡", 270, 0.11, "南山派出所"}, {"白马乡", 315, 0.12, "南山派出所"},
};

County Build() {
    County c;
    c.nodes.push_back({"城关镇", "town", kCentreLon, kCentreLat, "城关派出所"});
    for (const auto& t : kTownships) {
        const Point p = Polar(t.angle, t.radius);
        c.nodes.push_back({t.name, "township", p.lon, p.lat, t.station});
    }
    struct BoundarySpec {
        const char* name;
        double angle;
        int township;
    };
    for (const auto& b : {BoundarySpec{"G318西界", 180, 5}, BoundarySpec{"G318东界", 0, 1},
                          BoundarySpec{"S205北界", 90, 3}, BoundarySpec{"S205南界", 270, 7}}) {
        const Point p = Polar(b.angle, OuterRadius(b.angle) * 0.98);
        c.nodes.push_back({b.name, "boundary", p.lon, p.lat, c.nodes[b.township].station});
    }
    auto road = [&](const char* name, const char* level, int a, int b, double speed) {
        const Node &na = c.nodes[a], &nb = c.nodes[b];
        // Roads wind: about a quarter longer than the straight line.
        const double km = 1.25 * analytics::HaversineKm(na.latitude, na.longitude, nb.latitude, nb.longitude);
        c.roads.push_back({name, level, a, b, std::round(km * 10) / 10, speed, 0, 0});
    };
    road("G318", "national", kBoundaryWest, 5, 60);
    road("G318", "national", 5, kTown, 55);
    road("G318", "national", kTown, 1, 55);
    road("G318", "national", 1, kBoundaryEast, 60);
    road("S205", "provincial", kBoundaryNorth, 3, 50);
    road("S205", "provincial", 3, kTown, 45);
    road("S205", "provincial", kTown, 7, 45);
    road("S205", "provincial", 7, kBoundarySouth, 50);
    road("X101", "county", kTown, 2, 40);
    road("X102", "county", kTown, 4, 40);
    road("X103", "county", kTown, 6, 40);
    road("X104", "county", kTown, 8, 40);
    static const char* kRing[] = {"X201", "X202", "X203", "X204", "X205", "X206", "X207", "X208"};
    for (int i = 0; i < 8; ++i) road(kRing[i], "county", 1 + i, 1 + (i + 1) % 8, 35);

    int serial = 0;
    for (size_t r = 0; r < c.roads.size(); ++r) {
        Road& rd = c.roads[r];
        for (int end = 0; end < 2; ++end) {
            const int n = end == 0 ? rd.a : rd.b, m = end == 0 ? rd.b : rd.a;
            const Node &near = c.nodes[n], &far = c.nodes[m];
            Checkpoint cp;
            ++serial;
            cp.id = Digits("121", serial);
            cp.ape_id = Digits("132", serial);
            const double f = near.kind == "boundary" ? 0.02 : 0.06;
            cp.longitude = Round6(near.longitude + f * (far.longitude - near.longitude));
            cp.latitude = Round6(near.latitude + f * (far.latitude - near.latitude));
            if (near.kind == "boundary") {
                const std::string side = near.name.substr(4, 3);  // 西 | 东 | 北 | 南 (UTF-8, 3 bytes)
                cp.name = rd.name + "示范县" + side + "界卡口";
                cp.place = "示范县" + far.name + rd.name + "县界";
                cp.category = "40";
            } else {
                cp.name = near.name + rd.name + Compass(near, far) + "口卡口";
                cp.place = "示范县" + near.name + rd.name + Compass(near, far) + "口";
                cp.category = n == kTown ? "31" : "99";
            }
            cp.station = near.station;
            cp.lanes = rd.level == "national" ? 4 : rd.level == "provincial" ? 3 : 2;
            cp.node = n;
            cp.road = static_cast<int>(r);
            (end == 0 ? rd.checkpoint_a : rd.checkpoint_b) = static_cast<int>(c.checkpoints.size());
            c.checkpoints.push_back(std::move(cp));
        }
    }

    // Fastest routes (Floyd–Warshall on travel time; 13 nodes).
    const size_t n = c.nodes.size();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> d(n, std::vector<double>(n, inf));
    c.next_hop.assign(n, std::vector<int>(n, -1));
    for (size_t i = 0; i < n; ++i) d[i][i] = 0;
    for (size_t r = 0; r < c.roads.size(); ++r) {
        const Road& rd = c.roads[r];
        const double h = rd.km / rd.speed_kmh;
        d[rd.a][rd.b] = d[rd.b][rd.a] = h;
        c.next_hop[rd.a][rd.b] = c.next_hop[rd.b][rd.a] = static_cast<int>(r);
    }
    for (size_t k = 0; k < n; ++k)
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j)
                if (d[i][k] + d[k][j] < d[i][j] - 1e-12) {
                    d[i][j] = d[i][k] + d[k][j];
                    c.next_hop[i][j] = c.next_hop[i][k];
                }
    return c;
}

}  // namespace

const County& DemoCounty() {
    static const County county = Build();
    return county;
}

LonLat DemoPolar(double angle_deg, double r) {
    const Point p = Polar(angle_deg, r);
    return {p.lon, p.lat};
}

double DemoOuterRadius(double angle_deg) { return OuterRadius(angle_deg); }

std::vector<int> Route(const County& county, int from, int to) {
    std::vector<int> roads;
    while (from != to) {
        const int r = county.next_hop[from][to];
        if (r < 0) break;
        roads.push_back(r);
        const Road& rd = county.roads[r];
        from = rd.a == from ? rd.b : rd.a;
    }
    return roads;
}

std::string BaseMapGeoJson(const County& county) {
    Json features = Json::array();
    auto feature = [&](Json geometry, const std::string& kind, const std::string& name, const std::string& level) {
        features.push_back({{"type", "Feature"},
                            {"geometry", std::move(geometry)},
                            {"properties", {{"kind", kind}, {"name", name}, {"level", level}}}});
    };
    // 城关镇: a 16-gon; each township: a 45° sector between 城关镇 and the county boundary. Rings run
    // counter-clockwise (RFC 7946 § 3.1.6) and are closed.
    Json town_ring = Json::array();
    for (int k = 0; k <= 16; ++k) {
        const Point p = Polar(22.5 * (k % 16), kTownRadius);
        town_ring.push_back(Coord(p.lon, p.lat));
    }
    feature({{"type", "Polygon"}, {"coordinates", Json::array({town_ring})}}, "township", "城关镇", "town");
    for (const auto& t : kTownships) {
        Json ring = Json::array();
        for (int k = 0; k <= 4; ++k) {
            const double a = t.angle - 22.5 + 11.25 * k;
            const Point p = Polar(a, OuterRadius(a));
            ring.push_back(Coord(p.lon, p.lat));
        }
        for (int k = 2; k >= 0; --k) {
            const Point p = Polar(t.angle - 22.5 + 22.5 * k, kTownRadius);
            ring.push_back(Coord(p.lon, p.lat));
        }
        ring.push_back(ring.front());
        const std::string name = t.name;
        feature({{"type", "Polygon"}, {"coordinates", Json::array({ring})}}, "township", name,
                name.ends_with("乡") ? "township" : "town");
    }
    // 清溪河 runs from the north-west to the south-east, just south-west of the town centre.
    Json river = Json::array();
    const Point p0 = Polar(140, OuterRadius(140)), p1 = Polar(320, OuterRadius(320));
    for (int k = 0; k <= 40; ++k) {
        const double s = k / 40.0;
        const double wiggle = 0.012 * std::sin(s * 4 * kPi) - 0.02;
        // Perpendicular to the river's course (north-east side positive), scaled like Polar.
        const double a = 50 * kPi / 180;
        river.push_back(Coord(p0.lon + s * (p1.lon - p0.lon) + wiggle * std::cos(a) * kLonScale,
                              p0.lat + s * (p1.lat - p0.lat) + wiggle * std::sin(a)));
    }
    feature({{"type", "LineString"}, {"coordinates", river}}, "river", "清溪河", "major");
    for (const auto& r : county.roads) {
        const Node &a = county.nodes[r.a], &b = county.nodes[r.b];
        feature({{"type", "LineString"},
                 {"coordinates", Json::array({Coord(a.longitude, a.latitude), Coord(b.longitude, b.latitude)})}},
                "road", r.name, r.level);
    }
    const Node& town = county.nodes[kTown];
    feature({{"type", "Point"}, {"coordinates", Coord(town.longitude, town.latitude)}}, "town", "示范县城", "county");
    return Json{{"type", "FeatureCollection"}, {"features", std::move(features)}}.dump();
}

}  // namespace jw::geo

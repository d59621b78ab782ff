#pragma once
// The demo county's fictional geography (示范县, GB/T 2260 code 519901): the county town 城关镇, eight
// townships around it, the river 清溪河, a road graph (national G318, provincial S205, county roads X1xx/X2xx)
// and the 40 checkpoints (卡口) on those roads, with one capture device (APE) each. Deterministic: built from
// constants, the same on every call. Shared by every module that seeds the demo county (checkpoints, addresses, grids).
// Thread-safe (immutable after first use).
//
// Graph: node 0 is the county town, nodes 1–8 the township centres, nodes 9–12 the points where G318 and
// S205 leave the county. Every road (edge) carries two checkpoints, one near each end ("口"), so a vehicle
// driving an edge passes the checkpoint near its start, then the one near its end.

#include <string>
#include <vector>

namespace jw::geo {

struct Node {
    std::string name;  // 城关镇, 东城镇 … or "G318西界"
    std::string kind;  // town | township | boundary
    double longitude = 0;
    double latitude = 0;
    std::string station;  // police station responsible (units.name)
};

struct Road {
    std::string name;                        // G318, S205, X101 …
    std::string level;                       // national | provincial | county
    int a = 0, b = 0;                        // node indexes (digitised direction a → b)
    double km = 0;                           // length
    double speed_kmh = 40;                   // typical average speed
    int checkpoint_a = 0, checkpoint_b = 0;  // checkpoints near a and near b
};

struct Checkpoint {
    std::string id;        // GB/T 28181 20 digits: 51990100 (centre) 00 (industry) 121 (卡口) 0 + serial
    std::string ape_id;    // its capture device: same with type 132 (IPC)
    std::string name;      // e.g. 城关镇G318东口卡口
    std::string place;     // address text
    std::string category;  // GA/T 1400 TollgateCat: 31 urban, 40 inter-county, 99 other
    std::string station;
    double longitude = 0, latitude = 0;
    int lanes = 2;
    int node = 0;  // the node it is near
    int road = 0;
};

struct County {
    std::vector<Node> nodes;
    std::vector<Road> roads;
    std::vector<Checkpoint> checkpoints;
    // next_hop[u][v]: the road to take from u on the fastest route to v (-1 when u == v).
    std::vector<std::vector<int>> next_hop;
};

inline constexpr int kTown = 0;
inline constexpr int kBoundaryWest = 9, kBoundaryEast = 10, kBoundaryNorth = 11, kBoundarySouth = 12;

const County& DemoCounty();

// The map's polar coordinates round the county centre, as the townships were drawn: angle in degrees counter-
// clockwise from east, r in degrees of latitude (longitude scaled so that rings look round). Grids are built on
// them so that they fit the townships.
struct LonLat {
    double longitude = 0, latitude = 0;
};
LonLat DemoPolar(double angle_deg, double r);
double DemoOuterRadius(double angle_deg);        // the county boundary's radius at an angle
inline constexpr double kDemoTownRadius = 0.05;  // 城关镇 is the regular 16-gon of this radius (vertices every 22.5°)
// The angle of township node i (1–8) round the centre: 45° × (i − 1).
inline double DemoTownshipAngle(int node) { return 45.0 * (node - 1); }

// The fastest route from `from` to `to` as road indexes in driving order (empty when equal).
std::vector<int> Route(const County& county, int from, int to);

// The base map: a GeoJSON FeatureCollection of townships (Polygon), the town (Point), the river and the roads
// (LineString); properties kind (town|township|river|road), name, level.
std::string BaseMapGeoJson(const County& county);

}  // namespace jw::geo

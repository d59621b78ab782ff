#include "community/grids/demo_grids.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "community/addresses/demo_addresses.hpp"
#include "community/grids/grid_repository.hpp"
#include "community/grids/grid_seal.hpp"
#include "community/grids/grid_service.hpp"
#include "geo/demo_county.hpp"

namespace jw::community {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kPeopleTarget = 52000;  // the people part seeds 50,000: rates a little under 100 %

// One angle, one value: -30° and 330° must give the very same vertex on both sides of a shared edge.
double Norm(double a) {
    a = std::fmod(a, 360.0);
    return a < 0 ? a + 360.0 : a;
}

geo::FixedPoint Fix(geo::LonLat p) { return geo::ToFixed(p.longitude, p.latitude); }

// The point of 城关镇's 16-gon boundary at an angle (on the chord between the two vertices round it).
geo::FixedPoint TownPoint(double angle) {
    angle = Norm(angle);
    const double mid = 22.5 * std::floor(angle / 22.5) + 11.25;
    const double r = geo::kDemoTownRadius * std::cos(11.25 * kPi / 180) / std::cos((angle - mid) * kPi / 180);
    return Fix(geo::DemoPolar(angle, r));
}

geo::FixedPoint OuterPoint(double angle) {
    angle = Norm(angle);
    return Fix(geo::DemoPolar(angle, geo::DemoOuterRadius(angle)));
}

// The town sectors' edges (every 60° from 30°) and the 16-gon's vertices (every 22.5°) strictly between a0 and a1:
// both sides of the town boundary carry all of them, so no vertex of one lies inside an edge of the other.
std::vector<double> TownBreaks(double a0, double a1) {
    std::vector<double> out;
    for (double a = a0 + 0.5; a < a1; a += 0.5) {
        const double n = Norm(a);
        if (std::fmod(n, 22.5) == 0 || std::fmod(n - 30, 60) == 0) out.push_back(a);
    }
    return out;
}

geo::Polygon Build(std::vector<geo::FixedPoint> ring) {
    auto p = geo::MakePolygon({std::move(ring)}, "polygon");
    if (!p.ok()) throw std::logic_error("demo grid polygon: " + p.status().message());
    return std::move(*p);
}

geo::Polygon TownSector(double a0, double a1) {
    std::vector<geo::FixedPoint> ring{Fix(geo::DemoPolar(0, 0)), TownPoint(a0)};
    for (double a : TownBreaks(a0, a1)) ring.push_back(TownPoint(a));
    ring.push_back(TownPoint(a1));
    return Build(std::move(ring));
}

geo::Polygon TownshipHalf(double a0, double a1) {
    std::vector<geo::FixedPoint> ring;
    for (double a = a0; a <= a1 + 1e-9; a += 11.25) ring.push_back(OuterPoint(a));
    ring.push_back(TownPoint(a1));
    const auto breaks = TownBreaks(a0, a1);
    for (auto it = breaks.rbegin(); it != breaks.rend(); ++it) ring.push_back(TownPoint(*it));
    ring.push_back(TownPoint(a0));
    return Build(std::move(ring));
}

std::string Code(const std::string& region, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-G%02d", region.c_str(), n);
    return buf;
}

// Deterministic names and phones of the named members (synthetic).
struct Lcg {
    uint64_t s;
    uint32_t Next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<uint32_t>(s >> 33);
    }
};
const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                                 "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯"};
const char* const kGiven[] = {"秀英", "桂兰", "建国", "德明", "玉兰", "春梅", "志刚", "淑珍", "海燕", "红霞",
                              "永福", "凤英", "国华", "素芳", "家强", "丽萍", "文军", "小平", "金花", "长青"};

std::string Name(Lcg& rng) {
    return std::string(kSurnames[rng.Next() % std::size(kSurnames)]) + kGiven[rng.Next() % std::size(kGiven)];
}
std::string Phone(Lcg& rng) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "1%u%09u", 3 + rng.Next() % 7, rng.Next() % 1000000000u);
    return buf;
}

}  // namespace

std::vector<DemoGridPlan> DemoGridPlans(const std::string& region) {
    const auto& county = geo::DemoCounty();
    std::vector<DemoGridPlan> out;
    // 城关镇: six sectors of 60°, centred east, north-east … as the communities lie round the town centre.
    static const char* const kTown[] = {"东门社区", "新城社区", "北街社区", "西门社区", "河滨社区", "南街社区"};
    for (int k = 0; k < 6; ++k) {
        const double c = 60.0 * k;
        out.push_back({Code(region, k + 1), std::string(kTown[k]) + "网格", kTown[k], county.nodes[geo::kTown].station,
                       TownSector(c - 30, c + 30)});
    }
    for (int t = 1; t <= 8; ++t) {
        const auto& node = county.nodes[t];
        const std::string stem = node.name.substr(0, node.name.size() - 3);  // without 镇/乡 (3 bytes)
        const double a = geo::DemoTownshipAngle(t);
        out.push_back({Code(region, 5 + 2 * t), stem + "场镇社区网格", stem + "场镇社区", node.station,
                       TownshipHalf(a - 22.5, a)});
        out.push_back({Code(region, 6 + 2 * t), stem + "红星和平村网格", stem + "红星村、" + stem + "和平村",
                       node.station, TownshipHalf(a, a + 22.5)});
    }
    return out;
}

Status SeedDemoGrids(storage::Connection& tx, const std::string& master_key, int64_t now) {
    const auto plans = DemoGridPlans();
    // Expected population in proportion to the dwellings (rooms, and houses without rooms count once each).
    std::vector<int64_t> dwellings(plans.size(), 0);
    int64_t all = 0;
    for (const Address& a : DemoAddresses(kDemoAddresses)) {
        if ((a.level != "room" && a.level != "house") || !a.longitude || !a.latitude) continue;
        for (size_t i = 0; i < plans.size(); ++i) {
            if (!geo::Contains(plans[i].polygon, *a.longitude, *a.latitude)) continue;
            ++dwellings[i];
            ++all;
            break;
        }
    }
    const GridSeal seal(master_key);
    std::map<std::string, std::vector<int64_t>> officers;  // station → its officers' user ids, the demo one first
    std::map<std::string, size_t> next_officer;
    Lcg rng{20261207};
    for (size_t i = 0; i < plans.size(); ++i) {
        const DemoGridPlan& p = plans[i];
        JW_ASSIGN_OR_RETURN(auto unit, tx.QueryOne("SELECT id FROM units WHERE name = ?", {storage::V(p.station)}));
        if (!officers.count(p.station)) {
            JW_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
                                                    "WHERE u.unit_id = ? AND r.role_code = 'officer' "
                                                    "ORDER BY CASE WHEN u.username = 'officer' THEN 0 ELSE 1 END, u.id",
                                                    {storage::V(unit.Int(0))}));
            for (const auto& r : rows) officers[p.station].push_back(r.Int(0));
        }
        Grid g;
        g.code = p.code;
        g.name = p.name;
        g.community = p.community;
        g.unit_id = unit.Int(0);
        g.polygon = p.polygon;
        g.expected_population = all ? (kPeopleTarget * dwellings[i] / all + 5) / 10 * 10 : 0;
        JW_ASSIGN_OR_RETURN(GridSaved saved, InsertGridUnchecked(tx, std::move(g), now));
        std::vector<GridMember> team;
        const auto& station_officers = officers[p.station];
        if (!station_officers.empty()) {
            const int64_t officer = station_officers[next_officer[p.station]++ % station_officers.size()];
            JW_ASSIGN_OR_RETURN(auto user, FindUser(tx, officer));
            team.push_back({officer, user ? user->name : "", "community_officer", ""});
        }
        const std::pair<const char*, int> shape[] = {{"auxiliary", 3}, {"grid_member", 10}, {"volunteer", 0}};
        for (const auto& [role, count] : shape) {
            const int n = count ? count : 3 + static_cast<int>(rng.Next() % 4);
            for (int k = 0; k < n; ++k) team.push_back({std::nullopt, Name(rng), role, seal.Seal(Phone(rng))});
        }
        JW_RETURN_IF_ERROR(ReplaceTeam(tx, saved.grid.code, team));
    }
    return Status::Ok();
}

}  // namespace jw::community

#include "community/grids/grid_repository.hpp"

#include <cstdio>

#include "storage/in_list.hpp"

namespace jw::community {
namespace {

using storage::V;

constexpr const char* kGridColumns =
    "g.id, g.code, g.name, g.unit_id, COALESCE(u.name, ''), g.community, g.polygon, g.expected_population, "
    "g.created_at, g.updated_at, g.version FROM community_grids g LEFT JOIN units u ON u.id = g.unit_id";

std::string Degrees(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7f", v);
    return buf;
}

Result<Grid> GridFromRow(const storage::Row& r) {
    Grid g;
    g.id = r.Int(0);
    g.code = r.Str(1);
    g.name = r.Str(2);
    g.unit_id = r.Int(3);
    g.unit_name = r.Str(4);
    g.community = r.Str(5);
    const Json geometry = Json::parse(r.Str(6), nullptr, false);
    auto polygon = geo::ParseGeoJsonPolygon(geometry, "polygon");
    if (!polygon.ok()) return Status::Internal("community_grids: the stored polygon of " + g.code + " is broken");
    g.polygon = std::move(*polygon);
    g.expected_population = r.Int(7);
    g.created_at = r.Int(8);
    g.updated_at = r.Int(9);
    g.version = r.Int(10);
    return g;
}

storage::Params GridValues(const Grid& g) {
    const geo::Box& b = g.polygon.box;
    return {V(g.name),
            V(g.unit_id),
            V(g.community),
            V(geo::ToGeoJson(g.polygon).dump()),
            V(g.expected_population),
            V(Degrees(b.MinLongitude())),
            V(Degrees(b.MinLatitude())),
            V(Degrees(b.MaxLongitude())),
            V(Degrees(b.MaxLatitude()))};
}

}  // namespace

Result<std::optional<Grid>> FindGrid(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kGridColumns + " WHERE g.code = ?", {V(code)}));
    if (rows.empty()) return std::optional<Grid>();
    JW_ASSIGN_OR_RETURN(Grid g, GridFromRow(rows[0]));
    return std::optional<Grid>(std::move(g));
}

Result<std::vector<Grid>> LoadGrids(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kGridColumns + " ORDER BY g.code"));
    std::vector<Grid> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Grid g, GridFromRow(r));
        out.push_back(std::move(g));
    }
    return out;
}

Status InsertGrid(storage::Connection& c, const Grid& g, int64_t now) {
    storage::Params p = {V(g.code)};
    for (auto& v : GridValues(g)) p.push_back(std::move(v));
    p.push_back(V(now));
    p.push_back(V(now));
    return c.Exec(
        "INSERT INTO community_grids (code, name, unit_id, community, polygon, expected_population, min_lon, min_lat, "
        "max_lon, max_lat, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)",
        p);
}

Result<int64_t> UpdateGrid(storage::Connection& c, const Grid& g, int64_t version, int64_t now) {
    storage::Params p = GridValues(g);
    p.push_back(V(now));
    p.push_back(V(g.code));
    p.push_back(V(version));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("UPDATE community_grids SET name = ?, unit_id = ?, community = ?, "
                                           "polygon = ?, expected_population = ?, min_lon = ?, min_lat = ?, "
                                           "max_lon = ?, max_lat = ?, updated_at = ?, version = version + 1 "
                                           "WHERE code = ? AND version = ? RETURNING version",
                                           p));
    if (rows.empty()) return Status::Conflict("conflict");
    return rows[0].Int(0);
}

Result<int64_t> TouchGrid(storage::Connection& c, const std::string& code, int64_t version, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("UPDATE community_grids SET updated_at = ?, version = version + 1 "
                                           "WHERE code = ? AND version = ? RETURNING version",
                                           {V(now), V(code), V(version)}));
    if (rows.empty()) return Status::Conflict("conflict");
    return rows[0].Int(0);
}

Result<std::vector<GridMember>> LoadTeam(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT user_id, name, role, phone FROM community_grid_members "
                                           "WHERE grid_code = ? ORDER BY position, id",
                                           {V(code)}));
    std::vector<GridMember> out;
    for (const auto& r : rows) {
        GridMember m;
        if (!r.IsNull(0)) m.user_id = r.Int(0);
        m.name = r.Str(1);
        m.role = r.Str(2);
        m.phone = r.Str(3);
        out.push_back(std::move(m));
    }
    return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> CommunityOfficers(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT grid_code, user_id FROM community_grid_members "
                                           "WHERE role = 'community_officer' AND user_id IS NOT NULL "
                                           "ORDER BY grid_code, position"));
    std::vector<std::pair<std::string, int64_t>> out;
    for (const auto& r : rows) out.emplace_back(r.Str(0), r.Int(1));
    return out;
}

Status ReplaceTeam(storage::Connection& c, const std::string& code, const std::vector<GridMember>& sealed) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM community_grid_members WHERE grid_code = ?", {V(code)}));
    int position = 0;
    for (const auto& m : sealed) {
        JW_RETURN_IF_ERROR(c.Exec(
            "INSERT INTO community_grid_members (grid_code, user_id, name, role, phone, "
            "position) VALUES (?,?,?,?,?,?)",
            {V(code), m.user_id ? V(*m.user_id) : storage::Null(), V(m.name), V(m.role), V(m.phone), V(position++)}));
    }
    return Status::Ok();
}

Result<int64_t> AssignAddresses(storage::Connection& c, const std::string& code, const geo::Polygon& polygon) {
    JW_RETURN_IF_ERROR(c.Exec("UPDATE community_addresses SET grid_id = NULL WHERE grid_id = ?", {V(code)}));
    // The box, widened by a unit of the fixed grid: stored coordinates are rounded decimals of their own.
    const geo::Box& b = polygon.box;
    const double pad = 1 / geo::kFixedScale;
    // Only road level and below lie in a grid: a county, township or community is an area that grids divide,
    // whatever its representative point says (issue 14; migration 009 cleared the ones given before).
    const std::string gridded = "level IN ('road', 'house', 'building', 'unit', 'room')";
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, longitude, latitude FROM community_addresses "
                                           "WHERE longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ? AND " +
                                               gridded,
                                           {V(Degrees(b.MinLongitude() - pad)), V(Degrees(b.MaxLongitude() + pad)),
                                            V(Degrees(b.MinLatitude() - pad)), V(Degrees(b.MaxLatitude() + pad))}));
    std::vector<int64_t> inside;
    for (const auto& r : rows) {
        if (geo::Contains(polygon, std::stod(r.Str(1)), std::stod(r.Str(2)))) inside.push_back(r.Int(0));
    }
    JW_RETURN_IF_ERROR(
        storage::ExecIn(c, "UPDATE community_addresses SET grid_id = ? WHERE id IN @IDS@", inside, {V(code)}));
    // Addresses without coordinates follow their parent, level by level (county → … → room: at most eight).
    for (int level = 0; level < 8; ++level) {
        JW_RETURN_IF_ERROR(
            c.Exec("UPDATE community_addresses SET grid_id = (SELECT p.grid_id FROM community_addresses p "
                   "WHERE p.code = community_addresses.parent_code) "
                   "WHERE (longitude IS NULL OR latitude IS NULL) AND parent_code <> '' AND " +
                   gridded));
    }
    JW_ASSIGN_OR_RETURN(auto n, c.QueryOne("SELECT COUNT(*) FROM community_addresses WHERE grid_id = ?", {V(code)}));
    return n.Int(0);
}

Result<std::optional<UserBrief>> FindUser(storage::Connection& c, int64_t user_id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT name, unit_id FROM users WHERE id = ? AND status = 'active'", {V(user_id)}));
    if (rows.empty()) return std::optional<UserBrief>();
    return std::optional<UserBrief>(UserBrief{rows[0].Str(0), rows[0].Int(1)});
}

Result<std::optional<std::string>> UnitName(storage::Connection& c, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT name FROM units WHERE id = ?", {V(unit_id)}));
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows[0].Str(0));
}

}  // namespace jw::community

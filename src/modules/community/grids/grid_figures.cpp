#include "community/grids/grid_figures.hpp"

#include <algorithm>

#include "storage/in_list.hpp"

namespace jw::community {
namespace {

using storage::V;

// One grid (`code`) or all: the WHERE fragment on community_addresses a and its parameters.
std::string GridFilter(const std::optional<std::string>& code, storage::Params& p) {
    if (!code) return "a.grid_id IS NOT NULL";
    p.push_back(V(*code));
    return "a.grid_id = ?";
}

Result<Breakdown> Count(storage::Connection& c, const std::string& sql, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, {V(code)}));
    Breakdown out;
    for (const auto& r : rows) out.emplace_back(r.Str(0), r.Int(1));
    return out;
}

}  // namespace

void GridCounts::Add(const GridCounts& o) {
    expected_population += o.expected_population;
    people += o.people;
    people_with_photo += o.people_with_photo;
    addresses += o.addresses;
    addresses_located += o.addresses_located;
}

Result<std::vector<GridRateRow>> GridRates(storage::Connection& c, const std::optional<std::string>& code,
                                           const std::optional<std::vector<int64_t>>& units) {
    storage::Params gp;
    std::string where = "1 = 1";
    if (code) {
        where += " AND g.code = ?";
        gp.push_back(V(*code));
    }
    if (units) where += " AND " + storage::InFilter(c.dialect(), "g.unit_id", *units, gp);
    // The community officer: the first listed (a team has exactly one; grid_service.hpp).
    JW_ASSIGN_OR_RETURN(
        auto grids,
        c.Query("SELECT g.code, g.name, g.community, g.unit_id, COALESCE(u.name, ''), g.expected_population, "
                "(SELECT m.user_id FROM community_grid_members m WHERE m.grid_code = g.code AND "
                "m.role = 'community_officer' ORDER BY m.position LIMIT 1), "
                "(SELECT m.name FROM community_grid_members m WHERE m.grid_code = g.code AND "
                "m.role = 'community_officer' ORDER BY m.position LIMIT 1) "
                "FROM community_grids g LEFT JOIN units u ON u.id = g.unit_id WHERE " +
                    where + " ORDER BY g.code",
                gp));
    std::vector<GridRateRow> out;
    std::map<std::string, size_t> at;
    for (const auto& r : grids) {
        GridRateRow row;
        row.code = r.Str(0);
        row.name = r.Str(1);
        row.community = r.Str(2);
        row.unit_id = r.Int(3);
        row.unit_name = r.Str(4);
        row.counts.expected_population = r.Int(5);
        if (!r.IsNull(6)) row.officer_id = r.Int(6);
        row.officer_name = r.Str(7);
        at[row.code] = out.size();
        out.push_back(std::move(row));
    }
    if (out.empty()) return out;
    storage::Params ap;
    const std::string afilter = GridFilter(code, ap);
    JW_ASSIGN_OR_RETURN(auto addresses,
                        c.Query("SELECT a.grid_id, COUNT(*), SUM(CASE WHEN a.longitude IS NOT NULL AND a.latitude IS "
                                "NOT NULL THEN 1 ELSE 0 END) FROM community_addresses a WHERE " +
                                    afilter + " GROUP BY a.grid_id",
                                ap));
    for (const auto& r : addresses) {
        auto it = at.find(r.Str(0));
        if (it == at.end()) continue;
        out[it->second].counts.addresses = r.Int(1);
        out[it->second].counts.addresses_located = r.Int(2);
    }
    JW_ASSIGN_OR_RETURN(auto people,
                        c.Query("SELECT a.grid_id, COUNT(*), SUM(CASE WHEN p.photo_media_id IS NOT NULL AND "
                                "p.photo_media_id <> '' THEN 1 ELSE 0 END) FROM community_people p "
                                "JOIN community_addresses a ON a.code = p.residence_code "
                                "WHERE p.status = 'present' AND " +
                                    afilter + " GROUP BY a.grid_id",
                                ap));
    for (const auto& r : people) {
        auto it = at.find(r.Str(0));
        if (it == at.end()) continue;
        out[it->second].counts.people = r.Int(1);
        out[it->second].counts.people_with_photo = r.Int(2);
    }
    return out;
}

std::vector<OfficerRateRow> OfficerRates(const std::vector<GridRateRow>& grids) {
    std::map<int64_t, OfficerRateRow> by_user;
    for (const auto& g : grids) {
        if (!g.officer_id) continue;
        OfficerRateRow& o = by_user[*g.officer_id];
        o.user_id = *g.officer_id;
        o.name = g.officer_name;
        o.grids.push_back(g.code);
        o.counts.Add(g.counts);
    }
    std::vector<OfficerRateRow> out;
    for (auto& [id, row] : by_user) out.push_back(std::move(row));
    return out;
}

Result<GridBreakdowns> Breakdowns(storage::Connection& c, const std::string& code) {
    GridBreakdowns b;
    JW_ASSIGN_OR_RETURN(b.people_by_category,
                        Count(c,
                              "SELECT p.category, COUNT(*) FROM community_people p JOIN community_addresses a "
                              "ON a.code = p.residence_code WHERE p.status = 'present' AND a.grid_id = ? "
                              "GROUP BY p.category ORDER BY p.category",
                              code));
    JW_ASSIGN_OR_RETURN(b.houses_by_use, Count(c,
                                               "SELECT h.use, COUNT(*) FROM community_houses h JOIN "
                                               "community_addresses a ON a.code = h.address_code WHERE "
                                               "a.grid_id = ? GROUP BY h.use ORDER BY h.use",
                                               code));
    JW_ASSIGN_OR_RETURN(b.orgs_by_kind, Count(c,
                                              "SELECT o.kind, COUNT(*) FROM community_orgs o JOIN "
                                              "community_addresses a ON a.code = o.address_code WHERE "
                                              "a.grid_id = ? GROUP BY o.kind ORDER BY o.kind",
                                              code));
    JW_ASSIGN_OR_RETURN(b.addresses_by_level,
                        Count(c,
                              "SELECT a.level, COUNT(*) FROM community_addresses a WHERE a.grid_id = ? "
                              "GROUP BY a.level ORDER BY a.level",
                              code));
    return b;
}

Result<std::vector<int64_t>> UnitAndBelow(storage::Connection& c, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, parent_id FROM units"));
    std::vector<int64_t> out{unit_id};
    for (size_t i = 0; i < out.size(); ++i) {
        for (const auto& r : rows)
            if (!r.IsNull(1) && r.Int(1) == out[i] && std::find(out.begin(), out.end(), r.Int(0)) == out.end())
                out.push_back(r.Int(0));
    }
    return out;
}

}  // namespace jw::community

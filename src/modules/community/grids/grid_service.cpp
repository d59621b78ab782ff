#include "community/grids/grid_service.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "community/grids/grid_repository.hpp"

namespace jw::community {
namespace {

constexpr size_t kMaxTeam = 200;

bool GoodCode(const std::string& code) {
    if (code.empty() || code.size() > 32) return false;
    return std::all_of(code.begin(), code.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-';
    });
}

Status CheckScope(const auth::Principal& actor, int64_t unit_id) {
    if (!actor.SeesUnit(unit_id)) return Status::Denied("grid outside your units");
    return Status::Ok();
}

Status CheckUnit(storage::Connection& tx, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto name, UnitName(tx, unit_id));
    if (!name) return Status::Invalid("unit_id", "not_found");
    return Status::Ok();
}

// No other grid may share area with this one (touching along an edge is how neighbours meet).
Status CheckNoOverlap(storage::Connection& tx, const Grid& g) {
    JW_ASSIGN_OR_RETURN(auto grids, LoadGrids(tx));
    for (const auto& other : grids) {
        if (other.code == g.code || !geo::Overlap(g.polygon, other.polygon)) continue;
        return Status(ErrorCode::kInvalidArgument, "the polygon overlaps grid " + other.code + " " + other.name,
                      {{"polygon", "overlaps_grid"}});
    }
    return Status::Ok();
}

Result<std::string> NextCode(storage::Connection& tx, const std::string& region) {
    JW_ASSIGN_OR_RETURN(auto grids, LoadGrids(tx));
    for (size_t n = grids.size() + 1;; ++n) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%s-G%02zu", region.c_str(), n);
        const bool taken = std::any_of(grids.begin(), grids.end(), [&](const Grid& g) { return g.code == buf; });
        if (!taken) return std::string(buf);
    }
}

Result<GridSaved> Save(storage::Connection& tx, Grid g, bool is_new, int64_t version, bool polygon_changed,
                       int64_t now) {
    if (polygon_changed) JW_RETURN_IF_ERROR(CheckNoOverlap(tx, g));
    if (is_new) {
        auto st = InsertGrid(tx, g, now);
        if (st.code() == ErrorCode::kConflict) return Status::Invalid("code", "already_exists");
        JW_RETURN_IF_ERROR(st);
        g.version = 1;
        g.created_at = now;
    } else {
        JW_ASSIGN_OR_RETURN(g.version, UpdateGrid(tx, g, version, now));
    }
    g.updated_at = now;
    GridSaved out;
    if (polygon_changed) {
        JW_ASSIGN_OR_RETURN(out.addresses, AssignAddresses(tx, g.code, g.polygon));
    } else {
        JW_ASSIGN_OR_RETURN(
            auto row, tx.QueryOne("SELECT COUNT(*) FROM community_addresses WHERE grid_id = ?", {storage::V(g.code)}));
        out.addresses = row.Int(0);
    }
    JW_ASSIGN_OR_RETURN(auto unit_name, UnitName(tx, g.unit_id));
    g.unit_name = unit_name.value_or("");
    out.grid = std::move(g);
    return out;
}

}  // namespace

Result<Grid> GetGrid(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto g, FindGrid(c, code));
    if (!g) return Status::NotFound("grid");
    return std::move(*g);
}

Result<GridSaved> CreateGrid(storage::Connection& tx, const GridChange& in, const std::string& region,
                             const auth::Principal& actor, int64_t now) {
    Grid g;
    if (in.code) {
        if (!GoodCode(*in.code)) return Status::Invalid("code", "bad_format");
        g.code = *in.code;
    } else {
        JW_ASSIGN_OR_RETURN(g.code, NextCode(tx, region));
    }
    if (!in.name || in.name->empty()) return Status::Invalid("name", "required");
    if (!in.unit_id) return Status::Invalid("unit_id", "required");
    if (!in.polygon) return Status::Invalid("polygon", "required");
    JW_RETURN_IF_ERROR(CheckUnit(tx, *in.unit_id));
    JW_RETURN_IF_ERROR(CheckScope(actor, *in.unit_id));
    g.name = *in.name;
    g.unit_id = *in.unit_id;
    g.community = in.community.value_or("");
    g.expected_population = in.expected_population.value_or(0);
    g.polygon = *in.polygon;
    return Save(tx, std::move(g), true, 0, true, now);
}

Result<GridSaved> ChangeGrid(storage::Connection& tx, const std::string& code, int64_t version, const GridChange& in,
                             const auth::Principal& actor, int64_t now) {
    JW_ASSIGN_OR_RETURN(Grid g, GetGrid(tx, code));
    JW_RETURN_IF_ERROR(CheckScope(actor, g.unit_id));
    if (g.version != version) return Status::Conflict("conflict");
    if (in.unit_id && *in.unit_id != g.unit_id) {
        JW_RETURN_IF_ERROR(CheckUnit(tx, *in.unit_id));
        JW_RETURN_IF_ERROR(CheckScope(actor, *in.unit_id));
        g.unit_id = *in.unit_id;
    }
    if (in.name) {
        if (in.name->empty()) return Status::Invalid("name", "required");
        g.name = *in.name;
    }
    if (in.community) g.community = *in.community;
    if (in.expected_population) g.expected_population = *in.expected_population;
    const bool polygon_changed = in.polygon && in.polygon->rings != g.polygon.rings;
    if (in.polygon) g.polygon = *in.polygon;
    return Save(tx, std::move(g), false, version, polygon_changed, now);
}

Result<int64_t> SetTeam(storage::Connection& tx, const std::string& code, int64_t version, std::vector<GridMember> team,
                        const GridSeal& seal, const auth::Principal& actor, int64_t now) {
    JW_ASSIGN_OR_RETURN(Grid g, GetGrid(tx, code));
    JW_RETURN_IF_ERROR(CheckScope(actor, g.unit_id));
    if (g.version != version) return Status::Conflict("conflict");
    if (team.size() > kMaxTeam) return Status::Invalid("team", "too_many");
    JW_ASSIGN_OR_RETURN(const std::vector<GridMember> current, LoadTeam(tx, code));  // phones sealed
    int officers = 0;
    std::set<int64_t> users;  // a user holds one place in a team
    for (size_t i = 0; i < team.size(); ++i) {
        GridMember& m = team[i];
        const std::string at = "team." + std::to_string(i) + ".";
        const auto& roles = GridRoles();
        if (std::find(roles.begin(), roles.end(), m.role) == roles.end())
            return Status::Invalid(at + "role", "invalid_enum");
        if (m.user_id) {
            JW_ASSIGN_OR_RETURN(auto user, FindUser(tx, *m.user_id));
            if (!user) return Status::Invalid(at + "user_id", "not_found");
            if (m.name.empty()) m.name = user->name;
        }
        if (m.name.empty()) return Status::Invalid(at + "name", "required");
        // Someone not on the platform is reached by phone only: a typed member needs one. The editor shows the
        // stored phone masked, so a member sent again without a phone keeps the one stored under that name.
        std::optional<std::string> kept;
        if (!m.user_id && m.phone.empty()) {
            for (const auto& was : current)
                if (!was.user_id && was.name == m.name && !was.phone.empty()) kept = was.phone;
            if (!kept) return Status::Invalid(at + "phone", "required");
        }
        if (m.user_id && !users.insert(*m.user_id).second) return Status::Invalid(at + "user_id", "duplicate");
        if (m.role == "community_officer") {
            ++officers;
            if (!m.user_id) return Status::Invalid(at + "user_id", "required");
        }
        m.phone = kept ? *kept : seal.Seal(m.phone);
    }
    // "1+3+10+N": one community officer leads each grid (the figures per officer hang on it).
    if (officers != 1) return Status::Invalid("team", "community_officer_required");
    // Listed in role order (officer, auxiliaries, grid members, volunteers), each role in the order given; sorted
    // after the checks so that an error's "team.<i>" is the position the caller sent.
    std::stable_sort(team.begin(), team.end(), [](const GridMember& a, const GridMember& b) {
        const auto& roles = GridRoles();
        return std::find(roles.begin(), roles.end(), a.role) < std::find(roles.begin(), roles.end(), b.role);
    });
    JW_RETURN_IF_ERROR(ReplaceTeam(tx, code, team));
    return TouchGrid(tx, code, version, now);
}

Result<GridSaved> InsertGridUnchecked(storage::Connection& tx, Grid g, int64_t now) {
    return Save(tx, std::move(g), true, 0, true, now);
}

Result<int64_t> RegridAddresses(storage::Connection& tx) {
    JW_ASSIGN_OR_RETURN(const std::vector<Grid> grids, LoadGrids(tx));
    int64_t total = 0;
    for (const Grid& g : grids) {
        JW_ASSIGN_OR_RETURN(const int64_t n, AssignAddresses(tx, g.code, g.polygon));
        total += n;
    }
    // An imported file may name a grid for an area level (county, township, community): areas hold no grid.
    JW_RETURN_IF_ERROR(
        tx.Exec("UPDATE community_addresses SET grid_id = NULL "
                "WHERE level IN ('county', 'township', 'community') AND grid_id IS NOT NULL"));
    return total;
}

}  // namespace jw::community

#pragma once
// Grids (网格) and their teams: plain data (ADR 0034).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/polygon.hpp"

namespace jw::community {

struct Grid {
    int64_t id = 0;
    std::string code;  // e.g. 519901-G01
    std::string name;
    int64_t unit_id = 0;    // the police station responsible
    std::string unit_name;  // filled by loads
    std::string community;  // the community (社区/村) it is named after
    geo::Polygon polygon;
    int64_t expected_population = 0;
    int64_t created_at = 0, updated_at = 0;
    int64_t version = 1;
};

// Roles of the "1+3+10+N" team, in the order a team is listed.
inline const std::vector<std::string>& GridRoles() {
    static const std::vector<std::string> roles = {"community_officer", "auxiliary", "grid_member", "volunteer"};
    return roles;
}

struct GridMember {
    std::optional<int64_t> user_id;  // a platform user; else a named person
    std::string name;
    std::string role;
    std::string phone;  // plain in memory; sealed at rest
};

}  // namespace jw::community

#include "community/addresses/address_repository.hpp"

#include <cstdio>

namespace jw::community {
namespace {

storage::Value Coord(const std::optional<double>& v) {
    if (!v) return storage::Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", *v);
    return storage::V(std::string(buf));
}

}  // namespace

Status UpsertAddress(storage::Connection& c, const Address& a, int64_t now) {
    using storage::V;
    return c.Exec(
        "INSERT INTO community_addresses (code, level, parent_code, township, community, road, house_no, building, "
        "unit, room, full_name, longitude, latitude, grid_id, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (code) DO UPDATE SET level = excluded.level, parent_code = excluded.parent_code, "
        "township = excluded.township, community = excluded.community, road = excluded.road, "
        "house_no = excluded.house_no, building = excluded.building, unit = excluded.unit, room = excluded.room, "
        "full_name = excluded.full_name, longitude = excluded.longitude, latitude = excluded.latitude, "
        "grid_id = excluded.grid_id, updated_at = excluded.updated_at",
        {V(a.code), V(a.level), V(a.parent_code), V(a.township), V(a.community), V(a.road), V(a.house_no),
         V(a.building), V(a.unit), V(a.room), V(a.full_name), Coord(a.longitude), Coord(a.latitude), V(a.grid_id),
         V(now)});
}

Result<std::vector<Address>> LoadAddresses(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, code, level, parent_code, township, community, road, house_no, "
                                           "building, unit, room, full_name, longitude, latitude, grid_id "
                                           "FROM community_addresses ORDER BY code"));
    std::vector<Address> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        Address a;
        a.id = r.Int(0);
        a.code = r.Str(1);
        a.level = r.Str(2);
        a.parent_code = r.Str(3);
        a.township = r.Str(4);
        a.community = r.Str(5);
        a.road = r.Str(6);
        a.house_no = r.Str(7);
        a.building = r.Str(8);
        a.unit = r.Str(9);
        a.room = r.Str(10);
        a.full_name = r.Str(11);
        if (!r.IsNull(12)) a.longitude = std::stod(r.Str(12));
        if (!r.IsNull(13)) a.latitude = std::stod(r.Str(13));
        if (!r.IsNull(14)) a.grid_id = r.Str(14);
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::pair<int64_t, int64_t>> AddressesVersion(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM community_addresses"));
    return std::pair<int64_t, int64_t>{row.Int(0), row.Int(1)};
}

}  // namespace jw::community

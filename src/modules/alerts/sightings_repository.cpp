#include "alerts/sightings_repository.hpp"

#include <cstdio>

namespace jw::alerts::repo {
namespace {

using storage::V;

storage::Value Coordinate(double v) {
    if (std::isnan(v)) return storage::Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7f", v);
    return V(std::string(buf));
}

std::optional<double> OptDouble(const storage::Row& r, size_t i) {
    if (r.IsNull(i)) return std::nullopt;
    try {
        return std::stod(r.Str(i));
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace

Result<GroupState> LockGroup(storage::Connection& c, const std::string& group_key, int64_t now) {
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO alert_groups (group_key, alert_id, first_at, last_at, touched_at) "
               "VALUES (?, NULL, 0, 0, ?) ON CONFLICT (group_key) DO NOTHING",
               {V(group_key), V(now)}));
    JW_RETURN_IF_ERROR(c.Exec("UPDATE alert_groups SET touched_at = ? WHERE group_key = ?", {V(now), V(group_key)}));
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT g.alert_id, g.first_at, g.last_at, COALESCE(a.status, '') "
                                             "FROM alert_groups g LEFT JOIN alerts a ON a.id = g.alert_id "
                                             "WHERE g.group_key = ?",
                                             {V(group_key)}));
    GroupState g;
    if (!row.IsNull(0)) g.alert_id = row.Int(0);
    g.first_at = row.Int(1);
    g.last_at = row.Int(2);
    g.status = row.Str(3);
    return g;
}

Status SetGroup(storage::Connection& c, const std::string& group_key, int64_t alert_id, int64_t first_at,
                int64_t last_at) {
    return c.Exec("UPDATE alert_groups SET alert_id = ?, first_at = ?, last_at = ? WHERE group_key = ?",
                  {V(alert_id), V(first_at), V(last_at), V(group_key)});
}

Result<std::optional<int64_t>> FindSighting(storage::Connection& c, const std::string& ref) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT alert_id FROM alert_sightings WHERE ref = ?", {V(ref)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows.front().Int(0));
}

Status InsertSighting(storage::Connection& c, int64_t alert_id, const SightingInput& s, int64_t now) {
    return c.Exec(
        "INSERT INTO alert_sightings (alert_id, ref, seen_at, place, place_id, longitude, latitude, direction, lane, "
        "photo, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        {V(alert_id), V(s.ref), V(s.seen_at), V(s.place), V(s.place_id), Coordinate(s.longitude),
         Coordinate(s.latitude), V(s.direction), V(s.lane), V(s.photo), V(now)});
}

Result<std::vector<Sighting>> ListSightings(storage::Connection& c, int64_t alert_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, seen_at, place, place_id, longitude, latitude, direction, "
                                           "lane, photo FROM alert_sightings WHERE alert_id = ? ORDER BY seen_at, id",
                                           {V(alert_id)}));
    std::vector<Sighting> out;
    for (const auto& r : rows) {
        Sighting s;
        s.id = r.Int(0);
        s.seen_at = r.Int(1);
        s.place = r.Str(2);
        s.place_id = r.Str(3);
        s.longitude = OptDouble(r, 4);
        s.latitude = OptDouble(r, 5);
        s.direction = static_cast<int>(r.Int(6));
        s.lane = static_cast<int>(r.Int(7));
        s.photo = r.Str(8);
        out.push_back(std::move(s));
    }
    return out;
}

Result<int64_t> CountSightings(storage::Connection& c, int64_t alert_id) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM alert_sightings WHERE alert_id = ?", {V(alert_id)}));
    return row.Int(0);
}

Status UpdatePayloadAndTitle(storage::Connection& c, int64_t alert_id, const Json& payload, const std::string& title) {
    return c.Exec("UPDATE alerts SET payload = ?, title = ? WHERE id = ?", {V(payload.dump()), V(title), V(alert_id)});
}

Result<Json> LoadPayload(storage::Connection& c, int64_t alert_id) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT payload FROM alerts WHERE id = ?", {V(alert_id)}));
    Json j = Json::parse(row.Str(0), nullptr, false);
    return j.is_object() ? j : Json::object();
}

}  // namespace jw::alerts::repo

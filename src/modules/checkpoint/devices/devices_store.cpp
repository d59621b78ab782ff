// SQL of the devices part beyond the registry's rows (devices_repository.cpp): map settings, the base map, device
// health, and the lookups the handlers and the import need. Works on SQLite and PostgreSQL.
#include "checkpoint/devices/devices_repository.hpp"

namespace jw::checkpoint {

using storage::V;

namespace store {

Status PutSetting(storage::Connection& c, const std::string& name, const std::string& value, int64_t now) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM checkpoint_settings WHERE name = ?", {V(name)}));
    return c.Exec("INSERT INTO checkpoint_settings (name, value, updated_at) VALUES (?, ?, ?)",
                  {V(name), V(value), V(now)});
}

Result<std::map<std::string, std::string>> Settings(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT name, value FROM checkpoint_settings"));
    std::map<std::string, std::string> out;
    for (const auto& r : rows) out[r.Str(0)] = r.Str(1);
    return out;
}

Status PutBaseMap(storage::Connection& c, const std::string& geojson, int64_t now) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM checkpoint_basemap"));
    return c.Exec("INSERT INTO checkpoint_basemap (id, geojson, updated_at) VALUES (1, ?, ?)", {V(geojson), V(now)});
}

Result<std::optional<std::string>> StoredBaseMap(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT geojson FROM checkpoint_basemap WHERE id = 1"));
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows[0].Str(0));
}

Result<bool> DeviceExists(storage::Connection& c, const std::string& id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM checkpoint_devices WHERE id = ?", {V(id)}));
    return !rows.empty();
}

Result<std::optional<Device>> KeptFields(storage::Connection& c, const std::string& id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT unit_id, place, lane_count, enabled FROM checkpoint_devices "
                                           "WHERE id = ?",
                                           {V(id)}));
    if (rows.empty()) return std::optional<Device>();
    Device d;
    d.id = id;
    if (!rows[0].IsNull(0)) d.unit_id = rows[0].Int(0);
    d.place = rows[0].Str(1);
    d.lane_count = static_cast<int>(rows[0].Int(2));
    d.enabled = rows[0].Bool(3);
    return std::optional<Device>(std::move(d));
}

Result<int64_t> CountHealthChanges(storage::Connection& c, int64_t offline_after_s, int64_t now) {
    const int64_t cutoff = now - offline_after_s;
    JW_ASSIGN_OR_RETURN(auto n, c.QueryOne("SELECT COUNT(*) FROM checkpoint_devices WHERE enabled = 1 AND "
                                           "((offline_reported = 0 AND last_seen < ?) OR (offline_reported = 1 AND "
                                           "last_seen >= ?))",
                                           {V(cutoff), V(cutoff)}));
    return n.Int(0);
}

}  // namespace store

Result<int> RecordSeen(storage::Connection& c, const std::map<std::string, int64_t>& touched) {
    int n = 0;
    for (const auto& [id, at] : touched) {
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT last_seen FROM checkpoint_devices WHERE id = ?", {V(id)}));
        if (rows.empty() || (!rows[0].IsNull(0) && rows[0].Int(0) >= at)) continue;
        JW_RETURN_IF_ERROR(c.Exec("UPDATE checkpoint_devices SET last_seen = ? WHERE id = ?", {V(at), V(id)}));
        ++n;
    }
    return n;
}

Result<std::vector<HealthChange>> TakeHealthChanges(storage::Connection& c, int64_t offline_after_s, int64_t now) {
    const int64_t cutoff = now - offline_after_s;
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id, kind, name, unit_id, last_seen, offline_reported FROM checkpoint_devices "
                                "WHERE enabled = 1 AND ((offline_reported = 0 AND last_seen < ?) "
                                "OR (offline_reported = 1 AND last_seen >= ?)) ORDER BY id",
                                {V(cutoff), V(cutoff)}));
    std::vector<HealthChange> out;
    for (const auto& r : rows) {
        HealthChange h;
        h.id = r.Str(0);
        h.kind = r.Str(1);
        h.name = r.Str(2);
        if (!r.IsNull(3)) h.unit_id = r.Int(3);
        if (!r.IsNull(4)) h.last_seen = r.Int(4);
        h.offline = !r.Bool(5);
        JW_RETURN_IF_ERROR(
            c.Exec("UPDATE checkpoint_devices SET offline_reported = ? WHERE id = ?", {V(h.offline), V(h.id)}));
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace jw::checkpoint

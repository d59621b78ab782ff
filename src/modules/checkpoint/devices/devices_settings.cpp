// The base map, map settings and device health (last_seen, offline transitions) of the checkpoint registry.
#include "checkpoint/devices/devices_repository.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

Status SaveSetting(storage::Connection& c, const std::string& name, const std::string& value, int64_t now) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM checkpoint_settings WHERE name = ?", {V(name)}));
    return c.Exec("INSERT INTO checkpoint_settings (name, value, updated_at) VALUES (?, ?, ?)",
                  {V(name), V(value), V(now)});
}

}  // namespace

Status SaveBaseMap(storage::Connection& c, const std::string& geojson, int64_t now) {
    Json j = Json::parse(geojson, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("type", "") != "FeatureCollection" || !j.contains("features") ||
        !j["features"].is_array()) {
        return Status::Invalid("geojson", "bad_format");
    }
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM checkpoint_basemap"));
    return c.Exec("INSERT INTO checkpoint_basemap (id, geojson, updated_at) VALUES (1, ?, ?)", {V(geojson), V(now)});
}

Result<std::string> LoadBaseMap(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT geojson FROM checkpoint_basemap WHERE id = 1"));
    if (rows.empty()) return std::string(R"({"type":"FeatureCollection","features":[]})");
    return rows[0].Str(0);
}

Result<MapSettings> LoadMapSettings(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT name, value FROM checkpoint_settings"));
    MapSettings s;
    for (const auto& r : rows) {
        if (r.Str(0) == "tile_url") s.tile_url = r.Str(1);
        if (r.Str(0) == "tile_attribution") s.tile_attribution = r.Str(1);
        if (r.Str(0) == "offline_after_s") {
            try {
                s.offline_after_s = std::stoll(r.Str(1));
            } catch (...) {
                s.offline_after_s = kDefaultOfflineAfterS;
            }
        }
    }
    return s;
}

Status SaveMapSettings(storage::Connection& c, const MapSettings& s, int64_t now) {
    std::map<std::string, std::string> bad;
    const bool http = s.tile_url.rfind("http://", 0) == 0 || s.tile_url.rfind("https://", 0) == 0;
    const bool relative = s.tile_url.rfind("/", 0) == 0 && s.tile_url.rfind("//", 0) != 0;
    if (!s.tile_url.empty() && !http && !relative) bad.emplace("tile_url", "bad_format");
    if (s.tile_url.size() > 500) bad.emplace("tile_url", "too_long");
    if (s.tile_url.find_first_of("\"'<> \t\r\n") != std::string::npos) bad.emplace("tile_url", "bad_characters");
    if (s.tile_attribution.size() > 200) bad.emplace("tile_attribution", "too_long");
    if (s.offline_after_s < 60 || s.offline_after_s > 7 * 86400) bad.emplace("offline_after_s", "out_of_range");
    if (!bad.empty()) return Status(ErrorCode::kInvalidArgument, "invalid input: " + bad.begin()->first, bad);
    JW_RETURN_IF_ERROR(SaveSetting(c, "tile_url", s.tile_url, now));
    JW_RETURN_IF_ERROR(SaveSetting(c, "tile_attribution", s.tile_attribution, now));
    return SaveSetting(c, "offline_after_s", std::to_string(s.offline_after_s), now);
}

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

// The rules of the base map and the map settings: what may be stored and how stored values are read. Their SQL is
// in devices_store.cpp.
#include "checkpoint/devices/devices_repository.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {

Status SaveBaseMap(storage::Connection& c, const std::string& geojson, int64_t now) {
    Json j = Json::parse(geojson, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("type", "") != "FeatureCollection" || !j.contains("features") ||
        !j["features"].is_array()) {
        return Status::Invalid("geojson", "bad_format");
    }
    return store::PutBaseMap(c, geojson, now);
}

Result<std::string> LoadBaseMap(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto stored, store::StoredBaseMap(c));
    return stored.value_or(R"({"type":"FeatureCollection","features":[]})");
}

Result<MapSettings> LoadMapSettings(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto values, store::Settings(c));
    MapSettings s;
    if (auto it = values.find("tile_url"); it != values.end()) s.tile_url = it->second;
    if (auto it = values.find("tile_attribution"); it != values.end()) s.tile_attribution = it->second;
    if (auto it = values.find("offline_after_s"); it != values.end()) {
        try {
            s.offline_after_s = std::stoll(it->second);
        } catch (...) {
            s.offline_after_s = kDefaultOfflineAfterS;
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
    if (!bad.empty()) return Status(ErrorCode::kInvalidArgument, "invalid_input", bad);
    JW_RETURN_IF_ERROR(store::PutSetting(c, "tile_url", s.tile_url, now));
    JW_RETURN_IF_ERROR(store::PutSetting(c, "tile_attribution", s.tile_attribution, now));
    return store::PutSetting(c, "offline_after_s", std::to_string(s.offline_after_s), now);
}

}  // namespace jw::checkpoint

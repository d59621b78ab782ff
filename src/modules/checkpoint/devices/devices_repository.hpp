#pragma once
// Storage of the checkpoint registry: checkpoints (tollgates, 卡口), lanes and capture devices (APEs), the
// base map and map settings. Owned by the devices part; other parts (intake, demo) call these.

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checkpoint/pass_hub.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// A checkpoint (kind "tollgate") or a capture device (kind "ape"). IDs are GB/T 28181-style 20 digits.
struct Device {
    std::string id;
    std::string kind;  // tollgate | ape
    std::string name;
    double longitude = NAN;  // WGS-84 degrees; NaN when unknown
    double latitude = NAN;
    std::string place_code;   // GB/T 2260 region code of the place (6 digits), optional
    std::string place;        // address text, optional
    std::string tollgate_id;  // an APE's checkpoint, optional
    std::string category;     // TollgateCat (10, 20, 30, 31, 40, 99), tollgates only, optional
    int lane_count = 0;
    std::optional<int64_t> unit_id;  // the unit (police station) responsible, optional
    bool enabled = true;
    std::optional<int64_t> last_seen;  // last pass or keepalive (Unix seconds)
};

// Validates (InvalidArgument naming "id", "kind", "name", "longitude", "latitude", "place_code",
// "tollgate_id", "category") and inserts or updates by id. Does not touch the hub (see SyncCheckpointsToHub).
Status UpsertDevice(storage::Connection& c, const Device& d, int64_t now);

// IDs of every registered, enabled checkpoint (tollgate) that intake accepts passes for.
Result<std::set<std::string>> LoadCheckpointIds(storage::Connection& c);

// Installs the registered checkpoints in the hub: the accepted ids, and the engine's checkpoint table (name,
// coordinates) for the distance-based analyses. Call after changes to the registry.
Status SyncCheckpointsToHub(storage::Connection& c, PassHub& hub);

// Stores the vector base map (a GeoJSON FeatureCollection: roads, townships, river …), replacing the previous one.
// Errors: InvalidArgument "geojson" (not a FeatureCollection).
// The map page styles features by `properties.kind`: "road" (with `properties.level` "national" | "provincial"
// drawn wider, anything else minor), "township" (polygon), "river" (line), "water" (polygon), "boundary"; any
// other kind is drawn grey. `properties.name` is shown on hover (on a Point: as a permanent label).
Status SaveBaseMap(storage::Connection& c, const std::string& geojson, int64_t now);

// ---- Beyond the shared contract: used by the devices part's handlers, health job and tests. ----

// GB/T 28181 20-digit id: region 6 (GB/T 2260 structure) + grass-roots unit 2 + industry 2 + type 3 + network
// 1 + serial 6 (STANDARDS.md § GB/T 28181). Problems on `field`: "bad_length", "bad_characters", "bad_region".
Status CheckDeviceId(std::string_view id, std::string_view field = "id");

// A lane of a checkpoint (GA/T 1400 LaneObject): lane_no from 1 (leftmost), direction text, max speed km/h.
struct Lane {
    int lane_no = 0;
    std::string direction;
    int max_speed = 0;
    std::string ape_id;  // the capture device on this lane, optional
};

// A device as listed: the stored fields, the derived status (online | offline | disabled) and unit name.
struct DeviceView {
    Device device;
    std::string status;
    std::string unit_name;
    std::vector<Lane> lanes;  // GetDevice only
};

constexpr int64_t kDefaultOfflineAfterS = 600;  // 10 minutes without a pass or keepalive

struct DeviceFilter {
    std::string kind;    // "" = any
    std::string status;  // online | offline | disabled | "" = any
    std::optional<int64_t> unit_id;
    std::string text;  // part of the name or id
    int page = 1, page_size = 20;
};

// "online" | "offline" | "disabled" for a device at `now` with the threshold `offline_after_s`.
std::string DeviceStatus(const Device& d, int64_t offline_after_s, int64_t now);

// A page of devices (ordered by kind, id) and the total matching. Errors: the database's.
Result<std::pair<std::vector<DeviceView>, int64_t>> ListDevices(storage::Connection& c, const DeviceFilter& f,
                                                                int64_t offline_after_s, int64_t now);
// One device with its lanes. Errors: NotFound "device".
Result<DeviceView> GetDevice(storage::Connection& c, const std::string& id, int64_t offline_after_s, int64_t now);
// Replaces a checkpoint's lanes; lane_count becomes their number when there are any. Errors: InvalidArgument
// "lanes[i].<field>" (lane_no 1-99 unique, max_speed 0-300, ape_id a device id), NotFound "device" when `tollgate_id`
// is not a registered tollgate.
Status ReplaceLanes(storage::Connection& c, const std::string& tollgate_id, const std::vector<Lane>& lanes);
// Enables or disables a device. Errors: NotFound "device".
Status SetDeviceEnabled(storage::Connection& c, const std::string& id, bool enabled, int64_t now);

struct ImportSummary {
    int created = 0;
    int updated = 0;
};
// CSV import, all or nothing. Header (first line, exact columns in any order):
// id,kind,name,longitude,latitude,place_code,tollgate_id,category. A UTF-8 BOM and CRLF are accepted; quoted
// cells as RFC 4180. Rows are validated as UpsertDevice (an APE's tollgate_id may name a tollgate earlier in the
// same file). Errors: InvalidArgument with one field per bad line, "line N" (1-based, the header is line 1) →
// "<column>: <problem>"; "csv" for a missing/bad header, an empty file or more than 10,000 rows. Nothing is
// written on any error (the caller's transaction rolls back).
Result<ImportSummary> ImportDevicesCsv(storage::Connection& c, std::string_view csv, int64_t now);

// The stored base map, or an empty FeatureCollection when none was stored.
Result<std::string> LoadBaseMap(storage::Connection& c);

struct MapSettings {
    std::string tile_url;  // "" = vector base map only
    std::string tile_attribution;
    int64_t offline_after_s = kDefaultOfflineAfterS;
};
Result<MapSettings> LoadMapSettings(storage::Connection& c);
// Errors: InvalidArgument "tile_url" (not http(s) or a relative path starting with "/", or longer than 500),
// "tile_attribution" (longer than 200), "offline_after_s" (60 .. 7 days).
Status SaveMapSettings(storage::Connection& c, const MapSettings& s, int64_t now);

// Health: records last_seen (the later of stored and given) for the touched ids that are registered.
// Returns how many rows changed. Errors: the database's.
Result<int> RecordSeen(storage::Connection& c, const std::map<std::string, int64_t>& touched);

struct HealthChange {
    std::string id, kind, name;
    std::optional<int64_t> unit_id;
    std::optional<int64_t> last_seen;
    bool offline = false;  // true: went offline; false: came back
};
// Finds enabled devices whose offline state differs from what was last reported, marks them reported, and
// returns the changes (each device once per transition). A device never seen is offline but not reported:
// only a device that was seen and then fell silent "turns offline". Errors: the database's.
Result<std::vector<HealthChange>> TakeHealthChanges(storage::Connection& c, int64_t offline_after_s, int64_t now);

// ---- Plain storage under the rules above (devices_store.cpp); callers outside the part use the functions above.
namespace store {
// Replaces one map setting / reads them all (name → stored text).
Status PutSetting(storage::Connection& c, const std::string& name, const std::string& value, int64_t now);
Result<std::map<std::string, std::string>> Settings(storage::Connection& c);
// Replaces the stored base map / reads it (nullopt when none was stored). Unchecked: SaveBaseMap checks.
Status PutBaseMap(storage::Connection& c, const std::string& geojson, int64_t now);
Result<std::optional<std::string>> StoredBaseMap(storage::Connection& c);
Result<bool> DeviceExists(storage::Connection& c, const std::string& id);
// What an import keeps of an existing device (unit, place, lane count, enabled), or nullopt when it is new.
Result<std::optional<Device>> KeptFields(storage::Connection& c, const std::string& id);
// How many enabled devices TakeHealthChanges would report now (a cheap check before an audited round).
Result<int64_t> CountHealthChanges(storage::Connection& c, int64_t offline_after_s, int64_t now);
}  // namespace store

}  // namespace jw::checkpoint

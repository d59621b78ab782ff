#pragma once
// Storage of the checkpoint registry: checkpoints (tollgates, 卡口), lanes and capture devices (APEs), the
// base map and map settings. Owned by the devices part; other parts (intake, demo) call these.

#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "checkpoint/pass_hub.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// A checkpoint (kind "tollgate") or a capture device (kind "ape"). IDs are GB/T 28181-style 20 digits.
struct Device {
    std::string id;
    std::string kind;          // tollgate | ape
    std::string name;
    double longitude = NAN;    // WGS-84 degrees; NaN when unknown
    double latitude = NAN;
    std::string place_code;    // GB/T 2260 region code of the place (6 digits), optional
    std::string place;         // address text, optional
    std::string tollgate_id;   // an APE's checkpoint, optional
    std::string category;      // TollgateCat (10, 20, 30, 31, 40, 99), tollgates only, optional
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
Status SaveBaseMap(storage::Connection& c, const std::string& geojson, int64_t now);

}  // namespace jw::checkpoint

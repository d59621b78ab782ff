#pragma once
// Plain structs of the vehicle-pass engine: what callers append and what the store keeps per checkpoint.

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace jw::analytics {

// One checkpoint pass as appended. `plate` must already be normalised (NormalisePlate) and valid (CheckPlate);
// `time` is Unix seconds (UTC) in [0, 2^32). Speeds above 255 km/h are stored as 255.
struct PassRecord {
    std::string plate;
    uint8_t plate_color = 0;
    std::string checkpoint_id;
    int64_t time = 0;
    uint8_t direction = 0;
    uint8_t lane = 0;
    uint16_t speed = 0;
};

// A checkpoint (卡口). Coordinates are WGS-84 degrees; NaN when unknown (a pass may name a checkpoint that
// was never described: it is registered without coordinates and ignored by distance-based analyses).
struct Checkpoint {
    std::string id;
    std::string name;
    double longitude = NAN;
    double latitude = NAN;
    bool HasCoordinates() const { return !std::isnan(longitude) && !std::isnan(latitude); }
};

// 64-bit hash of a plate's bytes (dictionary and watch-list tables).
uint64_t HashPlate(std::string_view plate);

// Great-circle distance in km on a sphere of radius 6371 km (haversine).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace jw::analytics

#pragma once
// Internal to the viid part: the fields of a MotorVehicleObject as both JSON readers hand them over (nlohmann's
// tree in viid_codec.cpp, simdjson's in viid_vehicles.cpp), and the one validation both use, so the two paths
// answer alike (ADR 0071).

#include <array>
#include <cstdint>
#include <string_view>

#include "analytics/csv_loader.hpp"
#include "checkpoint/viid/viid_codec.hpp"

namespace jw::checkpoint::viid {

// A JSON value as the codec reads it. A null or missing field is kAbsent; texts point into the parsed document.
struct FieldValue {
    enum Kind : uint8_t { kAbsent, kString, kInteger, kDouble, kOther } kind = kAbsent;
    std::string_view text;  // kString
    int64_t integer = 0;    // kInteger (an unsigned value beyond int64 wraps, as nlohmann's get<int64_t>)
    double number = 0;      // kInteger and kDouble
};

enum VehicleField : uint8_t {
    kMotorVehicleId,
    kPlateNo,
    kTollgateId,
    kDeviceId,
    kPassTime,
    kPlateColor,
    kDirection,
    kLaneNo,
    kSpeed,
    kVehicleFieldCount
};
inline constexpr std::string_view kVehicleFieldNames[kVehicleFieldCount] = {
    "MotorVehicleID", "PlateNo", "TollgateID", "DeviceID", "PassTime", "PlateColor", "Direction", "LaneNo", "Speed"};
using VehicleFields = std::array<FieldValue, kVehicleFieldCount>;

// ASCII case-insensitive equality (field names).
bool EqualsNoCase(std::string_view a, std::string_view b);
// The checks of ParseMotorVehicle (viid_codec.hpp) on fields already picked out of the object. `plates` (one per
// request, may be null) skips NormalisePlate + CheckPlate for plates it knows to be valid as sent (ADR 0065):
// the same answer either way.
VehicleResult ReadVehicle(const VehicleFields& fields, int64_t now, analytics::PlateFastPath* plates = nullptr);

}  // namespace jw::checkpoint::viid

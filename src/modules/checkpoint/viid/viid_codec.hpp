#pragma once
// GA/T 1400 (视图库, VIID) codec: lenient reading of what upstream platforms and devices send, strict
// writing of what we answer. Pure functions, thread-safe, no I/O.
//
// Leniency (GA/T 1400 is read de-facto: vendors differ, see docs/adr/0009-viid-intake.md):
//  - field names are matched case-insensitively (StorageUrl1 / StorageURL1, TollgateId / TollgateID);
//  - numbers may arrive as JSON numbers or as strings ("5", "60.5");
//  - PassTime is 14 digits YYYYMMDDhhmmss or 17 with milliseconds (China time, UTC+8), or
//    "YYYY-MM-DD HH:MM:SS"; it becomes Unix seconds (UTC);
//  - plates are normalised (jw::NormalisePlate) and must pass jw::CheckPlate (GA 36-2018).
// A problem is reported as a reason text "<Field>: <problem>" (English keys, shown to the upstream operator).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/pass.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint::viid {

inline constexpr const char* kContentType = "application/VIID+JSON";

// ResponseStatusObject.StatusCode (GA/T 1400).
enum class Code : int {
    kOk = 0,
    kOther = 1,
    kDeviceBusy = 2,
    kDeviceError = 3,
    kInvalidOperation = 4,
    kInvalidJsonFormat = 7,
    kInvalidJsonContent = 8,
};

// The objects of one request body. `code` is kOk, kInvalidJsonFormat (not JSON at all) or kInvalidJsonContent
// (JSON, but not the expected envelope, an empty list or more than max_objects objects); `reason` says why.
struct Envelope {
    Code code = Code::kOk;
    std::string reason;
    bool list = false;          // the list envelope was used (answer with ResponseStatusListObject)
    std::vector<Json> objects;  // each a JSON object (other items are left as they are and fail per object)
};

// Reads {"<kind>Object":{…}} or {"<kind>ListObject":{"<kind>Object":[…]}} (kind e.g. "MotorVehicle",
// "Tollgate", "APE"), names matched case-insensitively.
Envelope ParseEnvelope(std::string_view body, std::string_view kind, size_t max_objects = 1000);

// The value of `name` in `object`, matched case-insensitively; nullptr when absent or null.
const Json* Field(const Json& object, std::string_view name);
// Text of a string or number field; nullopt when absent. Numbers are written without a fraction when whole.
std::optional<std::string> TextField(const Json& object, std::string_view name);

// 14-digit, 17-digit (milliseconds dropped) or "YYYY-MM-DD HH:MM:SS" China time → Unix seconds.
std::optional<int64_t> ParseViidTime(std::string_view text);
// Unix seconds → 14-digit China time YYYYMMDDhhmmss.
std::string FormatViidTime(int64_t unix_seconds);
// A GB/T 28181-style 20-digit ID.
bool IsViidId(std::string_view id);

// One MotorVehicleObject read into an engine pass.
struct MotorVehicle {
    std::string object_id;  // MotorVehicleID as sent (echoed in the reply), may be empty
    std::string device_id;  // DeviceID, 20 digits, may be empty
    analytics::PassRecord pass;
};

struct VehicleResult {
    std::optional<MotorVehicle> vehicle;  // set when the object is valid
    std::string object_id;                // MotorVehicleID as sent, for the reply even when invalid
    std::string reason;                   // "<Field>: <problem>" when invalid
};

// Reads one MotorVehicleObject. Required: PlateNo (valid GA 36 plate after normalising), TollgateID (20
// digits), PassTime (a valid time not more than 1 hour after `now`). Optional: MotorVehicleID (≤ 64
// characters), DeviceID (20 digits), PlateColor, Direction, LaneNo (0-255), Speed (0-999 km/h, rounded).
// The checkpoint's registration is the caller's check.
VehicleResult ParseMotorVehicle(const Json& object, int64_t now);

// The digest a post's audit record carries (ADR 0071): SM3, 64 lower-case hex characters, of the accepted passes
// in the order they were posted, each as one line in the engine's CSV load format with the time in Unix seconds
// ("川A12345,2,51990100001210000001,1790000000,1,2,60\n"). With the count it ties the audit record to the passes
// the pass log holds (each of whose records carries its own CRC-32, checked when the log is opened).
std::string PassesDigest(const std::vector<analytics::PassRecord>& passes);

struct DeviceResult {
    std::optional<Device> device;
    std::string object_id;
    std::string reason;
};

// TollgateObject: TollgateID (required), Name (required), Longitude, Latitude, PlaceCode, Place, TollgateCat,
// LaneNum. APEObject: ApeID (or DeviceID; required), Name (required), Longitude, Latitude, PlaceCode, Place,
// TollgateID. The registry's own validation (UpsertDevice) applies afterwards.
DeviceResult ParseTollgate(const Json& object);
DeviceResult ParseApe(const Json& object);

// {"ResponseStatusObject":{RequestURL, StatusCode, StatusString, Id, LocalTime}} (LocalTime 14 digits).
Json ResponseStatus(std::string_view url, Code code, std::string_view text, std::string_view id, int64_t now);
// The inner object of the above, for lists.
Json ResponseStatusInner(std::string_view url, Code code, std::string_view text, std::string_view id, int64_t now);
// {"ResponseStatusListObject":{"ResponseStatusObject":[…inner objects…]}}.
Json ResponseStatusList(Json inner_objects);

}  // namespace jw::checkpoint::viid

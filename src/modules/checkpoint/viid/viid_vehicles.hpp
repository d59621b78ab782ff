#pragma once
// The hot path of POST /VIID/MotorVehicles (ADR 0071): the body read in one pass by simdjson's DOM parser
// straight into checked passes, and the reply written as text. Same answers as the tree path of viid_codec.hpp
// (ParseEnvelope + ParseMotorVehicle, ResponseStatus/ResponseStatusList + dump) on every body: a body the fast
// reader does not take on — not the usual envelope (a top-level or list object with more than one member, …),
// a number beyond 64 bits, anything simdjson refuses — goes through the tree path, which also words every
// whole-request error. Thread-safe (one parser per thread).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checkpoint/viid/viid_codec.hpp"

namespace jw::checkpoint::viid {

struct VehicleList {
    Code code = Code::kOk;  // kOk, or the envelope's error (as Envelope)
    std::string reason;
    bool list = false;                    // the list envelope was used
    std::vector<VehicleResult> vehicles;  // one per object, in order
    bool fast = false;                    // read by simdjson (false: the tree path); for tests
};
VehicleList ParseMotorVehicles(std::string_view body, int64_t now, size_t max_objects = 1000);

// One object's answer.
struct StatusItem {
    Code code = Code::kOk;
    std::string_view text;  // empty: "OK" for kOk, else "Error"
    std::string_view id;
};
// Byte for byte ResponseStatusList(items).dump(), or for a single envelope with one item
// ResponseStatus(…).dump(). `id` and `text` must be valid UTF-8.
std::string ResponseStatusText(std::string_view url, bool list, const std::vector<StatusItem>& items, int64_t now);

}  // namespace jw::checkpoint::viid

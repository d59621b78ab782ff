#pragma once
// JSON of the devices part: a device as the API shows it, and a device read from a request body.

#include "checkpoint/devices/devices_repository.hpp"
#include "common/json_util.hpp"

namespace jw::checkpoint {

// `with_lanes`: include "lanes" (GetDevice loads them; lists do not).
Json DeviceJson(const DeviceView& v, bool with_lanes = false);

// Reads a create/update body. `id` comes from the path on update ("" on create: read from the body).
// Fields: id, kind, name, longitude, latitude (numbers or null), place_code, place, tollgate_id, category,
// lane_count, unit_id (or null), enabled, lanes [{lane_no, direction, max_speed, ape_id}].
// Errors: InvalidArgument naming every bad field (shape only; UpsertDevice checks the rules).
Result<std::pair<Device, std::optional<std::vector<Lane>>>> ReadDeviceBody(const Json& body, const std::string& id);

}  // namespace jw::checkpoint

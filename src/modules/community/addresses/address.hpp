#pragma once
// A standard address (标准地址), one row of community_addresses: any level of the hierarchy county → township/street
// → community/village → road/street → house number → building → unit → room (ADR 0031). The components above
// its level are filled too, so that a row can be read without its parents.

#include <cstdint>
#include <optional>
#include <string>

namespace jw::community {

struct Address {
    int64_t id = 0;
    std::string code;         // address_id: stable code, unique (e.g. 519901-001-002-0003-0012-03-02-0301)
    std::string level;        // county | township | community | road | house | building | unit | room
    std::string parent_code;  // the code of the level above ("" at the top)
    std::string township, community, road, house_no, building, unit, room;
    std::string full_name;  // 示范县城关镇解放路12号3栋2单元301室
    std::optional<double> longitude, latitude;
    std::optional<std::string> grid_id;  // the grid it lies in (null until grids are drawn)
};

// The levels in order, top first.
inline constexpr const char* kLevels[] = {"county", "township", "community", "road",
                                          "house",  "building", "unit",      "room"};

}  // namespace jw::community

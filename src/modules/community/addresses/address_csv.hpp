#pragma once
// Standard addresses as CSV (through the shared reader, common/csv_reader.hpp), for import and export.
//
// Columns (a header row names them; any order; unknown columns are an error): address_id and full_name required;
// level, parent_id, township, community, road, house_no, building, unit, room, longitude, latitude, grid_id
// optional. level, when empty, is the deepest component given (room … township; county when none).
// Errors (the first one; the import is all or nothing): InvalidArgument under the column's name, the problem and
// the message saying "line L, column C": required, unknown_column, duplicate_column, missing_column, too_long,
// bad_code (address_id: letters, digits and '-' only), unknown_level, not_a_number, out_of_range, both_or_neither
// (longitude and latitude), duplicate (the same address_id twice in the file). Pure; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "community/addresses/address.hpp"

namespace jw::community {

Result<std::vector<Address>> ParseAddressesCsv(std::string_view text);

// Header address_id,full_name,longitude,latitude,grid_id,level,parent_id,township,community,road,house_no,
// building,unit,room; one row per address in the given order. Reads back with ParseAddressesCsv.
std::string AddressesToCsv(const std::vector<Address>& addresses);

}  // namespace jw::community

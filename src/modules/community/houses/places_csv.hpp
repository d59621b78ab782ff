#pragma once
// Houses and units as CSV (through the shared reader, common/csv_reader.hpp) for `jingwu community import|export
// --kind houses|units`. A header row names the columns, in any order; an unknown column is an error; the export's
// extra columns (marked ° below) are accepted and ignored, so an export imports back.
//   houses: address_id*, use*, owner_person_id, area_m2, notes; ° id, address_name, checked_at,
//           tenants_current, tenants_unreported
//   units:  name*, address_id*, kind*, credit_code, phone, legal_rep_person_id, security_contact_person_id;
//           ° id, address_name
// (* required). The rows' rules are the services' (ImportHouse, ImportOrg); parsing checks the form only.
// Errors (the first; the import is all or nothing): InvalidArgument under the column's name with "line L,
// column C": required, unknown_column, duplicate_column, missing_column, not_a_number. Pure; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "community/houses/house.hpp"
#include "community/houses/houses_service.hpp"
#include "community/orgs/org.hpp"
#include "community/orgs/orgs_service.hpp"

namespace jw::community {

// A parsed row with its line, for the error of a rule the service finds ("line 12: …").
template <typename T>
struct CsvRow {
    size_t line = 0;
    T value;
};

Result<std::vector<CsvRow<HouseInput>>> ParseHousesCsv(std::string_view text);
std::string HousesToCsv(const std::vector<House>& houses);
Result<std::vector<CsvRow<OrgInput>>> ParseOrgsCsv(std::string_view text);
// The phone in the clear: the command runs on the server with the key file, and is audited.
std::string OrgsToCsv(const std::vector<Org>& orgs);

// `s` with "line L: " put before its message (fields kept).
Status AtLine(const Status& s, size_t line);

}  // namespace jw::community

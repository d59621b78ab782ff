#pragma once
// All SQL of the courier registry (issue 17): companies, outlets, staff (从业人员备案), and the inspections of
// outlets. Thread safety: the connection's.
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "courier/records/record.hpp"
#include "storage/database.hpp"

namespace jw::courier {

// Error: Conflict on a repeated code. `api_secret` is sealed (ApiKeySealer).
Result<int64_t> InsertCompany(storage::Connection& c, const Company& co, const std::string& api_secret, int64_t now);
Result<int64_t> InsertOutlet(storage::Connection& c, const Outlet& o, int64_t now);
// NotFound("company") / NotFound("outlet").
Result<Company> LoadCompanyByCode(storage::Connection& c, const std::string& code);
// Every company, by id.
Result<std::vector<Company>> ListCompanies(storage::Connection& c);
Result<std::string> CompanyApiSecret(storage::Connection& c, int64_t company_id);
Result<Outlet> LoadOutlet(storage::Connection& c, int64_t id);
Result<Outlet> LoadOutletByCode(storage::Connection& c, int64_t company_id, const std::string& code);
// Outlets of a station's area (station_unit_ids empty: all) for the police; of a company for its administrator.
Result<std::vector<Outlet>> ListOutlets(storage::Connection& c, std::optional<int64_t> company_id);
// The outlets an external caller's org_scope covers: an outlet organisation's own, a company organisation's all.
Result<std::vector<Outlet>> OutletsOfOrgs(storage::Connection& c, const std::vector<int64_t>& org_ids);

struct Staff {
    int64_t id = 0, outlet_id = 0;
    std::optional<int64_t> user_id, person_id;
    std::string role, name, id_number, phone, status;
};
// Staff registration: the caller decided person_id and status (see registry_service). Conflict when the user is
// already staff of an outlet.
Result<int64_t> InsertStaff(storage::Connection& c, const Staff& s, int64_t now);
// The outlet whose staff the user is (a clerk or an outlet administrator), or nullopt.
Result<std::optional<Staff>> StaffOfUser(storage::Connection& c, int64_t user_id);
// NotFound("staff").
Result<Staff> LoadStaff(storage::Connection& c, int64_t id);
// Writes role, name, ID number (sealed, blind index), phone, person_id and status of `s.id`.
Status UpdateStaff(storage::Connection& c, const Staff& s);
Result<std::vector<Staff>> ListStaff(storage::Connection& c, int64_t outlet_id);  // names and numbers opened
// Takes the account off staff row `id` (kept for the record otherwise): a person who left and is added again gets
// their account on the new row (one row per account).
Status UnlinkStaffAccount(storage::Connection& c, int64_t id);

// Replay protection: Conflict when (company, nonce) was seen; rows older than `older_than` are deleted first.
Status RememberNonce(storage::Connection& c, int64_t company_id, const std::string& nonce, int64_t now,
                     int64_t older_than);

}  // namespace jw::courier

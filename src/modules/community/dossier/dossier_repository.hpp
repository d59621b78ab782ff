#pragma once
// The SQL of the community's own dossier sections (dossier.hpp): rows of the master index's tables that name one
// person — moves, the houses they own or rent, the units where they are legal representative or security contact
// — with the standard addresses' full names joined. Read-only, on the caller's connection. Errors: the database's.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community::dossier::repo {

struct Move {
    int64_t id = 0;
    std::string kind;  // in | out
    std::string address_code, address_name;
    std::string on_date, reason;
    int64_t recorded_by = 0, at = 0;
};
Result<std::vector<Move>> MovesOf(storage::Connection& c, int64_t person_id);

// The residence: the person's standard address code and its full name ("" when the person has none or the code is
// unknown to the address table).
struct Residence {
    std::string address_code, full_name, grid_id;
};
Result<std::optional<Residence>> ResidenceOf(storage::Connection& c, int64_t person_id);

// A house the person owns (relation "owner") or rents (relation "tenant", with the tenancy's dates and report).
struct HouseLink {
    int64_t house_id = 0;
    std::string relation;
    std::string address_code, address_name, use;
    int64_t unit_id = 0;
    std::string from_date, to_date;
    std::optional<int64_t> reported_at;
};
Result<std::vector<HouseLink>> HousesOf(storage::Connection& c, int64_t person_id);

// A unit (organisation) where the person is legal representative ("legal_rep") or security contact
// ("security_contact"); one row per role.
struct OrgLink {
    int64_t org_id = 0;
    std::string role, name, kind, credit_code, address_code, address_name;
    int64_t unit_id = 0;
};
Result<std::vector<OrgLink>> OrgsOf(storage::Connection& c, int64_t person_id);

}  // namespace jw::community::dossier::repo

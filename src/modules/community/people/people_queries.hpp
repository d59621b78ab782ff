#pragma once
// Reading the person register: the paged list with its filters. The register is county-wide (the master index
// every station shares, ADR 0032); callers mask what they show. Errors: the storage layer's, Internal for a
// field that cannot be opened.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "community/people/person.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct PeopleFilter {
    // A resident ID number (15 or 18, any accepted form) finds that person exactly through the blind index;
    // anything else is a name prefix.
    std::string q;
    std::string address_id;  // residence at this address or below it (its code as a prefix)
    std::string grid_id;     // residence in an address of this grid (community_addresses.grid_id)
    std::string category, status;
    std::optional<std::string> permit_expires_before;  // YYYY-MM-DD: permits expiring on or before
    int page = 1, page_size = 20;
};

struct PersonRow {
    Person person;
    std::string residence_name;  // the address's full name ("" when none)
};

// One page, newest first (id descending), and the total matching.
Result<std::pair<std::vector<PersonRow>, int64_t>> ListPeople(storage::Connection& c, const PeopleFilter& f);

// The full name of a standard address ("" when unknown).
Result<std::string> AddressName(storage::Connection& c, const std::string& code);

}  // namespace jw::community

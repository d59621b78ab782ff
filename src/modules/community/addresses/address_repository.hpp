#pragma once
// All SQL of the standard addresses (community_addresses). Callers hold the connection (and the transaction for
// writes). Errors: the storage layer's.

#include <cstdint>
#include <vector>

#include "common/status.hpp"
#include "community/addresses/address.hpp"
#include "storage/database.hpp"

namespace jw::community {

// Inserts or, when the code exists, replaces the row (by code).
Status UpsertAddress(storage::Connection& c, const Address& a, int64_t now);
// Every address, ordered by code.
Result<std::vector<Address>> LoadAddresses(storage::Connection& c);
// Count and newest change: what the server compares to know when to rebuild its matcher.
Result<std::pair<int64_t, int64_t>> AddressesVersion(storage::Connection& c);

}  // namespace jw::community

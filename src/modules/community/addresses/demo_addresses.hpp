#pragma once
// The demo county's standard addresses (ADR 0031): deterministic, built from constants and the demo road map's
// townships (geo/demo_county.hpp): county → 9 townships → their communities/villages → roads
// (unique names) → house numbers 1–40 per road, every fifth a residential compound of 3 buildings × 2 units ×
// 5 floors × 2 rooms. Exactly `count` rows (cut at the end of the list); ~20,000 for the demo, 100,000 for the
// benchmark. Coordinates around the township's centre. Thread-safe.

#include <vector>

#include "common/status.hpp"
#include "community/addresses/address.hpp"
#include "storage/database.hpp"

namespace jw::community {

inline constexpr int kDemoAddresses = 20000;

std::vector<Address> DemoAddresses(int count);

// Inserts DemoAddresses(kDemoAddresses) in the caller's transaction.
Status SeedDemoAddresses(storage::Connection& tx, int64_t now);

}  // namespace jw::community

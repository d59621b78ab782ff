#pragma once
// The demo county's share: a current month with scores for the first four officers of each police station.
// `jingwu init --demo` runs inside one transaction with no audit chain to write work into, so the demo's items
// are stored directly, marked event "demo" and object "demo:<n>" (the "why" column says so); work done in the
// running demo (through the real routes) is imported from the audit chain like any other.

#include <cstdint>

#include "storage/database.hpp"

namespace jw::assessment {

Status SeedDemoAssessment(storage::Connection& tx, int64_t now);

}  // namespace jw::assessment

#pragma once
// The demo county's person watch list (issue 15): a handful of wanted persons (在逃), persons of interest (重点人员)
// and a missing person, some of them people of the master index (so a check finds both the entry and the person),
// applied for by the demo officer and approved by the leader, notifying 城关派出所 and 指挥中心; one wanted person
// still pending (the leader's approval queue is not empty on first login). Synthetic region-519901 ID numbers with
// valid check characters. Needs the community module's demo people seeded first (JW_MODULES order).

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::personwatch {

// The ID numbers the demo lists, for tests and the README: the first `in_index` are master-index people.
struct DemoWatch {
    std::vector<std::string> wanted, poi, pending;
    std::vector<int64_t> entries;
};

Result<DemoWatch> SeedDemoPersonWatch(storage::Connection& tx, int64_t now);

}  // namespace jw::personwatch

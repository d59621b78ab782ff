#pragma once
// The courier module's share of the demo county (issue 17): 3 companies, 12 outlets at the county's stations
// (standard addresses from the master index when it has them), 2 staff each, the outlet demo accounts (8804xx),
// and 30,000 records over the last 30 days loaded through storage::BulkLoader, with a few senders the watch list
// names (records "held") and a planted "one sender, many receivers" pattern for 碰撞比对. Fictional: region
// 519901, valid check characters. Demo API keys: "jingwu-demo-<company code>" (docs/api/courier.md).
#include <cstdint>
#include <string>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::courier {

inline constexpr int kDemoRecords = 30000;
// The sender of the planted pattern: 40 receivers in the last five days.
inline constexpr const char* kDemoPatternSender = "519901198807150035";

Status SeedCourierDemo(storage::Connection& tx, int64_t now, int records = kDemoRecords);
// A valid GB 11643 number for a synthetic person (region 519901), deterministic in n.
std::string DemoIdNumber(int64_t n);

}  // namespace jw::courier

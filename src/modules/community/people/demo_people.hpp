#pragma once
// The demo county's actual population (issue 14): deterministic synthetic people, valid resident ID numbers of
// region 519901 (GB 11643 check characters), living at the demo's standard addresses (houses and rooms), about
// 75 % household (户籍), 22 % floating (流动, with residence permits, one in ten expiring within 30 days of the
// seed) and 3 % overseas (境外, passports of several nationalities). Thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "community/people/person.hpp"
#include "storage/database.hpp"

namespace jw::community {

inline constexpr int kDemoPeople = 50000;

// `count` people (up to millions: the benchmark uses the same generator), residences drawn from `address_codes` (empty:
// none), collected by `collectors` ({user_id, unit_id}, round robin; at least one), created at `now`.
std::vector<Person> DemoPeople(int count, const std::vector<std::string>& address_codes,
                               const std::vector<std::pair<int64_t, int64_t>>& collectors, int64_t now);

// Inserts DemoPeople(kDemoPeople) at the demo's house and room addresses, collected by the demo county's officers
// (the demo user "officer" among them), in the caller's transaction. Needs the addresses seeded first.
Status SeedDemoPeople(storage::Connection& tx, int64_t now);

}  // namespace jw::community

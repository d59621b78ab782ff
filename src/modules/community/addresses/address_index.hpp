#pragma once
// The serving copy of the address matcher: built from the addresses table at start, rebuilt when the table
// changed (count or newest updated_at differ — checked by a scheduled job, so a CLI import shows within a
// minute). Also the JSON of a match result, shared by the CLI and the HTTP route (ADR 0031).
// Thread safety: Get and Refresh from any thread; a caller keeps the matcher it got while a rebuild swaps it.

#include <memory>
#include <mutex>
#include <string>

#include "common/json_util.hpp"
#include "community/addresses/address_matcher.hpp"
#include "storage/database.hpp"

namespace jw::community {

class AddressIndex {
  public:
    // Rebuilds when the table changed since the last build (always the first time). Errors: the storage layer's.
    Status Refresh(storage::Database& db);
    std::shared_ptr<const AddressMatcher> Get() const;

  private:
    mutable std::mutex mu_;
    std::shared_ptr<const AddressMatcher> matcher_;
    std::pair<int64_t, int64_t> version_{-1, -1};
};

// {"input","address_id","full_name","score","candidates":[{"address_id","full_name","score"}]}: address_id and
// full_name null for a new address; score the best candidate's (0 without one), rounded to 3 decimals.
Json MatchJson(const AddressMatcher& matcher, const MatchResult& r);

}  // namespace jw::community

#pragma once
// The live board's reply (GET /board; ADRs 0063, 0070; the contract in docs/api/dispatch.md "Board"): only what the
// board shows, each name once. Open calls in the reader's scope, newest first up to kBoardLimit, as flat rows
// without the caller (the board never names one) and without what the board derives (age, lateness: from
// `received_at`, the due times and `now`); category names once per category shown, unit names once per unit of the
// patrols shown; the counts by state and the total cover every open call in scope, not only those shown.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/json_util.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

inline constexpr int kBoardLimit = 500;

// A call as the board shows it.
struct BoardCall {
    int64_t id = 0;
    std::string call_no;
    int64_t received_at = 0;
    std::string state, category;
    bool police = false;
    std::string summary, place_text;
    std::optional<double> latitude, longitude;
    std::optional<int64_t> patrol_id;
    int64_t dispatch_due_at = 0, arrival_due_at = 0;
};

namespace repo {
// Calls in `states` (and `scope`'s units when set), newest first, at most `limit`.
Result<std::vector<BoardCall>> ListBoardCalls(storage::Connection& c, const std::vector<std::string>& states,
                                              const std::optional<std::vector<int64_t>>& scope, int limit);
// How many calls are in each of `states` (within `scope`).
Result<std::map<std::string, int64_t>> CountCallsByState(storage::Connection& c, const std::vector<std::string>& states,
                                                         const std::optional<std::vector<int64_t>>& scope);
}  // namespace repo

// The board's reply for a reader whose units are `scope` (nullopt: every unit), at `now`.
Result<Json> BoardJson(storage::Connection& c, const std::optional<std::vector<int64_t>>& scope, int64_t now);

}  // namespace jw::dispatch

#pragma once
// Read side of the alerts module: the board list, the statistics and the units an alert can go to. No SQL here
// (alerts_repository.hpp runs it); these compute what the board shows. Read-only; any connection.

#include <optional>
#include <string>
#include <vector>

#include "alerts/alert.hpp"
#include "alerts/alerts_repository.hpp"
#include "auth/identity.hpp"
#include "storage/database.hpp"

namespace jw::alerts {

using repo::ListFilter;
using repo::ListItem;

// Newest first. Returns the page and the total count.
Result<std::pair<std::vector<ListItem>, int64_t>> List(storage::Connection& c, const ListFilter& f);

// Every unit, in display order: the raise form's choices.
Result<std::vector<auth::Unit>> UnitChoices(storage::Connection& c);

struct ColourStats {
    std::string colour;
    int64_t alerts = 0, targets = 0, signed_count = 0, signed_late = 0, escalated = 0, closed = 0;
    double avg_sign_s = 0, avg_close_s = 0;  // over signed targets / closed alerts
};
struct UnitStats {
    int64_t unit_id = 0;
    std::string unit_name;
    int64_t targets = 0, signed_count = 0, signed_late = 0, escalated = 0, reported = 0;
    double avg_sign_s = 0;
};
struct Stats {
    std::vector<ColourStats> by_colour;  // in policy order
    std::vector<UnitStats> by_unit;      // by targets, descending
};

// The statistics of these targets (targets of one alert adjacent, as repo::ListTargetFacts gives them). Pure.
Stats Summarise(const Policy& policy, const std::vector<repo::TargetFact>& facts);

// Statistics over alerts raised in [from, to) within the scope (all units when unset). `structure_at`: count each
// target under the unit its unit belongs to in the unit structure at that instant (units::PlacesAt, ADR 0024) —
// before a merge the old units, after it the new ones, the totals the same; unset = each target's own unit.
Result<Stats> Statistics(storage::Connection& c, const Policy& policy, int64_t from, int64_t to,
                         const std::optional<std::vector<int64_t>>& unit_scope,
                         std::optional<int64_t> structure_at = std::nullopt);

}  // namespace jw::alerts

#pragma once
// The scoring engine: items (who earned or lost points, for which rule, when, and what produced them) folded
// into monthly scores per officer with each rule's cap applied, station totals and rankings. Modules derive the
// items (from the audit chain, from a case's record …); the engine only counts. Pure functions; thread-safe.
//
// Caps: within one officer, month (China time) and rule, items count in time order (ties by id) until the
// rule's cap is reached; the item that crosses the cap counts only the points left under it, later ones count 0.
// An item whose code the edition does not know counts its own points, uncapped.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "scoring/edition.hpp"

namespace jw::scoring {

struct Item {
    int64_t id = 0;  // the module's id of the item (ties in time are broken by it)
    int64_t officer_id = 0, unit_id = 0;
    std::string code;   // the rule
    int points = 0;     // signed, as the rule gave them when the item was made
    int64_t at = 0;     // Unix seconds
    std::string ref;    // what produced it: "audit:123", "case:7"
    std::string month;  // the month it counts in; empty: the China month of `at`
};

struct CountedItem {
    Item item;
    std::string month;  // "YYYY-MM", China time
    int counted = 0;    // the points that count after the cap (same sign as item.points, never beyond it)
};

// Picks the edition for a month (nullptr: no edition; the month's items count their own points, uncapped).
using EditionPicker = std::function<const Edition*(const std::string& month)>;
EditionPicker Fixed(const Edition& e);
EditionPicker InForce(const std::vector<Edition>& editions);  // EditionFor; `editions` must outlive the picker

// Every item with the points it counts, in time order (ties by id).
std::vector<CountedItem> ApplyCaps(std::vector<Item> items, const EditionPicker& edition);

struct MonthlyScore {
    int64_t officer_id = 0;
    int64_t unit_id = 0;  // the unit of the officer's most recent item that month
    std::string month;
    int score = 0;     // base + added − deducted
    int added = 0;     // counted points, positive
    int deducted = 0;  // counted points, positive
    int capped = 0;    // points beyond the caps, not counted (absolute)
    int items = 0;
    std::map<std::string, int> by_code;  // counted points per rule
};

// One row per (officer, month) with items, ordered by officer then month.
std::vector<MonthlyScore> MonthlyScores(const std::vector<Item>& items, const EditionPicker& edition);

struct RankedScore {
    MonthlyScore score;
    int rank = 0;  // 1 = best; equal scores share a rank (1, 1, 3)
};
// `scores` best first (ties by officer id) with their ranks. Callers pass one month's scores.
std::vector<RankedScore> Rank(std::vector<MonthlyScore> scores);

// Competition ranks ("1224") of values already sorted best first; equal values share a rank.
template <typename T>
std::vector<int> CompetitionRanks(const std::vector<T>& sorted_desc) {
    std::vector<int> ranks(sorted_desc.size());
    for (size_t i = 0; i < sorted_desc.size(); ++i)
        ranks[i] = (i > 0 && sorted_desc[i] == sorted_desc[i - 1]) ? ranks[i - 1] : static_cast<int>(i) + 1;
    return ranks;
}

struct UnitTotal {
    int64_t unit_id = 0;
    int officers = 0;
    int total = 0;
    double average = 0;
    int rank = 0;  // by average, best first; equal averages share a rank
};
// Station totals of one month's scores, best average first (ties by unit id).
std::vector<UnitTotal> UnitTotals(const std::vector<MonthlyScore>& scores);

}  // namespace jw::scoring

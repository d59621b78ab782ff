#pragma once
// The figures the bureau measures per grid and per community officer (ADR 0034), computed from the register:
//   采集率 (collection)  people registered living in the grid / the grid's expected_population
//   标注率 (located)     addresses in the grid with coordinates / addresses in the grid
//   拍照率 (photo)       people records living in the grid with a photo / people records living in the grid
// "Living in the grid": community_people.status = 'present' and residence_code is an address whose grid_id is the
// grid (people moved away or dead are not the grid's population; a person without a residence is in no grid).
// An address without coordinates is in the grid of its nearest ancestor with one (grid_repository.hpp), so it
// counts in the 标注率's denominator but not its numerator — which is what the rate is for.
// A rate with a zero denominator is null ("no figure"), never 0 % or 100 %.
// Per officer: the sums of numerators and of denominators over the grids they lead (not an average of rates).
// Thread safety: functions over the connection passed in.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct Fraction {
    int64_t numerator = 0, denominator = 0;
    std::optional<double> Value() const {
        if (denominator <= 0) return std::nullopt;
        return static_cast<double>(numerator) / static_cast<double>(denominator);
    }
};

struct GridCounts {
    int64_t expected_population = 0;
    int64_t people = 0, people_with_photo = 0;
    int64_t addresses = 0, addresses_located = 0;
    Fraction Collection() const { return {people, expected_population}; }
    Fraction Located() const { return {addresses_located, addresses}; }
    Fraction Photo() const { return {people_with_photo, people}; }
    void Add(const GridCounts& o);
};

struct GridRateRow {
    std::string code, name, community;
    int64_t unit_id = 0;
    std::string unit_name;
    std::optional<int64_t> officer_id;
    std::string officer_name;
    GridCounts counts;
};

struct OfficerRateRow {
    int64_t user_id = 0;
    std::string name;
    std::vector<std::string> grids;
    GridCounts counts;
};

// Every grid's counts (one grid when `code` is given), in code order; with `units`, only grids of those units.
Result<std::vector<GridRateRow>> GridRates(storage::Connection& c, const std::optional<std::string>& code,
                                           const std::optional<std::vector<int64_t>>& units);
// The rows grouped by community officer (grids without one are left out), by user id.
std::vector<OfficerRateRow> OfficerRates(const std::vector<GridRateRow>& grids);

// Counts by a category, in category order.
using Breakdown = std::vector<std::pair<std::string, int64_t>>;
struct GridBreakdowns {
    Breakdown people_by_category;  // 户籍 / 流动 / 境外 as the people part stores them
    Breakdown houses_by_use;
    Breakdown orgs_by_kind;
    Breakdown addresses_by_level;
};
Result<GridBreakdowns> Breakdowns(storage::Connection& c, const std::string& code);

// The unit and every unit below it (units.parent_id), for the `unit_id` filter of the bureau's table.
Result<std::vector<int64_t>> UnitAndBelow(storage::Connection& c, int64_t unit_id);

}  // namespace jw::community

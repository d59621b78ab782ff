#pragma once
// The police's figures of the outlets (issue 17): the real-name rate grid per outlet and day — every outlet of the
// area on every day of the period, a day without any record marked as a missing upload — and the totals per
// company, outlet or township (records, verified share, held, refused, late, photos). SQL over courier_records,
// the rest in memory (an area has tens of outlets, a period at most kMaxPeriodDays days). Thread safety: the
// connection's.
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "courier/supervision/supervision.hpp"
#include "storage/database.hpp"

namespace jw::courier {

inline constexpr int kMaxPeriodDays = 92;

// Which outlets (besides the police user's area): "" / nullopt = any.
struct OutletFilter {
    std::optional<int64_t> company_id, outlet_id;
    std::string township;
};

struct RateRow {
    OutletDay day;
    int64_t company_id = 0;
    bool missing = false;  // no record at all that day: a missing upload
};
struct DailyRate {
    std::string day;
    int64_t total = 0, verified = 0, late = 0, missing_outlets = 0;
    double rate() const { return total ? static_cast<double>(verified) / static_cast<double>(total) : 0; }
};
struct RateGrid {
    std::vector<RateRow> rows;     // newest day first, then by outlet
    std::vector<DailyRate> daily;  // oldest first, for the chart
};
// Errors: InvalidArgument from/to ("too_long" when the period exceeds kMaxPeriodDays); the database's.
Result<RateGrid> LoadRateGrid(storage::Connection& c, const std::string& from_day, const std::string& to_day,
                              const std::optional<std::vector<int64_t>>& area, const OutletFilter& f);

struct StatRow {
    std::string key;  // the company or outlet id, or the township's name
    std::string name;
    int64_t outlets = 0, records = 0, verified = 0, held = 0, refused = 0, late = 0, photos = 0;
    double verified_share() const { return records ? static_cast<double>(verified) / static_cast<double>(records) : 0; }
};
// by: company | outlet | township. Outlets of the area with no record in the period count with zeros.
Result<std::vector<StatRow>> LoadStatistics(storage::Connection& c, const std::string& by, const std::string& from_day,
                                            const std::string& to_day, const std::optional<std::vector<int64_t>>& area,
                                            const OutletFilter& f);

}  // namespace jw::courier

// Pass statistics (analytics/stats.hpp) from ClickHouse: the heat strip per checkpoint and hour, and new plates
// per day — the same rows, names and orders as the engine's.

#include <algorithm>
#include <map>

#include "checkpoint/analysis/clickhouse/clickhouse_backend.hpp"

namespace jw::checkpoint::clickhouse {

Result<std::vector<analytics::HourlyRow>> Backend::TopCheckpoints(int32_t from_day, int32_t to_day, size_t limit) {
    std::vector<analytics::HourlyRow> out;
    if (to_day < from_day) return out;
    JW_ASSIGN_OR_RETURN(
        auto body,
        coordinator().Query("SELECT checkpoint_id, intDiv((time + 28800) % 86400, 3600) AS h, count() FROM " +
                            Table("passes_cp") + " WHERE day >= " + std::to_string(from_day) +
                            " AND day <= " + std::to_string(to_day) + " GROUP BY checkpoint_id, h"));
    std::map<std::string, analytics::HourlyRow> rows;
    for (const auto& r : SplitTsv(body)) {
        auto& row = rows[UnescapeTsv(r[0])];
        const uint64_t n = std::strtoull(std::string(r[2]).c_str(), nullptr, 10);
        row.hours[std::strtoul(std::string(r[1]).c_str(), nullptr, 10) % 24] += n;
        row.total += n;
    }
    const auto cps = Checkpoints();
    for (auto& [id, row] : rows) {
        row.checkpoint_id = id;
        auto it = std::lower_bound(cps->begin(), cps->end(), id,
                                   [](const analytics::Checkpoint& c, const std::string& k) { return c.id < k; });
        if (it != cps->end() && it->id == id) row.name = it->name;
        out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(), [](const analytics::HourlyRow& a, const analytics::HourlyRow& b) {
        return a.total != b.total ? a.total > b.total : a.checkpoint_id < b.checkpoint_id;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

Result<std::vector<analytics::NewPlatesDay>> Backend::NewPlatesPerDay(int32_t from_day, int32_t to_day,
                                                                      int lookback_days) {
    std::vector<analytics::NewPlatesDay> out;
    if (to_day < from_day) return out;
    lookback_days = std::max(lookback_days, 1);  // as the engine
    for (int32_t d = from_day; d <= to_day; ++d) out.push_back({d, 0, 0});
    const std::string lb = std::to_string(lookback_days), f = std::to_string(from_day);
    // Per plate (on its shard) the days it was seen; each day of the range it was seen is one row, new when none
    // of the lookback days before it is among them.
    const std::string per_plate = "SELECT groupUniqArray(day) AS days FROM " + Table("passes") +
                                  " WHERE day >= " + std::to_string(int64_t{from_day} - lookback_days) +
                                  " AND day <= " + std::to_string(to_day) + " GROUP BY plate";
    JW_ASSIGN_OR_RETURN(auto body,
                        coordinator().Query("SELECT d, count(), countIf(NOT arrayExists(x -> x + " + lb +
                                                " >= d AND x < d, days)) FROM (" + per_plate +
                                                ") ARRAY JOIN arrayFilter(x -> x >= " + f + ", days) AS d GROUP BY d",
                                            "distributed_group_by_no_merge=1"));
    for (const auto& r : SplitTsv(body)) {
        const auto d = static_cast<int32_t>(std::strtol(std::string(r[0]).c_str(), nullptr, 10));
        if (d < from_day || d > to_day) continue;
        // Shards answer separately (no_merge): their counts add up.
        out[d - from_day].plates += std::strtoull(std::string(r[1]).c_str(), nullptr, 10);
        out[d - from_day].new_plates += std::strtoull(std::string(r[2]).c_str(), nullptr, 10);
    }
    return out;
}

}  // namespace jw::checkpoint::clickhouse

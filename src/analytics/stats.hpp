#pragma once
// Pass statistics on a Snapshot (issue 6 § Statistics): passes per checkpoint per hour of day (the heat
// strip), checkpoints ranked by passes, and new plates per day. Pure functions of the snapshot; thread-safe.
// Days are China-time days (ChinaDay, UTC+8); hours are China-time hours of day.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/store.hpp"

namespace jw::analytics {

struct HourlyRow {
    std::string checkpoint_id;
    std::string name;
    std::array<uint64_t, 24> hours{};  // passes in hour h of day, summed over the days
    uint64_t total = 0;
};
// Passes in China days [from_day, to_day] (inclusive) per checkpoint with at least one pass, ordered by total
// descending, then id. Empty when to_day < from_day.
std::vector<HourlyRow> HourlyByCheckpoint(const Snapshot& s, int32_t from_day, int32_t to_day);

// The first `limit` rows of HourlyByCheckpoint (the busiest checkpoints).
std::vector<HourlyRow> TopCheckpoints(const Snapshot& s, int32_t from_day, int32_t to_day, size_t limit);

struct NewPlatesDay {
    int32_t day = 0;
    uint64_t plates = 0;      // distinct plates with a pass that day
    uint64_t new_plates = 0;  // of them, those with no pass in the `lookback_days` days before
};
// One entry per day of [from_day, to_day], ascending (days without passes have zeros). lookback_days ≥ 1;
// a plate is new on day d when it has a pass on d and none on d − lookback_days … d − 1 (the engine's
// first_seen rule with whole-day windows; it uses the partitions' per-day plate bitmaps).
std::vector<NewPlatesDay> NewPlatesPerDay(const Snapshot& s, int32_t from_day, int32_t to_day, int lookback_days);

}  // namespace jw::analytics

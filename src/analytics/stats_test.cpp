// Pass statistics against brute force over the generated passes (test_data.hpp), several seeds, with the
// store fed in uneven batches so partitions hold several segments.

#include "analytics/stats.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "analytics/test_data.hpp"
#include "analytics/test_store.hpp"

namespace jw::analytics {
namespace {

using testing::Dataset;

std::unique_ptr<Store> Load(const Dataset& d, const std::string& dir, uint32_t seed) {
    return testing::LoadInBatches(d, dir, seed, StoreOptions{.sync = false, .retention_days = 0});
}

// Brute force: China-time hour of day by shifting 8 hours and taking the remainder.
std::map<std::string, std::array<uint64_t, 24>> RefHourly(const Dataset& d, int32_t from_day, int32_t to_day) {
    std::map<std::string, std::array<uint64_t, 24>> out;
    for (const auto& p : d.passes) {
        const int64_t local = p.time + 8 * 3600;
        const int64_t day = local / 86400;
        if (day < from_day || day > to_day) continue;
        ++out[p.checkpoint_id][(local % 86400) / 3600];
    }
    return out;
}

std::map<int64_t, std::set<std::string>> PlatesByDay(const Dataset& d) {
    std::map<int64_t, std::set<std::string>> out;
    for (const auto& p : d.passes) out[(p.time + 8 * 3600) / 86400].insert(p.plate);
    return out;
}

class StatsTest : public ::testing::TestWithParam<uint32_t> {};

TEST_P(StatsTest, HourlyMatchesBruteForce) {
    const Dataset d = testing::Generate(GetParam(), 400, 12, 8000, 5);
    testing::TempDir dir;
    auto store = Load(d, dir.path(), GetParam());
    const auto snap = store->GetSnapshot();
    const int32_t first = ChinaDay(d.start);
    for (auto [from, to] :
         {std::pair{first, first + 4}, std::pair{first + 1, first + 2}, std::pair{first + 3, first + 3}}) {
        const auto want = RefHourly(d, from, to);
        const auto got = HourlyByCheckpoint(snap, from, to);
        ASSERT_EQ(got.size(), want.size()) << from << ".." << to;
        uint64_t prev = UINT64_MAX;
        for (const auto& row : got) {
            ASSERT_TRUE(want.count(row.checkpoint_id)) << row.checkpoint_id;
            EXPECT_EQ(row.hours, want.at(row.checkpoint_id)) << row.checkpoint_id;
            uint64_t sum = 0;
            for (auto n : row.hours) sum += n;
            EXPECT_EQ(row.total, sum);
            EXPECT_LE(row.total, prev);  // ordered by total descending
            prev = row.total;
        }
        const auto top = TopCheckpoints(snap, from, to, 3);
        ASSERT_EQ(top.size(), std::min<size_t>(3, got.size()));
        for (size_t i = 0; i < top.size(); ++i) EXPECT_EQ(top[i].checkpoint_id, got[i].checkpoint_id);
    }
    EXPECT_TRUE(HourlyByCheckpoint(snap, first + 2, first + 1).empty());
    EXPECT_TRUE(HourlyByCheckpoint(snap, first + 100, first + 120).empty());
}

TEST_P(StatsTest, NewPlatesMatchBruteForce) {
    const Dataset d = testing::Generate(GetParam(), 400, 12, 6000, 6);
    testing::TempDir dir;
    auto store = Load(d, dir.path(), GetParam() + 1);
    const auto snap = store->GetSnapshot();
    const auto by_day = PlatesByDay(d);
    const int32_t first = ChinaDay(d.start);
    for (int lookback : {1, 2, 5}) {
        const auto got = NewPlatesPerDay(snap, first - 1, first + 6, lookback);
        ASSERT_EQ(got.size(), 8u);
        for (const auto& r : got) {
            std::set<std::string> today, before;
            if (by_day.count(r.day)) today = by_day.at(r.day);
            for (int32_t b = r.day - lookback; b < r.day; ++b)
                if (by_day.count(b)) before.insert(by_day.at(b).begin(), by_day.at(b).end());
            uint64_t fresh = 0;
            for (const auto& p : today) fresh += before.count(p) ? 0 : 1;
            EXPECT_EQ(r.plates, today.size()) << "day " << r.day << " lookback " << lookback;
            EXPECT_EQ(r.new_plates, fresh) << "day " << r.day << " lookback " << lookback;
        }
    }
    // Agrees with the engine's first_seen over one whole day.
    const int64_t day3 = d.start + 3 * kDaySeconds;
    const auto fs = FirstSeen(snap, day3, day3 + kDaySeconds, 2, {});
    EXPECT_EQ(NewPlatesPerDay(snap, first + 3, first + 3, 2).at(0).new_plates, fs.size());
}

INSTANTIATE_TEST_SUITE_P(Seeds, StatsTest, ::testing::Values(1u, 7u, 42u));

}  // namespace
}  // namespace jw::analytics

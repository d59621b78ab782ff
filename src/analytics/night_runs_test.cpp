// The default night's summaries (Segment::night_runs) against the brute force: Night = NightScan = the reference
// over random ranges (whole days and ranges cutting segments), thresholds and shares, on segments built at ingest
// and on segments read back from a snapshot after a restart.

#include <gtest/gtest.h>

#include <random>

#include "analytics/queries.hpp"
#include "analytics/test_data.hpp"
#include "analytics/test_store.hpp"

namespace jw::analytics {
namespace {

void ExpectNightMatches(const Snapshot& s, const testing::Dataset& d, uint32_t seed) {
    std::mt19937 rng(seed);
    const int64_t span = int64_t{d.days} * 86400;
    size_t answered = 0;
    for (int k = 0; k < 8; ++k) {
        int64_t from = d.start + static_cast<int64_t>(rng() % span), to = d.start + static_cast<int64_t>(rng() % span);
        if (from > to) std::swap(from, to);
        if (k == 0) from = d.start, to = d.start + span;          // whole days
        if (k == 1) from = d.start + 86400, to = d.start + span;  // from a midnight: night 0's morning cut off
        for (uint32_t min_nights : {1u, 2u, 3u}) {
            for (double share : {0.0, 0.5, 0.7}) {
                const NightSpec spec{22 * 3600, 5 * 3600, min_nights, share};
                const auto got = Night(s, from, to, spec);
                EXPECT_EQ(got, NightScan(s, from, to, spec)) << from << ".." << to;
                EXPECT_EQ(got, testing::RefNight(d, from, to, spec)) << from << ".." << to;
                answered += got.size();
            }
        }
    }
    EXPECT_GT(answered, 0u);  // the ranges hold night drivers, so the comparison means something
}

TEST(NightRuns, DefaultNightMatchesTheScanAndTheReferenceAlsoAfterRestart) {
    for (uint32_t seed : {31u, 32u}) {
        const testing::Dataset d = testing::Generate(seed, 150, 12, 15000, 4);
        testing::TempDir dir;
        {
            auto store = testing::LoadInBatches(d, dir.path(), seed);
            ExpectNightMatches(store->GetSnapshot(), d, seed);
            ASSERT_TRUE(store->Compact().ok());  // the reopened store reads its segments from the snapshot
        }
        auto reopened = Store::Open(dir.path(), StoreOptions{.sync = false});
        ASSERT_TRUE(reopened.ok());
        ExpectNightMatches((*reopened)->GetSnapshot(), d, seed + 7);
    }
}

}  // namespace
}  // namespace jw::analytics

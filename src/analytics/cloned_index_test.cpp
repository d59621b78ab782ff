// The cloned index (cloned_index.hpp) against the brute force: after every kind of write (passes in time order,
// late passes, shuffled batches, retention, moved checkpoints), after a restart and after kill -9, the index holds
// exactly the pairs a scan of all passes finds, and Cloned answers as the scan and the reference do.

#include "analytics/cloned_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "analytics/queries.hpp"
#include "analytics/test_data.hpp"
#include "analytics/test_store.hpp"

namespace jw::analytics {
namespace {

using testing::Dataset;

constexpr int64_t kAll = int64_t{UINT32_MAX} + 1;

std::vector<ClonedPair> Sorted(std::vector<ClonedPair> v) {
    std::sort(v.begin(), v.end(), [](const ClonedPair& x, const ClonedPair& y) {
        return std::tie(x.plate, x.a_time, x.a_cp, x.b_time, x.b_cp) <
               std::tie(y.plate, y.a_time, y.a_cp, y.b_time, y.b_cp);
    });
    return v;
}

// The index of `s` equals the scan of every retained pass, pair for pair.
void ExpectIndexExact(const Snapshot& s) {
    ASSERT_NE(s.cloned(), nullptr);
    const auto want = Sorted(ScanClonedPairs(s, 0, kAll, kClonedIndexFloorKmh));
    const auto got = Sorted(s.cloned()->pairs);
    EXPECT_GT(want.size(), 10u);  // the data has pairs over the floor, so the comparison means something
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i], want[i]) << "pair " << i << " of plate " << s.Plate(got[i].plate);
    }
}

using testing::ExpectSameCloned;

// Cloned (index) = ClonedScan = the brute-force reference over random ranges, thresholds over the floor.
void ExpectQueriesMatch(const Snapshot& s, const Dataset& d, uint32_t seed) {
    std::mt19937 rng(seed);
    const int64_t span = int64_t{d.days} * 86400;
    for (int k = 0; k < 6; ++k) {
        int64_t from = d.start + static_cast<int64_t>(rng() % span), to = d.start + static_cast<int64_t>(rng() % span);
        if (from > to) std::swap(from, to);
        if (k == 0) from = d.start, to = d.start + span;  // everything
        for (double v : {kClonedIndexFloorKmh, 120.0, 150.0, 400.0}) {
            const auto got = Cloned(s, from, to, v);
            ExpectSameCloned(got, ClonedScan(s, from, to, v));
            ExpectSameCloned(got, testing::RefCloned(d, from, to, v));
        }
    }
}

// Dense traffic (many consecutive pairs within minutes, so many pairs over the floor), passes in time order
// except every `late`-th, which is moved back by up to two hours (arrives after passes later than it).
Dataset DenseMostlyOrdered(uint32_t seed, int late) {
    Dataset d = testing::Generate(seed, 120, 12, 12000, 2);
    std::stable_sort(d.passes.begin(), d.passes.end(),
                     [](const PassRecord& a, const PassRecord& b) { return a.time < b.time; });
    std::mt19937 rng(seed);
    for (size_t i = late; i < d.passes.size(); i += late) {
        const size_t back = std::min<size_t>(i, rng() % 400);
        std::rotate(d.passes.begin() + static_cast<std::ptrdiff_t>(i - back),
                    d.passes.begin() + static_cast<std::ptrdiff_t>(i),
                    d.passes.begin() + static_cast<std::ptrdiff_t>(i + 1));
    }
    std::reverse(d.passes.begin() + 100, d.passes.begin() + 140);  // a run of late passes in one batch
    return d;
}

class ClonedIndex : public ::testing::TestWithParam<uint32_t> {};

TEST_P(ClonedIndex, EqualsTheScanAfterOrderedLateAndShuffledBatchesAndAfterRestart) {
    const uint32_t seed = GetParam();
    for (int late : {7, 97, 0}) {
        const Dataset d = late == 0 ? testing::Generate(seed, 120, 12, 12000, 2) : DenseMostlyOrdered(seed, late);
        testing::TempDir dir;
        {
            auto store = testing::LoadInBatches(d, dir.path(), seed);
            const Snapshot s = store->GetSnapshot();
            ExpectIndexExact(s);
            ExpectQueriesMatch(s, d, seed);
        }
        auto reopened = Store::Open(dir.path(), StoreOptions{.sync = false});
        ASSERT_TRUE(reopened.ok());
        ExpectIndexExact((*reopened)->GetSnapshot());
        ExpectQueriesMatch((*reopened)->GetSnapshot(), d, seed + 1);
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, ClonedIndex, ::testing::Values(1u, 2u, 3u));

TEST(ClonedIndexUpkeep, RetentionMovedCheckpointsAndLateHistoryKeepItExact) {
    Dataset d = DenseMostlyOrdered(5, 31);
    testing::TempDir dir;
    auto store = testing::LoadInBatches(d, dir.path(), 5);
    // Forget the first day: pairs starting in it go, and a plate's pass of that day pairs with nothing.
    store->DropPartitionsBefore(d.start + 86400);
    ExpectIndexExact(store->GetSnapshot());
    // History arriving again for the forgotten day: before every plate's latest pass.
    std::vector<PassRecord> old;
    for (const auto& p : d.passes) {
        if (p.time < d.start + 86400 && old.size() < 300) old.push_back(p);
    }
    ASSERT_TRUE(store->Append(old).ok());
    ExpectIndexExact(store->GetSnapshot());
    // A checkpoint moves 30 km: every speed through it changes.
    Checkpoint moved = d.checkpoints[3];
    moved.latitude += 0.27;
    ASSERT_TRUE(store->UpsertCheckpoints({moved}).ok());
    ExpectIndexExact(store->GetSnapshot());
    for (auto& c : d.checkpoints) {
        if (c.id == moved.id) c = moved;
    }
    // A pass at the end of the data, in order: the O(1) path after all of the above.
    PassRecord next = d.passes.front();
    next.time = d.start + 2 * 86400 + 10;
    ASSERT_TRUE(store->Append({next}).ok());
    ExpectIndexExact(store->GetSnapshot());
}

// The snapshot saves the index and the chain (ADR 0065); opening restores them and feeds the log tail written
// after the snapshot: late passes, passes of new plates, and (second round) a checkpoint moved in the tail,
// which makes the open rebuild instead. Each time the index equals the scan of all passes.
TEST(ClonedIndexUpkeep, RestoredFromTheSnapshotPlusTheLogTail) {
    for (bool move_in_tail : {false, true}) {
        Dataset d = DenseMostlyOrdered(21, 17);
        testing::TempDir dir;
        const size_t half = d.passes.size() / 2;
        {
            auto opened = Store::Open(dir.path(), StoreOptions{.sync = false, .snapshot_log_bytes = 0});
            ASSERT_TRUE(opened.ok());
            auto& store = *opened;
            ASSERT_TRUE(store->UpsertCheckpoints(d.checkpoints).ok());
            ASSERT_TRUE(store->Append({d.passes.begin(), d.passes.begin() + static_cast<std::ptrdiff_t>(half)}).ok());
            ASSERT_TRUE(store->WriteSnapshot().ok());
            // The tail: the second half in shuffled batches, so many passes arrive before a plate's latest.
            std::vector<PassRecord> rest(d.passes.begin() + static_cast<std::ptrdiff_t>(half), d.passes.end());
            std::shuffle(rest.begin() + static_cast<std::ptrdiff_t>(rest.size() / 2), rest.end(), std::mt19937(4));
            for (size_t b = 0; b < rest.size(); b += 500) {
                const auto e = rest.begin() + static_cast<std::ptrdiff_t>(std::min(rest.size(), b + 500));
                ASSERT_TRUE(store->Append({rest.begin() + static_cast<std::ptrdiff_t>(b), e}).ok());
            }
            if (move_in_tail) {
                Checkpoint moved = d.checkpoints[2];
                moved.longitude += 0.31;
                ASSERT_TRUE(store->UpsertCheckpoints({moved}).ok());
            }
            ExpectIndexExact(store->GetSnapshot());
        }
        auto reopened = Store::Open(dir.path(), StoreOptions{.sync = false, .snapshot_log_bytes = 0});
        ASSERT_TRUE(reopened.ok());
        EXPECT_EQ((*reopened)->GetSnapshot().pass_count(), d.passes.size());
        ExpectIndexExact((*reopened)->GetSnapshot());
        // And from a snapshot taken now (no tail): the saved index alone.
        ASSERT_TRUE((*reopened)->WriteSnapshot().ok());
        reopened->reset();
        auto again = Store::Open(dir.path(), StoreOptions{.sync = false});
        ASSERT_TRUE(again.ok());
        ExpectIndexExact((*again)->GetSnapshot());
    }
}

TEST(ClonedIndexUpkeep, RebuiltAfterKillNine) {
    const Dataset d = DenseMostlyOrdered(9, 13);
    testing::TempDir dir;
    const int acked = testing::AckedBeforeKillNine(
        [&]() -> std::function<bool(int)> {
            auto opened = Store::Open(dir.path(), StoreOptions{.snapshot_log_bytes = 64 << 10});
            if (!opened.ok()) return nullptr;
            if (!(*opened)->UpsertCheckpoints(d.checkpoints).ok()) return nullptr;
            return [&d, s = std::shared_ptr<Store>(std::move(opened).value())](int b) {
                const size_t from = static_cast<size_t>(b) % (d.passes.size() / 200) * 200;
                std::vector<PassRecord> batch(d.passes.begin() + static_cast<std::ptrdiff_t>(from),
                                              d.passes.begin() + static_cast<std::ptrdiff_t>(from + 200));
                return s->Append(batch).ok();
            };
        },
        20, 20000);
    ASSERT_FALSE(HasFailure());
    ASSERT_GE(acked, 20);
    auto s = Store::Open(dir.path());
    ASSERT_TRUE(s.ok());
    EXPECT_GE((*s)->GetSnapshot().pass_count(), uint64_t(acked) * 200);
    ExpectIndexExact((*s)->GetSnapshot());
}

}  // namespace
}  // namespace jw::analytics

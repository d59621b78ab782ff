// Each analysis against its brute-force reference (test_data.hpp) on generated data, several seeds, with
// the store fed in uneven batches so partitions hold several segments and merges happen.

#include "analytics/queries.hpp"

#include <gtest/gtest.h>

#include <random>

#include "analytics/test_data.hpp"
#include "analytics/test_store.hpp"

namespace jw::analytics {
namespace {

using testing::Dataset;

void ExpectSameCompanions(const std::vector<CompanionResult>& got, const std::vector<CompanionResult>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].plate, want[i].plate) << i;
        EXPECT_EQ(got[i].checkpoints, want[i].checkpoints) << got[i].plate;
        EXPECT_EQ(got[i].co_passes, want[i].co_passes) << got[i].plate;
        EXPECT_DOUBLE_EQ(got[i].score, want[i].score) << got[i].plate;
    }
}

using testing::ExpectSameCloned;

// first_seen's two fast paths: one-hour slices (read through the checkpoint index) and lookbacks covering whole
// days (one bit per plate and day), also with `from` on a day boundary, against the brute-force reference.
TEST(FirstSeenPaths, HourSlicesAndWholeLookbackDaysMatchTheReference) {
    for (uint32_t seed : {21u, 22u}) {
        const Dataset d = testing::Generate(seed, 400, 12, 20000, 5);
        testing::TempDir dir;
        auto store = testing::LoadInBatches(d, dir.path(), seed);
        const Snapshot s = store->GetSnapshot();
        for (int64_t h = 0; h < 5 * 24; h += 5) {
            for (int64_t shift : {int64_t{0}, int64_t{1234}}) {
                const int64_t from = d.start + h * 3600 + shift, to = from + 3600;
                for (int64_t days : {1, 2, 4}) {
                    EXPECT_EQ(FirstSeen(s, from, to, days, {}), testing::RefFirstSeen(d, from, to, days, {}))
                        << "seed " << seed << " hour " << h << " shift " << shift << " days " << days;
                }
            }
        }
    }
}

class QueriesVsReference : public ::testing::TestWithParam<uint32_t> {};

TEST_P(QueriesVsReference, AllAnalysesMatch) {
    const uint32_t seed = GetParam();
    const Dataset d = testing::Generate(seed);
    testing::TempDir dir;
    auto store = testing::LoadInBatches(d, dir.path(), seed);
    const Snapshot s = store->GetSnapshot();
    ASSERT_EQ(s.pass_count(), d.passes.size());
    std::mt19937 rng(seed * 7 + 1);
    const int64_t span = int64_t{d.days} * 86400;
    auto random_range = [&](int64_t* from, int64_t* to) {
        const int64_t a = d.start - 3600 + static_cast<int64_t>(rng() % (span + 7200));
        const int64_t len = rng() % 4 == 0 ? 0 : static_cast<int64_t>(rng() % span);
        *from = a / 10 * 10;  // on the 10 s grid, so passes sit exactly on boundaries
        *to = *from + len / 10 * 10;
    };
    for (int iter = 0; iter < 25; ++iter) {
        const std::string plate = d.plates[iter < 6 ? iter : rng() % d.plates.size()];
        int64_t from, to;
        random_range(&from, &to);
        if (iter % 5 == 0) {
            from = d.start;
            to = d.start + span;
        }
        SCOPED_TRACE("plate " + plate + " from " + std::to_string(from) + " to " + std::to_string(to));
        EXPECT_EQ(Trajectory(s, plate, from, to), testing::RefTrajectory(d, plate, from, to));
        for (int64_t w : {0, 20, 60, 600}) {
            for (uint32_t m : {1u, 2u}) {
                ExpectSameCompanions(Companions(s, plate, from, to, w, m),
                                     testing::RefCompanions(d, plate, from, to, w, m));
            }
        }
        std::vector<CollisionCondition> conds;
        for (int c = 0, n = 1 + static_cast<int>(rng() % 4); c < n; ++c) {
            CollisionCondition cond;
            random_range(&cond.from, &cond.to);
            cond.to = std::min(cond.to, cond.from + 6 * 3600);
            for (int k = 0, m = 1 + static_cast<int>(rng() % 3); k < m; ++k) {
                cond.checkpoints.push_back(d.checkpoints[rng() % d.checkpoints.size()].id);
            }
            if (c == 0) cond.checkpoints.push_back("unknown-checkpoint");
            conds.push_back(cond);
        }
        for (uint32_t k = 1; k <= conds.size(); ++k) {
            EXPECT_EQ(Collision(s, conds, k), testing::RefCollision(d, conds, k)) << "k=" << k;
        }
        for (int64_t days : {0, 1, 2}) {
            EXPECT_EQ(FirstSeen(s, from, to, days, {}), testing::RefFirstSeen(d, from, to, days, {}));
            const std::vector<std::string> cps = {d.checkpoints[iter % 12].id, d.checkpoints[(iter + 5) % 12].id};
            EXPECT_EQ(FirstSeen(s, from, to, days, cps), testing::RefFirstSeen(d, from, to, days, cps));
        }
        for (double v : {80.0, 150.0}) ExpectSameCloned(Cloned(s, from, to, v), testing::RefCloned(d, from, to, v));
        for (NightSpec spec : {NightSpec{22 * 3600, 5 * 3600, 1, 0.0}, NightSpec{22 * 3600, 5 * 3600, 2, 0.5},
                               NightSpec{0, 4 * 3600, 1, 0.25}}) {
            EXPECT_EQ(Night(s, from, to, spec), testing::RefNight(d, from, to, spec));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, QueriesVsReference, ::testing::Values(1u, 2u, 3u, 42u));

class PlantedAnswers : public ::testing::Test {
  protected:
    void SetUp() override {
        d_ = testing::Generate(7);
        store_ = testing::LoadInBatches(d_, dir_.path(), 7);
    }
    Dataset d_;
    testing::TempDir dir_;
    std::unique_ptr<Store> store_;
};

TEST_F(PlantedAnswers, ConvoyIsTheTopCompanion) {
    const Snapshot s = store_->GetSnapshot();
    auto c = Companions(s, d_.plates[0], d_.start, d_.start + 3 * 86400, 60, 2);
    ASSERT_GE(c.size(), 2u);
    std::set<std::string> top = {c[0].plate, c[1].plate};
    EXPECT_TRUE(top.count(d_.plates[1]));
    EXPECT_TRUE(top.count(d_.plates[2]));  // +60 s is inside a 60 s window (|t' − t| ≤ W)
    auto narrow = Companions(s, d_.plates[0], d_.start, d_.start + 3 * 86400, 59, 1);
    for (const auto& r : narrow) {
        if (r.plate == d_.plates[2]) ADD_FAILURE() << "plate 2 is 60 s behind: outside a 59 s window";
    }
}

TEST_F(PlantedAnswers, ClonePairsAreFoundIncludingSameSecond) {
    auto r = Cloned(store_->GetSnapshot(), d_.start, d_.start + 3 * 86400, 120);
    bool minutes = false, same_second = false;
    for (const auto& x : r) {
        if (x.plate != d_.plates[3]) continue;
        minutes |= x.a.time == d_.start + 3600 && x.b.time == d_.start + 3660;
        same_second |= x.a.time == d_.start + 7200 && std::isinf(x.speed_kmh);
    }
    EXPECT_TRUE(minutes);
    EXPECT_TRUE(same_second);
}

TEST_F(PlantedAnswers, NightBoundariesAndNightDate) {
    // Plate 4 per day: 22:00:00 (night d), 04:59:59 (night d−1), 05:00:00 (day), 23:59:59 (night d).
    auto r = Night(store_->GetSnapshot(), d_.start, d_.start + 86400, NightSpec{22 * 3600, 5 * 3600, 1, 0});
    auto it = std::find_if(r.begin(), r.end(), [&](const NightResult& x) { return x.plate == d_.plates[4]; });
    ASSERT_NE(it, r.end());
    // The first day alone: 04:59:59 belongs to the night before it, 22:00:00 and 23:59:59 to its own night,
    // 05:00:00 is day.
    EXPECT_EQ(it->nights, 2u);
    EXPECT_EQ(it->night_passes, 3u);
    EXPECT_EQ(it->day_passes, 1u);
}

TEST_F(PlantedAnswers, EmptyRangesAndUnknownPlates) {
    const Snapshot s = store_->GetSnapshot();
    EXPECT_TRUE(Trajectory(s, d_.plates[0], d_.start + 100, d_.start + 100).empty());
    EXPECT_TRUE(Trajectory(s, "川A99999", d_.start, d_.start + 86400).empty());
    EXPECT_TRUE(Companions(s, "川A99999", d_.start, d_.start + 86400, 60, 1).empty());
    EXPECT_TRUE(FirstSeen(s, d_.start, d_.start, 1, {}).empty());
    EXPECT_TRUE(Cloned(s, d_.start + 10, d_.start + 10, 100).empty());
    EXPECT_TRUE(Night(s, d_.start - 86400, d_.start, NightSpec{}).empty());
    EXPECT_TRUE(Collision(s, {}, 1).empty());
}

TEST(Haversine, KnownDistance) {
    // One degree of latitude on R = 6371 km.
    EXPECT_NEAR(HaversineKm(30, 104, 31, 104), 6371.0 * M_PI / 180.0, 1e-9);
    EXPECT_EQ(HaversineKm(30, 104, 30, 104), 0.0);
}

}  // namespace
}  // namespace jw::analytics

// WatchList: hits inside validity windows, several entries per plate, growth, normalisation.

#include "analytics/watch_list.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "analytics/test_data.hpp"

namespace jw::analytics {
namespace {

TEST(WatchList, HitsRespectWindowsAndOwners) {
    WatchList w;
    ASSERT_TRUE(w.Add("川a 12345", 100, 200, "刑侦大队").ok());
    ASSERT_TRUE(w.Add("川A12345", 150, 300, "城东派出所").ok());
    ASSERT_TRUE(w.Add("川B00001", 0, 1000, "刑侦大队").ok());
    std::vector<WatchHit> hits;
    EXPECT_EQ(w.Check("川A12345", 99, &hits), 0u);
    EXPECT_EQ(w.Check("川A12345", 100, &hits), 1u);
    EXPECT_EQ(hits.back().owner, "刑侦大队");
    hits.clear();
    EXPECT_EQ(w.Check("川A12345", 199, &hits), 2u);
    EXPECT_EQ(w.Check("川A12345", 200, &hits), 1u);  // valid_to is exclusive
    EXPECT_EQ(hits.back().owner, "城东派出所");
    EXPECT_EQ(w.Check("川A54321", 150, &hits), 0u);
}

TEST(WatchList, RejectsBadEntries) {
    WatchList w;
    EXPECT_EQ(w.Add("ABC", 0, 10, "x").status().fields().count("plate_no"), 1u);
    EXPECT_EQ(w.Add("川A12345", 10, 10, "x").status().fields().count("valid_to"), 1u);
    EXPECT_EQ(w.Add("川A12345", 0, 10, "").status().fields().count("owner"), 1u);
    EXPECT_EQ(w.size(), 0u);
    std::vector<WatchHit> hits;
    EXPECT_EQ(w.Check("川A12345", 5, &hits), 0u);
}

TEST(WatchList, MatchesAMapOnManyRandomEntries) {
    WatchList w;
    std::multimap<std::string, std::pair<int64_t, int64_t>> ref;
    std::mt19937 rng(9);
    for (int i = 0; i < 20000; ++i) {  // grows through many rehashes
        const std::string plate = testing::PlateOf(static_cast<int>(rng() % 15000));
        const int64_t from = rng() % 1000, to = from + 1 + rng() % 500;
        ASSERT_TRUE(w.Add(plate, from, to, "unit" + std::to_string(i % 7)).ok());
        ref.emplace(plate, std::make_pair(from, to));
    }
    for (int i = 0; i < 20000; ++i) {
        const std::string plate = testing::PlateOf(static_cast<int>(rng() % 20000));
        const int64_t t = rng() % 1600;
        size_t want = 0;
        auto [a, b] = ref.equal_range(plate);
        for (auto it = a; it != b; ++it) want += t >= it->second.first && t < it->second.second;
        std::vector<WatchHit> hits;
        EXPECT_EQ(w.Check(plate, t, &hits), want) << plate << " " << t;
    }
    EXPECT_GT(w.Bytes(), 0u);
}

TEST(WatchList, CheckBatchEqualsCheckOnEachPass) {
    WatchList wl;
    std::mt19937 rng(5);
    for (int i = 0; i < 3000; ++i) {
        const int64_t from = 1000 + rng() % 5000;
        ASSERT_TRUE(wl.Add(testing::PlateOf(static_cast<int>(rng() % 2000)), from, from + 1 + rng() % 5000,
                           "unit" + std::to_string(i % 7))
                        .ok());
    }
    std::vector<PassRecord> passes(5000);
    for (auto& p : passes) {
        p.plate = testing::PlateOf(static_cast<int>(rng() % 4000));
        p.time = rng() % 12000;
    }
    for (size_t n : {size_t{0}, size_t{1}, size_t{15}, size_t{17}, passes.size()}) {
        std::vector<std::pair<size_t, WatchHit>> batch;
        const size_t added = wl.CheckBatch(passes.data(), n, &batch);
        std::vector<std::pair<size_t, WatchHit>> one_by_one;
        for (size_t i = 0; i < n; ++i) {
            std::vector<WatchHit> h;
            wl.Check(passes[i].plate, passes[i].time, &h);
            for (const auto& x : h) one_by_one.emplace_back(i, x);
        }
        ASSERT_EQ(added, batch.size());
        ASSERT_EQ(batch.size(), one_by_one.size()) << n;
        for (size_t k = 0; k < batch.size(); ++k) {
            EXPECT_EQ(batch[k].first, one_by_one[k].first);
            EXPECT_EQ(batch[k].second.entry, one_by_one[k].second.entry);
            EXPECT_EQ(batch[k].second.owner, one_by_one[k].second.owner);
        }
        if (n == passes.size()) {
            EXPECT_GT(batch.size(), 0u);
        }
    }
}

}  // namespace
}  // namespace jw::analytics

#include "checkpoint/viid/viid_append.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "analytics/watch_list.hpp"
#include "checkpoint/checkpoint_test_fixture.hpp"

namespace jw::checkpoint {
namespace {

TEST(AppendCombiner, ConcurrentBatchesAreAllStoredAndEveryHitReportedOnce) {
    testing::TempHub hub;
    hub->SetKnownCheckpoints({"51990100001210000001"});
    auto list = std::make_shared<analytics::WatchList>();
    ASSERT_TRUE(list->Add("川A99999", 0, int64_t{1} << 31, "7").ok());
    hub->SetWatchList(list);

    std::mutex mu;
    std::vector<PassHit> hits;
    AppendCombiner combiner(*hub, [&](const std::vector<PassHit>& h) {
        std::lock_guard lock(mu);
        hits.insert(hits.end(), h.begin(), h.end());
    });
    constexpr int kThreads = 8, kBatches = 20, kPerBatch = 10;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int b = 0; b < kBatches; ++b) {
                std::vector<analytics::PassRecord> batch;
                for (int i = 0; i < kPerBatch; ++i) {
                    analytics::PassRecord p;
                    p.plate = i == 0 ? "川A99999" : "川A1" + std::to_string(1000 + i);
                    p.checkpoint_id = "51990100001210000001";
                    p.time = 1790000000 + t * 1000 + b * 10 + i;
                    batch.push_back(p);
                }
                EXPECT_TRUE(combiner.Append(batch).ok());
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(hub->appended(), uint64_t{kThreads * kBatches * kPerBatch});
    ASSERT_EQ(hits.size(), size_t{kThreads * kBatches});
    for (const auto& h : hits) EXPECT_EQ(h.order_id, 7);
}

}  // namespace
}  // namespace jw::checkpoint

// Store: durability (reopen, torn and corrupt tails, kill -9 during a load), snapshots and concurrency.

#include "analytics/store.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "analytics/queries.hpp"
#include "analytics/test_data.hpp"
#include "analytics/test_store.hpp"

namespace jw::analytics {
namespace {

std::vector<PassRecord> Batch(int index, int n) {
    std::vector<PassRecord> out;
    const int64_t base = *ParseChinaTime("2026-03-01 08:00:00");
    for (int i = 0; i < n; ++i) {
        PassRecord p;
        p.plate = testing::PlateOf(index * 1000 + i % 50);
        p.checkpoint_id = "CP" + std::to_string(i % 7);
        p.time = base + index * 3600 + i;
        p.speed = 300;  // stored as 255
        out.push_back(p);
    }
    return out;
}

std::string LogPath(const std::string& dir) { return dir + "/passes.jwlog"; }

TEST(Store, ReopenRestoresEverything) {
    testing::TempDir dir;
    {
        auto s = Store::Open(dir.path());
        ASSERT_TRUE(s.ok());
        ASSERT_TRUE((*s)->UpsertCheckpoints({{"CP1", "东门", 104.1, 30.6}}).ok());
        for (int b = 0; b < 5; ++b) ASSERT_TRUE((*s)->Append(Batch(b, 100)).ok());
    }
    LogOpenStats stats;
    auto s = Store::Open(dir.path(), {}, &stats);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(stats.records, 6u);
    EXPECT_EQ(stats.bytes_truncated, 0u);
    const Snapshot snap = (*s)->GetSnapshot();
    EXPECT_EQ(snap.pass_count(), 500u);
    auto cp = snap.checkpoints().Find("CP1");
    ASSERT_TRUE(cp);
    EXPECT_EQ(snap.checkpoints().list[*cp].name, "东门");
    EXPECT_DOUBLE_EQ(snap.checkpoints().list[*cp].latitude, 30.6);
    EXPECT_EQ(Trajectory(snap, testing::PlateOf(3000), 0, UINT32_MAX).size(), 2u);
}

TEST(Store, TornTailIsTruncatedAndEarlierBatchesSurvive) {
    testing::TempDir dir;
    {
        auto s = Store::Open(dir.path());
        ASSERT_TRUE(s.ok());
        for (int b = 0; b < 3; ++b) ASSERT_TRUE((*s)->Append(Batch(b, 100)).ok());
    }
    const auto full = std::filesystem::file_size(LogPath(dir.path()));
    std::filesystem::resize_file(LogPath(dir.path()), full - 10);  // the last batch is cut short
    {
        LogOpenStats stats;
        auto s = Store::Open(dir.path(), {}, &stats);
        ASSERT_TRUE(s.ok());
        EXPECT_EQ(stats.records, 2u);
        EXPECT_GT(stats.bytes_truncated, 0u);
        EXPECT_EQ((*s)->GetSnapshot().pass_count(), 200u);
        ASSERT_TRUE((*s)->Append(Batch(9, 10)).ok());  // appends after the cut are readable later
    }
    auto s = Store::Open(dir.path());
    ASSERT_TRUE(s.ok());
    EXPECT_EQ((*s)->GetSnapshot().pass_count(), 210u);
}

TEST(Store, CorruptLastRecordIsDiscarded) {
    testing::TempDir dir;
    {
        auto s = Store::Open(dir.path());
        ASSERT_TRUE(s.ok());
        for (int b = 0; b < 3; ++b) ASSERT_TRUE((*s)->Append(Batch(b, 100)).ok());
    }
    {
        std::fstream f(LogPath(dir.path()), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-5, std::ios::end);
        f.put('\x7f');
    }
    LogOpenStats stats;
    auto s = Store::Open(dir.path(), {}, &stats);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(stats.records, 2u);
    EXPECT_EQ((*s)->GetSnapshot().pass_count(), 200u);
}

TEST(Store, GarbageTailAndTornHeader) {
    testing::TempDir dir;
    {
        std::ofstream f(LogPath(dir.path()), std::ios::binary);
        f << "JWPA";  // creation interrupted inside the magic
    }
    {
        auto s = Store::Open(dir.path());
        ASSERT_TRUE(s.ok()) << s.status().message();
        ASSERT_TRUE((*s)->Append(Batch(1, 20)).ok());
    }
    {
        std::ofstream f(LogPath(dir.path()), std::ios::binary | std::ios::app);
        f << std::string("\x10\x00\x00\x00garbage", 11);
    }
    auto s = Store::Open(dir.path());
    ASSERT_TRUE(s.ok());
    EXPECT_EQ((*s)->GetSnapshot().pass_count(), 20u);
}

TEST(Store, ForeignFileIsRefused) {
    testing::TempDir dir;
    {
        std::ofstream f(LogPath(dir.path()), std::ios::binary);
        f << "not a pass log at all";
    }
    EXPECT_FALSE(Store::Open(dir.path()).ok());
}

TEST(Store, InvalidBatchIsRejectedWhole) {
    testing::TempDir dir;
    auto s = Store::Open(dir.path());
    ASSERT_TRUE(s.ok());
    auto batch = Batch(0, 10);
    batch[4].time = -1;
    Status st = (*s)->Append(batch);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(st.fields().count("passes[4].pass_time"), 1u);
    batch[4].time = 0;
    batch[6].checkpoint_id.clear();
    EXPECT_EQ((*s)->Append(batch).fields().count("passes[6].checkpoint_id"), 1u);
    EXPECT_EQ((*s)->GetSnapshot().pass_count(), 0u);
}

TEST(Store, KillNineDuringLoadLosesNothingAcknowledged) {
    testing::TempDir dir;
    const int acked = testing::AckedBeforeKillNine(
        [&]() -> std::function<bool(int)> {
            auto opened = Store::Open(dir.path());
            if (!opened.ok()) return nullptr;
            return [s = std::shared_ptr<Store>(std::move(opened).value())](int b) {
                return s->Append(Batch(b % 200, 500)).ok();
            };
        },
        15);
    ASSERT_FALSE(HasFailure());
    auto s = Store::Open(dir.path());
    ASSERT_TRUE(s.ok());
    const uint64_t passes = (*s)->GetSnapshot().pass_count();
    EXPECT_GE(passes, uint64_t(acked) * 500);
    EXPECT_EQ(passes % 500, 0u);  // whole batches only
}

TEST(Store, SnapshotIsStableWhileWriterAppends) {
    testing::TempDir dir;
    auto opened = Store::Open(dir.path(), StoreOptions{.sync = false});
    ASSERT_TRUE(opened.ok());
    Store& store = **opened;
    const auto d = testing::Generate(11, 200, 10, 20000, 2);
    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (size_t i = 0; i < d.passes.size(); i += 250) {
            std::vector<PassRecord> b(d.passes.begin() + i, d.passes.begin() + std::min(d.passes.size(), i + 250));
            ASSERT_TRUE(store.Append(b).ok());
        }
        done = true;
    });
    std::vector<std::thread> readers;
    std::atomic<int> checks{0};
    for (int r = 0; r < 2; ++r) {
        readers.emplace_back([&, r] {
            uint64_t last = 0;
            while (!done) {
                const Snapshot s = store.GetSnapshot();
                EXPECT_GE(s.pass_count(), last);
                last = s.pass_count();
                uint64_t total = 0;
                for (const Segment* seg : s.Segments(0, UINT32_MAX)) total += seg->size();
                EXPECT_EQ(total, s.pass_count());
                const auto& plate = d.plates[r];
                auto a = Trajectory(s, plate, 0, UINT32_MAX);
                auto b = Companions(s, plate, 0, UINT32_MAX, 60, 1);
                EXPECT_EQ(a, Trajectory(s, plate, 0, UINT32_MAX));  // the snapshot does not move
                EXPECT_EQ(b.size(), Companions(s, plate, 0, UINT32_MAX, 60, 1).size());
                ++checks;
            }
        });
    }
    writer.join();
    for (auto& t : readers) t.join();
    EXPECT_GT(checks.load(), 0);
    const Snapshot s = store.GetSnapshot();
    EXPECT_EQ(s.pass_count(), d.passes.size());
    for (int p = 0; p < 5; ++p) {
        EXPECT_EQ(Trajectory(s, d.plates[p], 0, UINT32_MAX), testing::RefTrajectory(d, d.plates[p], 0, UINT32_MAX));
    }
}

TEST(Store, RetentionDropsWholeOldPartitions) {
    testing::TempDir dir;
    auto s = Store::Open(dir.path(), StoreOptions{.sync = false});
    ASSERT_TRUE(s.ok());
    const auto d = testing::Generate(5, 100, 8, 3000, 3);
    Status st = (*s)->Append(d.passes);
    ASSERT_TRUE(st.ok()) << st.message() << " " << (st.fields().empty() ? "" : st.fields().begin()->first);
    (*s)->DropPartitionsBefore(d.start + 86400);
    const Snapshot snap = (*s)->GetSnapshot();
    uint64_t kept = 0;
    for (const auto& p : d.passes) kept += p.time >= d.start + 86400;
    EXPECT_EQ(snap.pass_count(), kept);
    EXPECT_TRUE(Trajectory(snap, d.plates[0], d.start, d.start + 86400).empty());
}

TEST(Store, LayoutIsCompact) {
    testing::TempDir dir;
    auto s = Store::Open(dir.path(), StoreOptions{.sync = false});
    ASSERT_TRUE(s.ok());
    const auto d = testing::Generate(5, 300, 12, 20000, 2);
    ASSERT_TRUE((*s)->Append(d.passes).ok());
    const StoreStats st = (*s)->Stats();
    EXPECT_EQ(st.passes, d.passes.size());
    // 10 column + index bytes per pass, 8 per (plate, segment) run, small per-segment tables.
    EXPECT_LE(st.segment_bytes, st.passes * 11 + st.segments * (8 * st.plates + 1024));
}

}  // namespace
}  // namespace jw::analytics

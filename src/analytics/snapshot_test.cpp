// Snapshots, compaction and retention: restart from a snapshot plus the log tail equals the state before,
// a torn or corrupt snapshot file, kill -9 while snapshots are being written, retention drops whole days
// from memory and disk.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "analytics/append_log.hpp"
#include "analytics/queries.hpp"
#include "analytics/snapshot_file.hpp"
#include "analytics/test_data.hpp"
#include "analytics/test_store.hpp"

namespace jw::analytics {
namespace {

using testing::Dataset;

StoreOptions NoAuto() { return StoreOptions{.sync = false, .retention_days = 0, .snapshot_log_bytes = 0}; }

void AppendRange(Store& s, const Dataset& d, size_t from, size_t to, size_t batch = 700) {
    for (size_t i = from; i < to; i += batch) {
        std::vector<PassRecord> b(d.passes.begin() + i, d.passes.begin() + std::min(to, i + batch));
        ASSERT_TRUE(s.Append(b).ok());
    }
}

// The whole observable state: every query of the contract over the dataset's range.
void ExpectMatchesReference(const Snapshot& s, const Dataset& d, const std::vector<PassRecord>& kept) {
    Dataset ref = d;
    ref.passes = kept;
    ASSERT_EQ(s.pass_count(), kept.size());
    const int64_t end = d.start + d.days * 86400;
    for (int p = 0; p < 8; ++p) {
        EXPECT_EQ(Trajectory(s, d.plates[p], d.start, end), testing::RefTrajectory(ref, d.plates[p], d.start, end));
    }
    EXPECT_EQ(FirstSeen(s, d.start + 86400, end, 1, {}), testing::RefFirstSeen(ref, d.start + 86400, end, 1, {}));
    EXPECT_EQ(Night(s, d.start, end, NightSpec{}), testing::RefNight(ref, d.start, end, NightSpec{}));
    const std::vector<CollisionCondition> conds = {{{d.checkpoints[0].id, d.checkpoints[1].id}, d.start, end},
                                                   {{d.checkpoints[2].id}, d.start, d.start + 86400}};
    EXPECT_EQ(Collision(s, conds, 1), testing::RefCollision(ref, conds, 1));
}

TEST(Snapshot, RestartFromSnapshotPlusTailEqualsBefore) {
    const Dataset d = testing::Generate(21, 300, 12, 8000, 3);
    testing::TempDir dir;
    {
        auto s = Store::Open(dir.path(), NoAuto());
        ASSERT_TRUE(s.ok());
        ASSERT_TRUE((*s)->UpsertCheckpoints(d.checkpoints).ok());
        AppendRange(**s, d, 0, d.passes.size() / 2);
        ASSERT_TRUE((*s)->WriteSnapshot().ok());
        AppendRange(**s, d, d.passes.size() / 2, d.passes.size());
        ExpectMatchesReference((*s)->GetSnapshot(), d, d.passes);
    }
    LogOpenStats st;
    auto s = Store::Open(dir.path(), NoAuto(), &st);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_GT(st.snapshot_passes, 0u);
    EXPECT_LT(st.snapshot_passes, d.passes.size());
    EXPECT_FALSE(st.snapshot_ignored);
    ExpectMatchesReference((*s)->GetSnapshot(), d, d.passes);
    EXPECT_EQ((*s)->GetSnapshot().checkpoints().list.size(), d.checkpoints.size());
}

TEST(Snapshot, AutomaticSnapshotsAndCompactionKeepEverything) {
    const Dataset d = testing::Generate(22, 300, 12, 8000, 3);
    testing::TempDir dir;
    {
        auto s = Store::Open(dir.path(), StoreOptions{.sync = false, .retention_days = 0, .snapshot_log_bytes = 20000});
        ASSERT_TRUE(s.ok());
        ASSERT_TRUE((*s)->UpsertCheckpoints(d.checkpoints).ok());
        AppendRange(**s, d, 0, 3000, 300);
        ASSERT_TRUE((*s)->Compact().ok());
        AppendRange(**s, d, 3000, d.passes.size(), 300);
        EXPECT_EQ((*s)->Stats().last_upkeep_error, "");
    }
    EXPECT_TRUE(std::filesystem::exists(SnapshotPath(dir.path())));
    auto epoch = AppendLog::PeekEpoch(dir.path() + "/passes.jwlog");
    ASSERT_TRUE(epoch.ok());
    EXPECT_EQ(**epoch, 1u);
    LogOpenStats st;
    auto s = Store::Open(dir.path(), NoAuto(), &st);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_GT(st.snapshot_passes, 3000u);
    ExpectMatchesReference((*s)->GetSnapshot(), d, d.passes);
}

TEST(Snapshot, TornOrCorruptSnapshotIsIgnoredWhileTheLogIsWhole) {
    const Dataset d = testing::Generate(23, 200, 10, 4000, 2);
    for (int mode = 0; mode < 2; ++mode) {
        testing::TempDir dir;
        {
            auto s = Store::Open(dir.path(), NoAuto());
            ASSERT_TRUE(s.ok());
            ASSERT_TRUE((*s)->UpsertCheckpoints(d.checkpoints).ok());
            AppendRange(**s, d, 0, 2500);
            ASSERT_TRUE((*s)->WriteSnapshot().ok());
            AppendRange(**s, d, 2500, d.passes.size());
        }
        const std::string snap = SnapshotPath(dir.path());
        const auto size = std::filesystem::file_size(snap);
        if (mode == 0) {
            std::filesystem::resize_file(snap, size / 2);  // torn
        } else {
            std::fstream f(snap, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(static_cast<std::streamoff>(size - 100));
            f.put('\x5a');  // one flipped byte
        }
        LogOpenStats st;
        auto s = Store::Open(dir.path(), NoAuto(), &st);
        ASSERT_TRUE(s.ok()) << s.status().message();
        EXPECT_TRUE(st.snapshot_ignored);
        ExpectMatchesReference((*s)->GetSnapshot(), d, d.passes);
    }
}

TEST(Snapshot, CorruptSnapshotOfACompactedLogIsAnErrorNotSilentLoss) {
    const Dataset d = testing::Generate(24, 200, 10, 3000, 2);
    testing::TempDir dir;
    {
        auto s = Store::Open(dir.path(), NoAuto());
        ASSERT_TRUE(s.ok());
        AppendRange(**s, d, 0, d.passes.size());
        ASSERT_TRUE((*s)->Compact().ok());
    }
    std::filesystem::resize_file(SnapshotPath(dir.path()), 100);
    EXPECT_FALSE(Store::Open(dir.path(), NoAuto()).ok());
}

TEST(Snapshot, TornLogTailAfterASnapshotIsDiscarded) {
    const Dataset d = testing::Generate(25, 200, 10, 3000, 2);
    testing::TempDir dir;
    {
        auto s = Store::Open(dir.path(), NoAuto());
        ASSERT_TRUE(s.ok());
        AppendRange(**s, d, 0, 1000, 1000);
        ASSERT_TRUE((*s)->WriteSnapshot().ok());
        AppendRange(**s, d, 1000, 3000, 1000);
    }
    const std::string log = dir.path() + "/passes.jwlog";
    std::filesystem::resize_file(log, std::filesystem::file_size(log) - 7);
    LogOpenStats st;
    auto s = Store::Open(dir.path(), NoAuto(), &st);
    ASSERT_TRUE(s.ok());
    EXPECT_GT(st.bytes_truncated, 0u);
    ExpectMatchesReference((*s)->GetSnapshot(), d, std::vector<PassRecord>(d.passes.begin(), d.passes.begin() + 2000));
}

TEST(Snapshot, KillNineWhileSnapshottingLosesNothingAcknowledged) {
    const Dataset d = testing::Generate(26, 300, 12, 30000, 3);
    testing::TempDir dir;
    const int acked = testing::AckedBeforeKillNine(
        [&]() -> std::function<bool(int)> {
            // A snapshot after nearly every batch, so the kill very likely lands inside one.
            auto opened =
                Store::Open(dir.path(), StoreOptions{.sync = true, .retention_days = 0, .snapshot_log_bytes = 1});
            if (!opened.ok()) return nullptr;
            return [&d, s = std::shared_ptr<Store>(std::move(opened).value())](int b) {
                const size_t i = (b * 500) % d.passes.size();
                std::vector<PassRecord> batch(d.passes.begin() + i,
                                              d.passes.begin() + std::min(d.passes.size(), i + 500));
                return s->Append(batch).ok() && (b % 7 != 6 || s->Compact().ok());
            };
        },
        25, 20000);
    ASSERT_FALSE(HasFailure());
    auto s = Store::Open(dir.path(), NoAuto());
    ASSERT_TRUE(s.ok()) << s.status().message();
    const uint64_t passes = (*s)->GetSnapshot().pass_count();
    EXPECT_GE(passes, uint64_t(acked) * 500);
    // Whole batches, in order: the store holds exactly the first `passes / 500` batches.
    std::vector<PassRecord> kept;
    for (uint64_t b = 0; b < passes / 500; ++b) {
        const size_t i = (b * 500) % d.passes.size();
        kept.insert(kept.end(), d.passes.begin() + i, d.passes.begin() + std::min(d.passes.size(), i + 500));
    }
    ASSERT_EQ(passes, kept.size());
    ExpectMatchesReference((*s)->GetSnapshot(), d, kept);
}

TEST(Retention, OldDaysLeaveMemoryAndDisk) {
    const Dataset d = testing::Generate(27, 300, 12, 9000, 5);
    testing::TempDir dir;
    std::vector<PassRecord> kept;
    int32_t newest = INT32_MIN;
    for (const auto& p : d.passes) newest = std::max(newest, ChinaDay(p.time));
    for (const auto& p : d.passes) {
        if (ChinaDay(p.time) > newest - 2) kept.push_back(p);
    }
    uint64_t log_before = 0;
    {
        auto s = Store::Open(dir.path(), NoAuto());
        ASSERT_TRUE(s.ok());
        AppendRange(**s, d, 0, d.passes.size());
        log_before = (*s)->Stats().log_bytes;
    }
    {
        // Reopened with a 2-day retention: the three oldest days go at open, and from the disk.
        auto s = Store::Open(dir.path(), StoreOptions{.sync = false, .retention_days = 2, .snapshot_log_bytes = 0});
        ASSERT_TRUE(s.ok()) << s.status().message();
        ExpectMatchesReference((*s)->GetSnapshot(), d, kept);
        EXPECT_EQ((*s)->GetSnapshot().partitions().size(), 2u);
        EXPECT_LT((*s)->Stats().log_bytes, log_before / 10);
    }
    auto s = Store::Open(dir.path(), NoAuto());
    ASSERT_TRUE(s.ok());
    ExpectMatchesReference((*s)->GetSnapshot(), d, kept);
}

TEST(Retention, DropOlderThanIsDurable) {
    const Dataset d = testing::Generate(28, 300, 12, 6000, 3);
    testing::TempDir dir;
    std::vector<PassRecord> kept;
    for (const auto& p : d.passes) {
        if (p.time >= d.start + 86400) kept.push_back(p);
    }
    {
        auto s = Store::Open(dir.path(), NoAuto());
        ASSERT_TRUE(s.ok());
        AppendRange(**s, d, 0, d.passes.size());
        ASSERT_TRUE((*s)->DropOlderThan(d.start + 86400).ok());
        ExpectMatchesReference((*s)->GetSnapshot(), d, kept);
    }
    auto s = Store::Open(dir.path(), NoAuto());
    ASSERT_TRUE(s.ok());
    ExpectMatchesReference((*s)->GetSnapshot(), d, kept);
}

TEST(AppendLog, Crc32MatchesTheStandardCheckValue) {
    EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
    std::string long_input(1000, 'x');
    for (size_t i = 0; i < long_input.size(); ++i) long_input[i] = static_cast<char>(i * 31);
    // Slice-by-8 against the bytewise definition.
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char ch : long_input) {
        c ^= ch;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    EXPECT_EQ(Crc32(long_input), c ^ 0xFFFFFFFFu);
}

}  // namespace
}  // namespace jw::analytics

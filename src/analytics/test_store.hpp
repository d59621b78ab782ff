#pragma once
// Test support (tests only): a store loaded with a generated data set in random-sized batches, and a harness
// that kills a writing child process with SIGKILL to check what a crash keeps.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "analytics/queries.hpp"
#include "analytics/store.hpp"
#include "analytics/test_data.hpp"

namespace jw::analytics::testing {

// Opens a store in `dir` and appends the passes of `d` in batches of 1 to 1500 (sizes drawn from `seed`), so
// that segment and batch boundaries fall in varying places. A failure fails the test.
inline std::unique_ptr<Store> LoadInBatches(const Dataset& d, const std::string& dir, uint32_t seed,
                                            StoreOptions options = StoreOptions{.sync = false}) {
    auto store = Store::Open(dir, options);
    EXPECT_TRUE(store.ok()) << store.status().message();
    EXPECT_TRUE((*store)->UpsertCheckpoints(d.checkpoints).ok());
    std::mt19937 rng(seed);
    for (size_t i = 0; i < d.passes.size();) {
        const size_t n = std::min(d.passes.size() - i, size_t{1} + rng() % 1500);
        std::vector<PassRecord> batch(d.passes.begin() + i, d.passes.begin() + i + n);
        EXPECT_TRUE((*store)->Append(batch).ok());
        i += n;
    }
    return std::move(store).value();
}

// Same cloned answers (distances within 4 ULPs, EXPECT_DOUBLE_EQ).
inline void ExpectSameCloned(const std::vector<ClonedResult>& got, const std::vector<ClonedResult>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].plate, want[i].plate);
        EXPECT_EQ(got[i].a, want[i].a);
        EXPECT_EQ(got[i].b, want[i].b);
        EXPECT_DOUBLE_EQ(got[i].distance_km, want[i].distance_km);
        EXPECT_EQ(got[i].speed_kmh, want[i].speed_kmh);
    }
}

// In a forked child: `open()` gives the batch writer (nullptr: the child exits 2), called with 0, 1, 2, …
// (false: exits 3), each batch acknowledged to the parent once written. The parent waits for `acks`
// acknowledgements, then a random 0 to `max_delay_us` µs, kills the child with SIGKILL and returns the number of
// batches acknowledged before it died; the test fails when the child ended by itself.
inline int AckedBeforeKillNine(const std::function<std::function<bool(int)>()>& open, int acks,
                               useconds_t max_delay_us = 0) {
    int fds[2];
    if (pipe(fds) != 0) {
        ADD_FAILURE() << "pipe failed";
        return 0;
    }
    const pid_t child = fork();
    if (child < 0) {
        ADD_FAILURE() << "fork failed";
        return 0;
    }
    if (child == 0) {
        close(fds[0]);
        const auto write_batch = open();
        if (!write_batch) _exit(2);
        for (int b = 0;; ++b) {
            if (!write_batch(b)) _exit(3);
            const int acked = b + 1;
            if (write(fds[1], &acked, sizeof acked) != sizeof acked) _exit(4);
        }
    }
    close(fds[1]);
    int acked = 0, v = 0;
    while (acked < acks && read(fds[0], &v, sizeof v) == sizeof v) acked = v;
    if (max_delay_us > 0) usleep(static_cast<useconds_t>(std::random_device{}() % max_delay_us));
    kill(child, SIGKILL);
    while (read(fds[0], &v, sizeof v) == sizeof v) acked = v;  // acknowledgements sent before the kill
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status)) << "child exited early: " << WEXITSTATUS(status);
    return acked;
}

}  // namespace jw::analytics::testing

#include "checkpoint/viid/viid_guard.hpp"

#include <gtest/gtest.h>

namespace jw::checkpoint {
namespace {

using NonceUse = ViidGuard::NonceUse;
const std::string kClient = "51990100002000000001";

TEST(ViidGuard, NonceIsSingleUseBoundToItsAddressAndClientWithIncreasingNc) {
    ViidGuard g;
    const std::string n = g.IssueNonce("10.0.0.1", "", 1000);
    EXPECT_NE(n, g.IssueNonce("10.0.0.1", "", 1000));  // random, not a function of the time
    EXPECT_EQ(g.UseNonce(n, "00000001", kClient, "10.0.0.2", 1001), NonceUse::kReplay);  // another address
    EXPECT_EQ(g.UseNonce(n, "00000001", kClient, "10.0.0.1", 1001), NonceUse::kOk);
    EXPECT_EQ(g.UseNonce(n, "00000001", kClient, "10.0.0.1", 1002), NonceUse::kReplay);  // the same nc again
    EXPECT_EQ(g.UseNonce(n, "00000002", "51990100002000000002", "10.0.0.1", 1002), NonceUse::kReplay);  // other client
    EXPECT_EQ(g.UseNonce(n, "00000002", kClient, "10.0.0.1", 1002), NonceUse::kOk);  // nc increases: allowed
    EXPECT_EQ(g.UseNonce(n, "0000000x", kClient, "10.0.0.1", 1002), NonceUse::kReplay);
    g.ConsumeNonce(n);
    EXPECT_EQ(g.UseNonce(n, "00000003", kClient, "10.0.0.1", 1003), NonceUse::kReplay);  // used by a Register
    EXPECT_EQ(g.UseNonce("not-issued", "00000001", kClient, "10.0.0.1", 1003), NonceUse::kStale);
    const std::string old = g.IssueNonce("10.0.0.1", kClient, 2000);
    EXPECT_EQ(g.UseNonce(old, "00000001", kClient, "10.0.0.1", 2301), NonceUse::kStale);  // older than 300 s
    const std::string bound = g.IssueNonce("10.0.0.1", kClient, 3000);
    EXPECT_EQ(g.UseNonce(bound, "00000001", "51990100002000000002", "10.0.0.1", 3001), NonceUse::kReplay);
}

TEST(ViidGuard, ChallengeFloodEvictsTheOldestOnly) {
    ViidGuardLimits limits;
    limits.max_nonces = 3;
    ViidGuard g(limits);
    const std::string first = g.IssueNonce("a", "", 10);
    for (int i = 0; i < 3; ++i) g.IssueNonce("b", "", 10);
    EXPECT_EQ(g.UseNonce(first, "00000001", kClient, "a", 11), NonceUse::kStale);
}

TEST(ViidGuard, FiveFailuresLockThePairWithGrowingBackOff) {
    ViidGuard g;
    for (int i = 0; i < 4; ++i) EXPECT_FALSE(g.Failure(kClient, "10.0.0.9", 1000 + i));
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.9", 1004));
    EXPECT_TRUE(g.Failure(kClient, "10.0.0.9", 1004));  // the fifth
    EXPECT_TRUE(g.Locked(kClient, "10.0.0.9", 1005));
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.1", 1005));       // another address is not the guesser
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.9", 1004 + 61));  // 60 s after the fifth failure
    g.Failure(kClient, "10.0.0.9", 1100);                    // sixth: 120 s
    EXPECT_TRUE(g.Locked(kClient, "10.0.0.9", 1100 + 119));
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.9", 1100 + 121));
    for (int i = 0; i < 20; ++i) g.Failure(kClient, "10.0.0.9", 1300);
    EXPECT_TRUE(g.Locked(kClient, "10.0.0.9", 1300 + 899));  // capped at 15 minutes
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.9", 1300 + 901));
}

TEST(ViidGuard, AnAddressGuessingManyIdsIsLocked) {
    ViidGuard g;
    for (int i = 0; i < 20; ++i) g.Failure("519901000020000001" + std::to_string(10 + i), "10.0.0.9", 1000);
    EXPECT_TRUE(g.Locked("51990100002000000099", "10.0.0.9", 1001));  // an ID it never tried
    EXPECT_FALSE(g.Locked("51990100002000000099", "10.0.0.8", 1001));
}

TEST(ViidGuard, GuessesFromEverywhereLockTheIdButNotItsKnownGoodAddress) {
    ViidGuard g;
    g.Success(kClient, "10.0.0.1", 900);
    for (int i = 0; i < 50; ++i) g.Failure(kClient, "172.16.0." + std::to_string(i), 1000);
    EXPECT_TRUE(g.Locked(kClient, "10.0.0.77", 1001));  // a new address: the per-ID limit applies
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.1", 1001));  // where the client registered from: not shut out
    EXPECT_TRUE(g.Locked(kClient, "172.16.0.3", 1001));
}

TEST(ViidGuard, SuccessClearsThePairAndFailuresAreForgottenAfterTheWindow) {
    ViidGuard g;
    for (int i = 0; i < 4; ++i) g.Failure(kClient, "10.0.0.1", 1000);
    g.Success(kClient, "10.0.0.1", 1001);
    for (int i = 0; i < 4; ++i) g.Failure(kClient, "10.0.0.1", 1002);
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.1", 1003));
    for (int i = 0; i < 4; ++i) g.Failure(kClient, "10.0.0.2", 2000);
    g.Failure(kClient, "10.0.0.2", 2000 + 901);  // the earlier four are older than the window
    EXPECT_FALSE(g.Locked(kClient, "10.0.0.2", 2902));
}

}  // namespace
}  // namespace jw::checkpoint

// The shared watch-list rules (lifecycle.hpp): the state checks and the validity window.
#include "watchlist/lifecycle.hpp"

#include <gtest/gtest.h>

namespace jw::watchlist {
namespace {

Head Pending() { return Head{.applicant = 7, .status = "pending", .version = 3, .valid_to = 1000}; }

std::string Field(const Status& s, const std::string& name) {
    auto it = s.fields().find(name);
    return it == s.fields().end() ? "" : it->second;
}

TEST(WatchLifecycle, ApprovalNeedsAnotherPersonAPendingEntryAndTimeLeft) {
    EXPECT_TRUE(CheckApprove(Pending(), 8, 999).ok());
    EXPECT_EQ(CheckApprove(Pending(), 7, 999).code(), ErrorCode::kPermissionDenied);
    EXPECT_EQ(CheckApprove(Pending(), 8, 1000).message(), "expired");
    Head active = Pending();
    active.status = "active";
    EXPECT_EQ(CheckApprove(active, 8, 10).message(), "not_pending");
    EXPECT_EQ(CheckReject(active, 8).message(), "not_pending");
    EXPECT_EQ(CheckReject(Pending(), 7).code(), ErrorCode::kPermissionDenied);
    EXPECT_TRUE(CheckReject(Pending(), 8).ok());
}

TEST(WatchLifecycle, OnlyPendingOrActiveEntriesChangeOrAreWithdrawn) {
    for (const char* s : {"pending", "active"}) {
        Head h = Pending();
        h.status = s;
        EXPECT_TRUE(CheckWithdraw(h).ok()) << s;
        EXPECT_TRUE(CheckChange(h).ok()) << s;
    }
    for (const char* s : {"rejected", "withdrawn", "expired"}) {
        Head h = Pending();
        h.status = s;
        EXPECT_EQ(CheckWithdraw(h).message(), "not_withdrawable") << s;
        EXPECT_EQ(CheckChange(h).message(), "not_changeable") << s;
    }
}

TEST(WatchLifecycle, VersionMustMatchWhenGiven) {
    EXPECT_TRUE(CheckVersion(Pending(), std::nullopt).ok());
    EXPECT_TRUE(CheckVersion(Pending(), 3).ok());
    EXPECT_EQ(CheckVersion(Pending(), 2).message(), "version_mismatch");
}

TEST(WatchLifecycle, WindowIsBoundedAndInTheFuture) {
    EXPECT_TRUE(ValidateWindow(100, 200, 150).ok());
    EXPECT_EQ(Field(ValidateWindow(200, 200, 0), "valid_to"), "must_be_after_valid_from");
    EXPECT_EQ(Field(ValidateWindow(100, 200, 200), "valid_to"), "already_passed");
    EXPECT_EQ(Field(ValidateWindow(0, kMaxValiditySeconds + 1, 0), "valid_to"), "longer_than_366_days");
    EXPECT_TRUE(ValidateWindow(0, kMaxValiditySeconds, 0).ok());
    EXPECT_EQ(Field(ValidateWindow(-1, 10, 0), "valid_from"), "out_of_range");
}

TEST(WatchLifecycle, TextsAndUnitCounts) {
    EXPECT_FALSE(TextOk("", 10));
    EXPECT_TRUE(TextOk("在逃", 2));
    EXPECT_FALSE(TextOk("在逃人员", 3));
    EXPECT_EQ(Field(RequireText("reason", "", 200), "reason"), "required, at most 200 characters");
    EXPECT_FALSE(ValidateUnitCount({}).ok());
    EXPECT_TRUE(ValidateUnitCount({1}).ok());
    EXPECT_FALSE(ValidateUnitCount(std::vector<int64_t>(kMaxNotifyUnits + 1, 1)).ok());
}

}  // namespace
}  // namespace jw::watchlist

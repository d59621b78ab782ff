#include "checkpoint/viid/viid_sessions.hpp"

#include <gtest/gtest.h>

namespace jw::checkpoint {
namespace {

TEST(ViidSessions, BoundToTheTokenAndTheAddressAndLapseWhenIdle) {
    ViidSessions s(100);
    const std::string id = "51990100002000000001";
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", "t1", 0));
    s.Register(id, "10.0.0.1", ViidTokenHash("t1"), 7, 1000);
    auto caller = s.Touch(id, "10.0.0.1", "t1", 1050);
    ASSERT_TRUE(caller);
    EXPECT_EQ(caller->unit_id.value_or(-1), 7);
    EXPECT_FALSE(s.Touch(id, "10.0.0.2", "t1", 1060));  // the same headers from elsewhere
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", "", 1060));    // User-Identify alone
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", "t2", 1060));  // a guessed token
    EXPECT_TRUE(s.Touch(id, "10.0.0.1", "t1", 1150));   // activity at 1050 keeps it alive
    EXPECT_TRUE(s.IsRegistered(id, 1250));
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", "t1", 1251));  // idle for more than 100 s
    EXPECT_FALSE(s.IsRegistered(id, 1251));
    s.Register(id, "10.0.0.1", ViidTokenHash("t3"), std::nullopt, 2000);
    s.Register(id, "10.0.0.1", ViidTokenHash("t4"), std::nullopt, 2001);  // a new Register ends the old token
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", "t3", 2002));
    EXPECT_TRUE(s.Touch(id, "10.0.0.1", "t4", 2002));
    s.Unregister(id);
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", "t4", 2003));
}

}  // namespace
}  // namespace jw::checkpoint

#include <gtest/gtest.h>

#include "checkpoint/viid_sessions.hpp"

namespace jw::checkpoint {
namespace {

TEST(ViidSessions, BoundToTheAddressAndLapseWhenIdle) {
    ViidSessions s(100);
    const std::string id = "51990100002000000001";
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", 0));
    s.Register(id, "10.0.0.1", 1000);
    EXPECT_TRUE(s.Touch(id, "10.0.0.1", 1050));
    EXPECT_FALSE(s.Touch(id, "10.0.0.2", 1060));  // the same User-Identify from elsewhere
    EXPECT_TRUE(s.Touch(id, "10.0.0.1", 1150));   // activity at 1050 keeps it alive
    EXPECT_TRUE(s.IsRegistered(id, 1250));
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", 1251));  // idle for more than 100 s
    EXPECT_FALSE(s.IsRegistered(id, 1251));
    s.Register(id, "10.0.0.1", 2000);
    s.Unregister(id);
    EXPECT_FALSE(s.Touch(id, "10.0.0.1", 2001));
}

}  // namespace
}  // namespace jw::checkpoint

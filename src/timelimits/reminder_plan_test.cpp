// The planner with a module's recipients: each stage goes to the roles the policy names. (The day-by-day
// exactly-once simulation runs on the cases' rules: modules/cases/deadlines/reminder_plan_test.cpp.)
#include "timelimits/reminder_plan.hpp"

#include <gtest/gtest.h>

namespace jw::timelimits {
namespace {

Clock Open(std::string due) {
    Clock c;
    c.key = "reply";
    c.rule_id = "reply";
    c.due = std::move(due);
    c.state = "running";
    return c;
}

TEST(ReminderPlan, StagesGoToThePolicysRecipients) {
    ReminderPolicy p;
    p.recipients.before_due = {"handler"};
    p.recipients.overdue = {"handler", "office"};
    p.recipients.escalation = {"director"};
    p.recipients.letter = {"inspector"};
    auto before = PlanReminders({Open("2026-03-10")}, p, "2026-03-09");
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].stage, "lead_1");
    EXPECT_EQ(before[0].key, "reply|reply|lead_1|2026-03-10");
    EXPECT_EQ(before[0].recipients, std::vector<std::string>{"handler"});
    auto after = PlanReminders({Open("2026-03-10")}, p, "2026-03-14");
    ASSERT_EQ(after.size(), 3u);
    EXPECT_EQ(after[0].recipients, (std::vector<std::string>{"handler", "office"}));
    EXPECT_EQ(after[1].recipients, std::vector<std::string>{"director"});
    EXPECT_EQ(after[2].recipients, std::vector<std::string>{"inspector"});
    // The default policy names generic roles; a module sets its own.
    EXPECT_EQ(PlanReminders({Open("2026-03-10")}, ReminderPolicy{}, "2026-03-10")[0].recipients,
              (std::vector<std::string>{"owner", "reviewer"}));
}

}  // namespace
}  // namespace jw::timelimits

// Tests of the reminder planner: a simulated clock walks through a case's life, the planner runs every "hour",
// and a fake sender sends each key it has not sent before. Each reminder must go out exactly once, on its day.
#include "cases/deadlines/reminder_plan.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cases/deadlines/test_events.hpp"
#include "timelimits/period.hpp"

namespace jw::cases::deadlines {
namespace {

using timelimits::AddDays;

struct Sent {
    std::string key, stage, day;
    std::vector<std::string> recipients;
};

// Runs the engine and the planner on every day from `from` to `to`, three times a day, with the facts known on
// that day (events dated after it are not yet known). Returns what a sender that remembers keys would send.
std::vector<Sent> Simulate(const CaseFacts& all_facts, const std::string& from, const std::string& to,
                           const ReminderPolicy& policy = {}) {
    std::vector<Sent> sent;
    std::set<std::string> seen;
    for (CivilDate d = *ParseDate(from); d <= *ParseDate(to); d = AddDays(d, 1)) {
        const std::string day = FormatDate(d);
        CaseFacts facts = all_facts;
        facts.events.clear();
        for (const auto& e : all_facts.events) {
            if (e.date.substr(0, 10) <= day) facts.events.push_back(e);
        }
        auto clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, day);
        EXPECT_TRUE(clocks.ok()) << day << ": " << clocks.status().message();
        if (!clocks.ok()) return sent;
        for (int hour = 0; hour < 3; ++hour) {
            for (const Reminder& r : PlanReminders(clocks.value(), policy, day)) {
                if (seen.insert(r.key).second) sent.push_back({r.key, r.stage, day, r.recipients});
            }
        }
    }
    return sent;
}

std::map<std::string, std::string> DayByStage(const std::vector<Sent>& sent) {
    std::map<std::string, std::string> out;
    for (const auto& s : sent) {
        EXPECT_EQ(out.count(s.stage), 0u) << "stage sent twice: " << s.stage << " " << s.key;
        out[s.stage] = s.day;
    }
    return out;
}

// A 2025-law 治安 case filed 2026-03-02 and never decided: due 4-01 (art. 118; 3-02 + 30).
TEST(ReminderPlan, EveryStageExactlyOnceOnItsDay) {
    CaseFacts facts{"administrative", "auto", {Ev("filed", "2026-03-02")}};
    auto sent = Simulate(facts, "2026-03-02", "2026-04-20");
    auto days = DayByStage(sent);
    EXPECT_EQ(days, (std::map<std::string, std::string>{{"lead_3", "2026-03-29"},
                                                        {"lead_1", "2026-03-31"},
                                                        {"due_today", "2026-04-01"},
                                                        {"overdue", "2026-04-02"},
                                                        {"escalate_unit_head", "2026-04-02"},
                                                        {"suggestion_letter", "2026-04-04"}}));
    EXPECT_EQ(sent.size(), 6u);
    for (const auto& s : sent) {
        EXPECT_EQ(s.key, "zhian_case_2025|zhian_case_2025|" + s.stage + "|2026-04-01");
        if (s.stage == "escalate_unit_head" || s.stage == "suggestion_letter") {
            EXPECT_EQ(s.recipients.front(), "unit_head") << s.stage;
        } else {
            EXPECT_EQ(s.recipients, (std::vector<std::string>{"case_officer", "legal_reviewer"})) << s.stage;  // 双提醒
        }
    }
}

TEST(ReminderPlan, PolicyChangesTheDays) {
    CaseFacts facts{"administrative", "auto", {Ev("filed", "2026-03-02")}};
    ReminderPolicy policy;
    policy.lead_days = {5, 0};
    policy.escalate_after_days = 2;
    policy.letter_after_days = 7;
    auto days = DayByStage(Simulate(facts, "2026-03-02", "2026-04-20", policy));
    EXPECT_EQ(days, (std::map<std::string, std::string>{{"lead_5", "2026-03-27"},
                                                        {"due_today", "2026-04-01"},
                                                        {"overdue", "2026-04-02"},
                                                        {"escalate_unit_head", "2026-04-03"},
                                                        {"suggestion_letter", "2026-04-08"}}));
}

// An extension approved on 3-30 moves the deadline to 5-06 (3-02 + 60 = 5-01, holiday → 5-06): the old deadline's
// lead_3 was sent, the new deadline gets its own reminders, and the case decided on 5-06 needs neither the due-day
// reminder (the decision is already recorded that day) nor an overdue notice.
TEST(ReminderPlan, AnApprovedExtensionStartsFreshRemindersForTheNewDeadline) {
    CaseFacts facts{"administrative",
                    "auto",
                    {Ev("filed", "2026-03-02"), Ev("extension_approved", "2026-03-30"), Ev("decided", "2026-05-06")}};
    auto sent = Simulate(facts, "2026-03-02", "2026-05-20");
    std::vector<std::string> keys;
    for (const auto& s : sent) keys.push_back(s.day + " " + s.stage + " " + s.key.substr(s.key.rfind('|') + 1));
    EXPECT_EQ(keys, (std::vector<std::string>{"2026-03-29 lead_3 2026-04-01", "2026-05-03 lead_3 2026-05-06",
                                              "2026-05-05 lead_1 2026-05-06"}));
}

// A stopped clock gets no reminders (its projected due moves daily); after the stop, reminders resume.
TEST(ReminderPlan, StoppedClocksAreQuiet) {
    CaseFacts facts{
        "administrative",
        "auto",
        {Ev("filed", "2026-03-02"), Ev("appraisal_started", "2026-03-28"), Ev("appraisal_ended", "2026-04-07")}};
    auto sent = Simulate(facts, "2026-03-02", "2026-04-12");
    // Due 4-01 + 10 = 4-11 (Saturday) → 4-13 (Monday).
    auto days = DayByStage(sent);
    EXPECT_EQ(days, (std::map<std::string, std::string>{{"lead_3", "2026-04-10"}, {"lead_1", "2026-04-12"}}));
}

// A planner that did not run for days still sends the escalation and the letter once it runs; a missed lead
// reminder is not sent late.
TEST(ReminderPlan, MissedDays) {
    CaseFacts facts{"administrative", "auto", {Ev("filed", "2026-03-02")}};
    auto clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-03-31");
    ASSERT_TRUE(clocks.ok());
    auto plan = PlanReminders(*clocks, {}, "2026-03-31");
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0].stage, "lead_1");
    EXPECT_EQ(plan[0].fire_on, "2026-03-31");
    clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-04-10");
    ASSERT_TRUE(clocks.ok());
    plan = PlanReminders(*clocks, {}, "2026-04-10");
    std::vector<std::string> stages;
    for (const auto& r : plan) stages.push_back(r.stage + "@" + r.fire_on);
    EXPECT_EQ(stages, (std::vector<std::string>{"overdue@2026-04-02", "escalate_unit_head@2026-04-02",
                                                "suggestion_letter@2026-04-04"}));
    EXPECT_EQ(plan[0].days_left, -9);
}

// Custody (刑事诉讼法第一百五十六条): arrested 3-10, due 5-10, extension to be requested by 5-03 (7 days ahead).
TEST(ReminderPlan, CustodyExtensionRequestDate) {
    CaseFacts facts{"criminal", "", {Ev("arrested", "2026-03-10", "zhang")}};
    auto sent = Simulate(facts, "2026-03-10", "2026-05-09");
    auto days = DayByStage(sent);
    EXPECT_EQ(days, (std::map<std::string, std::string>{
                        {"extension_request", "2026-04-30"}, {"lead_3", "2026-05-07"}, {"lead_1", "2026-05-09"}}));
    for (const auto& s : sent) {
        if (s.stage == "extension_request") {
            EXPECT_EQ(s.key, "custody:zhang|custody|extension_request|2026-05-03");
        }
    }
}

TEST(ReminderPlan, EndedClocksGetNothing) {
    CaseFacts facts{"administrative", "auto", {Ev("filed", "2026-03-02"), Ev("decided", "2026-04-05")}};
    auto clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-04-10");
    ASSERT_TRUE(clocks.ok());
    ASSERT_EQ(clocks->front().state, "overdue");  // decided late, but nothing left to remind
    EXPECT_TRUE(PlanReminders(*clocks, {}, "2026-04-10").empty());
}

TEST(ReminderPlan, PolicyValidation) {
    EXPECT_TRUE(ValidatePolicy({}).ok());
    ReminderPolicy p;
    p.lead_days = {3, -1};
    EXPECT_EQ(ValidatePolicy(p).fields().count("lead_days"), 1u);
    p.lead_days = {3, 3};
    EXPECT_EQ(ValidatePolicy(p).fields().count("lead_days"), 1u);
    p = {};
    p.escalate_after_days = 0;
    EXPECT_EQ(ValidatePolicy(p).fields().count("escalate_after_days"), 1u);
    p = {};
    p.letter_after_days = 0;
    EXPECT_EQ(ValidatePolicy(p).fields().count("letter_after_days"), 1u);
    // An invalid policy plans nothing rather than something wrong.
    CaseFacts facts{"administrative", "auto", {Ev("filed", "2026-03-02")}};
    auto clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-04-10");
    ASSERT_TRUE(clocks.ok());
    EXPECT_TRUE(PlanReminders(*clocks, p, "2026-04-10").empty());
    EXPECT_FALSE(PlanReminders(*clocks, {}, "2026-04-10").empty());
}

}  // namespace
}  // namespace jw::cases::deadlines

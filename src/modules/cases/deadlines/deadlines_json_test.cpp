// Tests of the JSON contract (deadlines_json.hpp), with the request shape of issue 4.
#include "cases/deadlines/deadlines_json.hpp"

#include <gtest/gtest.h>

namespace jw::cases::deadlines {
namespace {

Result<Json> Compute(const char* text) {
    return ComputeJson(Json::parse(text), CaseRules(), DefaultHolidayCalendar(), "2026-01-10");
}

// Issue 4's example: accepted and filed 2026-01-05 → deadline 2026-02-04 (2025 law art. 118; 程序规定第三十五条).
TEST(DeadlinesJson, IssueExample) {
    auto out = Compute(R"({"case_type": "administrative", "law": "2025",
        "events": [{"type": "accepted", "at": "2026-01-05T09:30:00+08:00"},
                   {"type": "filed", "at": "2026-01-05T10:00:00+08:00"}],
        "now": "2026-01-10T08:00:00+08:00"})");
    ASSERT_TRUE(out.ok()) << out.status().message();
    const Json& clock = (*out)["clocks"][0];
    EXPECT_EQ((*out)["law"], "2025");
    EXPECT_EQ(clock["deadline"], "2026-02-04");
    EXPECT_EQ(clock["status"], "running");
    EXPECT_EQ(clock["days_left"], 25);
    EXPECT_EQ(clock["rule_id"], "zhian_case_2025");
    EXPECT_EQ(clock["next_extension"]["length"], 30);
    EXPECT_TRUE(clock["end"].is_null());
}

// Holidays given in the request replace the shipped year: with 2026-02-04 declared a holiday (a made-up
// arrangement), the same deadline moves to the next working day, Thursday 2-05.
TEST(DeadlinesJson, CalendarOverride) {
    auto out = Compute(R"({"case_type": "administrative", "law": "2025", "holidays": ["2026-02-04"],
        "events": [{"type": "filed", "at": "2026-01-05"}], "now": "2026-01-10"})");
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_EQ((*out)["clocks"][0]["deadline"], "2026-02-05");
    // The override replaced 2026 entirely: 2-19 (春节 in the shipped calendar) is now an ordinary Thursday.
    out = Compute(R"({"case_type": "administrative", "law": "2025", "holidays": ["2026-03-01"],
        "events": [{"type": "filed", "at": "2026-01-20"}], "now": "2026-01-21"})");
    ASSERT_TRUE(out.ok());
    EXPECT_EQ((*out)["clocks"][0]["deadline"], "2026-02-19");
}

TEST(DeadlinesJson, AliasesAndFields) {
    auto out = Compute(R"({"case_type": "criminal",
        "events": [{"type": "criminal_detention", "at": "2026-01-05", "key": "wang"},
                   {"type": "arrest_request_extended", "at": "2026-01-06", "key": "wang", "days": 30, "reason": "serial"}],
        "now": "2026-01-10"})");
    ASSERT_TRUE(out.ok()) << out.status().message();
    const Json& clock = (*out)["clocks"][0];
    EXPECT_EQ(clock["key"], "arrest_request:wang");
    EXPECT_EQ(clock["deadline"], "2026-02-04");  // 1-05 + 30, 刑事诉讼法第九十一条第二款
    EXPECT_EQ(clock["liberty_restricting"], true);
    EXPECT_TRUE((*out)["law"].is_null());
}

TEST(DeadlinesJson, ErrorsNameEveryField) {
    auto out = Compute(R"({"case_type": "administrative", "now": "yesterday", "colour": "red",
        "events": [{"type": "accepted"}, {"at": "2026-01-05", "days": -1}]})");
    ASSERT_FALSE(out.ok());
    const auto& f = out.status().fields();
    EXPECT_EQ(f.count("now"), 1u);
    EXPECT_EQ(f.count("colour"), 1u);
    EXPECT_EQ(f.count("events[0].at"), 1u);
    EXPECT_EQ(f.count("events[1].type"), 1u);
    EXPECT_EQ(f.count("events[1].days"), 1u);
    out = Compute(R"({"case_type": "administrative", "holidays": ["2026-02-30"], "events": []})");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().fields().count("holidays[0]"), 1u);
    out = Compute(R"({"case_type": "administrative", "holidays": ["2026-02-03"], "workdays": ["2026-02-03"]})");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().fields().count("workdays[0]"), 1u);
    // Engine errors come through with their field, named as the request spelled it.
    out = Compute(R"({"case_type": "administrative", "events": [{"type": "arrested", "at": "2026-01-05"}]})");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().fields().count("events[0].type"), 1u) << out.status().message();
    out = Compute(R"({"case_type": "administrative", "events": [{"kind": "arrested", "date": "2026-01-05"}]})");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().fields().count("events[0].kind"), 1u) << out.status().message();
}

// The engine checks the dates; its error names "at" or "date", whichever the event carried, and the message
// names the same field.
TEST(DeadlinesJson, BadDateNamesTheFieldSent) {
    auto out = Compute(R"({"case_type": "administrative",
        "events": [{"type": "accepted", "at": "2026-01-05"}, {"type": "filed", "at": "2026-13-05"}]})");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().fields().count("events[1].at"), 1u) << out.status().message();
    EXPECT_NE(out.status().message().find("events[1].at"), std::string::npos) << out.status().message();
    out = Compute(R"({"case_type": "administrative", "events": [{"type": "accepted", "date": "2026-02-30"}]})");
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().fields().count("events[0].date"), 1u) << out.status().message();
}

// The text entry point shared by the command and the HTTP route: broken JSON names "body".
TEST(DeadlinesJson, BodyText) {
    auto out = ComputeJsonBody(R"({"case_type": "administrative", "law": "2025",
        "events": [{"type": "filed", "at": "2026-01-05"}], "now": "2026-01-10"})",
                               "2000-01-01");
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_EQ((*out)["clocks"][0]["deadline"], "2026-02-04");
    for (const char* bad : {"{\"case_type\": ", "", "[1]"}) {
        out = ComputeJsonBody(bad, "2026-01-10");
        ASSERT_FALSE(out.ok()) << bad;
        EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument) << bad;
        EXPECT_EQ(out.status().fields().count("body"), 1u) << bad;
    }
}

TEST(DeadlinesJson, TodayFromNowOrFallback) {
    auto req =
        ParseComputeRequest(Json::parse(R"({"case_type": "criminal", "now": "2026-01-09T20:00:00Z"})"), "2000-01-01");
    ASSERT_TRUE(req.ok());
    EXPECT_EQ(req->today, "2026-01-10");  // 20:00 UTC is 04:00 the next day in China
    req = ParseComputeRequest(Json::parse(R"({"case_type": "criminal"})"), "2026-03-03");
    ASSERT_TRUE(req.ok());
    EXPECT_EQ(req->today, "2026-03-03");
}

TEST(DeadlinesJson, Reminders) {
    Clock c;
    c.key = "custody:zhang";
    c.rule_id = "custody";
    c.due = "2026-05-10";
    c.state = "running";
    Json j = RemindersToJson(PlanReminders({c}, {}, "2026-05-09"));
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["stage"], "lead_1");
    EXPECT_EQ(j[0]["key"], "custody:zhang|custody|lead_1|2026-05-10");
}

}  // namespace
}  // namespace jw::cases::deadlines

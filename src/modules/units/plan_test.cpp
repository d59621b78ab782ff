// The plan format: every bad plan of testdata/bad_plans.jsonl is refused naming its field, and a good plan
// round-trips through PlanToJson.
#include "units/plan.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "units/restructure_test_fixture.hpp"

namespace jw::units {
namespace {

TEST(Plan, EachBadPlanNamesItsField) {
    std::istringstream lines(testing::TestData("bad_plans.jsonl"));
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        ++n;
        const Json c = Json::parse(line);
        auto plan = ParsePlan(c["plan"], "2026-12-06");
        ASSERT_FALSE(plan.ok()) << c["name"];
        EXPECT_EQ(plan.status().code(), ErrorCode::kInvalidArgument) << c["name"];
        const Status status = plan.status();
        const auto& f = status.fields();
        auto it = f.find(c["field"].get<std::string>());
        ASSERT_NE(it, f.end()) << c["name"] << ": got " << Json(f).dump();
        EXPECT_EQ(it->second, c["problem"].get<std::string>()) << c["name"];
    }
    EXPECT_GE(n, 20);
}

TEST(Plan, DemoPlanParsesAndRoundTrips) {
    Plan plan = testing::ParseOrDie(testing::TestData("demo_restructure.json"));
    ASSERT_EQ(plan.operations.size(), 4u);
    EXPECT_EQ(plan.operations[0].op, "merge");
    EXPECT_EQ(plan.operations[0].into.at(0).code, "519901031000");
    EXPECT_FALSE(plan.operations[0].into.at(0).is_new);
    EXPECT_TRUE(plan.operations[2].into.at(1).is_new);
    EXPECT_EQ(plan.operations[2].default_code, "519901020510");
    ASSERT_EQ(plan.reassign.size(), 2u);
    auto again = ParsePlan(PlanToJson(plan), "2026-12-06");
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(PlanToJson(*again), PlanToJson(plan));
}

TEST(Plan, TodayIsAllowedAndTextErrorsNameThePlan) {
    auto today = ParsePlan(Json::parse(R"({"title":"t","effective_date":"2026-12-06",
        "operations":[{"op":"rename","unit":"519901010100","name":"综合室"}]})"),
                           "2026-12-06");
    EXPECT_TRUE(today.ok());
    auto bad = ParsePlanText("{\"title\": ", "2026-12-06");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().fields().at("plan"), "malformed_json");
    auto list = ParsePlanText("[1]", "2026-12-06");
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.status().fields().at("plan"), "not_an_object");
}

}  // namespace
}  // namespace jw::units

// Tests of the shipped rules (rules.csv) and their loader in the cases' schema, and of the case engine's
// inputs (the calendar and the period arithmetic are tested in src/timelimits/).
#include <gtest/gtest.h>

#include <algorithm>

#include "cases/deadlines/deadline_engine.hpp"
#include "cases/deadlines/test_events.hpp"

namespace jw::cases::deadlines {
namespace {

TEST(RuleSet, ShippedRulesLoadAndCiteTheirBasis) {
    const RuleSet& rules = CaseRules();
    for (const char* id : {"zhian_case_2012", "zhian_case_2025", "seizure", "filing_review", "arrest_request",
                           "procuratorate_review", "custody", "bail", "surveillance"}) {
        const Rule* r = rules.Find(id);
        ASSERT_NE(r, nullptr) << id;
        EXPECT_FALSE(r->basis.empty()) << id;
        EXPECT_FALSE(r->counting_basis.empty()) << id;
        EXPECT_FALSE(r->name_zh.empty()) << id;
    }
    // Issue 4's numbers, read back from the data.
    EXPECT_EQ(rules.Find("zhian_case_2012")->ext_max, 1);  // 2012 art. 99: one extension
    EXPECT_EQ(rules.Find("zhian_case_2025")->ext_max, 2);  // 2025 art. 118: 以二次为限
    EXPECT_EQ(rules.Find("custody")->ext_steps, (std::vector<int>{1, 2, 2}));
    EXPECT_EQ(rules.Find("custody")->request_lead_days, 7);
    EXPECT_TRUE(rules.Find("custody")->liberty_restricting);
    EXPECT_FALSE(rules.Find("seizure")->liberty_restricting);
}

TEST(RuleSet, RulesPerCaseTypeAndLaw) {
    const RuleSet& rules = CaseRules();
    std::vector<std::string> ids;
    for (const Rule* r : rules.For("administrative", "2012")) ids.push_back(r->id);
    EXPECT_EQ(ids, (std::vector<std::string>{"zhian_case_2012", "seizure"}));
    EXPECT_TRUE(rules.KnowsEvent("criminal", "new_major_crime"));
    EXPECT_FALSE(rules.KnowsEvent("criminal", "hearing_started"));
    EXPECT_TRUE(rules.KnowsEvent("administrative", "hearing_started"));
}

TEST(RuleSet, CsvErrorsNameLineAndColumn) {
    const std::string header =
        "id,case_type,law,scope,start,pause,resume,end,restart,length,unit,ext_event,ext_mode,ext_steps,ext_max,"
        "ext_approver,ext_basis,request_lead,liberty,name_zh,name_en,basis,counting_basis\n";
    auto ok = ParseCaseRules(header + "r,criminal,,case,accepted,,,filed,,3,days,,add,,0,,,0,0,n,n,b,c\n");
    ASSERT_TRUE(ok.ok()) << ok.status().message();
    auto bad_unit = ParseCaseRules(header + "r,criminal,,case,accepted,,,filed,,3,weeks,,add,,0,,,0,0,n,n,b,c\n");
    ASSERT_FALSE(bad_unit.ok());
    EXPECT_EQ(bad_unit.status().fields().count("line 2.unit"), 1u);
    EXPECT_NE(bad_unit.status().message().find("line 2, column 38"), std::string::npos) << bad_unit.status().message();
    // A quoted cell may hold commas and span lines; the next row's line is still its own.
    auto quoted =
        ParseCaseRules(header + "r,criminal,,case,accepted,,,filed,,3,days,,add,,0,,,0,0,n,n,\"b, \"\"c\"\"\nd\",c\n" +
                       "s,criminal,,case,accepted,,,filed,,3,weeks,,add,,0,,,0,0,n,n,b,c\n");
    ASSERT_FALSE(quoted.ok());
    EXPECT_EQ(quoted.status().fields().count("line 4.unit"), 1u) << quoted.status().message();
    auto no_basis = ParseCaseRules(header + "r,criminal,,case,accepted,,,filed,,3,days,,add,,0,,,0,0,n,n,,c\n");
    ASSERT_FALSE(no_basis.ok());
    EXPECT_EQ(no_basis.status().fields().count("line 2.basis"), 1u);
    auto bad_total = ParseCaseRules(header + "r,criminal,,case,a,,,f,,3,days,x,to,7-4,1,,,0,0,n,n,b,c\n");
    ASSERT_FALSE(bad_total.ok());
    EXPECT_EQ(bad_total.status().fields().count("line 2.ext_steps"), 1u);
    auto dup = ParseCaseRules(header + "r,criminal,,case,a,,,f,,3,days,,add,,0,,,0,0,n,n,b,c\n" +
                              "r,criminal,,case,a,,,f,,3,days,,add,,0,,,0,0,n,n,b,c\n");
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.status().fields().count("line 3.id"), 1u);
    auto missing = ParseCaseRules("id,case_type\nr,criminal\n");
    ASSERT_FALSE(missing.ok());
}

TEST(Engine, ClockCarriesBasisAndTrace) {
    CaseFacts facts{"administrative", "auto", {Ev("accepted", "2026-01-05"), Ev("filed", "2026-01-05")}};
    facts.events[1].note = "当场立案";
    auto clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-01-10");
    ASSERT_TRUE(clocks.ok());
    ASSERT_EQ(clocks->size(), 1u);
    const Clock& c = clocks->front();
    EXPECT_EQ(c.basis,
              "《治安管理处罚法》（2025年修订）第一百一十八条；《公安机关办理行政案件程序规定》第一百八十五条第二款（调"
              "解案件）");
    EXPECT_EQ(c.counting_basis, "《公安机关办理行政案件程序规定》第三十五条");
    EXPECT_EQ(c.next_extension.approver, "上一级公安机关（公安派出所办理的案件由所属公安机关）");
    ASSERT_FALSE(c.trace.empty());
    EXPECT_NE(c.trace.front().find("2025年文本"), std::string::npos) << c.trace.front();
    EXPECT_NE(std::find(c.trace.begin(), c.trace.end(), "2026-01-05 备注：当场立案"), c.trace.end());
}

// The calendar holds 2024-2026 only: a deadline in 2027 is computed from weekends and flagged for the
// administrator. 2027-03-01 + 30 = 3-31, a Wednesday (程序规定第一百一十二条, 第三十五条).
TEST(Engine, UnknownCalendarYearIsFlagged) {
    CaseFacts facts{"administrative", "auto", {Ev("seized", "2027-03-01", "car")}};
    auto clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2027-03-02");
    ASSERT_TRUE(clocks.ok());
    ASSERT_EQ(clocks->size(), 1u);
    EXPECT_EQ(clocks->front().due, "2027-03-31");
    ASSERT_EQ(clocks->front().warnings.size(), 1u);
    EXPECT_NE(clocks->front().warnings[0].find("2027"), std::string::npos);
    // In a known year there is no such warning.
    facts.events = {Ev("seized", "2026-03-02", "car")};
    clocks = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-03-03");
    ASSERT_TRUE(clocks.ok());
    EXPECT_TRUE(clocks->front().warnings.empty());
}

TEST(Engine, BadInputsNameTheField) {
    CaseFacts facts{"traffic", "auto", {}};
    auto r = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-01-10");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().count("case_type"), 1u);
    facts = {"administrative", "2019", {}};
    r = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-01-10");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().count("law"), 1u);
    facts = {"administrative", "auto", {}};
    r = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-1-10");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().count("today"), 1u);
    // No events: no clocks, no error.
    r = ComputeClocks(CaseRules(), DefaultHolidayCalendar(), facts, "2026-01-10");
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->empty());
}

}  // namespace
}  // namespace jw::cases::deadlines

// The engine with a module's own rules and words (a made-up 信访 reply limit, not the cases' rules): what the
// Vocabulary changes and what it does not. The statutory scenarios live with the cases rules
// (modules/cases/deadlines/testdata/).
#include "timelimits/engine.hpp"

#include <gtest/gtest.h>

#include "timelimits/calendar.hpp"

namespace jw::timelimits {
namespace {

const RuleSchema kSchema{
    .file = "t.csv", .family_column = "kind", .families = {"petition"}, .variant_column = "edition"};

const RuleSet& Rules() {
    static const RuleSet set = RuleSet::LoadShipped(
        "id,kind,edition,scope,start,pause,resume,end,restart,length,unit,ext_event,ext_mode,ext_steps,ext_max,"
        "ext_approver,ext_basis,request_lead,liberty,name_zh,name_en,basis,counting_basis\n"
        "reply,petition,,case,registered;received,survey_started,survey_ended,replied,,60,days,extended,add,30,1,"
        "上一级机关,B2,5,0,答复期限,reply,B1,C1\n",
        kSchema);
    return set;
}

Vocabulary Words() {
    Vocabulary v;
    v.subject_noun = "petition";
    v.event_names_zh = {{"registered", "登记"}, {"received", "收到"}};
    v.stop_names_zh = {{"survey", "调查"}};
    v.aliases = {{"logged", "registered"}};
    v.later_start_basis = "条例";
    return v;
}

ClockEvent Ev(std::string kind, std::string date) {
    ClockEvent e;
    e.kind = std::move(kind);
    e.date = std::move(date);
    return e;
}

TEST(Engine, CountsStopsAndExtensionsWithTheModulesWords) {
    // 2026-03-02 + 60 = 05-01 (劳动节, rest until 05-05), stopped 03-10..03-20 (+10) = 05-11, a Monday;
    // extended by 30 = 06-10, a Wednesday.
    Facts f{"petition",
            "",
            "",
            {Ev("logged", "2026-03-02"), Ev("survey_started", "2026-03-10"), Ev("survey_ended", "2026-03-20"),
             Ev("extended", "2026-04-01")}};
    auto clocks = ComputeClocks(Rules(), DefaultHolidayCalendar(), Words(), f, {2026, 4, 2});
    ASSERT_TRUE(clocks.ok()) << clocks.status().message();
    ASSERT_EQ(clocks->size(), 1u);
    const Clock& c = clocks->front();
    EXPECT_EQ(c.due, "2026-06-10");
    EXPECT_EQ(c.paused_days, 10);
    ASSERT_EQ(c.stops.size(), 1u);
    EXPECT_EQ(c.stops[0].kind, "survey");
    EXPECT_EQ(c.state, "running");
    EXPECT_EQ(c.trace.front(), "2026-03-02 登记：答复期限开始，期限60日（B1），开始之日不计入（C1）。");
    EXPECT_NE(c.trace[1].find("调查开始"), std::string::npos) << c.trace[1];
}

TEST(Engine, LaterStartAndErrorsUseTheVocabulary) {
    Facts f{"petition", "", "", {Ev("received", "2026-03-02")}};
    auto clocks = ComputeClocks(Rules(), DefaultHolidayCalendar(), Words(), f, {2026, 3, 3});
    ASSERT_TRUE(clocks.ok());
    EXPECT_EQ(clocks->front().trace.front(), "未记录登记，期限自收到之日起计算（条例）。");
    f.events = {Ev("parcel_sent", "2026-03-02")};
    auto bad = ComputeClocks(Rules(), DefaultHolidayCalendar(), Words(), f, {2026, 3, 3});
    ASSERT_FALSE(bad.ok());
    ASSERT_EQ(bad.status().fields().count("events[0].kind"), 1u);
    EXPECT_EQ(bad.status().fields().at("events[0].kind"), "unknown event kind for a petition petition: parcel_sent");
    f.events = {Ev("extended", "2026-03-02")};  // an extension with no running clock is a recording error
    EXPECT_FALSE(ComputeClocks(Rules(), DefaultHolidayCalendar(), Words(), f, {2026, 3, 3}).ok());
}

TEST(Engine, StopKindDropsStarted) {
    EXPECT_EQ(StopKindOf("psychiatric_appraisal_started"), "psychiatric_appraisal");
    EXPECT_EQ(StopKindOf("hearing"), "hearing");
}

}  // namespace
}  // namespace jw::timelimits

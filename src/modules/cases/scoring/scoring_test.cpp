// Enforcement scoring from recorded facts: the shipped rules parse, each rule fires from the fact it names
// and only then, months follow China time, and ranking shares ranks on ties.
#include "cases/scoring/scoring.hpp"

#include <gtest/gtest.h>

#include "common/civil_time.hpp"

namespace jw::cases {
namespace {

int64_t China(const char* text) { return *ParseChinaTime(text); }

TEST(ScoreRules, ShippedRulesParseWithBaseAndReviewProblemTypes) {
    const ScoreRules& r = ScoreRules::Default();
    EXPECT_EQ(r.base(), 100);
    EXPECT_EQ(r.Signed("overdue"), -5);
    EXPECT_EQ(r.Signed("review_passed_first"), 2);
    EXPECT_TRUE(r.IsReviewProblem("problem_evidence"));
    EXPECT_TRUE(r.IsReviewProblem("missing_document"));
    EXPECT_FALSE(r.IsReviewProblem("overdue"));
    for (const auto& rule : r.rules()) EXPECT_FALSE(rule.basis.empty()) << rule.code;  // every rule cites its basis
}

TEST(ScoreRules, BadTablesAreRejectedNamingTheLine) {
    const std::string header = "code,kind,points,review_problem,name_zh,name_en,basis\n";
    EXPECT_FALSE(ScoreRules::Parse(header + "overdue,deduct,5,0,a,b,c\n").ok());  // no base row
    auto bad = ScoreRules::Parse(header + "base,base,100,0,a,b,c\noverdue,penalise,5,0,a,b,c\n");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().fields().count("line 3"), 1u);
    EXPECT_FALSE(ScoreRules::Parse(header + "base,base,100,0,a,b,c\nx,add,1,0,a,b,c\nx,add,1,0,a,b,c\n").ok());
    EXPECT_FALSE(ScoreRules::Parse(header + "base,base,100,0,a,b\n").ok());
}

ScoringCase Sample() {
    ScoringCase c;
    c.case_id = 7;
    c.case_no = "519901202600001";
    c.unit_id = 3;
    c.officer_id = 11;
    return c;
}

TEST(Scoring, LateEntryAndUpheldComplaintComeFromEvents) {
    ScoringCase c = Sample();
    c.events = {{"accepted", China("2026-03-01 09:00:00"), China("2026-03-01 09:05:00")},  // on time
                {"seizure", China("2026-03-02 10:00:00"), China("2026-03-03 10:00:00")},   // exactly 24 h: not late
                {"appraisal_started", China("2026-03-03 10:00:00"), China("2026-03-05 08:00:00")},  // late
                {"complaint_upheld", China("2026-03-20 10:00:00"), China("2026-03-20 10:00:00")}};
    auto items = DeriveScoreItems(c, ScoreRules::Default());
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].code, "late_entry");
    EXPECT_EQ(items[0].detail, "appraisal_started");
    EXPECT_EQ(items[0].points, -1);
    EXPECT_EQ(items[1].code, "complaint_upheld");
    EXPECT_EQ(items[1].points, -5);
    EXPECT_EQ(items[1].officer_id, 11);
}

TEST(Scoring, ReturnedReviewDeductsPerProblemAndFirstPassEarnsOnlyWithoutReturn) {
    ScoringCase returned = Sample();
    returned.reviews = {
        {"return", China("2026-03-10 10:00:00"), {"problem_evidence", "missing_document", "not_a_rule"}},
        {"approve", China("2026-03-12 10:00:00"), {}}};
    auto items = DeriveScoreItems(returned, ScoreRules::Default());
    ASSERT_EQ(items.size(), 3u);  // review_returned, problem_evidence, missing_document; no first-pass bonus
    int total = 0;
    for (const auto& i : items) total += i.points;
    EXPECT_EQ(total, -2 - 2 - 1);

    ScoringCase clean = Sample();
    clean.reviews = {{"approve", China("2026-03-12 10:00:00"), {}}};
    clean.closed_at = China("2026-03-20 10:00:00");
    items = DeriveScoreItems(clean, ScoreRules::Default());
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].code, "review_passed_first");
    EXPECT_EQ(items[1].code, "closed_in_time");
}

TEST(Scoring, OverdueCountsOncePerClockAndCancelsTheInTimeBonus) {
    ScoringCase c = Sample();
    c.closed_at = China("2026-04-20 10:00:00");
    c.supervision = {{"lead_3", "zhian_case_2025", China("2026-03-28 09:00:00")},
                     {"overdue", "zhian_case_2025", China("2026-04-01 09:00:00")},
                     {"overdue", "zhian_case_2025", China("2026-04-15 09:00:00")},  // a moved due date: same clock
                     {"escalate_unit_head", "zhian_case_2025", China("2026-04-02 09:00:00")},
                     {"suggestion_letter", "zhian_case_2025", China("2026-04-04 09:00:00")}};
    auto items = DeriveScoreItems(c, ScoreRules::Default());
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].code, "overdue");
    EXPECT_EQ(items[1].code, "escalated");
    EXPECT_EQ(items[2].code, "suggestion_letter");
}

TEST(Scoring, MonthsFollowChinaTimeAndScoresFoldFromTheBase) {
    // 2026-03-31 17:00 UTC is already 1 April in China.
    EXPECT_EQ(MonthOf(*ParseUtcIso("2026-03-31T17:00:00Z")), "2026-04");
    EXPECT_EQ(MonthOf(*ParseUtcIso("2026-03-31T15:59:59Z")), "2026-03");
    std::vector<ScoreItem> items = {{11, 3, 7, "A", "overdue", -5, 0, "2026-03", ""},
                                    {11, 3, 7, "A", "late_entry", -1, 0, "2026-03", ""},
                                    {11, 3, 8, "B", "closed_in_time", 1, 0, "2026-04", ""},
                                    {12, 3, 9, "C", "review_passed_first", 2, 0, "2026-03", ""},
                                    {13, 4, 10, "D", "late_entry", -1, 0, "2026-03", ""},
                                    {14, 4, 11, "E", "late_entry", -1, 0, "2026-03", ""}};
    auto scores = MonthlyScores(items, ScoreRules::Default());
    ASSERT_EQ(scores.size(), 5u);
    EXPECT_EQ(scores[0].officer_id, 11);
    EXPECT_EQ(scores[0].month, "2026-03");
    EXPECT_EQ(scores[0].score, 94);
    EXPECT_EQ(scores[0].deducted, 6);
    EXPECT_EQ(scores[1].score, 101);
    auto ranked = RankMonth(scores, "2026-03");
    ASSERT_EQ(ranked.size(), 4u);
    EXPECT_EQ(ranked[0].score.officer_id, 12);
    EXPECT_EQ(ranked[0].rank, 1);
    EXPECT_EQ(ranked[1].rank, 2);  // 13 and 14 tie at 99
    EXPECT_EQ(ranked[2].rank, 2);
    EXPECT_EQ(ranked[3].score.officer_id, 11);
    EXPECT_EQ(ranked[3].rank, 4);
}

}  // namespace
}  // namespace jw::cases

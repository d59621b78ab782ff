// Legal review flow: return with problems → pushed to the officer → answered → resubmitted → approved, every
// step recorded; the guards (no resubmission with open problems, only the case's officers answer, only
// reviewers give opinions); and the scores the flow leaves in the officer's enforcement file.
#include "cases/review/review_service.hpp"
#include "cases/scoring/scoring_repository.hpp"
#include "cases/supervision/supervision_test_fixture.hpp"

namespace jw::cases::testing {
namespace {

class ReviewFlow : public SupervisionFixture {
  protected:
    // A case brought to penalty_proposed on 2 March 2026.
    int64_t ProposedCase() {
        const int64_t at = China("2026-03-02 09:30:00");
        const int64_t id = NewCase(at, officer_);
        EXPECT_TRUE(Act(id, officer_, "file", at + 60).ok());
        EXPECT_TRUE(Act(id, officer_, "start_investigation", at + 120).ok());
        EXPECT_TRUE(Act(id, officer_, "propose_penalty", at + 180, "拟罚款五百元").ok());
        return id;
    }
    int64_t Version(int64_t id) { return Count("SELECT version FROM cases WHERE id = ?", {storage::V(id)}); }
    Status Submit(int64_t id, const auth::Principal& who, int64_t now) {
        const int64_t version = Version(id);
        return committer_->Run(
            [&](storage::Connection& c) { return review::Submit(c, who, id, version, now).status(); });
    }
    Result<review::OpinionResult> Opinion(int64_t id, const auth::Principal& who, review::OpinionInput in,
                                          int64_t now) {
        in.expected_version = Version(id);
        std::optional<review::OpinionResult> out;
        Status s = committer_->Run([&](storage::Connection& c) -> Status {
            auto r = review::RecordOpinion(c, who, id, in, ScoreRules::Default(), now);
            if (!r.ok()) return r.status();
            out = std::move(r).value();
            return Status::Ok();
        });
        if (!s.ok()) return s;
        return *out;
    }
    Status Answer(int64_t problem, const auth::Principal& who, const std::string& text, int64_t now) {
        return committer_->Run(
            [&](storage::Connection& c) { return review::AnswerProblem(c, who, problem, text, now).status(); });
    }
};

TEST_P(ReviewFlow, ReturnedProblemsReachTheOfficerAndMustBeAnsweredBeforeApproval) {
    const int64_t id = ProposedCase();
    ASSERT_TRUE(Submit(id, officer_, China("2026-03-05 09:00:00")).ok());
    {
        auto c = db_->Acquire();
        auto queue = review::Queue(**c, std::nullopt);
        ASSERT_TRUE(queue.ok());
        ASSERT_EQ(queue->size(), 1u);
        EXPECT_EQ(queue->front().case_id, id);
        EXPECT_EQ(queue->front().submitted_at, China("2026-03-05 09:00:00"));
        EXPECT_TRUE(review::Queue(**c, std::vector<int64_t>{legal_unit_})->empty());  // scope applies
    }
    // Only a reviewer may give an opinion.
    review::OpinionInput ret{
        "return", "证据不足", {{"problem_evidence", "缺少证人证言"}, {"missing_document", "缺少告知笔录"}}, 0};
    EXPECT_EQ(Opinion(id, officer_, ret, China("2026-03-06 10:00:00")).status().code(), ErrorCode::kPermissionDenied);
    // An unknown problem type is refused, naming it.
    review::OpinionInput bad{"return", "", {{"no_such_type", "x"}}, 0};
    auto refused = Opinion(id, reviewer_, bad, China("2026-03-06 10:00:00"));
    ASSERT_EQ(refused.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.status().fields().count("problems[0].type"), 1u);

    auto returned = Opinion(id, reviewer_, ret, China("2026-03-06 10:00:00"));
    ASSERT_TRUE(returned.ok()) << returned.status().message();
    EXPECT_EQ(returned->kase.state, "penalty_proposed");
    ASSERT_EQ(returned->problems.size(), 2u);
    // Pushed at once: each problem to the officer in the app and by SMS.
    EXPECT_EQ(returned->messages, 4);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'review' AND channel = 'sms'",
                    {storage::V(officer_id_)}),
              2);

    // Not back to review while a problem is open.
    Status again = Submit(id, officer_, China("2026-03-07 09:00:00"));
    EXPECT_EQ(again.code(), ErrorCode::kConflict);
    EXPECT_EQ(again.fields().count("problems"), 1u);
    // Nor through the case page's generic action (TakeAction), the route that once checked this in its handler.
    ActionInput generic;
    generic.action = "submit_review";
    generic.expected_version = Version(id);
    Status via_action = committer_->Run([&](storage::Connection& c) {
        return TakeAction(c, officer_, id, generic, China("2026-03-07 09:30:00")).status();
    });
    EXPECT_EQ(via_action.code(), ErrorCode::kConflict);
    EXPECT_EQ(via_action.fields().count("problems"), 1u);
    // Another officer cannot answer; an empty answer is refused; the officer answers each once.
    EXPECT_EQ(Answer(returned->problems[0].id, other_officer_, "已补充", China("2026-03-07 10:00:00")).code(),
              ErrorCode::kNotFound);
    EXPECT_EQ(Answer(returned->problems[0].id, officer_, "", China("2026-03-07 10:00:00")).code(),
              ErrorCode::kInvalidArgument);
    ASSERT_TRUE(Answer(returned->problems[0].id, officer_, "已补充证人证言", China("2026-03-07 10:00:00")).ok());
    EXPECT_EQ(Answer(returned->problems[0].id, officer_, "再答", China("2026-03-07 10:05:00")).code(),
              ErrorCode::kConflict);
    EXPECT_EQ(Submit(id, officer_, China("2026-03-07 11:00:00")).code(), ErrorCode::kConflict);
    ASSERT_TRUE(Answer(returned->problems[1].id, officer_, "已补充告知笔录", China("2026-03-07 12:00:00")).ok());
    // The reviewer hears that every problem is answered.
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'review'", {storage::V(reviewer_id_)}),
        1);

    ASSERT_TRUE(Submit(id, officer_, China("2026-03-08 09:00:00")).ok());
    auto approved = Opinion(id, reviewer_, {"approve", "同意", {}, 0}, China("2026-03-09 09:00:00"));
    ASSERT_TRUE(approved.ok()) << approved.status().message();
    EXPECT_EQ(approved->kase.state, "legal_review");  // approval is recorded; the leader decides next
    EXPECT_EQ(approved->review.round, 2);

    auto c = db_->Acquire();
    auto steps = review::ListSteps(**c, id);
    ASSERT_TRUE(steps.ok());
    std::vector<std::string> names;
    for (const auto& s : *steps) names.push_back(s.step);
    EXPECT_EQ(names, (std::vector<std::string>{"submitted", "returned", "problem_answered", "problem_answered",
                                               "resubmitted", "approved"}));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM case_events WHERE case_id = ? AND action IN ('return_review', "
                    "'review_approved')",
                    {storage::V(id)}),
              2);

    // Scoring from the record: returned (−2), evidence (−2), missing document (−1); no first-pass bonus.
    auto file = scoring::LoadOfficerFile(**c, officer_id_, ScoreRules::Default());
    ASSERT_TRUE(file.ok()) << file.status().message();
    EXPECT_EQ(file->cases.size(), 1u);
    EXPECT_EQ(file->problems.size(), 2u);
    ASSERT_EQ(file->months.size(), 1u);
    EXPECT_EQ(file->months[0].month, "2026-03");
    EXPECT_EQ(file->months[0].score, 100 - 5);
    auto ranking = scoring::LoadRanking(**c, "2026-03", std::nullopt, ScoreRules::Default());
    ASSERT_TRUE(ranking.ok());
    ASSERT_EQ(ranking->officers.size(), 1u);
    EXPECT_EQ(ranking->officers[0].score, 95);
    const std::string csv = scoring::RankingCsv(*ranking);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
    EXPECT_NE(csv.find("\"王志强\""), std::string::npos);
}

TEST_P(ReviewFlow, FirstTimeApprovalEarnsTheQualityBonus) {
    const int64_t id = ProposedCase();
    ASSERT_TRUE(Submit(id, officer_, China("2026-03-05 09:00:00")).ok());
    ASSERT_TRUE(Opinion(id, reviewer_, {"approve", "", {}, 0}, China("2026-03-06 09:00:00")).ok());
    auto c = db_->Acquire();
    auto file = scoring::LoadOfficerFile(**c, officer_id_, ScoreRules::Default());
    ASSERT_TRUE(file.ok());
    ASSERT_EQ(file->items.size(), 1u);
    EXPECT_EQ(file->items[0].code, "review_passed_first");
    EXPECT_EQ(file->months[0].score, 102);
}

TEST(ReviewOpinion, ValidationNamesEachProblem) {
    const auto& rules = ScoreRules::Default();
    EXPECT_EQ(review::ValidateOpinion({"maybe", "", {}, 1}, rules).fields().count("opinion"), 1u);
    EXPECT_EQ(review::ValidateOpinion({"return", "", {}, 1}, rules).fields().at("problems"), "required");
    EXPECT_EQ(review::ValidateOpinion({"approve", "", {{"problem_law", "x"}}, 1}, rules).fields().at("problems"),
              "not_allowed");
    auto both = review::ValidateOpinion({"return", "", {{"overdue", ""}}, 1}, rules);  // not a review problem type
    EXPECT_EQ(both.fields().count("problems[0].type"), 1u);
    EXPECT_EQ(both.fields().count("problems[0].text"), 1u);
    EXPECT_TRUE(review::ValidateOpinion({"return", "", {{"problem_law", "适用条款错误"}}, 1}, rules).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewFlow, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::cases::testing

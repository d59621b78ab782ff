#include "cases/review/review_service.hpp"

#include <algorithm>

#include "cases/case_repository.hpp"
#include "common/json_util.hpp"
#include "notify/outbox.hpp"

namespace jw::cases::review {

namespace {

constexpr size_t kMaxProblems = 50;

// A review notification: a catalogue code and its parameters (ADR 0027).
Status Notify(storage::Connection& c, int64_t user, std::string_view code, MessageParams params, bool sms, int& count) {
    notify::Notification n;
    n.user_id = user;
    n.kind = "review";
    n.code = std::string(code);
    n.params = std::move(params);
    for (const char* channel : {"inapp", "sms"}) {
        if (!sms && std::string(channel) == "sms") continue;
        n.channel = channel;
        JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
        ++count;
    }
    return Status::Ok();
}

}  // namespace

Status ValidateOpinion(const OpinionInput& in, const ScoreRules& rules) {
    if (in.opinion != "approve" && in.opinion != "return") return Status::Invalid("opinion", "bad_value");
    if (in.opinion == "approve" && !in.problems.empty()) return Status::Invalid("problems", "not_allowed");
    if (in.opinion == "return" && in.problems.empty()) return Status::Invalid("problems", "required");
    if (in.problems.size() > kMaxProblems) return Status::Invalid("problems", "too_many");
    Status all = Status::Ok();
    for (size_t i = 0; i < in.problems.size(); ++i) {
        const std::string at = "problems[" + std::to_string(i) + "].";
        if (!rules.IsReviewProblem(in.problems[i].type)) {
            if (all.ok())
                all = Status::Invalid(at + "type", "unknown");
            else
                all.mutable_fields()[at + "type"] = "unknown";
        }
        if (in.problems[i].text.empty()) {
            if (all.ok())
                all = Status::Invalid(at + "text", "required");
            else
                all.mutable_fields()[at + "text"] = "required";
        }
    }
    return all;
}

Result<OpinionResult> RecordOpinion(storage::Connection& c, const auth::Principal& reviewer, int64_t case_id,
                                    const OpinionInput& in, const ScoreRules& rules, int64_t now) {
    JW_RETURN_IF_ERROR(ValidateOpinion(in, rules));
    const bool approve = in.opinion == "approve";
    ActionInput action;
    action.action = approve ? "review_approved" : "return_review";
    action.expected_version = in.expected_version;
    action.reason = in.comment;
    if (action.reason.empty() && !approve) {
        for (const auto& p : in.problems) action.reason += (action.reason.empty() ? "" : "；") + p.text;
    }
    action.data = {{"review_opinion", in.opinion}, {"problems", in.problems.size()}};
    JW_ASSIGN_OR_RETURN(ActionResult moved, ApplyAction(c, reviewer, case_id, action, now));

    OpinionResult out;
    out.kase = moved.kase;
    out.review = {0, case_id, 0, reviewer.user_id, reviewer.name, in.opinion, in.comment, now};
    JW_RETURN_IF_ERROR(InsertReview(c, out.review));
    JW_RETURN_IF_ERROR(AddStep(c, case_id, approve ? "approved" : "returned", reviewer.user_id, now,
                               Json({{"round", out.review.round}, {"problems", in.problems.size()}}).dump()));
    const int64_t officer = moved.kase.lead_officer_id;
    for (const auto& p : in.problems) {
        Problem row{0, out.review.id, case_id, officer, p.type, p.text, now, "", 0, 0};
        JW_RETURN_IF_ERROR(InsertProblem(c, row));
        const ScoreRule* rule = rules.Find(p.type);
        JW_RETURN_IF_ERROR(Notify(c, officer, MessageCode("cases.review.returned"),
                                  {{"case_no", moved.kase.case_no},
                                   {"problem_type", p.type},
                                   {"problem_name", rule ? rule->name_zh : p.type},
                                   {"text", p.text}},
                                  true, out.messages));
        out.problems.push_back(std::move(row));
    }
    if (approve)
        JW_RETURN_IF_ERROR(Notify(c, officer, MessageCode("cases.review.approved"),
                                  {{"case_no", moved.kase.case_no}, {"reviewer", reviewer.name}}, false, out.messages));
    return out;
}

Result<Problem> AnswerProblem(storage::Connection& c, const auth::Principal& actor, int64_t problem_id,
                              const std::string& answer, int64_t now) {
    JW_ASSIGN_OR_RETURN(Problem p, GetProblem(c, problem_id));
    auto kase = repo::GetCase(c, p.case_id);
    if (!kase.ok()) return Status::NotFound("problem");
    const auto& assistants = kase->assistant_ids;
    const bool handles = kase->lead_officer_id == actor.user_id ||
                         std::find(assistants.begin(), assistants.end(), actor.user_id) != assistants.end();
    if (!handles) return Status::NotFound("problem");
    if (answer.empty()) return Status::Invalid("answer", "required");
    JW_RETURN_IF_ERROR(StoreAnswer(c, problem_id, actor.user_id, answer, now));
    JW_RETURN_IF_ERROR(
        AddStep(c, p.case_id, "problem_answered", actor.user_id, now, Json({{"problem_id", problem_id}}).dump()));
    JW_ASSIGN_OR_RETURN(int64_t open, repo::UnansweredReviewProblems(c, p.case_id));
    if (open == 0) {
        auto reviews = ListReviews(c, p.case_id);
        if (!reviews.ok()) return reviews.status();
        int count = 0;
        if (!reviews->empty())
            JW_RETURN_IF_ERROR(Notify(c, reviews->back().reviewer_id, MessageCode("cases.review.answered"),
                                      {{"case_no", kase->case_no}}, false, count));
    }
    JW_ASSIGN_OR_RETURN(Problem answered, GetProblem(c, problem_id));
    return answered;
}

Result<ActionResult> Submit(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                            int64_t expected_version, int64_t now) {
    JW_RETURN_IF_ERROR(CheckResubmission(c, case_id));
    ActionInput action;
    action.action = "submit_review";
    action.expected_version = expected_version;
    JW_ASSIGN_OR_RETURN(ActionResult moved, ApplyAction(c, actor, case_id, action, now));
    JW_ASSIGN_OR_RETURN(auto reviews, ListReviews(c, case_id));
    JW_RETURN_IF_ERROR(AddStep(c, case_id, reviews.empty() ? "submitted" : "resubmitted", actor.user_id, now, "{}"));
    return moved;
}

}  // namespace jw::cases::review

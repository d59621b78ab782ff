#pragma once
// Legal review (法制审核, 行政处罚法第五十八条; 程序规定第一百七十、一百七十一条): a reviewer approves a case in
// the legal_review stage or returns it with a list of problems, each typed by a review_problem rule of
// data/score_rules.csv. The stage change goes through the case lifecycle (case_service.hpp ApplyAction:
// review_approved / return_review), so role, scope, state and version are checked there. Problems reach the
// lead officer at once (outbox, in-app and SMS) and must each be answered; a returned case may go back to
// review only when none is left open. Every step is recorded in review_steps.
// Every function writes on the caller's connection inside the caller's audited transaction; on an error the
// caller rolls back. Stateless; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "cases/case_service.hpp"
#include "cases/review/review_repository.hpp"
#include "cases/scoring/scoring_rules.hpp"

namespace jw::cases::review {

struct ProblemInput {
    std::string type;
    std::string text;
};

struct OpinionInput {
    std::string opinion;  // approve | return
    std::string comment;
    std::vector<ProblemInput> problems;
    int64_t expected_version = 0;
};

// Pure checks. InvalidArgument naming: opinion (bad_value), problems (required for return, not_allowed for
// approve), problems[i].type (unknown), problems[i].text (required).
Status ValidateOpinion(const OpinionInput& in, const ScoreRules& rules);

struct OpinionResult {
    Case kase;
    Review review;
    std::vector<Problem> problems;
    int messages = 0;  // outbox rows written for the officer
};

// Records the opinion. Errors: ValidateOpinion's; ApplyAction's (NotFound "case", Conflict {action:
// not_allowed_in_state} when the case is not in legal_review, PermissionDenied for a non-reviewer, Conflict
// {expected_version: stale}).
Result<OpinionResult> RecordOpinion(storage::Connection& c, const auth::Principal& reviewer, int64_t case_id,
                                    const OpinionInput& in, const ScoreRules& rules, int64_t now);

// The lead officer (or an assistant of the case) answers one problem; when the last open problem of the case is
// answered the reviewer is told (in-app). Errors: NotFound "problem" (not found or not the actor's case),
// InvalidArgument {answer: required}, Conflict {id: already_answered}.
Result<Problem> AnswerProblem(storage::Connection& c, const auth::Principal& actor, int64_t problem_id,
                              const std::string& answer, int64_t now);

// Sends a returned case back to review: CheckResubmission (case_service.hpp), then the lifecycle action submit_review,
// then the step "resubmitted" (or "submitted" for a first submission). Errors: those two's.
Result<ActionResult> Submit(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                            int64_t expected_version, int64_t now);

}  // namespace jw::cases::review

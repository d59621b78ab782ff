#pragma once
// The legal reviewers learn that a case waits for them (issue 13): when a case is submitted for legal review (the
// lifecycle action submit_review, first time or again), every active user holding case.review gets an in-app
// notification through the outbox, in the same transaction as the submission. Legal review is one office for the
// whole county (case_service.cpp CanSee), so the reviewers are not limited by unit.

#include <cstdint>

#include "auth/principal.hpp"
#include "cases/case.hpp"
#include "storage/database.hpp"

namespace jw::cases::urging {

// Errors: the database's (the submission then rolls back: a case must not wait unannounced).
Status NotifyReviewersOfSubmission(storage::Connection& c, const Case& k, const auth::Principal& submitter);

}  // namespace jw::cases::urging

#include "cases/urging/review_notice.hpp"

#include "auth/auth_repository.hpp"
#include "notify/outbox.hpp"

namespace jw::cases::urging {

Status NotifyReviewersOfSubmission(storage::Connection& c, const Case& k, const auth::Principal& submitter) {
    JW_ASSIGN_OR_RETURN(auto reviewers, auth::repo::UsersWithPermission(c, "case.review"));
    // The demo's seeding acts without a session's name: the submitter's name comes from the users table then.
    std::string officer = submitter.name;
    if (officer.empty()) {
        auto u = auth::repo::GetUser(c, submitter.user_id);
        if (u.ok()) officer = u->name;
    }
    notify::Notification n;
    n.kind = "review";
    n.channel = "inapp";
    n.code = std::string(MessageCode("cases.review.submitted"));
    n.params = {{"case_no", k.case_no}, {"cause", k.cause}, {"officer", officer}, {"case_id", std::to_string(k.id)}};
    for (int64_t user : reviewers) {
        if (user == submitter.user_id) continue;
        n.user_id = user;
        JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
    }
    return Status::Ok();
}

}  // namespace jw::cases::urging

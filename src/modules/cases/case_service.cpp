#include "cases/case_service.hpp"

#include <algorithm>
#include <set>

#include "cases/case_clocks.hpp"
#include "cases/case_links.hpp"
#include "cases/case_number.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_service_internal.hpp"
#include "cases/lifecycle.hpp"
#include "cases/urging/review_notice.hpp"
#include "common/civil_time.hpp"

namespace jw::cases {

namespace internal {

bool HasRole(const auth::Principal& actor, const std::string& role) {
    return std::find(actor.roles.begin(), actor.roles.end(), role) != actor.roles.end();
}

bool CanSee(const auth::Principal& actor, const Case& k) {
    // Legal review is one office for the whole county: reviewers read every unit's cases.
    return actor.SeesUnit(k.unit_id) || HasRole(actor, "legal_reviewer");
}

Result<Case> LoadForWrite(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                          int64_t expected_version) {
    JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, case_id));
    if (!actor.SeesUnit(k.unit_id)) return Status::NotFound("case");
    if (k.state == kClosed) return Status(ErrorCode::kConflict, "the case is closed", {{"state", "closed"}});
    if (k.version != expected_version)
        return Status(ErrorCode::kConflict, "the case was changed by someone else; reload it",
                      {{"expected_version", "stale"}});
    return k;
}

Status SaveWithRecord(storage::Connection& c, const auth::Principal& actor, Case& k, int64_t expected_version,
                      const std::string& action, const std::string& data_json, std::optional<int64_t> person_id,
                      int64_t now) {
    k.updated_at = now;
    k.last_event_at = std::max(k.last_event_at, now);
    JW_RETURN_IF_ERROR(repo::UpdateCase(c, k, expected_version));
    CaseEvent e;
    e.case_id = k.id;
    e.kind = "record";
    e.action = action;
    e.from_state = e.to_state = k.state;
    e.at = e.recorded_at = now;
    e.actor_id = actor.user_id;
    e.actor_unit_id = actor.unit_id;
    e.person_id = person_id;
    e.data_json = data_json;
    e.case_version = k.version;
    return repo::InsertEvent(c, e).status();
}

}  // namespace internal

using internal::CanSee;

namespace {

std::string DefaultLaw(int64_t accepted_at) {
    // The revised 治安管理处罚法 is in force from 2026-01-01; cases accepted before it follow the 2012 text.
    return ChinaDate(accepted_at) < "2026-01-01" ? "2012" : "2025";
}

Result<std::string> NextCaseNumber(storage::Connection& c, const Case& k, const std::string& region) {
    JW_ASSIGN_OR_RETURN(std::string scheme, repo::Setting(c, "number_scheme"));
    auto type_code = repo::Setting(c, "type_code." + k.case_type);
    NumberParts parts{region, ParseDate(ChinaDate(k.accepted_at))->year,
                      type_code.ok() ? *type_code : (k.case_type == kCriminal ? "XS" : "XZ")};
    JW_ASSIGN_OR_RETURN(std::string prefix, NumberPrefix(scheme, parts));
    JW_ASSIGN_OR_RETURN(int64_t seq, repo::NextSeq(c, prefix));
    return FormatNumber(scheme, parts, seq);
}

Status CheckOfficers(storage::Connection& c, Case& k) {
    auto lead = repo::GetOfficer(c, k.lead_officer_id);
    if (!lead.ok()) return Status::Invalid("lead_officer_id", "not_found");
    if (lead->unit_id != k.unit_id) return Status::Invalid("lead_officer_id", "not_in_unit");
    std::set<int64_t> unique(k.assistant_ids.begin(), k.assistant_ids.end());
    unique.erase(k.lead_officer_id);
    for (int64_t id : unique)
        if (!repo::GetOfficer(c, id).ok()) return Status::Invalid("assistant_ids", "not_found");
    k.assistant_ids.assign(unique.begin(), unique.end());
    return Status::Ok();
}

bool ReviewApproved(const std::vector<CaseEvent>& events) {
    int submitted = 0, approved = 0;
    for (const auto& e : events) {
        if (e.action == "submit_review") submitted = e.seq;
        if (e.action == "review_approved") approved = e.seq;
    }
    return submitted > 0 && approved > submitted;
}

// Rejects an event that makes the deadline engine fail when the case's clocks computed before it.
Status CheckWithEngine(const Case& k, std::vector<CaseEvent> events, const CaseEvent& candidate, int64_t now) {
    const std::string today = ChinaDate(now);
    if (!ComputeCaseClocks(k, events, today).ok()) return Status::Ok();
    events.push_back(candidate);
    std::stable_sort(events.begin(), events.end(), [](const CaseEvent& a, const CaseEvent& b) { return a.at < b.at; });
    auto after = ComputeCaseClocks(k, events, today);
    if (after.ok()) return Status::Ok();
    const Status refused = after.status();
    const auto& fields = refused.fields();
    return Status(ErrorCode::kInvalidArgument, refused.message(),
                  {{"event", fields.empty() ? "rejected_by_deadline_rules" : fields.begin()->second}});
}

void ApplyEffects(Case& k, const CaseEvent& e) {
    k.state = e.to_state;
    if (e.action == "decide_penalty") k.outcome = "penalty";
    if (e.action == "decide_no_penalty") k.outcome = "no_penalty";
    if (e.action == "decide_transfer") k.outcome = "transferred";
    if (e.action == "file") k.filed_at = e.at;
    if (e.to_state == kClosed) k.closed_at = e.at;
}

}  // namespace

Result<Case> LoadCase(storage::Connection& c, const auth::Principal& actor, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, case_id));
    if (!CanSee(actor, k)) return Status::NotFound("case");
    return k;
}

Result<CreateResult> CreateCase(storage::Connection& c, const auth::Principal& actor, NewCase in,
                                const std::string& region, int64_t now) {
    if (in.idempotency_key) {
        JW_ASSIGN_OR_RETURN(auto existing, repo::FindByCreateKey(c, actor.user_id, *in.idempotency_key));
        if (existing) {
            JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, *existing));
            return CreateResult{std::move(k), true, 0};
        }
    }
    Case& k = in.fields;
    if (k.unit_id == 0) k.unit_id = actor.unit_id;
    if (k.lead_officer_id == 0) k.lead_officer_id = actor.user_id;
    if (k.accepted_at == 0) k.accepted_at = now;
    if (!actor.SeesUnit(k.unit_id)) return Status::Invalid("unit_id", "out_of_scope");
    if (!repo::UnitName(c, k.unit_id).ok()) return Status::Invalid("unit_id", "not_found");
    if (k.accepted_at > now + 60) return Status::Invalid("accepted_at", "in_future");
    if (k.occurred_at > k.accepted_at) return Status::Invalid("occurred_at", "after_acceptance");
    if (k.case_type == kCriminal)
        k.law.clear();
    else if (k.law.empty())
        k.law = DefaultLaw(k.accepted_at);
    JW_RETURN_IF_ERROR(CheckOfficers(c, k));
    for (size_t i = 0; i < k.people.size(); ++i) {
        JW_RETURN_IF_ERROR(ValidatePerson(k.people[i], "people[" + std::to_string(i) + "]."));
        k.people[i].created_at = now;
    }
    k.state = kAccepted;
    k.created_by = actor.user_id;
    k.created_at = k.updated_at = now;
    k.last_event_at = k.accepted_at;
    JW_ASSIGN_OR_RETURN(k.case_no, NextCaseNumber(c, k, region));
    JW_RETURN_IF_ERROR(repo::InsertCase(c, k, in.idempotency_key).status());
    for (const auto& p : k.people) JW_RETURN_IF_ERROR(LinkParty(c, actor, p));

    CaseEvent e;
    e.case_id = k.id;
    e.kind = "transition";
    e.action = "accept";
    e.to_state = kAccepted;
    e.at = k.accepted_at;
    e.recorded_at = now;
    e.actor_id = actor.user_id;
    e.actor_unit_id = actor.unit_id;
    e.case_version = 1;
    JW_RETURN_IF_ERROR(repo::InsertEvent(c, e).status());

    JW_ASSIGN_OR_RETURN(Case stored, repo::GetCase(c, k.id));
    int sent = 0;
    for (const auto& p : stored.people) {
        if (!internal::WantsQueryCode(p)) continue;
        JW_RETURN_IF_ERROR(internal::SendQueryCode(c, stored, p, now).status());
        ++sent;
    }
    return CreateResult{std::move(stored), false, sent};
}

Result<ActionResult> ApplyAction(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                                 const ActionInput& in, int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, case_id));
    if (!CanSee(actor, k)) return Status::NotFound("case");
    if (in.idempotency_key) {
        JW_ASSIGN_OR_RETURN(auto seen, repo::FindEventByKey(c, case_id, *in.idempotency_key));
        if (seen) {
            if (seen->action != in.action)
                return Status(ErrorCode::kConflict, "idempotency key used for another action",
                              {{"idempotency_key", "reused_for_other_action"}});
            return ActionResult{std::move(k), std::move(*seen), true};
        }
    }
    if (k.version != in.expected_version)
        return Status(ErrorCode::kConflict, "the case was changed by someone else; reload it",
                      {{"expected_version", "stale"}});
    JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, case_id));

    const Person* person = nullptr;
    if (in.person_id) {
        for (const auto& p : k.people)
            if (p.id == *in.person_id) person = &p;
        if (person == nullptr) return Status::Invalid("person_id", "not_found");
    }
    ActionContext ctx;
    ctx.case_type = k.case_type;
    ctx.state = k.state;
    ctx.outcome = k.outcome;
    ctx.actor_roles = actor.roles;
    ctx.actor_sees_unit = actor.SeesUnit(k.unit_id);
    ctx.has_reason = !in.reason.empty();
    ctx.has_suspect_person = person != nullptr && person->role == "suspect";
    ctx.has_days = in.days.has_value();
    ctx.has_penalty = !k.penalty_json.empty();
    ctx.review_approved = ReviewApproved(events);
    if (person != nullptr && person->role != "suspect" && Lifecycle::Default().KnowsAction(k.case_type, in.action)) {
        const Transition* t = Lifecycle::Default().Find(k.case_type, k.state, in.action);
        if (t != nullptr && t->Requires("person")) return Status::Invalid("person_id", "not_a_suspect");
    }
    JW_ASSIGN_OR_RETURN(const Transition* t, Lifecycle::Default().Check(ctx, in.action));

    CaseEvent e;
    e.case_id = k.id;
    e.kind = t->IsFact() ? "fact" : "transition";
    e.action = in.action;
    e.from_state = k.state;
    e.to_state = t->IsFact() ? k.state : t->to_state;
    e.at = in.at.value_or(now);
    if (e.at > now + 60) return Status::Invalid("at", "in_future");
    if (e.at < k.accepted_at) return Status::Invalid("at", "before_acceptance");
    e.recorded_at = now;
    e.actor_id = actor.user_id;
    e.actor_unit_id = actor.unit_id;
    e.person_id = in.person_id;
    e.reason = in.reason;
    e.attachments = in.attachments;
    Json data = in.data.is_object() ? in.data : Json::object();
    if (in.days) data["days"] = *in.days;
    e.data_json = data.dump();
    e.idempotency_key = in.idempotency_key;
    JW_RETURN_IF_ERROR(CheckWithEngine(k, events, e, now));

    const int64_t expected = k.version;
    ApplyEffects(k, e);
    k.last_event_at = std::max(k.last_event_at, e.at);
    k.updated_at = now;
    JW_RETURN_IF_ERROR(repo::UpdateCase(c, k, expected));
    e.case_version = k.version;
    JW_RETURN_IF_ERROR(repo::InsertEvent(c, e).status());
    // The reviewers learn that the case waits for them (issue 13).
    if (e.action == "submit_review") JW_RETURN_IF_ERROR(urging::NotifyReviewersOfSubmission(c, k, actor));
    return ActionResult{std::move(k), std::move(e), false};
}

Status CheckResubmission(storage::Connection& c, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(int64_t open, repo::UnansweredReviewProblems(c, case_id));
    if (open > 0)
        return Status(ErrorCode::kConflict, std::to_string(open) + " review problem(s) unanswered",
                      {{"problems", "unanswered"}});
    return Status::Ok();
}

Result<ActionResult> TakeAction(storage::Connection& c, const auth::Principal& actor, int64_t case_id,
                                const ActionInput& in, int64_t now) {
    if (in.action == "submit_review") {
        JW_ASSIGN_OR_RETURN(Case k, repo::GetCase(c, case_id));
        if (!CanSee(actor, k)) return Status::NotFound("case");
        JW_RETURN_IF_ERROR(CheckResubmission(c, case_id));
    }
    JW_ASSIGN_OR_RETURN(ActionResult done, ApplyAction(c, actor, case_id, in, now));
    JW_ASSIGN_OR_RETURN(done.kase, repo::GetCase(c, case_id));
    return done;
}

}  // namespace jw::cases

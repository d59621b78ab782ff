#include "alerts/alerts_service.hpp"

#include <algorithm>
#include <set>

#include "alerts/alerts_repository.hpp"
#include "alerts/notify_text.hpp"
#include "alerts/sightings.hpp"
#include "auth/auth_repository.hpp"
#include "common/json_util.hpp"
#include "notify/outbox.hpp"

namespace jw::alerts {
namespace {

// The unit and its parents up to the bureau (at most 16: a guard against a cycle in the unit tree).
Result<std::vector<int64_t>> UnitAndParents(storage::Connection& c, int64_t unit_id) {
    std::vector<int64_t> chain;
    std::optional<int64_t> next = unit_id;
    while (next && chain.size() < 16) {
        JW_ASSIGN_OR_RETURN(auth::Unit unit, auth::repo::GetUnit(c, *next));
        chain.push_back(*next);
        next = unit.parent_id;
    }
    return chain;
}

// `params` carry codes (colour) and facts; the facts a person typed (title, subject) are masked here.
Status Notify(storage::Connection& c, const std::vector<int64_t>& users, const std::string& kind, std::string_view code,
              MessageParams params, bool sms) {
    for (const char* typed : {"title", "subject"})
        if (auto it = params.find(typed); it != params.end()) it->second = MaskIdentifiers(it->second);
    notify::Notification n;
    n.kind = kind;
    n.code = std::string(code);
    n.params = std::move(params);
    for (int64_t u : users) {
        n.user_id = u;
        n.channel = "inapp";
        JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
        n.channel = "sms";
        if (sms) JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
    }
    return Status::Ok();
}

std::string Minutes(int64_t seconds) { return std::to_string((seconds + 59) / 60); }

Status ValidateRaise(const Policy& policy, const RaiseInput& in) {
    Status bad;
    auto check = [&](bool ok, const char* field, const char* problem) {
        if (!ok && bad.ok()) bad = Status::Invalid(field, problem);
    };
    // Problems are codes (error.field.<problem> in the message catalogue), so clients word them.
    check(policy.Find(in.colour) != nullptr, "colour", "unknown_value");
    check(!in.source.empty(), "source", "required");
    check(in.source.size() <= 40, "source", "too_long");
    check(!in.title.empty(), "title", "required");
    check(Utf8Length(in.title).value_or(999) <= 100, "title", "too_long");
    check(!in.subject.empty(), "subject", "required");
    check(Utf8Length(in.subject).value_or(999) <= 100, "subject", "too_long");
    check(!in.unit_ids.empty(), "unit_ids", "must_be_non_empty_array");
    check(in.unit_ids.size() <= 50, "unit_ids", "too_many");
    check(in.payload.is_object(), "payload", "must_be_object");
    check(in.links.is_array(), "links", "must_be_array");
    return bad;
}

}  // namespace

Result<int64_t> Raise(storage::Connection& c, const Policy& policy, const RaiseInput& in, int64_t now) {
    JW_RETURN_IF_ERROR(ValidateRaise(policy, in));
    if (!in.dedup_key.empty()) {
        JW_ASSIGN_OR_RETURN(auto earlier, repo::FindByDedupKey(c, in.dedup_key));
        if (earlier) return *earlier;
    }
    const std::set<int64_t> units(in.unit_ids.begin(), in.unit_ids.end());
    std::string unit_names;
    for (int64_t u : units) {
        auto unit = auth::repo::GetUnit(c, u);
        if (!unit.ok()) return Status::Invalid("unit_ids", "not_found");
        if (unit->dissolved_at) return Status::Invalid("unit_ids", "dissolved");
        unit_names += (unit_names.empty() ? "" : "、") + unit->name;
    }
    const ColourRule& rule = *policy.Find(in.colour);
    RaiseInput stored = in;
    if (!in.title_code.empty()) {
        stored.payload["title_code"] = in.title_code;
        stored.payload["title_params"] = in.title_params;
    }
    JW_ASSIGN_OR_RETURN(const int64_t id, repo::InsertAlert(c, stored, now));
    for (int64_t u : units) JW_RETURN_IF_ERROR(repo::InsertTarget(c, id, u, now + rule.sign_within_s));
    MessageParams params{{"colour", in.colour},
                         {"title", in.title},
                         {"subject", in.subject},
                         {"units", unit_names},
                         {"minutes", Minutes(rule.sign_within_s)},
                         {"alert_id", std::to_string(id)}};
    for (const auto& [k, v] : in.title_params) params.emplace(k, v);
    const std::string code = in.notify_code.empty() ? std::string(MessageCode("alerts.raised")) : in.notify_code;
    JW_RETURN_IF_ERROR(
        NotifyAlertUnits(c, std::vector<int64_t>(units.begin(), units.end()), code, std::move(params), rule.sms));
    return id;
}

Status NotifyAlertUnits(storage::Connection& c, const std::vector<int64_t>& unit_ids, const std::string& code,
                        MessageParams params, bool sms) {
    JW_ASSIGN_OR_RETURN(auto signers, auth::repo::UsersWithPermission(c, "alerts.sign", unit_ids));
    JW_RETURN_IF_ERROR(Notify(c, signers, "alert", code, params, sms));
    JW_ASSIGN_OR_RETURN(auto centre, auth::repo::UsersWithPermission(c, "alerts.centre", std::nullopt));
    std::vector<int64_t> rest;
    for (int64_t u : centre)
        if (std::find(signers.begin(), signers.end(), u) == signers.end()) rest.push_back(u);
    return Notify(c, rest, "alert", code, std::move(params), false);
}

Status Sign(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t user_id, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto target, repo::GetTargetState(c, alert_id, unit_id));
    if (!target) return Status::NotFound("alert target");
    if (target->signed_at) return Status::Conflict("already_signed");
    return repo::MarkSigned(c, alert_id, unit_id, user_id, now);
}

Status Feedback(storage::Connection& c, int64_t alert_id, int64_t unit_id, const FeedbackInput& in, int64_t user_id,
                int64_t now) {
    if (in.outcome.empty()) return Status::Invalid("outcome", "required");
    if (Utf8Length(in.outcome).value_or(999) > 40) return Status::Invalid("outcome", "too_long");
    if (in.officer.empty()) return Status::Invalid("officer", "required");
    if (Utf8Length(in.officer).value_or(999) > 40) return Status::Invalid("officer", "too_long");
    if (Utf8Length(in.notes).value_or(9999) > 1000) return Status::Invalid("notes", "too_long");
    JW_ASSIGN_OR_RETURN(auto target, repo::GetTargetState(c, alert_id, unit_id));
    if (!target) return Status::NotFound("alert target");
    if (!target->signed_at) return Status::Conflict("not_signed");
    if (target->feedback_at) return Status::Conflict("already_reported");
    JW_RETURN_IF_ERROR(repo::RecordFeedback(c, alert_id, unit_id, in, user_id, now));
    JW_ASSIGN_OR_RETURN(const int64_t unreported, repo::CountUnreported(c, alert_id));
    if (unreported == 0) JW_RETURN_IF_ERROR(repo::CloseAlert(c, alert_id, now));
    return Status::Ok();
}

Result<int> EscalateOverdue(storage::Connection& c, const Policy& policy, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto due, repo::ListOverdueTargets(c, now));
    JW_ASSIGN_OR_RETURN(auto centre, auth::repo::UsersWithPermission(c, "alerts.centre", std::nullopt));
    for (const auto& t : due) {
        const ColourRule* rule = policy.Find(t.colour);
        JW_RETURN_IF_ERROR(repo::MarkEscalated(c, t.alert_id, t.unit_id, now));
        JW_ASSIGN_OR_RETURN(auto chain, UnitAndParents(c, t.unit_id));
        JW_ASSIGN_OR_RETURN(auto leaders, auth::repo::UsersWithPermission(c, "alerts.escalation", chain));
        for (int64_t u : centre)
            if (std::find(leaders.begin(), leaders.end(), u) == leaders.end()) leaders.push_back(u);
        // A server-made title (a watch hit's) in both languages, so the escalation reads in the reader's (ADR 0043).
        JW_ASSIGN_OR_RETURN(const Alert alert, repo::GetAlert(c, t.alert_id));
        const MessageParams params{
            {"colour", t.colour},   {"title", t.title},    {"title_en", TitleIn(alert, Lang::kEn)},
            {"subject", t.subject}, {"unit", t.unit_name}, {"alert_id", std::to_string(t.alert_id)}};
        JW_RETURN_IF_ERROR(
            Notify(c, leaders, "alert_escalation", MessageCode("alerts.escalated"), params, rule && rule->sms));
    }
    return static_cast<int>(due.size());
}

Result<Alert> Get(storage::Connection& c, int64_t alert_id) { return repo::GetAlert(c, alert_id); }

Result<Alert> GetInScope(storage::Connection& c, int64_t alert_id,
                         const std::optional<std::vector<int64_t>>& unit_scope) {
    JW_ASSIGN_OR_RETURN(Alert a, repo::GetAlert(c, alert_id));
    if (!unit_scope) return a;
    for (const auto& t : a.targets)
        if (std::find(unit_scope->begin(), unit_scope->end(), t.unit_id) != unit_scope->end()) return a;
    return Status::NotFound("alert");
}

Result<Alert> RaiseAndGet(storage::Connection& c, const Policy& policy, const RaiseInput& in, int64_t now) {
    JW_ASSIGN_OR_RETURN(const int64_t id, Raise(c, policy, in, now));
    return repo::GetAlert(c, id);
}

Result<Alert> SignAndGet(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t user_id, int64_t now) {
    JW_RETURN_IF_ERROR(Sign(c, alert_id, unit_id, user_id, now));
    return repo::GetAlert(c, alert_id);
}

Result<Alert> FeedbackAndGet(storage::Connection& c, int64_t alert_id, int64_t unit_id, const FeedbackInput& in,
                             int64_t user_id, int64_t now) {
    JW_RETURN_IF_ERROR(Feedback(c, alert_id, unit_id, in, user_id, now));
    return repo::GetAlert(c, alert_id);
}

}  // namespace jw::alerts

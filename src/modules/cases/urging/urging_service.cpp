#include "cases/urging/urging_service.hpp"

#include "auth/auth_repository.hpp"
#include "cases/case_repository.hpp"
#include "cases/urging/urging_repository.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "notify/outbox.hpp"

namespace jw::cases::urging {

namespace {

// The case, when it is open and in the actor's own data scope (no reviewer's exception: 督办 is a line of command).
Result<Case> OpenCaseInScope(storage::Connection& c, const auth::Principal& actor, int64_t case_id) {
    auto k = cases::repo::GetCase(c, case_id);
    if (!k.ok()) return k.status().code() == ErrorCode::kNotFound ? Status::NotFound("case") : k.status();
    if (!actor.SeesUnit(k->unit_id)) return Status::NotFound("case");
    if (k->state == "closed") return Status(ErrorCode::kConflict, "the case is closed", {{"state", "closed"}});
    return *k;
}

Status CheckText(const std::string& field, const std::string& text) {
    if (text.empty()) return Status::Invalid(field, "required");
    if (Utf8Length(text).value_or(kMaxMessage + 1) > kMaxMessage) return Status::Invalid(field, "too_long");
    return Status::Ok();
}

// The step on the case's timeline: a record event that changes neither the state nor the version.
Status RecordEvent(storage::Connection& c, const auth::Principal& actor, const Case& k, const std::string& action,
                   const Json& data, int64_t now) {
    CaseEvent e;
    e.case_id = k.id;
    e.kind = "record";
    e.action = action;
    e.from_state = e.to_state = k.state;
    e.at = e.recorded_at = now;
    e.actor_id = actor.user_id;
    e.actor_unit_id = actor.unit_id;
    e.data_json = data.dump();
    e.case_version = k.version;
    return cases::repo::InsertEvent(c, e).status();
}

Status Notify(storage::Connection& c, const std::vector<int64_t>& users, std::string_view code,
              const MessageParams& params) {
    notify::Notification n;
    n.kind = "urging";
    n.channel = "inapp";
    n.code = std::string(code);
    n.params = params;
    for (int64_t u : users) {
        n.user_id = u;
        JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
    }
    return Status::Ok();
}

Result<Urging> RootOfCase(storage::Connection& c, int64_t case_id, int64_t urging_id) {
    auto u = repo::Get(c, urging_id);
    if (!u.ok()) return u.status();
    if (u->case_id != case_id || u->parent_id != 0) return Status::NotFound("urging");
    if (u->answered_at != 0) return Status(ErrorCode::kConflict, "the 督办 is answered", {{"urging", "answered"}});
    return *u;
}

}  // namespace

Result<Urging> Issue(storage::Connection& c, const auth::Principal& sender, int64_t case_id, const std::string& message,
                     const std::string& due_date, int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, OpenCaseInScope(c, sender, case_id));
    JW_RETURN_IF_ERROR(CheckText("message", message));
    if (due_date.empty()) return Status::Invalid("due_date", "required");
    const auto due = ParseDate(due_date);
    if (!due || due_date.size() != 10) return Status::Invalid("due_date", "invalid_date");
    if (FormatDate(*due) < FormatChinaDate(now)) return Status::Invalid("due_date", "past");
    JW_ASSIGN_OR_RETURN(auto heads,
                        auth::repo::UsersWithPermission(c, "case.urge.receive", std::vector<int64_t>{k.unit_id}));
    if (heads.empty())
        return Status(ErrorCode::kConflict, "nobody in the case's unit receives 督办", {{"unit", "no_unit_head"}});
    Urging u;
    u.case_id = k.id;
    u.message = message;
    u.due_date = FormatDate(*due);
    u.issued_by = sender.user_id;
    u.issued_at = now;
    u.recipients = heads;
    JW_ASSIGN_OR_RETURN(u.id, repo::Insert(c, u));
    JW_RETURN_IF_ERROR(
        RecordEvent(c, sender, k, "urge", {{"urging_id", u.id}, {"message", message}, {"due_date", u.due_date}}, now));
    JW_RETURN_IF_ERROR(Notify(c, heads, MessageCode("cases.urge.issued"),
                              {{"case_no", k.case_no},
                               {"cause", k.cause},
                               {"due_date", u.due_date},
                               {"by", sender.name},
                               {"message", message},
                               {"case_id", std::to_string(k.id)}}));
    return repo::Get(c, u.id);
}

Result<Urging> Remind(storage::Connection& c, const auth::Principal& sender, int64_t case_id, int64_t urging_id,
                      const std::string& message, int64_t now) {
    JW_ASSIGN_OR_RETURN(Case k, OpenCaseInScope(c, sender, case_id));
    JW_RETURN_IF_ERROR(CheckText("message", message));
    JW_ASSIGN_OR_RETURN(Urging root, RootOfCase(c, case_id, urging_id));
    Urging u;
    u.case_id = k.id;
    u.parent_id = root.id;
    u.message = message;
    u.issued_by = sender.user_id;
    u.issued_at = now;
    u.recipients = root.recipients;
    JW_ASSIGN_OR_RETURN(u.id, repo::Insert(c, u));
    JW_RETURN_IF_ERROR(RecordEvent(c, sender, k, "urge_remind",
                                   {{"urging_id", root.id}, {"reminder_id", u.id}, {"message", message}}, now));
    JW_RETURN_IF_ERROR(Notify(c, root.recipients, MessageCode("cases.urge.reminded"),
                              {{"case_no", k.case_no},
                               {"due_date", root.due_date},
                               {"by", sender.name},
                               {"message", message},
                               {"case_id", std::to_string(k.id)}}));
    return repo::Get(c, u.id);
}

Result<Urging> Answer(storage::Connection& c, const auth::Principal& head, int64_t case_id, int64_t urging_id,
                      const std::string& answer, int64_t now) {
    auto k = cases::repo::GetCase(c, case_id);
    if (!k.ok()) return k.status().code() == ErrorCode::kNotFound ? Status::NotFound("case") : k.status();
    if (!head.SeesUnit(k->unit_id)) return Status::NotFound("case");
    JW_RETURN_IF_ERROR(CheckText("answer", answer));
    JW_ASSIGN_OR_RETURN(Urging root, RootOfCase(c, case_id, urging_id));
    JW_RETURN_IF_ERROR(repo::SetAnswer(c, root.id, answer, head.user_id, now));
    JW_RETURN_IF_ERROR(RecordEvent(c, head, *k, "urge_answer", {{"urging_id", root.id}, {"answer", answer}}, now));
    JW_RETURN_IF_ERROR(
        Notify(c, std::vector<int64_t>{root.issued_by}, MessageCode("cases.urge.answered"),
               {{"case_no", k->case_no}, {"by", head.name}, {"answer", answer}, {"case_id", std::to_string(k->id)}}));
    return repo::Get(c, root.id);
}

Result<std::vector<Urging>> OfCase(storage::Connection& c, int64_t case_id) { return repo::ListOfCase(c, case_id); }

}  // namespace jw::cases::urging

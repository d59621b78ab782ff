// The rules of a 110 call (call_service.hpp).
#include "dispatch/calls/call_service.hpp"

#include <cctype>
#include <cmath>

#include "alerts/alert.hpp"
#include "alerts/alerts_service.hpp"
#include "auth/auth_repository.hpp"
#include "common/json_util.hpp"
#include "dispatch/board/board_signal.hpp"
#include "dispatch/callbacks/callback_service.hpp"
#include "dispatch/calls/call_lifecycle.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_keys.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "notify/outbox.hpp"

namespace jw::dispatch {
namespace {

std::optional<std::vector<int64_t>> ScopeOf(const auth::Principal& p) {
    if (p.all_units) return std::nullopt;
    return p.unit_scope;
}

bool ValidPhone(const std::string& phone) {
    int digits = 0;
    for (unsigned char ch : phone) {
        if (std::isdigit(ch))
            ++digits;
        else if (ch != '+' && ch != '-' && ch != ' ')
            return false;
    }
    return digits >= 3 && digits <= 20;
}

// A change of state by `action` with its event; `ch` carries what else changes.
Status Move(storage::Connection& c, const auth::Principal& actor, const Call& k, const std::string& action,
            repo::CallChange ch, const std::string& detail, std::optional<int64_t> expected_version, int64_t now) {
    JW_ASSIGN_OR_RETURN(const Transition* t, CheckTransition(action, k.state, actor));
    ch.state = t->to;
    JW_RETURN_IF_ERROR(repo::UpdateCall(c, k.id, ch, now, expected_version));
    return RecordEvent(c, k.id, actor.user_id, action, k.state, t->to, detail, now);
}

}  // namespace

std::string PlaceKey(std::optional<int64_t> address_id, const std::string& place_text) {
    if (address_id) return "addr:" + std::to_string(*address_id);
    std::string key = "text:";
    for (unsigned char ch : place_text)
        if (!std::isspace(ch) && !std::ispunct(ch)) key.push_back(static_cast<char>(std::tolower(ch)));
    return key;
}

Status ValidateCall(const CallInput& in, int64_t now) {
    Status s(ErrorCode::kInvalidArgument, "invalid call");
    auto& f = s.mutable_fields();
    auto len = [](const std::string& t) { return Utf8Length(t).value_or(100000); };
    if (in.caller_phone.empty())
        f["caller_phone"] = "required";
    else if (!ValidPhone(in.caller_phone))
        f["caller_phone"] = "bad_phone";
    if (len(in.caller_name) > 30) f["caller_name"] = "too_long";
    if (in.summary.empty())
        f["summary"] = "required";
    else if (len(in.summary) > 500)
        f["summary"] = "too_long";
    if (in.place_text.empty())
        f["place_text"] = "required";
    else if (len(in.place_text) > 200)
        f["place_text"] = "too_long";
    if (in.category.empty())
        f["category"] = "required";
    else if (!FindCategory(in.category))
        f["category"] = "invalid_enum";
    if (in.priority < 0 || in.priority > 4) f["priority"] = "out_of_range";
    if (in.latitude && (!std::isfinite(*in.latitude) || std::fabs(*in.latitude) > 90)) f["latitude"] = "out_of_range";
    if (in.longitude && (!std::isfinite(*in.longitude) || std::fabs(*in.longitude) > 180))
        f["longitude"] = "out_of_range";
    if (in.received_at && *in.received_at > now + 60) f["received_at"] = "in_future";
    if (in.received_at && *in.received_at < now - 86400) f["received_at"] = "too_old";
    if (in.source != "110" && in.source != "12345") f["source"] = "invalid_enum";
    return f.empty() ? Status::Ok() : s;
}

Result<int64_t> TakeCall(storage::Connection& c, const auth::Principal& actor, CallInput in,
                         const community::AddressMatcher* matcher, int64_t now) {
    if (!actor.Can("dispatch.intake")) return Status::Denied("dispatch.intake");
    JW_RETURN_IF_ERROR(ValidateCall(in, now));
    if (in.unit_id == 0) in.unit_id = actor.unit_id;
    if (!auth::repo::GetLiveUnit(c, in.unit_id).ok()) return Status::Invalid("unit_id", "not_found");
    if (!actor.all_units && !actor.SeesUnit(in.unit_id)) return Status::Invalid("unit_id", "out_of_scope");
    const Category& cat = *FindCategory(in.category);
    repo::NewCallRow row;
    Call& k = row.call;
    k.received_at = in.received_at.value_or(now);
    k.caller_phone = in.caller_phone;
    k.caller_name = in.caller_name;
    k.summary = in.summary;
    k.place_text = in.place_text;
    k.latitude = in.latitude;
    k.longitude = in.longitude;
    if (in.address_id) {
        k.address_id = in.address_id;
    } else if (matcher) {
        auto m = matcher->Match(in.place_text);
        if (m.matched) {
            const community::Address& a = matcher->addresses()[m.best.index];
            k.address_id = a.id;
            k.address_code = a.code;
            if (!k.latitude && a.latitude) k.latitude = a.latitude;
            if (!k.longitude && a.longitude) k.longitude = a.longitude;
        }
    }
    k.category = cat.code;
    k.police = cat.police;
    k.priority = in.priority > 0 ? in.priority : cat.priority;
    k.source = in.source;
    k.external_ref = in.external_ref;
    k.unit_id = in.unit_id;
    k.state = "received";
    k.dispatch_due_at = k.received_at + int64_t(cat.dispatch_minutes) * 60;
    k.arrival_due_at =
        k.received_at + int64_t(cat.arrival_minutes > 0 ? cat.arrival_minutes : cat.dispatch_minutes) * 60;
    if (actor.user_id != 0) k.taken_by = actor.user_id;  // 0: the 12345 platform's hand-over
    k.created_at = k.updated_at = now;
    JW_ASSIGN_OR_RETURN(k.call_no, repo::NextCallNo(c, k.received_at));
    row.place_key = PlaceKey(k.address_id, k.place_text);
    JW_ASSIGN_OR_RETURN(int64_t id, repo::InsertCall(c, row));
    JW_RETURN_IF_ERROR(RecordEvent(c, id, k.taken_by, "intake", "", "received", k.call_no, now));
    return id;
}

Result<Call> CallInScope(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    return repo::GetCall(c, id, ScopeOf(actor));
}

Result<std::vector<Call>> RelatedCalls(storage::Connection& c, const std::string& caller_phone,
                                       std::optional<int64_t> address_id, const std::string& place_text, int64_t before,
                                       int64_t except_id) {
    const std::string index = caller_phone.empty() ? std::string("-") : CallerIndex(caller_phone);
    return repo::RelatedCalls(c, index, address_id, PlaceKey(address_id, place_text), before - kRelatedWindowSeconds,
                              before, except_id, kRelatedLimit);
}

Status DispatchCall(storage::Connection& c, const auth::Principal& actor, int64_t id, std::optional<int64_t> patrol_id,
                    std::optional<int64_t> unit_id, std::optional<int64_t> expected_version, int64_t now) {
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(c, actor, id));
    JW_RETURN_IF_ERROR(CheckTransition("dispatch", k.state, actor).status());
    repo::CallChange ch;
    ch.time_column = "dispatched_at";
    std::string detail;
    if (patrol_id) {
        auto p = repo::GetPatrol(c, *patrol_id);
        if (!p.ok()) return Status::Invalid("patrol_id", "not_found");
        if (p->status != "available") return Status::Invalid("patrol_id", "not_available");
        ch.patrol_id = p->id;
        ch.unit_id = p->unit_id;
        detail = p->name;
        JW_RETURN_IF_ERROR(repo::UpdatePatrol(c, p->id, "en_route", k.id, now));
    } else if (unit_id) {
        auto u = auth::repo::GetLiveUnit(c, *unit_id);
        if (!u.ok()) return Status::Invalid("unit_id", "not_found");
        ch.unit_id = *unit_id;
        detail = u->name;
    }
    return Move(c, actor, k, "dispatch", ch, detail, expected_version, now);
}

Status RespondCall(storage::Connection& c, const auth::Principal& actor, int64_t id, const std::string& action,
                   const std::string& note, std::optional<int64_t> expected_version, int64_t now) {
    if (action != "accept" && action != "arrive" && action != "finish")
        return Status::Invalid("action", "unknown_action");
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(c, actor, id));
    JW_RETURN_IF_ERROR(CheckTransition(action, k.state, actor).status());
    repo::CallChange ch;
    std::string patrol_status;
    if (action == "accept") {
        ch.time_column = "accepted_at";
        patrol_status = "en_route";
    } else if (action == "arrive") {
        ch.time_column = "arrived_at";
        patrol_status = "on_scene";
    } else {
        if (note.empty()) return Status::Invalid("note", "required");
        ch.time_column = "finished_at";
        ch.outcome = "resolved";
        patrol_status = "available";
    }
    if (k.patrol_id)
        JW_RETURN_IF_ERROR(repo::UpdatePatrol(c, *k.patrol_id, patrol_status,
                                              patrol_status == "available" ? std::nullopt : std::optional(k.id), now));
    JW_RETURN_IF_ERROR(Move(c, actor, k, action, ch, note, expected_version, now));
    if (action == "finish") JW_RETURN_IF_ERROR(OpenCallback(c, k.id, std::nullopt, now).status());
    return Status::Ok();
}

Result<int> EscalateOverdue(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto overdue, repo::OverdueCalls(c, now, 200));
    int n = 0;
    for (const Call& k : overdue) {
        const bool dispatch_late = k.state == "received";
        const Category* cat = FindCategory(k.category);
        alerts::RaiseInput in;
        in.source = "dispatch";
        in.source_ref = k.call_no;
        in.dedup_key = "dispatch:" + std::to_string(k.id) + ":late";
        in.colour = k.priority <= 1 ? "red" : "orange";
        in.subject = k.call_no;
        in.title = std::string(dispatch_late ? "110警情超时未派警 " : "110警情超时未到场 ") + k.call_no + " " +
                   (cat ? cat->name_zh : k.category);
        in.payload = Json{{"call_id", k.id}, {"late", dispatch_late ? "dispatch" : "arrival"}};
        in.links = Json::array({Json{{"label", k.call_no}, {"href", "/dispatch/calls/" + std::to_string(k.id)}}});
        in.unit_ids = {k.unit_id};
        JW_RETURN_IF_ERROR(alerts::Raise(c, alerts::Policy::Default(), in, now).status());
        // The duty leaders of the unit and the units above it hear it at once (not only once the alert is unsigned).
        std::vector<int64_t> chain;
        std::optional<int64_t> next = k.unit_id;
        while (next && chain.size() < 16) {
            auto u = auth::repo::GetUnit(c, *next);
            if (!u.ok()) break;
            chain.push_back(*next);
            next = u->parent_id;
        }
        JW_ASSIGN_OR_RETURN(auto leaders, auth::repo::UsersWithPermission(c, "dispatch.review", chain));
        notify::Notification note;
        note.kind = "dispatch_overdue";
        note.code = "dispatch.overdue";
        note.channel = "inapp";
        note.params = {{"call_no", k.call_no},
                       {"late", dispatch_late ? "dispatch" : "arrival"},
                       {"unit", k.unit_name},
                       {"category", cat ? cat->name_zh : k.category}};
        for (int64_t leader : leaders) {
            note.user_id = leader;
            JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, note).status());
        }
        repo::CallChange ch;
        ch.time_column = "escalated_at";
        JW_RETURN_IF_ERROR(repo::UpdateCall(c, k.id, ch, now));
        JW_RETURN_IF_ERROR(RecordEvent(c, k.id, std::nullopt, "escalate", k.state, k.state,
                                       dispatch_late ? "dispatch" : "arrival", now));
        ++n;
    }
    return n;
}

Status RecordEvent(storage::Connection& c, int64_t call_id, std::optional<int64_t> user_id, const std::string& action,
                   const std::string& from, const std::string& to, const std::string& detail, int64_t now) {
    CallEvent e;
    e.call_id = call_id;
    e.at = now;
    e.user_id = user_id;
    e.action = action;
    e.from_state = from;
    e.to_state = to;
    e.detail = detail;
    JW_RETURN_IF_ERROR(repo::InsertEvent(c, e));
    // Every change of a call passes here: the duty desks' boards hear of it (board/board_signal.hpp).
    JW_ASSIGN_OR_RETURN(auto unit, repo::UnitOfCall(c, call_id));
    return unit ? SignalBoard(c, *unit, "call", call_id, to, now) : Status::Ok();
}

}  // namespace jw::dispatch

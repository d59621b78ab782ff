// The ticket's state machine (workflow.hpp).
#include "servicedesk/tickets/workflow.hpp"

#include <algorithm>

#include "common/china_day.hpp"
#include "servicedesk/assignment/time_limits.hpp"
#include "servicedesk/tickets/catalogue.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"

namespace jw::servicedesk {
namespace {

bool InScope(const auth::Principal& who, const Ticket& t) {
    const auto scope = TicketScope(who);
    if (!scope) return true;
    return t.unit_id && std::find(scope->begin(), scope->end(), *t.unit_id) != scope->end();
}

// The unit's actions need the ticket to be the unit's own; the centre's need only the permission.
bool UnitAction(const Transition& tr) { return tr.permission == "servicedesk.reply"; }

}  // namespace

const std::vector<Transition>& Workflow() {
    static const std::vector<Transition> rows = [] {
        std::vector<Transition> out;
        for (const auto& r : DataRows("workflow.csv", 7))
            out.push_back({r[0], r[1], r[2], r[3], r[4] == "1", r[5], r[6]});
        return out;
    }();
    return rows;
}

const Transition* FindTransition(const std::string& action, const std::string& from) {
    for (const auto& t : Workflow())
        if (t.action == action && t.from == from) return &t;
    return nullptr;
}

std::optional<std::vector<int64_t>> TicketScope(const auth::Principal& who) {
    if (who.Can("servicedesk.supervise") || who.all_units) return std::nullopt;
    return who.unit_scope;
}

std::vector<std::string> AllowedActions(const auth::Principal& who, const Ticket& t) {
    std::vector<std::string> out;
    for (const auto& tr : Workflow()) {
        if (tr.from != t.state || !who.Can(tr.permission)) continue;
        if (UnitAction(tr)) {
            const auto& s = who.unit_scope;
            if (!t.unit_id || std::find(s.begin(), s.end(), *t.unit_id) == s.end()) continue;
        }
        out.push_back(tr.action);
    }
    return out;
}

Result<Ticket> Step(storage::Connection& c, const auth::Principal& who, int64_t ticket_id, const StepInput& in,
                    int64_t now) {
    bool known = false;
    for (const auto& tr : Workflow()) known = known || tr.action == in.action;
    if (!known) return Status::Invalid("action", "invalid_enum");
    JW_ASSIGN_OR_RETURN(Ticket t, repo::GetTicket(c, ticket_id));
    if (!InScope(who, t)) return Status::NotFound("ticket");
    const Transition* tr = FindTransition(in.action, t.state);
    // The permission first: a role that may never take the action learns nothing about the state.
    std::string permission;
    for (const auto& row : Workflow())
        if (row.action == in.action) permission = row.permission;
    if (!who.Can(permission)) return Status::Denied(permission);
    if (permission == "servicedesk.reply") {
        const auto& s = who.unit_scope;
        if (!t.unit_id || std::find(s.begin(), s.end(), *t.unit_id) == s.end()) return Status::NotFound("ticket");
    }
    // A stale version first: the ticket moved since the caller read it (a retry, a second desk).
    if (in.version != t.version) return Status::Conflict("version");
    if (!tr) return Status::Invalid("action", "not_allowed_in_state");
    if (tr->note_required && in.note.empty()) return Status::Invalid("note", "required");

    const std::string from = t.state;
    Ticket next = t;
    next.state = tr->to;
    if (in.action == "assign") {
        if (!in.unit_id) return Status::Invalid("unit_id", "required");
        JW_RETURN_IF_ERROR(repo::UnitName(c, *in.unit_id).status());
        next.unit_id = in.unit_id;
        if (!in.officer_police_no.empty()) next.officer_police_no = in.officer_police_no;
        next.assigned_at = now;
    } else if (in.action == "join") {
        if (!in.into || *in.into == t.id) return Status::Invalid("into", "required");
        auto root = repo::GetTicket(c, *in.into);
        if (!root.ok() || root->parent_id || root->state == "joined") return Status::Invalid("into", "not_found");
        next.parent_id = root->id;
    } else if (in.action == "split") {
        next.parent_id.reset();
    } else if (in.action == "extend") {
        const int step = ExtensionStep(t);
        if (step == 0 || in.days != step) return Status::Invalid("days", "extension_not_allowed");
        JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(c, t.id));
        events.push_back(TicketEvent{.ticket_id = t.id, .at = now, .action = "extend"});
        if (!TicketClocks(t, events, ChinaDateOf(now)).ok()) return Status::Invalid("days", "extension_not_allowed");
        next.extended_days += in.days;
    } else if (in.action == "reply") {
        next.reply = in.note;
        next.replied_at = now;
    } else if (in.action == "return") {
        next.replied_at.reset();  // the handling clock runs again until the new reply
    } else if (in.action == "accept" || in.action == "verify") {
        if (!in.note.empty()) next.finding = in.note;
    } else if (in.action == "require_rectification") {
        next.finding = in.note;
    } else if (in.action == "report_rectified") {
        next.rectification = in.note;
    } else if (in.action == "callback") {
        if (in.result != "satisfied" && in.result != "basically" && in.result != "unsatisfied")
            return Status::Invalid("result", "invalid_enum");
        JW_RETURN_IF_ERROR(repo::InsertCallback(c, Callback{t.id, now, who.user_id, in.result, in.note}));
        next.closed_at = now;
    }
    JW_RETURN_IF_ERROR(repo::UpdateTicket(c, next, t.version, now));
    std::string note = in.note;
    if (in.action == "callback") note = in.result + (in.note.empty() ? "" : ": " + in.note);
    if (in.action == "extend") note = std::to_string(in.days) + " " + in.note;
    if (in.action == "join") note = std::to_string(*in.into) + (in.note.empty() ? "" : " " + in.note);
    JW_RETURN_IF_ERROR(repo::AddEvent(c, TicketEvent{.ticket_id = t.id,
                                                     .at = now,
                                                     .user_id = who.user_id,
                                                     .action = in.action,
                                                     .from_state = from,
                                                     .to_state = next.state,
                                                     .note = note}));
    return repo::GetTicket(c, t.id);
}

}  // namespace jw::servicedesk

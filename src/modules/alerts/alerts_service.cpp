#include "alerts/alerts_service.hpp"

#include <set>

#include "alerts/notify_text.hpp"
#include "common/json_util.hpp"
#include "notify/outbox.hpp"
#include "storage/in_list.hpp"

namespace jw::alerts {
namespace {

using storage::V;

// Active users with `permission` (through a role): in `unit_ids`, or in any unit when it is std::nullopt.
// An empty list finds nobody.
Result<std::vector<int64_t>> UsersWith(storage::Connection& c, const std::string& permission,
                                       const std::optional<std::vector<int64_t>>& unit_ids) {
    std::string sql =
        "SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id "
        "JOIN role_permissions rp ON rp.role_code = ur.role_code WHERE rp.permission = ? AND u.status = 'active'";
    storage::Params params{V(permission)};
    if (unit_ids) sql += " AND " + storage::InFilter(c.dialect(), "u.unit_id", *unit_ids, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY u.id", params));
    std::vector<int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.Int(0));
    return ids;
}

// The unit and its parents up to the bureau.
Result<std::vector<int64_t>> UnitAndParents(storage::Connection& c, int64_t unit_id) {
    std::vector<int64_t> chain;
    std::optional<int64_t> next = unit_id;
    while (next && chain.size() < 16) {
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT parent_id FROM units WHERE id = ?", {V(*next)}));
        chain.push_back(*next);
        next = row.IsNull(0) ? std::nullopt : std::optional<int64_t>(row.Int(0));
    }
    return chain;
}

// `params` carry codes (colour) and facts; the facts a person typed (title, subject) are masked here.
Status Notify(storage::Connection& c, const std::vector<int64_t>& users, const std::string& kind,
              std::string_view code, MessageParams params, bool sms) {
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
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM alerts WHERE dedup_key = ?", {V(in.dedup_key)}));
        if (!rows.empty()) return rows.front().Int(0);
    }
    const std::set<int64_t> units(in.unit_ids.begin(), in.unit_ids.end());
    std::string unit_names;
    for (int64_t u : units) {
        auto row = c.QueryOne("SELECT name FROM units WHERE id = ?", {V(u)});
        if (!row.ok()) return Status::Invalid("unit_ids", "not_found");
        unit_names += (unit_names.empty() ? "" : "、") + row->Str(0);
    }
    const ColourRule& rule = *policy.Find(in.colour);
    JW_ASSIGN_OR_RETURN(
        auto id_row,
        c.QueryOne("INSERT INTO alerts (source, source_ref, dedup_key, colour, subject, title, payload, links, case_no, "
                   "raised_by, raised_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,'open') RETURNING id",
                   {V(in.source), V(in.source_ref), in.dedup_key.empty() ? storage::Null() : V(in.dedup_key),
                    V(in.colour), V(in.subject), V(in.title), V(in.payload.dump()), V(in.links.dump()), V(in.case_no),
                    in.raised_by ? V(*in.raised_by) : storage::Null(), V(now)}));
    const int64_t id = id_row.Int(0);
    for (int64_t u : units) {
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO alert_targets (alert_id, unit_id, sign_due_at) VALUES (?,?,?)",
                                  {V(id), V(u), V(now + rule.sign_within_s)}));
    }
    const MessageParams params{{"colour", in.colour},         {"title", in.title},
                               {"subject", in.subject},       {"units", unit_names},
                               {"minutes", Minutes(rule.sign_within_s)}, {"alert_id", std::to_string(id)}};
    const auto code = MessageCode("alerts.raised");
    JW_ASSIGN_OR_RETURN(auto signers, UsersWith(c, "alerts.sign", std::vector<int64_t>(units.begin(), units.end())));
    JW_RETURN_IF_ERROR(Notify(c, signers, "alert", code, params, rule.sms));
    JW_ASSIGN_OR_RETURN(auto centre, UsersWith(c, "alerts.centre", std::nullopt));
    std::vector<int64_t> rest;
    for (int64_t u : centre)
        if (std::find(signers.begin(), signers.end(), u) == signers.end()) rest.push_back(u);
    JW_RETURN_IF_ERROR(Notify(c, rest, "alert", code, params, false));
    return id;
}

Status Sign(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t user_id, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT signed_at FROM alert_targets WHERE alert_id = ? AND unit_id = ?",
                                           {V(alert_id), V(unit_id)}));
    if (rows.empty()) return Status::NotFound("alert target");
    if (!rows.front().IsNull(0)) return Status::Conflict("already_signed");
    return c.Exec("UPDATE alert_targets SET signed_at = ?, signed_by = ? WHERE alert_id = ? AND unit_id = ?",
                  {V(now), V(user_id), V(alert_id), V(unit_id)});
}

Status Feedback(storage::Connection& c, int64_t alert_id, int64_t unit_id, const FeedbackInput& in, int64_t user_id,
                int64_t now) {
    if (in.outcome.empty()) return Status::Invalid("outcome", "required");
    if (Utf8Length(in.outcome).value_or(999) > 40) return Status::Invalid("outcome", "too_long");
    if (in.officer.empty()) return Status::Invalid("officer", "required");
    if (Utf8Length(in.officer).value_or(999) > 40) return Status::Invalid("officer", "too_long");
    if (Utf8Length(in.notes).value_or(9999) > 1000) return Status::Invalid("notes", "too_long");
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT signed_at, feedback_at FROM alert_targets WHERE alert_id = ? AND unit_id = ?",
                                {V(alert_id), V(unit_id)}));
    if (rows.empty()) return Status::NotFound("alert target");
    if (rows.front().IsNull(0)) return Status::Conflict("not_signed");
    if (!rows.front().IsNull(1)) return Status::Conflict("already_reported");
    JW_RETURN_IF_ERROR(c.Exec("UPDATE alert_targets SET feedback_at = ?, feedback_by = ?, outcome = ?, officer = ?, "
                              "notes = ? WHERE alert_id = ? AND unit_id = ?",
                              {V(now), V(user_id), V(in.outcome), V(in.officer), V(in.notes), V(alert_id), V(unit_id)}));
    JW_ASSIGN_OR_RETURN(auto open, c.QueryOne("SELECT COUNT(*) FROM alert_targets WHERE alert_id = ? AND feedback_at "
                                              "IS NULL", {V(alert_id)}));
    if (open.Int(0) == 0)
        JW_RETURN_IF_ERROR(c.Exec("UPDATE alerts SET status = 'closed', closed_at = ? WHERE id = ?", {V(now), V(alert_id)}));
    return Status::Ok();
}

Result<int> EscalateOverdue(storage::Connection& c, const Policy& policy, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto due, c.Query("SELECT t.alert_id, t.unit_id, a.colour, a.title, a.subject, u.name "
                                          "FROM alert_targets t JOIN alerts a ON a.id = t.alert_id "
                                          "JOIN units u ON u.id = t.unit_id WHERE t.signed_at IS NULL AND "
                                          "t.escalated_at IS NULL AND t.sign_due_at <= ? AND a.status = 'open' "
                                          "ORDER BY t.sign_due_at, t.alert_id, t.unit_id",
                                          {V(now)}));
    JW_ASSIGN_OR_RETURN(auto centre, UsersWith(c, "alerts.centre", std::nullopt));
    for (const auto& row : due) {
        const int64_t alert_id = row.Int(0), unit_id = row.Int(1);
        const ColourRule* rule = policy.Find(row.Str(2));
        JW_RETURN_IF_ERROR(c.Exec("UPDATE alert_targets SET escalated_at = ? WHERE alert_id = ? AND unit_id = ?",
                                  {V(now), V(alert_id), V(unit_id)}));
        JW_ASSIGN_OR_RETURN(auto chain, UnitAndParents(c, unit_id));
        JW_ASSIGN_OR_RETURN(auto leaders, UsersWith(c, "alerts.escalation", chain));
        for (int64_t u : centre)
            if (std::find(leaders.begin(), leaders.end(), u) == leaders.end()) leaders.push_back(u);
        const MessageParams params{{"colour", row.Str(2)}, {"title", row.Str(3)},         {"subject", row.Str(4)},
                                   {"unit", row.Str(5)},   {"alert_id", std::to_string(alert_id)}};
        JW_RETURN_IF_ERROR(
            Notify(c, leaders, "alert_escalation", MessageCode("alerts.escalated"), params, rule && rule->sms));
    }
    return static_cast<int>(due.size());
}

Result<Alert> Get(storage::Connection& c, int64_t alert_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, source, source_ref, colour, subject, title, case_no, status, "
                                           "payload, links, raised_by, raised_at, closed_at FROM alerts WHERE id = ?",
                                           {V(alert_id)}));
    if (rows.empty()) return Status::NotFound("alert");
    const auto& r = rows.front();
    Alert a;
    a.id = r.Int(0);
    a.source = r.Str(1);
    a.source_ref = r.Str(2);
    a.colour = r.Str(3);
    a.subject = r.Str(4);
    a.title = r.Str(5);
    a.case_no = r.Str(6);
    a.status = r.Str(7);
    a.payload = Json::parse(r.Str(8), nullptr, false);
    a.links = Json::parse(r.Str(9), nullptr, false);
    if (!r.IsNull(10)) a.raised_by = r.Int(10);
    a.raised_at = r.Int(11);
    if (!r.IsNull(12)) a.closed_at = r.Int(12);
    JW_ASSIGN_OR_RETURN(auto targets,
                        c.Query("SELECT t.unit_id, u.name, t.sign_due_at, t.signed_at, t.signed_by, t.escalated_at, "
                                "t.feedback_at, t.feedback_by, t.outcome, t.officer, t.notes FROM alert_targets t "
                                "JOIN units u ON u.id = t.unit_id WHERE t.alert_id = ? ORDER BY u.sort_order, u.id",
                                {V(alert_id)}));
    auto opt = [](const storage::Row& row, size_t i) {
        return row.IsNull(i) ? std::nullopt : std::optional<int64_t>(row.Int(i));
    };
    for (const auto& t : targets) {
        a.targets.push_back(Target{t.Int(0), t.Str(1), t.Int(2), opt(t, 3), opt(t, 4), opt(t, 5), opt(t, 6), opt(t, 7),
                                   t.Str(8), t.Str(9), t.Str(10)});
    }
    return a;
}

}  // namespace jw::alerts

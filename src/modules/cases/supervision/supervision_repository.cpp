#include "cases/supervision/supervision_repository.hpp"

#include <algorithm>
#include <sstream>

#include "cases/case_clocks.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "storage/in_list.hpp"

namespace jw::cases::supervision {

using storage::V;

namespace {

constexpr const char* kCaseColumns =
    "SELECT k.id, k.case_no, k.case_type, k.law, k.cause, k.unit_id, k.lead_officer_id, k.state, k.accepted_at, "
    "k.filed_at, k.closed_at, k.last_event_at, k.version, un.name, us.name, us.police_no FROM cases k "
    "JOIN units un ON un.id = k.unit_id JOIN users us ON us.id = k.lead_officer_id";

Case CaseFrom(const storage::Row& r) {
    Case k;
    k.id = r.Int(0);
    k.case_no = r.Str(1);
    k.case_type = r.Str(2);
    k.law = r.Str(3);
    k.cause = r.Str(4);
    k.unit_id = r.Int(5);
    k.lead_officer_id = r.Int(6);
    k.state = r.Str(7);
    k.accepted_at = r.Int(8);
    k.filed_at = r.Int(9);
    k.closed_at = r.Int(10);
    k.last_event_at = r.Int(11);
    k.version = r.Int(12);
    k.unit_name = r.Str(13);
    k.lead_officer_name = r.Str(14);
    k.lead_officer_police_no = r.Str(15);
    return k;
}

Result<std::vector<int64_t>> Ids(Connection& c, const std::string& sql, const storage::Params& params) {
    auto rows = c.Query(sql, params);
    if (!rows.ok()) return rows.status();
    std::vector<int64_t> out;
    for (const auto& r : *rows) out.push_back(r.Int(0));
    return out;
}

}  // namespace

Result<std::vector<Case>> ListOpenCases(Connection& c, const std::optional<std::vector<int64_t>>& unit_scope) {
    storage::Params params;
    std::string sql = std::string(kCaseColumns) + " WHERE k.state <> 'closed'";
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *unit_scope, params);
    auto rows = c.Query(sql + " ORDER BY k.id", params);
    if (!rows.ok()) return rows.status();
    std::vector<Case> out;
    for (const auto& r : *rows) out.push_back(CaseFrom(r));
    return out;
}

Result<Case> GetCaseBrief(Connection& c, int64_t case_id) {
    auto r = c.QueryOne(std::string(kCaseColumns) + " WHERE k.id = ?", {V(case_id)});
    if (!r.ok()) return r.status().code() == ErrorCode::kNotFound ? Status::NotFound("case") : r.status();
    return CaseFrom(*r);
}

Result<std::vector<int64_t>> Recipients(Connection& c, const Case& k, const std::string& role) {
    if (role == "case_officer") return std::vector<int64_t>{k.lead_officer_id};
    const std::string active_with_role =
        "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.status = 'active' AND r.role_code = ?";
    if (role == "legal_reviewer") {
        JW_ASSIGN_OR_RETURN(auto last, Ids(c,
                                           "SELECT reviewer_id FROM case_reviews WHERE case_id = ? ORDER BY round DESC "
                                           "LIMIT 1",
                                           {V(k.id)}));
        if (!last.empty()) return last;
        return Ids(c, active_with_role + " ORDER BY u.id", {V("legal_reviewer")});
    }
    if (role != "unit_head") return std::vector<int64_t>{};
    std::optional<int64_t> unit = k.unit_id;
    for (int depth = 0; unit && depth < 10; ++depth) {
        JW_ASSIGN_OR_RETURN(auto heads,
                            Ids(c, active_with_role + " AND u.unit_id = ? ORDER BY u.id", {V("leader"), V(*unit)}));
        if (!heads.empty()) return heads;
        auto parent = c.QueryOne("SELECT parent_id FROM units WHERE id = ?", {V(*unit)});
        if (!parent.ok() || parent->IsNull(0)) break;
        unit = parent->Int(0);
    }
    return std::vector<int64_t>{};
}

Result<bool> ReminderSent(Connection& c, const std::string& key) {
    auto r = c.Query("SELECT 1 FROM supervision_reminders WHERE idempotency_key = ?", {V(key)});
    if (!r.ok()) return r.status();
    return !r->empty();
}

Status InsertReminder(Connection& c, const std::string& key, int64_t case_id, const deadlines::Reminder& r, int64_t now,
                      const std::string& recipients_json) {
    return c.Exec(
        "INSERT INTO supervision_reminders (idempotency_key, case_id, clock, stage, due_date, sent_at, "
        "recipients) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {V(key), V(case_id), V(r.clock_key), V(r.stage), V(r.due), V(now), V(recipients_json)});
}

Result<std::vector<SentReminder>> ListSentReminders(Connection& c, std::optional<int64_t> case_id) {
    storage::Params params;
    std::string sql = "SELECT case_id, clock, stage, due_date, sent_at FROM supervision_reminders";
    if (case_id) {
        sql += " WHERE case_id = ?";
        params.push_back(V(*case_id));
    }
    auto rows = c.Query(sql + " ORDER BY id", params);
    if (!rows.ok()) return rows.status();
    std::vector<SentReminder> out;
    for (const auto& r : *rows) out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Int(4)});
    return out;
}

Result<int64_t> InsertLetter(Connection& c, Letter& l) {
    const std::string year = ChinaDate(l.issued_at).substr(0, 4);
    auto n =
        c.QueryOne("SELECT COUNT(*) FROM supervision_letters WHERE letter_no LIKE ?", {V("督建〔" + year + "〕%")});
    if (!n.ok()) return n.status();
    l.letter_no = "督建〔" + year + "〕" + std::to_string(n->Int(0) + 1) + "号";
    auto id = c.QueryOne(
        "INSERT INTO supervision_letters (case_id, unit_id, officer_id, letter_no, clock, problem, rule, "
        "basis, due_date, fix_by, issued_at, reminder_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {V(l.case_id), V(l.unit_id), V(l.officer_id), V(l.letter_no), V(l.clock), V(l.problem), V(l.rule), V(l.basis),
         V(l.due_date), V(l.fix_by), V(l.issued_at), V(l.reminder_key)});
    if (!id.ok()) return id.status();
    l.id = id->Int(0);
    return l.id;
}

namespace {
constexpr const char* kLetterColumns =
    "SELECT l.id, l.case_id, k.case_no, l.unit_id, un.name, l.officer_id, l.letter_no, l.clock, l.problem, l.rule, "
    "l.basis, l.due_date, l.fix_by, l.issued_at, l.reminder_key FROM supervision_letters l "
    "JOIN cases k ON k.id = l.case_id JOIN units un ON un.id = l.unit_id";

Letter LetterFrom(const storage::Row& r) {
    return {r.Int(0), r.Int(1), r.Str(2),  r.Int(3),  r.Str(4),  r.Int(5),  r.Str(6), r.Str(7),
            r.Str(8), r.Str(9), r.Str(10), r.Str(11), r.Str(12), r.Int(13), r.Str(14)};
}
}  // namespace

Result<Letter> GetLetter(Connection& c, int64_t id) {
    auto r = c.QueryOne(std::string(kLetterColumns) + " WHERE l.id = ?", {V(id)});
    if (!r.ok()) return r.status().code() == ErrorCode::kNotFound ? Status::NotFound("letter") : r.status();
    return LetterFrom(*r);
}

Result<std::vector<Letter>> ListLetters(Connection& c, const std::optional<std::vector<int64_t>>& unit_scope) {
    storage::Params params;
    std::string sql = kLetterColumns;
    if (unit_scope) sql += " WHERE " + storage::InFilter(c.dialect(), "l.unit_id", *unit_scope, params);
    auto rows = c.Query(sql + " ORDER BY l.id DESC", params);
    if (!rows.ok()) return rows.status();
    std::vector<Letter> out;
    for (const auto& r : *rows) out.push_back(LetterFrom(r));
    return out;
}

Result<std::set<int64_t>> ReturnedCaseIds(Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT r.case_id FROM case_reviews r WHERE r.opinion = 'return' AND "
                                           "r.round = (SELECT MAX(x.round) FROM case_reviews x WHERE x.case_id = "
                                           "r.case_id)"));
    std::set<int64_t> out;
    for (const auto& r : rows) out.insert(r.Int(0));
    return out;
}

Result<std::string> BureauName(Connection& c) {
    auto r = c.QueryOne("SELECT name FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1");
    if (!r.ok()) return r.status();
    return r->Str(0);
}

Result<Policy> LoadPolicy(Connection& c) {
    Policy p;
    auto rows = c.Query("SELECT name, value FROM case_settings WHERE name LIKE 'reminder.%'");
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
        const std::string name = r.Str(0), value = r.Str(1);
        try {
            if (name == "reminder.lead_days") {
                p.reminders.lead_days.clear();
                std::stringstream in(value);
                for (std::string part; std::getline(in, part, ',');) {
                    if (!part.empty()) p.reminders.lead_days.push_back(std::stoi(part));
                }
            } else if (name == "reminder.escalate_after_days") {
                p.reminders.escalate_after_days = std::stoi(value);
            } else if (name == "reminder.letter_after_days") {
                p.reminders.letter_after_days = std::stoi(value);
            } else if (name == "reminder.letter_fix_days") {
                p.letter_fix_days = std::stoi(value);
            }
        } catch (const std::exception&) {
            return Status::Internal("case_settings " + name + " is not a number");
        }
    }
    return p;
}

Status SavePolicy(Connection& c, const Policy& p) {
    std::string lead;
    for (int d : p.reminders.lead_days) lead += (lead.empty() ? "" : ",") + std::to_string(d);
    const std::pair<std::string, std::string> values[] = {
        {"reminder.lead_days", lead},
        {"reminder.escalate_after_days", std::to_string(p.reminders.escalate_after_days)},
        {"reminder.letter_after_days", std::to_string(p.reminders.letter_after_days)},
        {"reminder.letter_fix_days", std::to_string(p.letter_fix_days)}};
    for (const auto& [name, value] : values) {
        JW_RETURN_IF_ERROR(c.Exec("DELETE FROM case_settings WHERE name = ?", {V(name)}));
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO case_settings (name, value) VALUES (?, ?)", {V(name), V(value)}));
    }
    return Status::Ok();
}

}  // namespace jw::cases::supervision

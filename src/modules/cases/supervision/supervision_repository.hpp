#pragma once
// SQL of supervision: reading cases and their events for the reminder job and the dashboard, resolving who
// a reminder goes to, the sent-reminders table (UNIQUE idempotency key), suggestion letters and the reminder
// policy (kept in case_settings). Functions take the connection they run on: a pooled one for reads, the
// Committer's for writes. Errors are the database's (NotFound for a missing row, Conflict for a duplicate).

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cases/case.hpp"
#include "cases/deadlines/reminder_plan.hpp"
#include "storage/database.hpp"

namespace jw::cases::supervision {

using storage::Connection;

// Cases not closed, with unit and lead officer names, ordered by id. `unit_scope` (when given) restricts to
// those units.
Result<std::vector<Case>> ListOpenCases(Connection& c, const std::optional<std::vector<int64_t>>& unit_scope = {});
Result<Case> GetCaseBrief(Connection& c, int64_t case_id);

// The users a reminder role resolves to for a case: case_officer → the lead officer; legal_reviewer → the
// reviewer of the case's latest review, else every active legal reviewer (review is county-wide);
// unit_head → active leaders of the case's unit, else of the nearest parent unit that has one.
Result<std::vector<int64_t>> Recipients(Connection& c, const Case& k, const std::string& role);

Result<bool> ReminderSent(Connection& c, const std::string& key);
Status InsertReminder(Connection& c, const std::string& key, int64_t case_id, const deadlines::Reminder& r, int64_t now,
                      const std::string& recipients_json);

struct SentReminder {
    int64_t case_id = 0;
    std::string clock, stage, due_date;
    int64_t sent_at = 0;
};
Result<std::vector<SentReminder>> ListSentReminders(Connection& c, std::optional<int64_t> case_id);

struct Letter {
    int64_t id = 0;
    int64_t case_id = 0;
    std::string case_no;
    int64_t unit_id = 0;
    std::string unit_name;
    int64_t officer_id = 0;
    std::string letter_no, clock, problem, rule, basis, due_date, fix_by;
    int64_t issued_at = 0;
    std::string reminder_key;
};
// Numbers the letter "督建〔YEAR〕N号" (N counts the year's letters) and stores it. Returns the id.
Result<int64_t> InsertLetter(Connection& c, Letter& l);
Result<Letter> GetLetter(Connection& c, int64_t id);
Result<std::vector<Letter>> ListLetters(Connection& c, const std::optional<std::vector<int64_t>>& unit_scope);

// Cases whose latest legal-review round returned them (and that have not been approved since).
Result<std::set<int64_t>> ReturnedCaseIds(Connection& c);

// The name of the bureau (the root unit), the issuer of supervision documents.
Result<std::string> BureauName(Connection& c);

struct Policy {
    deadlines::ReminderPolicy reminders;
    int letter_fix_days = 7;  // days the unit has to fix what a suggestion letter names
};
// Defaults (3, 1, 0 days; escalate after 1; letter after 3; fix within 7) for settings not stored.
Result<Policy> LoadPolicy(Connection& c);
Status SavePolicy(Connection& c, const Policy& p);

}  // namespace jw::cases::supervision

#pragma once
// The rules of the community officer's work (issue 14, ADR 0035). Every function runs on the caller's connection
// (inside the audited transaction for writes), takes the acting user and the clock (`now`, Unix seconds), and
// returns the record as stored. Errors, beyond the storage layer's:
//  InvalidArgument naming the field (below); NotFound for a record outside the actor's units (a station never
//  learns that another station's record exists); PermissionDenied {task: not_assignee} for a report by someone the
//  task was not given to; Conflict {version: stale | status: already_done | status: not_allowed} as each says.
// Idempotency: a write with a client_key the same author used before changes nothing and returns the first
// record with replay = true (the phone's resend after a lost reply, issue 15).
// Thread safety: pure functions over the connection; the dispute catalogue and the calendar are read-only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "common/holiday_calendar.hpp"
#include "common/status.hpp"
#include "community/work/work.hpp"
#include "community/work/work_repository.hpp"
#include "storage/database.hpp"

namespace jw::community {

template <typename T>
struct Saved {
    T record;
    bool replay = false;
};

// The units whose work records `p` reads: nullopt for county-wide roles.
std::optional<std::vector<int64_t>> WorkScope(const auth::Principal& p);

// Visits. Someone or somewhere is required: person_ids, address_code, house_id or org_id (else
// {address_id: required}); person_ids must be in the register ({person_ids: not_found}), address_code a standard
// address ({address_id: not_found}), house_id / org_id rows of the register; visited_at not in the future
// ({visited_at: in_future}). The grid is the address's (else the house's address's, else grid_id as given).
Result<Saved<Visit>> CreateVisit(storage::Connection& c, const auth::Principal& actor, Visit in, int64_t now);
Result<Visit> ReadVisit(storage::Connection& c, const auth::Principal& actor, int64_t id);

// Patrols: started_at not in the future, ended_at >= started_at ({ended_at: before_start}), at most 24 h
// ({ended_at: too_long}); grid_id or route required ({grid_id: required}).
Result<Saved<Patrol>> CreatePatrol(storage::Connection& c, const auth::Principal& actor, Patrol in, int64_t now);

// Mediations. dispute_type from the catalogue ({dispute_type: invalid_enum}); 1–10 parties, each a register
// person or a name ({parties: required | parties[i]: required | not_found}); occurred_at not in the future.
// A dispute is a repeat when another was recorded in the 365 days before it at the same address or between the
// same parties: repeat_count and repeat_of say so. Starts "open".
inline constexpr int64_t kRepeatWindowSeconds = 365 * 86400;
Result<Saved<Mediation>> CreateMediation(storage::Connection& c, const auth::Principal& actor, Mediation in,
                                         int64_t now);
Result<Mediation> ReadMediation(storage::Connection& c, const auth::Principal& actor, int64_t id);

// The status machine: open → mediating → closed, or open → closed; closed is final. Closing needs an outcome
// (success | failed | transferred, {outcome: required | invalid_enum}); success needs the agreement text
// ({agreement: required}), transferred the receiving body ({transferred_to: required}). A change to the state
// the record is already in (the same outcome) is a replay. expected_version, when given, must be current.
struct MediationChange {
    std::string status;  // mediating | closed
    std::string outcome, agreement, transferred_to;
    std::optional<int> expected_version;
};
// Allowed: true when `from` may go to `to` (the machine above, without the replay case).
bool MediationTransitionAllowed(const std::string& from, const std::string& to);
Result<Saved<Mediation>> ChangeMediation(storage::Connection& c, const auth::Principal& actor, int64_t id,
                                         const MediationChange& change, int64_t now);

// Tasks. Exactly one of assignee_id (an active user in the actor's units, {assignee_id: not_found |
// outside_your_units}) and grid_id ({grid_id: required | one_of_assignee_or_grid}). The due time: due_at (after
// now, {due_at: in_past}) or limit_working_days (1–60): the end (23:59:59 China time) of the day that many working
// days after today, counted by the shared time-limit library over the holiday calendar (timelimits/period.hpp).
// A grid task belongs to unit_id (default: the actor's unit; must be in the actor's units).
struct TaskInput {
    Task fields;  // title, description, assignee_id, grid_id, address_code, unit_id, client_key
    std::optional<int64_t> due_at;
    std::optional<int> limit_working_days;
};
Result<Saved<Task>> AssignTask(storage::Connection& c, const auth::Principal& actor, const TaskInput& in,
                               const HolidayCalendar& calendar, int64_t now);
Result<Task> ReadTask(storage::Connection& c, const auth::Principal& actor, int64_t id);
// True when the task is open and past its due time at `now`.
bool IsOverdue(const Task& t, int64_t now);
// Who may report on the task: its assignee; for a grid task, the grid team's members with an account (or, while
// the database has no grid teams, the officers of the task's unit).
Result<bool> MayReport(storage::Connection& c, const auth::Principal& actor, const Task& t);
struct TaskReport {
    std::string report;  // required, ≤ 2000 characters
    std::vector<std::string> media_ids;
    std::optional<double> longitude, latitude;
    std::string client_key;
};
Result<Saved<Task>> ReportTask(storage::Connection& c, const auth::Principal& actor, int64_t id, const TaskReport& in,
                               int64_t now);
// The task list; `mine` narrows it to the actor's own tasks (assigned to them or to their grid).
Result<Page<Task>> ListTasksFor(storage::Connection& c, const auth::Principal& actor, WorkFilter f, bool mine);

// The reminders (run by the scheduler): each open task due within 24 h gets one "due" reminder, each task past due
// one "overdue" reminder, to whoever may report on it, through the outbox. Returns how many notifications.
Result<int> RemindTasks(storage::Connection& c, int64_t now);

}  // namespace jw::community

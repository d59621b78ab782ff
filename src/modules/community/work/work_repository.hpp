#pragma once
// All SQL of the community officer's work (community_visits, community_patrols, community_mediations,
// community_tasks), plus the two look-ups it needs from the register: an address's grid and a grid's team.
// Callers hold the connection (and the transaction for writes). Errors: the storage layer's; Get* NotFound.
// Mediation parties arrive and leave in the clear: sealing is done here (work_secrets.hpp), so no caller
// stores them unsealed.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "community/work/work.hpp"
#include "storage/database.hpp"

namespace jw::community {

// What the lists filter on. unit_scope: the units whose records the reader sees (nullopt = the whole county).
struct WorkFilter {
    std::optional<std::vector<int64_t>> unit_scope;
    std::string grid_id, address_code;
    std::optional<int64_t> officer_id;  // author (visits, patrols, mediations)
    std::optional<int64_t> person_id;   // visits and mediations naming this register person (person_ids)
    std::optional<int64_t> from, to;    // [from, to) on the record's own time
    std::string status;                 // mediations: open | mediating | closed; tasks: open | done | overdue
    std::string dispute_type;
    bool follow_up_only = false;       // visits
    bool repeats_only = false;         // mediations
    std::optional<int64_t> mine_user;  // tasks assigned to this user, or to a grid whose team they are in
    std::vector<std::string> mine_grids;
    std::optional<int64_t> assignee_id;
    int64_t now = 0;  // tasks: what "overdue" is measured against
    int page = 1, page_size = 20;
};

template <typename T>
using Page = std::pair<std::vector<T>, int64_t>;  // rows of the page, total

// --- register look-ups ---
// The grid code of a standard address ("" when it has none); NotFound {address_id} when the code is unknown.
Result<std::string> GridOfAddress(storage::Connection& c, const std::string& address_code);
// User ids of the grid's team members with an account (community_grid_members of the grids part). Empty when
// the grid has none, or when the grids part's table is not in this database yet.
Result<std::vector<int64_t>> GridTeamUsers(storage::Connection& c, const std::string& grid_code);
// The grid codes whose team includes the user (empty as above).
Result<std::vector<std::string>> GridsOfUser(storage::Connection& c, int64_t user_id);
// Users of the unit holding `role` (the fallback team of a grid task while the grid has no accounts).
Result<std::vector<int64_t>> UnitUsersWithRole(storage::Connection& c, int64_t unit_id, const std::string& role);

// Names of register people by id (ids not in the register are left out).
Result<std::map<int64_t, std::string>> PeopleNames(storage::Connection& c, const std::vector<int64_t>& ids);

// Active users holding the officer role in `units` (nullopt = all), whose name or police number contains `q`
// (all when ""), by unit then name; at most 200. What a leader picks an assignee from.
struct OfficerRow {
    int64_t id = 0;
    std::string name, police_no;
    int64_t unit_id = 0;
    std::string unit_name;
};
Result<std::vector<OfficerRow>> ListOfficers(storage::Connection& c, const std::optional<std::vector<int64_t>>& units,
                                             const std::string& q);

// --- visits ---
Result<int64_t> InsertVisit(storage::Connection& c, const Visit& v);
Result<std::optional<int64_t>> VisitIdByKey(storage::Connection& c, int64_t officer_id, const std::string& key);
Result<Visit> GetVisit(storage::Connection& c, int64_t id);
Result<Page<Visit>> ListVisits(storage::Connection& c, const WorkFilter& f);

// --- patrols ---
Result<int64_t> InsertPatrol(storage::Connection& c, const Patrol& p);
Result<std::optional<int64_t>> PatrolIdByKey(storage::Connection& c, int64_t officer_id, const std::string& key);
Result<Patrol> GetPatrol(storage::Connection& c, int64_t id);
Result<Page<Patrol>> ListPatrols(storage::Connection& c, const WorkFilter& f);

// --- mediations ---
Result<int64_t> InsertMediation(storage::Connection& c, const Mediation& m);
Result<std::optional<int64_t>> MediationIdByKey(storage::Connection& c, int64_t author, const std::string& key);
Result<Mediation> GetMediation(storage::Connection& c, int64_t id);
Result<Page<Mediation>> ListMediations(storage::Connection& c, const WorkFilter& f);
// Earlier disputes (occurred_at in [since, before)) at the same address (when not "") or with the same parties:
// how many, and the newest one's id.
Result<std::pair<int, std::optional<int64_t>>> EarlierDisputes(storage::Connection& c, const std::string& address_code,
                                                               const std::string& parties_index, int64_t since,
                                                               int64_t before);
// Writes status, outcome, agreement, transferred_to, closed_at/by, updated_at and version + 1 when the row is
// still at `expected_version`. Conflict {version: stale} otherwise.
Status UpdateMediationState(storage::Connection& c, const Mediation& m, int expected_version);

// --- tasks ---
Result<int64_t> InsertTask(storage::Connection& c, const Task& t);
Result<std::optional<int64_t>> TaskIdByKey(storage::Connection& c, int64_t assigned_by, const std::string& key);
Result<Task> GetTask(storage::Connection& c, int64_t id);
Result<Page<Task>> ListTasks(storage::Connection& c, const WorkFilter& f);
// Marks the open task done with its report. Conflict {status: already_done} when it is not open any more.
Status CompleteTask(storage::Connection& c, const Task& t);
// Open tasks due before `due_before` whose reminder of that kind was not sent yet (overdue: due_at <= now).
Result<std::vector<Task>> TasksToRemind(storage::Connection& c, bool overdue, int64_t due_before);
Status MarkReminded(storage::Connection& c, int64_t task_id, bool overdue);

}  // namespace jw::community

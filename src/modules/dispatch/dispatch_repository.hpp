#pragma once
// All SQL of 110 dispatch (its own tables only; names of units, users and organisations joined for display). The
// caller's phone and name are sealed on the way in and opened on the way out (dispatch_keys.hpp). Functions run
// on the caller's connection (inside the caller's transaction when they write). Errors: the storage layer's;
// NotFound "call" / "patrol" / "work_order" / "callback" for a missing row (or one outside the given scope).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dispatch/dispatch.hpp"
#include "storage/database.hpp"

namespace jw::dispatch::repo {

// --- calls
struct NewCallRow {
    Call call;  // every stored field but id/version; caller fields clear
    std::string place_key;
};
Result<int64_t> InsertCall(storage::Connection& c, const NewCallRow& row);
// The next call number of the China day of `t`: "JJ" + YYYYMMDD + 4 digits.
Result<std::string> NextCallNo(storage::Connection& c, int64_t t);
// The call; with `scope`, NotFound unless its unit is in it.
Result<Call> GetCall(storage::Connection& c, int64_t id, const std::optional<std::vector<int64_t>>& scope = {});
Result<std::pair<std::vector<Call>, int64_t>> ListCalls(storage::Connection& c, const CallFilter& f);
// Earlier calls (newest first, at most `limit`) from the same caller index or the same place (address id or place
// key) received in [since, before), excluding `except_id`.
Result<std::vector<Call>> RelatedCalls(storage::Connection& c, const std::string& caller_index,
                                       std::optional<int64_t> address_id, const std::string& place_key, int64_t since,
                                       int64_t before, int64_t except_id, int limit);
// Sets the named time column (dispatched_at | accepted_at | arrived_at | finished_at | closed_at | escalated_at)
// besides state/outcome when given; version +1. Conflict "version_mismatch" when `expected_version` is given and
// differs.
struct CallChange {
    std::optional<std::string> state, outcome;
    std::optional<int64_t> patrol_id, case_id, unit_id;
    bool clear_patrol = false;
    std::string time_column;  // empty: none
    std::optional<std::string> category;
    std::optional<bool> police;
};
Status UpdateCall(storage::Connection& c, int64_t id, const CallChange& ch, int64_t now,
                  std::optional<int64_t> expected_version = std::nullopt);
Status InsertEvent(storage::Connection& c, const CallEvent& e);
Result<std::vector<CallEvent>> ListEvents(storage::Connection& c, int64_t call_id);
// Calls not arrived (or not dispatched) past their due time and not yet escalated.
Result<std::vector<Call>> OverdueCalls(storage::Connection& c, int64_t now, int limit);

// --- patrols
Result<int64_t> InsertPatrol(storage::Connection& c, const Patrol& p);
Result<Patrol> GetPatrol(storage::Connection& c, int64_t id);
Result<std::vector<Patrol>> ListPatrols(storage::Connection& c, const std::optional<std::vector<int64_t>>& scope);
// The phone's position with a status change (the board's map).
Status SetPatrolPosition(storage::Connection& c, int64_t id, double latitude, double longitude, int64_t now);
// The patrol unit `user_id` leads (the phone's "my unit"), if any; the lowest id when several.
Result<std::optional<Patrol>> PatrolLedBy(storage::Connection& c, int64_t user_id);
// The unit a call belongs to now; nullopt when there is no such call.
Result<std::optional<int64_t>> UnitOfCall(storage::Connection& c, int64_t call_id);
// The duty desks who see a change at the end of `unit_chain` (a unit and the units above it): active police
// users holding dispatch.assign, in the chain or with an all-units role.
Result<std::vector<int64_t>> BoardWatchers(storage::Connection& c, const std::vector<int64_t>& unit_chain);
Status UpdatePatrol(storage::Connection& c, int64_t id, const std::string& status, std::optional<int64_t> call_id,
                    int64_t now);

// --- departments and work orders
Status UpsertDepartment(storage::Connection& c, const Department& d);
Result<std::vector<Department>> ListDepartments(storage::Connection& c);
Result<std::optional<Department>> GetDepartment(storage::Connection& c, const std::string& code);
Result<int64_t> InsertWorkOrder(storage::Connection& c, const WorkOrder& w);
// With `org_ids`, NotFound unless the order's organisation is among them.
Result<WorkOrder> GetWorkOrder(storage::Connection& c, int64_t id,
                               const std::optional<std::vector<int64_t>>& org_ids = {});
struct WorkOrderFilter {
    std::string state, department_code;
    std::optional<int64_t> call_id;
    std::optional<std::vector<int64_t>> org_ids;
    std::optional<std::vector<int64_t>> unit_scope;  // the calls' units (a station's police reader)
    std::optional<int64_t> from, to;                 // created_at in [from, to)
    std::optional<int64_t> overdue_at;               // open (sent | accepted) and due before this instant
    std::string order_no;                            // the order's or its call's number, exact or as a prefix
    int page = 1, page_size = 20;
};
Result<std::pair<std::vector<WorkOrder>, int64_t>> ListWorkOrders(storage::Connection& c, const WorkOrderFilter& f);
struct WorkOrderChange {
    std::string state;
    std::optional<int64_t> accepted_by, reported_by;
    std::optional<std::string> report;
    bool set_accepted = false, set_reported = false, set_closed = false;
};
Status UpdateWorkOrder(storage::Connection& c, int64_t id, const WorkOrderChange& ch, int64_t now,
                       std::optional<int64_t> expected_version = std::nullopt);
// The open work order of a call (state other than closed), if any.
Result<std::optional<WorkOrder>> OpenWorkOrderOfCall(storage::Connection& c, int64_t call_id);

// --- callbacks
// Inserts the call's callback unless it has one; returns whether one was made.
Result<bool> InsertCallbackOnce(storage::Connection& c, const Callback& cb);
Result<Callback> GetCallback(storage::Connection& c, int64_t id);
Result<std::optional<Callback>> CallbackOfCall(storage::Connection& c, int64_t call_id);
struct CallbackFilter {
    std::string state, review, result;
    std::optional<std::vector<int64_t>> unit_scope;
    std::optional<int64_t> from, to;    // created_at in [from, to)
    std::optional<int64_t> overdue_at;  // pending and due before this instant
    std::string call_no;                // exact or as a prefix
    int page = 1, page_size = 20;
};
Result<std::pair<std::vector<Callback>, int64_t>> ListCallbacks(storage::Connection& c, const CallbackFilter& f);
Status RecordCallback(storage::Connection& c, int64_t id, const std::string& result, const std::string& comment,
                      int64_t user_id, int64_t now);
Status ConcludeReview(storage::Connection& c, int64_t id, const std::string& note, int64_t user_id, int64_t now);

// --- webhook out
Status EnqueueWebhook(storage::Connection& c, int64_t work_order_id, const std::string& event, const std::string& body,
                      int64_t now);
struct WebhookMessage {
    int64_t id = 0, work_order_id = 0;
    std::string event, body;
    int attempts = 0;
};
Result<std::vector<WebhookMessage>> PendingWebhooks(storage::Connection& c, int limit);
Status MarkWebhook(storage::Connection& c, int64_t id, bool delivered, const std::string& error, int64_t now);

// --- figures
struct UnitMonth {
    int64_t unit_id = 0;
    std::string unit_name, month;  // YYYY-MM (China time)
    int64_t calls = 0, diverted = 0, callbacks = 0, satisfied = 0, basic = 0, unsatisfied = 0;
};
// Per unit and China month of received_at in [from, to).
Result<std::vector<UnitMonth>> Figures(storage::Connection& c, int64_t from, int64_t to,
                                       const std::optional<std::vector<int64_t>>& scope);

}  // namespace jw::dispatch::repo

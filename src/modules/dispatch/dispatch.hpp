#pragma once
// Plain structs of 110 dispatch (接处警, issue 18, ADR 0057): calls and their events, patrol units, departments,
// work orders, callbacks. Personal fields (caller phone and name) are in the clear here; the repository seals them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::dispatch {

// The call's states (calls/call_lifecycle.hpp has the table): received → dispatched → accepted → arrived → finished
// → closed (the callback recorded); diverted → closed once the department reported and the callback is recorded;
// review (an unsatisfied callback) → closed when the leader concludes it.
struct Call {
    int64_t id = 0;
    std::string call_no;
    int64_t received_at = 0;
    std::string caller_phone, caller_name;  // clear; masked by the JSON unless the reader may see them
    std::string summary, place_text;
    std::optional<int64_t> address_id;
    std::string address_code;
    std::optional<double> latitude, longitude;
    std::string category;
    bool police = true;
    int priority = 3;
    std::string source = "110";  // 110 | 12345 (a police matter 12345 handed over)
    std::string external_ref;
    int64_t unit_id = 0;
    std::string unit_name;
    std::optional<int64_t> patrol_id;
    std::string patrol_name;
    std::string state, outcome;  // outcome: resolved | case | diverted
    std::optional<int64_t> case_id;
    std::optional<int64_t> dispatched_at, accepted_at, arrived_at, finished_at, closed_at, escalated_at;
    int64_t dispatch_due_at = 0, arrival_due_at = 0;
    std::optional<int64_t> taken_by;
    int64_t version = 1;
    int64_t created_at = 0, updated_at = 0;
};

struct CallEvent {
    int64_t id = 0, call_id = 0, at = 0;
    std::optional<int64_t> user_id;
    std::string user_name, action, from_state, to_state, detail;
};

// What the desk types at intake.
struct CallInput {
    std::optional<int64_t> received_at;  // default now
    std::string caller_phone, caller_name, summary, place_text, category;
    std::optional<double> latitude, longitude;
    std::optional<int64_t> address_id;  // a standard address picked on the form; else matched from place_text
    int priority = 0;                   // 0: the category's
    int64_t unit_id = 0;                // the responsible station; 0: the desk's unit
    std::string source = "110";
    std::string external_ref;
};

struct CallFilter {
    std::vector<std::string> states;
    std::string category;
    std::string call_no;  // exact (a case's source names its call by number)
    std::optional<int64_t> unit_id;
    std::optional<int64_t> from, to;  // received_at in [from, to)
    std::optional<std::vector<int64_t>> unit_scope;
    int page = 1, page_size = 20;
};

struct Patrol {
    int64_t id = 0;
    std::string code, name;
    int64_t unit_id = 0;
    std::string unit_name;
    std::optional<int64_t> leader_user_id;
    std::string status;  // available | en_route | on_scene | busy | off_duty
    int64_t status_at = 0;
    std::optional<int64_t> call_id;
    // Where the unit last said it was (the phone's position with its status change; schema/002), for the board's map.
    std::optional<double> latitude, longitude;
    int64_t position_at = 0;
};

struct Department {
    std::string code, name, org_code;
    std::optional<int64_t> org_id;
    std::string contact_name, contact_phone;
    int limit_hours = 72;
    std::string channel;              // account | webhook
    std::vector<std::string> topics;  // category codes it usually takes
    std::string basis;
};

// sent → accepted → reported → closed; reopened (an unsatisfied callback) goes back to accepted.
struct WorkOrder {
    int64_t id = 0;
    std::string order_no;
    int64_t call_id = 0;
    std::string call_no, summary, place_text, category;  // of the call (no caller data)
    std::string department_code, department_name;
    std::optional<int64_t> org_id;
    std::string state;
    int64_t due_at = 0;
    std::string note;
    std::optional<int64_t> accepted_at, accepted_by, reported_at, reported_by, closed_at;
    std::string report, external_ref;
    int64_t version = 1;
    int64_t created_at = 0, updated_at = 0;
};

struct Callback {
    int64_t id = 0, call_id = 0;
    std::string call_no;
    std::optional<int64_t> work_order_id;
    int64_t unit_id = 0;
    int64_t created_at = 0, due_at = 0;
    std::string state;   // pending | done
    std::string result;  // satisfied | basic | unsatisfied
    std::string comment;
    std::optional<int64_t> done_by, done_at;
    std::string review;  // "" | open | done
    std::string review_note;
};

// Who acts: the principal's id, unit and permissions are what the rules look at.
}  // namespace jw::dispatch

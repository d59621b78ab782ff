#pragma once
// The person check on the phone (盘查, issue 15). A check is looked up and recorded in one transaction (the
// caller's, the audited write): the answer is what the officer sees on one screen.
//
// Outcomes, most urgent first: wanted (an active 在逃 entry) and watched (any other active entry: 重点人员, missing)
// from the person watch list through its identity check (personwatch/check/identity_check.hpp, source
// mobile_check), which on a hit raises the alert on the duty desk's board with the officer's position, once per
// check (event_ref "field:<officer>:<client_key>", so a resent check raises nothing new); known = in the master
// index (community people); nothing = none of these.
// Errors: InvalidArgument naming id_number (bad_format: not a valid resident ID) or name / birth_date (required
// when no id_number; birth_date bad_format), longitude / latitude (only one given); the storage layer's. Thread safety:
// none needed (pure over `c`).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::field {

struct CheckInput {
    std::string client_key;  // the phone's; a second check with the same key returns the first
    std::string id_number;   // or name + birth_date
    std::string name;
    std::string birth_date;  // YYYY-MM-DD
    std::optional<double> longitude, latitude;
    std::optional<int64_t> checked_at;  // the phone's time (offline checks are sent later); default now
    bool offline = false;               // answered on the phone from its local list first
};

struct WatchHit {
    std::string kind, kind_name_zh, kind_name_en;  // personwatch data/kinds.csv
    std::string masked_name, case_no, instruction, colour;
    int64_t alert_id = 0;
};

struct CheckResult {
    int64_t id = 0;
    std::vector<WatchHit> hits;  // the watch list's entries naming the person, most urgent first
    std::string outcome;         // wanted | watched | known | nothing
    std::optional<int64_t> person_id;
    std::string masked_name, masked_id, category;  // of the person found, masked
    int64_t checked_at = 0;
    bool replay = false;  // the same client_key was recorded before
};

Result<CheckResult> RecordCheck(storage::Connection& c, const auth::Principal& officer, const CheckInput& in,
                                int64_t now);

struct CheckRow {
    int64_t id = 0;
    int64_t officer_id = 0;
    std::string officer_name;
    std::string outcome, subject_masked;
    std::optional<int64_t> person_id;
    std::optional<double> longitude, latitude;
    int64_t checked_at = 0, received_at = 0;
    bool offline = false;
};

// Checks newest first: the officer's own (`officer_id`), or of the units in `unit_scope` (nullopt = county).
Result<std::vector<CheckRow>> ListChecks(storage::Connection& c, std::optional<int64_t> officer_id,
                                         const std::optional<std::vector<int64_t>>& unit_scope, int limit);

// The grid whose team `user_id` is on (the first by code when several), or nullopt: the grid a member's phone keeps
// offline (ADR 0064).
Result<std::optional<std::string>> GridOfMember(storage::Connection& c, int64_t user_id);

}  // namespace jw::field

#pragma once
// The community officer's work records (issue 14, ADR 0035): plain structs, no HTTP, no SQL. Times are Unix
// seconds (UTC); grid_id is a grid code ("" when the address lies in no grid yet); address_code a standard
// address code (community_addresses.code). client_key is the sender's idempotency key ("" = none).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::community {

struct Visit {
    int64_t id = 0;
    std::string client_key;
    int64_t officer_id = 0;
    std::string officer_name;  // filled by reads
    int64_t unit_id = 0;
    std::string grid_id;
    std::vector<int64_t> person_ids;  // community_people ids
    std::string address_code;
    std::string address_name;  // filled by reads
    std::optional<int64_t> house_id, org_id;
    int64_t visited_at = 0;
    std::string place, kind, findings;
    bool follow_up = false;
    std::string follow_up_note;
    int64_t created_at = 0;
};

struct Patrol {
    int64_t id = 0;
    std::string client_key;
    int64_t officer_id = 0;
    std::string officer_name;
    int64_t unit_id = 0;
    std::string grid_id;
    int64_t started_at = 0, ended_at = 0;
    std::string route, notes, findings;
    int64_t created_at = 0;
};

// A party to a dispute: a person of the register (person_id) or someone named only (name).
struct Party {
    std::optional<int64_t> person_id;
    std::string name;
};

struct Mediation {
    int64_t id = 0;
    std::string client_key;
    int64_t created_by = 0;
    std::string created_by_name;
    int64_t unit_id = 0;
    std::string grid_id, address_code, address_name;
    std::string dispute_type;  // a code of data/dispute_types.csv
    std::vector<Party> parties;
    std::string parties_index;
    std::string summary;
    int64_t occurred_at = 0;
    std::string status;   // open | mediating | closed
    std::string outcome;  // success | failed | transferred (closed only)
    std::string agreement, transferred_to;
    std::optional<int64_t> repeat_of;
    int repeat_count = 0;  // earlier disputes at the same address or between the same parties (past year)
    std::optional<int64_t> closed_at, closed_by;
    int64_t created_at = 0, updated_at = 0;
    int version = 1;
};

struct Task {
    int64_t id = 0;
    std::string client_key;
    std::string title, description;
    int64_t assigned_by = 0;
    std::string assigned_by_name;
    int64_t unit_id = 0;
    std::optional<int64_t> assignee_id;
    std::string assignee_name;
    std::string grid_id, address_code;
    int64_t due_at = 0;
    std::optional<int> limit_working_days;
    std::string status;  // open | done
    std::string report;
    std::vector<std::string> report_media_ids;
    std::optional<double> report_longitude, report_latitude;
    std::string report_key;
    std::optional<int64_t> completed_by, completed_at;
    int64_t created_at = 0, updated_at = 0;
};

}  // namespace jw::community

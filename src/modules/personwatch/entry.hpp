#pragma once
// Plain structs of the person watch list (人员布控, issue 15, ADR 0052). No SQL, no HTTP. Personal fields are in the
// clear here; the repository seals them at rest. Times are Unix seconds (UTC); validity is [valid_from, valid_to).
// Lifecycle (watchlist/lifecycle.hpp): pending → active (approved by another) → withdrawn | expired;
// pending → rejected | withdrawn | expired. Only active entries valid now are checked against.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::personwatch {

struct Entry {
    int64_t id = 0;
    std::string kind;                     // data/kinds.csv: wanted | poi | missing
    std::string id_kind = "resident_id";  // community/people/person.hpp kIdKinds
    std::string nationality = "CHN";
    std::string id_number;  // normalised (18 characters for resident IDs)
    std::string name, birth_date, sex;
    std::optional<std::string> photo_media_id;
    std::optional<int64_t> person_id;  // the master index's person when registered there
    std::string case_no, reason;
    std::string instruction;  // what the officer who meets the person must do
    int64_t applicant_id = 0;
    std::string applicant_name;
    int64_t unit_id = 0;
    std::string unit_name;
    std::optional<int64_t> approver_id, approved_at;
    std::string approver_name;
    int64_t valid_from = 0, valid_to = 0;
    int priority = 4;    // 1 highest … 4
    std::string colour;  // red | orange | blue | green
    std::string status;  // pending | active | rejected | withdrawn | expired
    int64_t version = 1;
    int64_t created_at = 0, updated_at = 0;
    std::vector<int64_t> notify_units;
    std::vector<std::string> notify_unit_names;
};

struct EntryEvent {
    int64_t id = 0, at = 0;
    std::optional<int64_t> user_id;
    std::string user_name, action, reason, detail;  // action: create | approve | reject | withdraw | expire
};

// What an applicant states. `colour` empty → the alerts policy's colour for `priority`; `priority` 0 → the kind's.
struct EntryInput {
    std::string kind;
    std::string id_kind = "resident_id";
    std::string nationality;
    std::string id_number, name;
    std::optional<std::string> photo_media_id;
    std::string case_no, reason, instruction, colour;
    int64_t valid_from = 0, valid_to = 0;
    int priority = 0;
    std::vector<int64_t> unit_ids;
};

struct Actor {
    int64_t user_id = 0;
    int64_t unit_id = 0;
};

// One recorded hit (a check that found an active entry).
struct HitRow {
    int64_t id = 0, entry_id = 0;
    std::string source, event_ref;
    std::optional<int64_t> alert_id, checked_by, station_unit_id;
    std::string checked_by_name, station_name, place;
    std::optional<double> latitude, longitude;
    int64_t checked_at = 0;
    std::string kind, case_no, colour;  // of the entry
};

}  // namespace jw::personwatch

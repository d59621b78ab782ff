#pragma once
// Plain structs of the case domain (no HTTP, no SQL). Stored in schema/001_cases.sql:
//   cases (+ case_assistants), case_people, case_events, case_query_codes, case_query_attempts,
//   case_settings (number scheme), case_number_seq.
// States, actions and roles are strings because the lifecycle is data (transitions.csv); the lists below
// are the vocabulary that data may use. Times are Unix seconds UTC.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jw::cases {

// case_type
inline constexpr const char* kAdministrative = "administrative";  // 治安 / 行政案件
inline constexpr const char* kCriminal = "criminal";              // 刑事案件

// States. Administrative: accepted → filed → investigation → penalty_proposed → legal_review → decided →
// executed → closed. Criminal: accepted → filing_review → filed | not_filed → investigation →
// transferred_for_prosecution | withdrawn → closed. The full table with roles is transitions.csv.
inline bool IsCaseType(const std::string& t) { return t == kAdministrative || t == kCriminal; }
// source: call_110 | walk_in | transfer | found_by_police
inline bool IsCaseSource(const std::string& s) {
    return s == "call_110" || s == "walk_in" || s == "transfer" || s == "found_by_police";
}
// person role: reporter 报案人 | victim 被害人/受害人 | suspect 嫌疑人/违法行为人 | witness 证人
inline bool IsPersonRole(const std::string& r) {
    return r == "reporter" || r == "victim" || r == "suspect" || r == "witness";
}
// id_type: resident_id (GB 11643, checked) | passport | other | none (no document; id_number empty)
inline bool IsIdType(const std::string& t) {
    return t == "resident_id" || t == "passport" || t == "other" || t == "none";
}

struct Person {
    int64_t id = 0;
    int64_t case_id = 0;
    std::string role;
    std::string name;
    std::string id_type;
    std::string id_number;
    std::string phone;
    std::string address;
    int64_t created_at = 0;
    // The person of the master index (community_people.id) this party is: set for a resident ID number when the
    // party is added or changed (cases/case_links.hpp); nullopt without one. Not the case_people row id.
    std::optional<int64_t> index_person_id;
};

struct Attachment {
    std::string name;  // shown to people, e.g. "询问笔录（张某）"
    std::string ref;   // where the file lives (document id, property number, URL path); may be empty
};

// One row of case_events: a lifecycle transition (kind "transition", from_state != to_state) or a fact
// recorded in a state (kind "fact", from_state == to_state): clock events such as appraisal_started,
// coercive measures such as criminal_detention, review opinions, penalty_recorded, query_code_revoked.
struct CaseEvent {
    int64_t id = 0;
    int64_t case_id = 0;
    int seq = 0;         // 1, 2, … within the case; 1 is the acceptance
    std::string kind;    // transition | fact
    std::string action;  // transitions.csv action name
    std::string from_state, to_state;
    int64_t at = 0;  // when it happened (may precede recorded_at, never follow it)
    int64_t recorded_at = 0;
    int64_t actor_id = 0;
    int64_t actor_unit_id = 0;
    std::optional<int64_t> person_id;  // the person a measure applies to (criminal_detention, bail, …)
    std::string reason;
    std::vector<Attachment> attachments;
    std::string data_json = "{}";  // action-specific fields (days, outcome, extension number, …)
    std::optional<std::string> idempotency_key;
    int64_t case_version = 0;  // the case's version after this event
};

struct Case {
    int64_t id = 0;
    std::string case_no;
    std::string case_type;   // administrative | criminal
    std::string law;         // administrative: "2012" | "2025" (治安管理处罚法 text); criminal: ""
    std::string cause;       // 案由, free text
    std::string cause_code;  // optional catalogue code (discretion module's offence id)
    std::string source;
    int64_t occurred_at = 0;
    std::string place_address;
    std::optional<double> place_lon, place_lat;
    // The standard address (community_addresses.code) the place matched and the matcher's score (case_links.hpp);
    // nullopt when below the threshold or not matched yet.
    std::optional<std::string> place_address_id;
    std::optional<double> place_match_score;
    std::string facts;
    int64_t unit_id = 0;
    int64_t lead_officer_id = 0;         // 主办
    std::vector<int64_t> assistant_ids;  // 协办
    std::string state;
    std::string outcome;         // decided: penalty | no_penalty | transferred
    std::string penalty_source;  // "" | manual | discretion
    std::string penalty_json;    // manual: {"kind","amount_yuan","days","text"}; discretion: its decision JSON
    int64_t accepted_at = 0;
    int64_t filed_at = 0;
    int64_t closed_at = 0;
    int64_t last_event_at = 0;
    int64_t created_by = 0;
    int64_t created_at = 0;
    int64_t updated_at = 0;
    int64_t version = 1;  // +1 on every change; writers send the version they read

    // Filled by the repository for display (joined names), not stored in cases.
    std::string unit_name;
    std::string lead_officer_name, lead_officer_police_no;
    std::vector<Person> people;
};

struct QueryCode {
    int64_t id = 0;
    int64_t case_id = 0;
    int64_t person_id = 0;
    std::string code_hash;  // QueryCodeHash (case_secrets.hpp, keyed with a secret); the code is never stored
    int64_t created_at = 0;
    int64_t revoked_at = 0;
    int64_t revoked_by = 0;
    int64_t last_used_at = 0;
    bool keyed = true;  // false: an older, unkeyed hash not upgraded yet (never matches)
};

}  // namespace jw::cases

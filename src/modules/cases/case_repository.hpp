#pragma once
// SQL of the cases module (tables in schema/001_cases.sql), for SQLite and PostgreSQL. Functions take the
// caller's connection: writes run inside the caller's transaction (the Committer's), reads on any connection.
// Errors: NotFound for a missing row, Conflict for a stale version or a unique violation, the database's
// otherwise. No business rules here (case_service.hpp holds them).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/case.hpp"
#include "storage/database.hpp"

namespace jw::cases::repo {

// --- settings and numbers
Result<std::string> Setting(storage::Connection& c, const std::string& name);  // NotFound when unset
Status PutSetting(storage::Connection& c, const std::string& name, const std::string& value);
// Increments and returns the sequence of `prefix` (1 for a new prefix): the one allocator of case numbers and
// document numbers (document_register.hpp). Atomic in the caller's write transaction: concurrent writers get
// distinct, consecutive values; a rolled-back transaction gives its value back, so numbers never skip.
Result<int64_t> NextSeq(storage::Connection& c, const std::string& prefix);

// --- cases
// Inserts the case (version 1), its assistants and people (ids filled in `c_in_out`). Returns the case id.
Result<int64_t> InsertCase(storage::Connection& c, Case& case_in_out, const std::optional<std::string>& create_key);
Result<std::optional<int64_t>> FindByCreateKey(storage::Connection& c, int64_t created_by, const std::string& key);
// The case with unit and officer names, assistants and people (not events).
Result<Case> GetCase(storage::Connection& c, int64_t id);
Result<Case> GetCaseByNumber(storage::Connection& c, const std::string& case_no);
// Writes every stored field of `k` and bumps the version, only if the stored version is `expected_version`.
// Conflict {expected_version: stale} otherwise. On success k.version is the new version.
Status UpdateCase(storage::Connection& c, Case& k, int64_t expected_version);

struct CaseQuery {
    std::string q;                 // case number or cause, substring
    std::string id_number, phone;  // exact, through the blind indexes: cases with a person of this ID number / phone
    std::string case_type, state;
    std::optional<int64_t> unit_id, officer_id;
    bool open_only = false;
    std::optional<std::vector<int64_t>> unit_scope;  // nullopt = the whole county
    int page = 1, page_size = 20;
};
// Newest first (accepted_at, id). Cases carry names but no people.
Result<std::pair<std::vector<Case>, int64_t>> ListCases(storage::Connection& c, const CaseQuery& q);

// --- people (ID number, phone and address sealed at rest, case_secrets.hpp; read back whole)
Result<int64_t> InsertPerson(storage::Connection& c, Person& p);
Status UpdatePerson(storage::Connection& c, const Person& p);
Result<std::vector<Person>> ListPeople(storage::Connection& c, int64_t case_id);

// --- master index links (schema/004_master_index.sql; SQL in case_link_repository.cpp)
// Marks the party looked at (linked = 1) with its person of the master index (nullopt: none).
Status SetPersonLink(storage::Connection& c, int64_t case_person_id, std::optional<int64_t> index_person_id);
// Stores the place's standard address (nullopt: below the threshold) and score, and marks it looked at.
Status SetPlaceLink(storage::Connection& c, int64_t case_id, const std::optional<std::string>& address_id,
                    std::optional<double> score);
// Parties not looked at yet (linked = 0), oldest first, their personal fields opened; with the case's creator and
// unit (who the backfill acts for).
struct UnlinkedPerson {
    Person person;
    int64_t created_by = 0, unit_id = 0;
};
Result<std::vector<UnlinkedPerson>> UnlinkedPeople(storage::Connection& c, int limit);
// Cases whose place was not looked at yet (place_linked = 0): id and place text, oldest first.
Result<std::vector<std::pair<int64_t, std::string>>> UnlinkedPlaces(storage::Connection& c, int limit);
// The cases with a party linked to this person of the master index: case id → the party rows (people of the case).
Result<std::vector<Person>> PartiesOfIndexPerson(storage::Connection& c, int64_t index_person_id);
// Other cases where this person of the master index was the suspect and a penalty was decided (outcome penalty,
// decided / executed / closed), for an act before `act_before` (the case at hand's 案发时间): what makes the act
// at hand not a first violation (行政处罚法 第三十三条第一款 初次违法). Oldest act first.
struct EarlierPenalty {
    int64_t case_id = 0;
    std::string case_no;
    int64_t occurred_at = 0;
};
Result<std::vector<EarlierPenalty>> EarlierPenalties(storage::Connection& c, int64_t index_person_id, int64_t case_id,
                                                     int64_t act_before);

// --- events
// Appends with seq = last + 1; fills e.id and e.seq. Conflict when the idempotency key was used on this case.
Result<int64_t> InsertEvent(storage::Connection& c, CaseEvent& e);
Result<std::vector<CaseEvent>> ListEvents(storage::Connection& c, int64_t case_id);
// Events of many cases at once (list pages): case id → events in seq order.
Result<std::vector<CaseEvent>> ListEventsOfCases(storage::Connection& c, const std::vector<int64_t>& case_ids);
Result<std::optional<CaseEvent>> FindEventByKey(storage::Connection& c, int64_t case_id, const std::string& key);
// How many legal-review problems raised on the case are unanswered (table review_problems).
Result<int64_t> UnansweredReviewProblems(storage::Connection& c, int64_t case_id);

// --- query codes and public attempts
Result<int64_t> InsertQueryCode(storage::Connection& c, const QueryCode& q);
Result<std::vector<QueryCode>> ListQueryCodes(storage::Connection& c, int64_t case_id);
// Revokes the live codes of one person (or one code when code_id is set). Returns how many were revoked.
Result<int64_t> RevokeQueryCodes(storage::Connection& c, int64_t case_id, std::optional<int64_t> person_id,
                                 std::optional<int64_t> code_id, int64_t by, int64_t now);
Status TouchQueryCode(storage::Connection& c, int64_t code_id, int64_t now);
// Stored in case_query_attempts.ok.
enum class AttemptResult : int64_t { kWrong = 0, kOk = 1, kCaseLocked = 2 };
Status InsertAttempt(storage::Connection& c, const std::string& client, const std::string& case_no, int64_t at,
                     AttemptResult result);
// Refused attempts (wrong or locked) from `client` since `since`.
Result<int64_t> CountFailures(storage::Connection& c, const std::string& client, int64_t since);
// Wrong codes given for `case_no` (from any address) since `since`; attempts refused by the lock itself do not
// count, so the lock ends a window after the last wrong code that was checked.
Result<int64_t> CountCaseFailures(storage::Connection& c, const std::string& case_no, int64_t since);

// --- users and units (read-only lookups into the platform's tables)
struct Officer {
    int64_t id = 0;
    std::string name, police_no, phone;
    int64_t unit_id = 0;
    std::string status;
};
Result<Officer> GetOfficer(storage::Connection& c, int64_t user_id);
Result<std::string> UnitName(storage::Connection& c, int64_t unit_id);
// The name of the top unit above `unit_id` (the bureau that issues documents).
Result<std::string> BureauName(storage::Connection& c, int64_t unit_id);

}  // namespace jw::cases::repo

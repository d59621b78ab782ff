#pragma once
// THE IDENTITY CHECK (contract for the modules that call it: the phone's person check, courier intake, …; issue 15,
// 17, ADR 0052). Given a person — a document number, or name + birth date — the caller (who is checking) and the
// context (where the check comes from, where it happened, which station to tell), it answers hit / no hit against
// the person watch list (active entries valid now) and, on a hit, raises an alert through the alerts module: on the
// command centre's board, pushed over the WebSocket to the signers of the entry's notify units and of the
// context's station (alerts::RaiseOrGrow), carrying the source and the position. Exactly once per event: one alert
// per (entry, source, event_ref); a check repeated with the same event_ref (a retried post, the phone's queue sent
// twice) returns the same answer and raises nothing new.
//
// WHAT THE CALLER SHOWS ITS USER IS THE CALLER'S DECISION. The answer carries both the police's instruction (what
// the officer who meets the person must do) and `public_instruction`, the neutral words the police defined for
// the source (data/check_sources.csv). A source with reveal = 0 (courier) must show its user only
// `public_instruction` and never `hit`, the kind or the instruction: the clerk must not learn it was a hit.
//
// Runs on the caller's connection inside the caller's WRITE transaction (a Reply's `write`, a Committer job), so the
// caller's record, the hit and the alert commit together; a miss writes nothing. The caller audits (the HTTP route
// POST /api/v1/personwatch/check audits as person.check). Needs personwatch::InstallKeys and community::InstallKeys
// (done at start-up). Thread-safe (no shared state besides the database).
//
// Speed: two indexed look-ups (the watch list by blind index, the master index by its blind index); on a hit the
// alert's writes. Measured in bench and the service test's figures (ADR 0052): well under the 300 ms p95 target.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::personwatch {

// Who is checked: a document (id_kind + id_number [+ nationality for passports]) or, when id_number is empty,
// name + birth_date (YYYY-MM-DD).
struct CheckSubject {
    std::string id_kind = "resident_id";
    std::string id_number;
    std::string nationality;  // "" = CHN
    std::string name;
    std::string birth_date;
};

struct CheckContext {
    std::string source;     // data/check_sources.csv: mobile_check | desk | courier
    std::string event_ref;  // the caller's unique id of this event (≤ 100); "" = a new event each call
    std::optional<double> latitude, longitude;  // WGS-84, where the check happened (both or neither)
    std::optional<int64_t> station_unit_id;     // a station to alert besides the entry's notify units
    std::string place;                          // words for the place (an outlet's name), ≤ 100
};

struct CheckHit {
    int64_t entry_id = 0;
    std::string kind;  // data/kinds.csv
    std::string kind_name_zh, kind_name_en;
    std::string masked_name;
    std::string case_no;
    std::string instruction;  // the police's: what to do with the person
    std::string colour;
    int priority = 4;
    int64_t alert_id = 0;
};

struct CheckAnswer {
    bool hit = false;
    std::vector<CheckHit> hits;  // every active entry naming the person, highest priority first
    // The words a user of a non-revealing source sees: the source's neutral text on a hit, "" on a miss.
    std::string public_instruction_zh, public_instruction_en;
    bool reveal = false;  // the source's rule: whether its user may see `hit` and `hits`
    // The master index's person holding the document, when registered (a check by document only).
    std::optional<int64_t> person_id;
    std::string person_masked_name;
    std::string event_ref;  // as given, or the one made for this call
};

// Errors (InvalidArgument naming the field): source (unknown: "invalid_enum"), id_number / id_kind / nationality
// (the document cannot be one: community::NormaliseIdentity's problems), name + birth_date ("required" when neither a
// number nor both are given; birth_date "invalid_date"), latitude / longitude ("out_of_range", or "required" when
// only one is given), station_unit_id ("not_found" / "dissolved"), event_ref / place ("too_long"); the database's.
Result<CheckAnswer> CheckIdentity(storage::Connection& tx, const auth::Principal& caller, const CheckSubject& who,
                                  const CheckContext& ctx, int64_t now);

}  // namespace jw::personwatch

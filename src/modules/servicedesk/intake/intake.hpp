#pragma once
// One intake for the six channels (data/channels.csv). Register validates a ticket, seals the complainant
// (ticket_keys.hpp), numbers it (FW + date + sequence), issues its public query code (stored only as a keyed hash;
// sent by SMS to the complainant's phone through the outbox and returned once to the caller), attaches its photos
// (shared media, owner "servicedesk.ticket") and detects duplicates:
//   Duplicate detection (kDuplicateWindowDays = 30): an earlier ticket received within 30 days before this one
//   from the same complainant (same phone or ID number, by blind index) or about the same matter (the same officer
//   of the same unit) is a duplicate; the new ticket is joined to the oldest such ticket that is not itself
//   joined (state "joined", parent_id set, event "join" noted "auto"), so one handling answers both. The centre
//   can split it again (workflow "split").
// Errors (InvalidArgument naming the field): channel (unknown), external_ref (required for a transfer channel —
// 12345's work order number), category (unknown), unit_id (required for a complaint category; unknown), title,
// content (required), phone (not a mainland mobile), id_number (bad check digit), name/phone (required unless
// anonymous), received_at (in the future), media_ids (not uploaded by this user, or attached elsewhere);
// Conflict "external_ref" when the same transfer was already registered (12345 re-sends); the database's.
// Thread safety: stateless; the connection is the caller's (the audited write).
#include <optional>
#include <string>
#include <vector>

#include "common/json_util.hpp"
#include "servicedesk/tickets/ticket.hpp"
#include "storage/database.hpp"

namespace jw::servicedesk {

inline constexpr int kDuplicateWindowDays = 30;

struct IntakeInput {
    std::string channel;
    std::string external_ref;
    std::string name, phone, id_number;
    bool anonymous = false;
    std::string category;
    std::string title, content;
    std::optional<int64_t> unit_id;
    std::string officer_police_no;
    std::optional<int64_t> received_at;  // default: now
    std::vector<std::string> media_ids;
    std::string filer_subject;  // the public form: the publicauth subject of the filer
};

struct IntakeResult {
    int64_t id = 0;
    std::string ticket_no;
    std::string query_code;  // shown once
    std::optional<int64_t> joined_to;
};

// Reads the intake form's JSON (fields as IntakeInput; received_at an ISO instant). Errors name the field.
Result<IntakeInput> ParseIntake(const Json& body, bool public_form);
Status ValidateIntake(const IntakeInput& in, int64_t now);
// `user_id` 0 for the public form (no account).
Result<IntakeResult> Register(storage::Connection& c, const IntakeInput& in, int64_t user_id, int64_t now);

// The oldest root ticket `t` duplicates, if any (see above).
Result<std::optional<Ticket>> FindDuplicateRoot(storage::Connection& c, const Ticket& t);

}  // namespace jw::servicedesk

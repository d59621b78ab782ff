#pragma once
// What the public sees of a ticket, like the case progress page (cases/public_progress.hpp):
//  - Progress by ticket number and query code (the code came by SMS at intake): the ticket number, category,
//    stage, the day it was received, the last update, the current deadline and whether the callback is done —
//    nothing about the complainant, the content, the unit's reply or the officer. A joined duplicate shows the
//    stage of the ticket it was joined to. Two limits, as for cases: kMaxFailures refused attempts per client
//    address within kWindowSeconds refuse every attempt from it (kRateLimited); kMaxTicketFailures wrong codes
//    for one ticket number within kTicketWindowSeconds lock that number (every attempt then gets kWrong, the
//    answer of an unknown number, so the lock reveals nothing). Attempts are stored inside the caller's
//    transaction; codes are compared through their keyed hashes in constant time.
//  - Own tickets of a publicauth token's holder (purpose "servicedesk"): the tickets whose filer_subject is the
//    token's subject, in the same minimal form, newest first (at most 50).
// Errors: the database's. Thread safety: stateless; the connection is the caller's.
#include <string>

#include "common/json_util.hpp"
#include "servicedesk/tickets/ticket.hpp"
#include "storage/database.hpp"

namespace jw::servicedesk {

inline constexpr int kMaxFailures = 5;
inline constexpr int64_t kWindowSeconds = 600;
inline constexpr int kMaxTicketFailures = 5;
inline constexpr int64_t kTicketWindowSeconds = 900;
inline constexpr const char* kPublicPurpose = "servicedesk";

enum class PublicQueryResult { kOk, kWrong, kRateLimited };

struct PublicQueryOutcome {
    PublicQueryResult result = PublicQueryResult::kWrong;
    Json progress;
};

Result<PublicQueryOutcome> PublicQuery(storage::Connection& c, const std::string& client, const std::string& ticket_no,
                                       const std::string& code, int64_t now);
Result<Json> PublicProgressJson(storage::Connection& c, const Ticket& t, int64_t now);
Result<Json> OwnTickets(storage::Connection& c, const std::string& filer_subject, int64_t now);

}  // namespace jw::servicedesk

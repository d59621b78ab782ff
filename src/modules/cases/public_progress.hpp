#pragma once
// Public case progress: a reporter or victim gives the case number and the query code they got by SMS and sees
// the stage, the handling unit, the lead officer's police number and surname, the last update and the next
// step with its deadline — nothing about the people of the case (no names, no measures, no clocks of persons).
// Two limits, because one attacker may have many addresses (finding 9: 50 addresses, 250 guesses on one case):
//  - per client address: kMaxFailures refused attempts within kWindowSeconds refuse every attempt from that
//    address (even a right code) until the window has passed — kRateLimited;
//  - per case number: kMaxCaseFailures wrong codes for one case number (from any addresses) within
//    kCaseWindowSeconds lock that number — every attempt, even with the right code, gets kWrong, the same
//    answer as a wrong code or an unknown number, so the lock reveals nothing about whether the case exists.
// Attempts are stored (case_query_attempts) inside the caller's transaction; the HTTP layer audits each request.
// Codes are compared through their keyed hashes (case_secrets.hpp) in constant time.
// Thread safety: stateless; the connection is the caller's.

#include <cstdint>
#include <string>

#include "common/json_util.hpp"
#include "storage/database.hpp"

namespace jw::cases {

inline constexpr int kMaxFailures = 5;
inline constexpr int64_t kWindowSeconds = 600;
inline constexpr int kMaxCaseFailures = 5;
inline constexpr int64_t kCaseWindowSeconds = 900;

enum class PublicQueryResult { kOk, kWrong, kRateLimited };

struct PublicQueryOutcome {
    PublicQueryResult result = PublicQueryResult::kWrong;
    Json progress;  // kOk only: {case_no, case_type, stage, unit_name, officer{police_no, surname}, last_update,
                    // next_step{action, deadline, basis}|null}
};

// Unknown case number, wrong or revoked code and a locked case number give the same kWrong. Errors: the
// database's only.
Result<PublicQueryOutcome> PublicQuery(storage::Connection& c, const std::string& client, const std::string& case_no,
                                       const std::string& code, int64_t now);

// The surname of a Chinese name (two characters for the common compound surnames such as 欧阳).
std::string Surname(const std::string& name);

}  // namespace jw::cases

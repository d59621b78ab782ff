#pragma once
// Search exceptions (schema/007_analysis_exceptions.sql): the small workflow that lets an analyst search under a
// case number that is not a case they may see — a case another bureau handles, one being registered — with a
// reason a leader has approved (issue 13). pending → approved | rejected, decided once, by someone other than the
// requester; an approval is good for kExceptionValidDays. SQL and the rules of the workflow; the HTTP layer
// (exception_handlers.cpp) checks permissions and audits. Runs on the connection it is given.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

inline constexpr int64_t kExceptionValidDays = 7;

struct SearchException {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string username, case_no, reason;
    std::string status;  // pending | approved | rejected
    int64_t requested_at = 0;
    std::optional<int64_t> decided_by, decided_at, valid_until;
    std::string decider_name, decision_note;
};

// A new pending request. Errors: kConflict {"case_no": "already_requested"} when the user has a pending or
// still-valid approved one for the number.
Result<int64_t> RequestException(storage::Connection& c, int64_t user_id, const std::string& username,
                                 const std::string& case_no, const std::string& reason, int64_t now);

// pending → approved (valid for kExceptionValidDays from now) or rejected. Errors: NotFound("exception");
// kPermissionDenied {"decided_by": "own_request"} when the decider asked for it; kConflict {"status":
// "already_<status>"} when it was decided already.
Result<SearchException> DecideException(storage::Connection& c, int64_t id, bool approve, int64_t decider_id,
                                        const std::string& decider_name, const std::string& note, int64_t now);

// True when the user holds an approved exception for `case_no` valid at `now`.
Result<bool> HasApprovedException(storage::Connection& c, int64_t user_id, const std::string& case_no, int64_t now);

// Newest first; `user_id` 0 = everyone's; `status` "" = any. Second = total.
Result<std::pair<std::vector<SearchException>, int64_t>> ListExceptions(storage::Connection& c, int64_t user_id,
                                                                        const std::string& status, int page,
                                                                        int page_size);

}  // namespace jw::checkpoint

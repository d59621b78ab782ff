#pragma once
// SQL of case_urgings (and the reads the urging part's to-do needs). Functions run on the caller's connection;
// errors are the database's, NotFound "urging" for a missing row.

#include <optional>
#include <vector>

#include "cases/urging/urging.hpp"
#include "storage/database.hpp"

namespace jw::cases::urging::repo {

Result<int64_t> Insert(storage::Connection& c, const Urging& u);
Result<Urging> Get(storage::Connection& c, int64_t id);
// A case's urgings, oldest first (each 督办 before its 催办).
Result<std::vector<Urging>> ListOfCase(storage::Connection& c, int64_t case_id);
Status SetAnswer(storage::Connection& c, int64_t id, const std::string& answer, int64_t by, int64_t now);

// Unanswered 督办 of open cases of `units` (nullopt = every unit), oldest first; Count the same rows.
Result<int64_t> CountOpen(storage::Connection& c, const std::optional<std::vector<int64_t>>& units);
struct OpenUrging {
    Urging urging;
    std::string case_no, cause, unit_name;
};
Result<std::vector<OpenUrging>> ListOpen(storage::Connection& c, const std::optional<std::vector<int64_t>>& units,
                                         int limit);

}  // namespace jw::cases::urging::repo

#pragma once
// Internal to the work part's repositories: the WHERE builder of the lists, id lists stored as ",3,17,",
// the idempotency-key look-up.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::community::work_sql {

// ",3,17," ⇄ {3, 17}; empty ⇄ "".
std::string JoinIds(const std::vector<int64_t>& ids);
std::vector<int64_t> ParseIds(std::string_view text);

// The id of the row `sql` finds with (author, key); nullopt when key is "" or no row has it.
Result<std::optional<int64_t>> IdByKey(storage::Connection& c, std::string_view sql, int64_t author,
                                       const std::string& key);

class Where {
  public:
    explicit Where(storage::Dialect dialect) : dialect_(dialect) {}
    void Add(const std::string& predicate, const storage::Params& params);
    void Eq(const std::string& column, const std::string& value);  // skipped when value is ""
    void Scope(const std::string& column, const std::optional<std::vector<int64_t>>& units);
    // " WHERE a AND b" or "".
    std::string Sql() const;
    const storage::Params& params() const { return params_; }

  private:
    storage::Dialect dialect_;
    std::vector<std::string> predicates_;
    storage::Params params_;
};

}  // namespace jw::community::work_sql

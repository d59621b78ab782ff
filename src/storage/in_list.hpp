#pragma once
// SQL `IN (…)` lists over a list of ids or string keys: the one way the house builds them (ADR 0021).
//
// The meaning of an empty list, everywhere: `x IN ()` is false. A chunked query over no ids runs no
// statement and returns no rows; a filter over no ids is a predicate that matches no row. "No filter"
// is never spelled as an empty list: a caller that means "any unit" says so with std::nullopt (or by
// not adding the predicate) at its call site.
//
// Values are always bound as parameters, never spliced into SQL text. Keys are sorted and duplicates
// dropped first, so a key never yields its rows twice across chunks. The number of placeholders in a
// statement is rounded up to a power of two (padded with the last key, which changes nothing in an IN
// list), so one query shape gives at most 11 distinct SQL texts to the connections' statement caches.
//
// Two forms, because some statements cannot be split:
//  - QueryIn / ExecIn run one statement per chunk of at most kInChunk keys (well under SQLite's 32766
//    default / 250000 Debian limit and PostgreSQL's 65535 parameters, leaving room for the statement's
//    other parameters) and concatenate the rows. Use them for look-ups by key (roles of these users,
//    events of these cases) and for updates by key.
//  - InFilter gives one predicate for a statement that must stay whole (COUNT, ORDER BY … LIMIT, a
//    subquery). Up to kInChunk keys it is placeholders; above that the keys travel as one JSON array
//    parameter (SQLite json_each, PostgreSQL json_array_elements_text), so no list is ever too long.
//
// Thread safety: pure functions; the Connection rules of database.hpp apply.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace jw::storage {

inline constexpr size_t kInChunk = 1024;
// Stands in a query's SQL where the parenthesised list goes: "… WHERE id IN @IDS@ ORDER BY id".
inline constexpr std::string_view kIdsToken = "@IDS@";

struct InChunk {
    std::string list;  // "(?,?,…,?)"
    Params params;     // the keys of this chunk, padded to the placeholder count
};

// The chunks of `keys` in ascending key order (strings: byte order). No keys → no chunks.
std::vector<InChunk> InChunks(const std::vector<int64_t>& keys);
std::vector<InChunk> InChunks(const std::vector<std::string>& keys);

// Runs `sql` (which contains kIdsToken once) per chunk with parameters `before` + chunk + `after`,
// and returns all rows, chunk after chunk. ORDER BY orders rows within a chunk; because chunks ascend,
// a query ordered by the listed column first is ordered overall. No keys → no statement, no rows.
// Errors: those of Connection::Query; rows of earlier chunks are then dropped.
Result<Rows> QueryIn(Connection& c, std::string_view sql, const std::vector<int64_t>& keys, const Params& before = {},
                     const Params& after = {});
Result<Rows> QueryIn(Connection& c, std::string_view sql, const std::vector<std::string>& keys,
                     const Params& before = {}, const Params& after = {});

// The same for a statement without rows (UPDATE / DELETE by key). No keys → no statement, Ok.
// Not atomic by itself: run it inside the caller's transaction when all chunks must apply together.
Status ExecIn(Connection& c, std::string_view sql, const std::vector<int64_t>& keys, const Params& before = {},
              const Params& after = {});

// The predicate "column IN (…)" for one whole statement, its parameters appended to `params` (so the
// caller puts it where those parameters belong in the SQL). No keys → "(1 = 0)", matching no row.
std::string InFilter(Dialect dialect, std::string_view column, const std::vector<int64_t>& keys, Params& params);
std::string InFilter(Dialect dialect, std::string_view column, const std::vector<std::string>& keys, Params& params);
// The same predicate always in the JSON-array form (one parameter, whatever the number of keys): for statements
// run with hundreds of keys each time, where PostgreSQL's binding and planning of one placeholder per key costs
// more than the look-up itself (measured on the courier bulk intake, ADR 0062).
std::string InFilterOneParam(Dialect dialect, std::string_view column, const std::vector<std::string>& keys,
                             Params& params);

}  // namespace jw::storage

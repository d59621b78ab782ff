#pragma once
// The six contract queries in SQL for SQLite (schema in sqlite_runner.cpp: passes(plate TEXT, cp INTEGER, t
// INTEGER, ...) with cp the rank of checkpoint_id in byte order, so ORDER BY cp is checkpoint order;
// checkpoints(no, id, name, lon, lat)). Replies in the contract's JSON shapes. Not thread-safe.

#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::bench {

struct SqliteCatalog {
    std::unordered_map<std::string, int> cp_no;  // checkpoint_id → no
};

// Errors: kInternal (SQL failure), kInvalidArgument (unknown "q").
Result<Json> SqliteQuery(sqlite3* db, const SqliteCatalog& cat, const Json& q);

}  // namespace jw::bench

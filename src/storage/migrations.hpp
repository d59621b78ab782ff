#pragma once
// Per-module numbered migrations, applied once each and recorded in `schema_migrations`.
// Files are named NNN_title.sql; a file may be dialect-specific as NNN_title.sqlite.sql / NNN_title.pg.sql.
// Portable tokens replaced before running: @ID@ (auto-increment primary key), @BLOB@, @NOW@ (Unix seconds).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace jw::storage {

struct Migration {
    std::string module;
    int number = 0;
    std::string name;
    std::string sql;
};

// Builds the migrations of one module from embedded {file name, content} pairs, keeping only the files
// for `dialect` and the portable ones. Throws std::invalid_argument on a badly named file (a build bug).
std::vector<Migration> MigrationsFromFiles(std::string_view module, Dialect dialect,
                                           const std::vector<std::pair<std::string_view, std::string_view>>& files);

// Applies, in order, each migration not yet recorded, each in its own transaction. Returns the number
// applied, or the first error (naming module and number); earlier migrations stay applied.
Result<int> ApplyMigrations(Connection& conn, const std::vector<Migration>& migrations);

std::string ExpandDialectTokens(std::string_view sql, Dialect dialect);

}  // namespace jw::storage

#pragma once
// Loading many rows into one table inside the caller's transaction, as fast as each backend allows (issue 14,
// ADR 0046): a million people in a bulk import. One API, two ways:
// - PostgreSQL: COPY table (columns) FROM STDIN in text format, the rows escaped here and sent in pieces of
//   about 1 MiB. No per-row statement, no parameter binding on the server.
// - SQLite: multi-row INSERTs of as many rows as fit 999 parameters, one statement text reused from the
//   connection's cache; while the loader lives the connection's page cache is raised to 256 MiB (restored at
//   the end), so the index pages of a large table stay in memory instead of being spilled to the WAL again and
//   again inside one transaction.
// Semantics are those of INSERT: defaults for the columns not named, constraints checked (a unique violation
// fails the load: Conflict). The rows are visible to later statements of the same transaction, and nothing is
// committed by the loader: the caller's transaction (InTransaction) makes the load all or nothing. After an
// error the caller must roll back (returning the error from InTransaction does).
// Values as in Params: text or NULL (a value in canonical integer form is an integer on SQLite, as with Exec).
//
// Use: Start, Add every row, Finish. A loader destroyed before Finish ends the COPY with an error (PostgreSQL)
// so that the connection can roll back; rows already added are then not loaded.
// Thread safety: one thread, the connection's rules (database.hpp); no other statement on the connection
// between Start and Finish.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::storage {

class BulkLoader {
  public:
    // `table` and `columns` are identifiers written by the caller (never user input). Errors: InvalidArgument
    // for no columns; the backend's (unknown table or column: Internal).
    static Result<std::unique_ptr<BulkLoader>> Start(Connection& c, std::string_view table,
                                                     const std::vector<std::string>& columns);
    virtual ~BulkLoader() = default;
    // One row, `row.size()` == the number of columns (else InvalidArgument). Errors of earlier rows may show
    // here or only in Finish (rows travel in batches).
    virtual Status Add(const Params& row) = 0;
    // Sends what is left and ends the load. The number of rows loaded is rows().
    virtual Status Finish() = 0;
    int64_t rows() const { return rows_; }

  protected:
    int64_t rows_ = 0;
};

namespace detail {
// What the PostgreSQL connection offers for COPY FROM STDIN (postgres_connection.cpp); not for modules.
class CopyIn {
  public:
    virtual ~CopyIn() = default;
    virtual Status CopyBegin(std::string_view sql) = 0;
    virtual Status CopyData(std::string_view data) = 0;
    // error empty: the COPY ends normally and its result is returned; otherwise it is aborted with that message.
    virtual Status CopyEnd(const std::string& error) = 0;
};
}  // namespace detail

}  // namespace jw::storage

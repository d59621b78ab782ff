#pragma once
// The SQL of a bulk registration (ImportPeopleCsv, ADR 0046): rows are sealed by the caller (on worker threads:
// SealedPersonRow is pure), loaded in file order into a temporary table with storage::BulkLoader (COPY on
// PostgreSQL), then moved into community_people by one INSERT … SELECT … ON CONFLICT (id_index) DO NOTHING per
// chunk. An identity registered already (before the import, or concurrently by another writer) is skipped by the
// conflict clause exactly as InsertPeopleBulk skips it, and reported back so the caller can resolve it.
// All inside the caller's transaction; the temporary table is the connection's own and dropped at the end (or
// with the rollback), so a kill -9 leaves nothing behind.

#include <memory>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "community/people/person.hpp"
#include "storage/bulk_load.hpp"
#include "storage/database.hpp"

namespace jw::community {

class PeopleLoad {
  public:
    // Creates the connection's temporary table jw_people_load (a leftover of this connection is dropped first).
    static Result<PeopleLoad> Begin(storage::Connection& tx);
    // The values of one row in load order: seq, then the community_people columns, personal fields sealed.
    // Pure and thread-safe (community::Sealer()).
    static storage::Params SealedRow(int64_t seq, const Person& p, const std::string& id_index);
    // A loader for the next chunk of rows (SealedRow values); one at a time, finished before Move.
    Result<std::unique_ptr<storage::BulkLoader>> Load();
    // Moves the loaded rows into community_people in seq order (new ids ascend with the file) and empties the
    // load table. The blind indexes actually inserted; the others were registered already.
    Result<std::vector<std::string>> Move();
    // Drops the load table.
    Status End();

    PeopleLoad(PeopleLoad&& o) noexcept : tx_(o.tx_), old_cache_(std::move(o.old_cache_)) { o.old_cache_.clear(); }
    PeopleLoad& operator=(PeopleLoad&&) = delete;
    ~PeopleLoad();

  private:
    explicit PeopleLoad(storage::Connection& tx) : tx_(&tx) {}
    storage::Connection* tx_;
    // SQLite: the page cache size to restore (the import raises it to 256 MiB while it lives, so the register's
    // indexes stay in memory across the chunks' INSERT … SELECT instead of spilling to the WAL); "" = unchanged.
    std::string old_cache_;
};

}  // namespace jw::community

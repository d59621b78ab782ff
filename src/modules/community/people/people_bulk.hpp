#pragma once
// The SQL of a bulk registration (ImportPeopleCsv, ADR 0046): rows are sealed by the caller (on worker threads:
// SealedRow is pure) and inserted in file order a chunk at a time with storage::BulkLoader (COPY on PostgreSQL).
// An identity registered already (before the import, or concurrently by another writer) is skipped as
// InsertPeopleBulk skips it, and reported back so the caller can resolve it (Insert).
// All inside the caller's transaction; PostgreSQL's load table is the connection's own temporary table, dropped
// at the end (or with the rollback), so a kill -9 leaves nothing behind.

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
    // PostgreSQL: creates the connection's temporary table jw_people_load (a leftover of this connection is
    // dropped first). SQLite: raises the page cache (below).
    static Result<PeopleLoad> Begin(storage::Connection& tx);
    // The values of one row in load order: seq, then the community_people columns, personal fields sealed.
    // Pure and thread-safe (community::Sealer()).
    static storage::Params SealedRow(int64_t seq, const Person& p, const std::string& id_index);
    // Inserts one chunk of rows (SealedRow values in seq order; indexes[i] the blind index of rows[i]) and gives
    // the blind indexes actually inserted; the others were registered already and are left as they are.
    // PostgreSQL: COPY into the load table, then one INSERT … SELECT … ORDER BY seq ON CONFLICT DO NOTHING (a
    // concurrent writer's registration of the same identity is skipped too). SQLite: the identities registered
    // already are looked up first (exact: the transaction holds SQLite's single write lock, so nobody can add
    // one meanwhile) and the others go straight into community_people through the bulk loader.
    Result<std::vector<std::string>> Insert(const std::vector<storage::Params>& rows,
                                            const std::vector<std::string>& indexes);
    // Drops the load table (PostgreSQL).
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

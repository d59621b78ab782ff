#pragma once
// Reference data read on many requests — the unit tree for now — kept in the server instead of read from the
// database each time (ADR 0066). One cache per Database (For), shared by every module of the process.
//
// Freshness: an entry is tagged with storage::ReferenceGeneration() as read *before* loading, and reloaded once
// the generation moved. It moves on SessionService::Invalidate (every change made through this server: unit
// create/update, restructure, roles, policy…), on a restructure noticed by the units module's StructureWatch, and
// on PostgreSQL on every `jw_ref` notification (the auth 006 triggers: a change by another server or the CLI).
// A write made behind all of these (hand-written SQL on SQLite) is seen after kMaxAgeSeconds at the latest.
//
// Thread safety: all methods may be called from any thread.

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "auth/identity.hpp"
#include "storage/database.hpp"

namespace jw::auth {

class ReferenceCache {
  public:
    static constexpr int64_t kMaxAgeSeconds = 30;

    // The process's cache for `db` (created on first use, lives as long as the process).
    static ReferenceCache& For(storage::Database& db);

    // Every unit, dissolved ones too, by code (as repo::ListUnits). Errors: the database's.
    Result<std::shared_ptr<const std::vector<Unit>>> Units();
    // Only the live ones, by code (as repo::ListLiveUnits).
    Result<std::shared_ptr<const std::vector<Unit>>> LiveUnits();

    uint64_t loads() const;  // how often the units were read from the database (tests, metrics)

  private:
    explicit ReferenceCache(storage::Database& db) : db_(db) {}
    storage::Database& db_;
    mutable std::mutex mu_;
    std::shared_ptr<const std::vector<Unit>> units_, live_;
    uint64_t generation_ = 0;  // of units_; 0 = never loaded
    int64_t loaded_at_ = 0;
    uint64_t loads_ = 0;
};

}  // namespace jw::auth

#include "auth/reference_cache.hpp"

#include <map>

#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "storage/change_feed.hpp"

namespace jw::auth {

ReferenceCache& ReferenceCache::For(storage::Database& db) {
    // Keyed by address: a process has one Database in production and a few in tests. Opening a Database moves
    // the generation (database.cpp), so a new one at a freed one's address never sees the old one's units.
    static std::mutex mu;
    static std::map<storage::Database*, std::unique_ptr<ReferenceCache>> caches;
    std::lock_guard lock(mu);
    auto& slot = caches[&db];
    if (!slot) slot.reset(new ReferenceCache(db));
    return *slot;
}

Result<std::shared_ptr<const std::vector<Unit>>> ReferenceCache::Units() {
    const uint64_t generation = storage::ReferenceGeneration();
    const int64_t now = NowUnix();
    {
        std::lock_guard lock(mu_);
        if (units_ && generation_ == generation && now - loaded_at_ < kMaxAgeSeconds) return units_;
    }
    auto c = db_.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(std::vector<Unit> all, repo::ListUnits(**c));
    auto units = std::make_shared<const std::vector<Unit>>(std::move(all));
    std::vector<Unit> live_only;
    for (const Unit& u : *units)
        if (u.dissolved_at == 0) live_only.push_back(u);
    auto live = std::make_shared<const std::vector<Unit>>(std::move(live_only));
    std::lock_guard lock(mu_);
    ++loads_;
    // Tagged with the generation read before the load: a change committed meanwhile moved it, so the next call
    // loads again instead of keeping what may predate that change.
    if (generation_ <= generation) {
        units_ = units;
        live_ = live;
        generation_ = generation;
        loaded_at_ = now;
    }
    return units;
}

Result<std::shared_ptr<const std::vector<Unit>>> ReferenceCache::LiveUnits() {
    JW_RETURN_IF_ERROR(Units().status());
    std::lock_guard lock(mu_);
    return live_;
}

uint64_t ReferenceCache::loads() const {
    std::lock_guard lock(mu_);
    return loads_;
}

}  // namespace jw::auth

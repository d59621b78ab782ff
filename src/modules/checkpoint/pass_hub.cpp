#include "checkpoint/pass_hub.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <utility>

#include "checkpoint/analysis/clickhouse/analytics_router.hpp"

namespace jw::checkpoint {

Result<std::unique_ptr<PassHub>> PassHub::Open(const HubOptions& options) {
    analytics::StoreOptions so;
    so.sync = options.sync;
    so.retention_days = options.retention_days;
    analytics::LogOpenStats stats;
    auto store = analytics::Store::Open(options.dir, so, &stats);
    if (!store.ok()) return store.status();
    auto hub = std::unique_ptr<PassHub>(new PassHub());
    hub->torn_bytes_ = stats.bytes_truncated;
    hub->torn_passes_ = stats.passes_truncated;
    if (stats.bytes_truncated > 0) {
        // Never acknowledged (an append is durable before intake answers), but someone must hear of it.
        spdlog::warn("pass log: torn tail of {} bytes discarded at start-up ({} records, {} passes) in {}",
                     stats.bytes_truncated, stats.records_truncated, stats.passes_truncated, options.dir);
    }
    hub->store_ = std::move(store).value();
    hub->watch_ = std::make_shared<analytics::WatchList>();
    hub->known_ = std::make_shared<std::set<std::string>>();
    return hub;
}

Result<std::vector<PassHit>> PassHub::Append(const std::vector<analytics::PassRecord>& batch) {
    JW_RETURN_IF_ERROR(store_->Append(batch));
    appended_ += batch.size();
    // Hook (ADR 0067): with [analytics] backend = "clickhouse" the durable batch is queued for ClickHouse too.
    if (auto router = clickhouse::InstalledRouter()) router->Ship(batch, store_->GetSnapshot());
    std::vector<PassHit> out;
    auto list = watch_list();
    if (list->size() == 0) return out;
    std::vector<std::pair<size_t, analytics::WatchHit>> hits;
    list->CheckBatch(batch.data(), batch.size(), &hits);
    for (const auto& [i, h] : hits) {
        int64_t order = 0;
        std::from_chars(h.owner.data(), h.owner.data() + h.owner.size(), order);
        out.push_back(PassHit{batch[i], order});
    }
    return out;
}

void PassHub::SetWatchList(std::shared_ptr<const analytics::WatchList> list) {
    std::lock_guard lock(mu_);
    watch_.swap(list);
}

std::shared_ptr<const analytics::WatchList> PassHub::watch_list() const {
    std::lock_guard lock(mu_);
    return watch_;
}

void PassHub::SetKnownCheckpoints(std::set<std::string> ids) {
    auto p = std::make_shared<const std::set<std::string>>(std::move(ids));
    std::lock_guard lock(mu_);
    known_.swap(p);
}

bool PassHub::IsKnownCheckpoint(const std::string& id) const {
    std::shared_ptr<const std::set<std::string>> k;
    {
        std::lock_guard lock(mu_);
        k = known_;
    }
    return k->count(id) > 0;
}

void PassHub::Touch(const std::string& device_id, int64_t now) {
    std::lock_guard lock(stats_mu_);
    int64_t& t = touched_[device_id];
    t = std::max(t, now);
}

std::map<std::string, int64_t> PassHub::TakeTouched() {
    std::lock_guard lock(stats_mu_);
    return std::exchange(touched_, {});
}

void PassHub::Count(const std::string& source, uint64_t accepted, uint64_t rejected, int64_t now) {
    std::lock_guard lock(stats_mu_);
    auto& c = counts_[source];
    c.accepted += accepted;
    c.rejected += rejected;
    c.last_at = now;
}

std::map<std::string, PassHub::SourceCounts> PassHub::Counts() const {
    std::lock_guard lock(stats_mu_);
    return counts_;
}

}  // namespace jw::checkpoint

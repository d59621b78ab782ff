#include "checkpoint/analysis/clickhouse/analytics_router.hpp"

#include <algorithm>
#include <chrono>

#include "analytics/segment.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint::clickhouse {
namespace {

std::mutex g_mu;
std::shared_ptr<Router> g_router;  // guarded by g_mu (copied out, never used under the lock)

std::optional<int64_t> TimeOf(const Json& obj, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end() || !it->is_string()) return std::nullopt;
    return ParseChinaTime(it->get<std::string>());
}

std::optional<int64_t> IntOf(const Json& obj, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<int64_t>();
}

// Every pass of one engine partition (a China day) as the backend writes it.
std::vector<analytics::PassRecord> PassesOf(const analytics::Snapshot& hot, const analytics::Partition& day) {
    std::vector<analytics::PassRecord> out;
    out.reserve(day.passes);
    const auto& cps = hot.checkpoints().list;
    for (const auto& seg : day.segments) {
        for (size_t i = 0; i < seg->size(); ++i) {
            const analytics::Row r = seg->row(i);
            out.push_back({std::string(hot.Plate(r.plate)), r.color, cps[r.checkpoint].id, int64_t{r.time}, r.direction,
                           r.lane, r.speed});
        }
    }
    return out;
}

}  // namespace

Result<std::shared_ptr<Router>> Router::Open(const RouterConfig& config) {
    if (config.backend != "clickhouse") return Status::Invalid("backend", "expected engine or clickhouse");
    if (config.hot_days < 1) return Status::Invalid("hot_days", "out_of_range");
    JW_ASSIGN_OR_RETURN(auto backend, Backend::Open(config.clickhouse));
    std::shared_ptr<Router> r(new Router(std::move(backend), config.hot_days));
    r->thread_ = std::thread([raw = r.get()] { raw->Loop(); });
    return r;
}

Router::~Router() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

Router::Target Router::Choose(const analytics::Snapshot& hot, int64_t need_from) {
    const auto& parts = hot.partitions();
    if (parts.empty()) return Target::kClickHouse;
    return parts.front()->day < analytics::ChinaDay(need_from) ? Target::kEngine : Target::kClickHouse;
}

std::optional<int64_t> Router::NeedFrom(const Json& request) {
    if (!request.is_object()) return std::nullopt;
    auto q = request.find("q");
    if (q == request.end() || !q->is_string()) return std::nullopt;
    const std::string kind = q->get<std::string>();
    if (kind == "collision") {
        auto conds = request.find("conditions");
        if (conds == request.end() || !conds->is_array() || conds->empty()) return std::nullopt;
        std::optional<int64_t> first;
        for (const auto& c : *conds) {
            auto f = c.is_object() ? TimeOf(c, "from") : std::nullopt;
            if (!f) return std::nullopt;
            first = first ? std::min(*first, *f) : *f;
        }
        return first;
    }
    auto from = TimeOf(request, "from");
    if (!from) return std::nullopt;
    if (kind == "companion") return *from - IntOf(request, "window_s").value_or(0);
    if (kind == "first_seen") return *from - IntOf(request, "lookback_days").value_or(0) * kDaySeconds;
    return from;
}

Result<Json> Router::RunQuery(const analytics::Snapshot& hot, const Json& request,
                              const analytics::QueryLimits& limits) {
    auto need = NeedFrom(request);
    if (!need || Choose(hot, *need) == Target::kEngine) return analytics::RunQuery(hot, request, limits);
    return backend_->RunQuery(request, limits);
}

Result<analytics::TextReply> Router::RunQueryReply(const analytics::Snapshot& hot, const Json& request,
                                                   const analytics::QueryLimits& limits) {
    auto need = NeedFrom(request);
    if (!need || Choose(hot, *need) == Target::kEngine) return analytics::RunQueryReply(hot, request, limits);
    JW_ASSIGN_OR_RETURN(Json reply, backend_->RunQuery(request, limits));
    return analytics::TextReplyOf(reply);
}

Result<std::vector<analytics::HourlyRow>> Router::TopCheckpoints(const analytics::Snapshot& hot, int32_t from_day,
                                                                 int32_t to_day, size_t limit) {
    if (Choose(hot, ChinaMidnightOfDay(from_day)) == Target::kEngine) {
        return analytics::TopCheckpoints(hot, from_day, to_day, limit);
    }
    return backend_->TopCheckpoints(from_day, to_day, limit);
}

Result<std::vector<analytics::NewPlatesDay>> Router::NewPlatesPerDay(const analytics::Snapshot& hot, int32_t from_day,
                                                                     int32_t to_day, int lookback_days) {
    if (Choose(hot, ChinaMidnightOfDay(int64_t{from_day} - std::max(lookback_days, 1))) == Target::kEngine) {
        return analytics::NewPlatesPerDay(hot, from_day, to_day, lookback_days);
    }
    return backend_->NewPlatesPerDay(from_day, to_day, lookback_days);
}

Result<Router::ReconcileReport> Router::Reconcile(const analytics::Snapshot& hot, bool engine_whole) {
    ReconcileReport report;
    const auto& parts = hot.partitions();
    if (parts.empty()) return report;
    const size_t first = engine_whole ? 0 : 1;
    if (first >= parts.size()) return report;
    JW_RETURN_IF_ERROR(backend_->UpsertCheckpoints(hot.checkpoints().list));
    JW_ASSIGN_OR_RETURN(auto counts, backend_->DayCounts(parts[first]->day, parts.back()->day));
    for (size_t i = first; i < parts.size(); ++i) {
        const analytics::Partition& day = *parts[i];
        ++report.days_checked;
        auto it = counts.find(day.day);
        if (it != counts.end() && it->second == day.passes) continue;
        JW_RETURN_IF_ERROR(backend_->DeleteDay(day.day));
        auto passes = PassesOf(hot, day);
        for (size_t at = 0; at < passes.size(); at += 200'000) {
            const size_t end = std::min(passes.size(), at + 200'000);
            JW_RETURN_IF_ERROR(backend_->Append(
                {passes.begin() + static_cast<std::ptrdiff_t>(at), passes.begin() + static_cast<std::ptrdiff_t>(end)}));
        }
        report.days_rewritten.push_back(day.day);
        report.passes_rewritten += passes.size();
    }
    return report;
}

void Router::StartReconcile(analytics::Snapshot hot) {
    {
        std::lock_guard lock(mu_);
        reconcile_from_ = std::move(hot);
        stats_.reconcile_pending = true;
    }
    cv_.notify_all();
}

void Router::Ship(const std::vector<analytics::PassRecord>& batch, const analytics::Snapshot& hot) {
    {
        std::lock_guard lock(mu_);
        if (&hot.checkpoints() != shipped_table_) checkpoints_from_ = hot;
        if (stats_.queued + batch.size() > kMaxQueued) {
            stats_.dropped += batch.size();
            return;
        }
        queue_.push_back(batch);
        stats_.queued += batch.size();
    }
    cv_.notify_all();
}

void Router::Loop() {
    std::unique_lock lock(mu_);
    for (;;) {
        cv_.wait(lock, [&] { return stop_ || !queue_.empty() || checkpoints_from_ || reconcile_from_; });
        if (stop_) return;
        if (reconcile_from_) {  // first: every queued batch came after this snapshot
            busy_ = true;
            lock.unlock();
            auto report = Reconcile(*reconcile_from_, false);
            lock.lock();
            busy_ = false;
            if (report.ok()) {
                reconcile_from_.reset();
                stats_.reconcile_pending = false;
                stats_.last_error.clear();
                stats_.last_reconcile = std::move(report).value();
            } else {
                stats_.last_error = report.status().message();
                cv_.notify_all();
                cv_.wait_for(lock, std::chrono::seconds(2), [&] { return stop_; });
                if (stop_) return;
            }
            cv_.notify_all();
            continue;
        }
        // Coalesce queued batches into one insert of up to ~200 k passes (ClickHouse prefers few large inserts).
        std::optional<analytics::Snapshot> cps = std::move(checkpoints_from_);
        checkpoints_from_.reset();
        std::vector<analytics::PassRecord> rows;
        size_t taken = 0;
        while (taken < queue_.size() && rows.size() < 200'000) {
            rows.insert(rows.end(), queue_[taken].begin(), queue_[taken].end());
            ++taken;
        }
        busy_ = true;
        lock.unlock();
        Status st = Status::Ok();
        if (cps) st = backend_->UpsertCheckpoints(cps->checkpoints().list);
        if (st.ok()) st = backend_->Append(rows);
        lock.lock();
        busy_ = false;
        if (st.ok()) {
            if (cps) shipped_table_ = &cps->checkpoints();
            for (size_t i = 0; i < taken; ++i) queue_.pop_front();
            stats_.queued -= rows.size();
            stats_.shipped += rows.size();
            stats_.last_error.clear();
        } else {
            // Kept for the next try; ClickHouse may be restarting.
            if (cps && !checkpoints_from_) checkpoints_from_ = std::move(cps);
            stats_.last_error = st.message();
            cv_.notify_all();
            cv_.wait_for(lock, std::chrono::seconds(2), [&] { return stop_; });
            if (stop_) return;
        }
        cv_.notify_all();
    }
}

Status Router::Flush() {
    std::unique_lock lock(mu_);
    for (;;) {
        if (queue_.empty() && !checkpoints_from_ && !reconcile_from_ && !busy_) return Status::Ok();
        if (!stats_.last_error.empty() && !busy_)
            return Status(ErrorCode::kUnavailable, "clickhouse: " + stats_.last_error);
        cv_.wait(lock);
    }
}

Router::ShipStats Router::Stats() const {
    std::lock_guard lock(mu_);
    return stats_;
}

void InstallRouter(std::shared_ptr<Router> router) {
    std::lock_guard lock(g_mu);
    g_router = std::move(router);
}

std::shared_ptr<Router> InstalledRouter() {
    std::lock_guard lock(g_mu);
    return g_router;
}

std::string RouterMetricsText() {
    auto r = InstalledRouter();
    if (!r) return "";
    const Router::ShipStats s = r->Stats();
    std::string out;
    auto gauge = [&](const char* name, uint64_t v) {
        out += std::string("# TYPE ") + name + " gauge\n" + name + " " + std::to_string(v) + "\n";
    };
    gauge("jw_clickhouse_shipped_passes", s.shipped);
    gauge("jw_clickhouse_queued_passes", s.queued);
    gauge("jw_clickhouse_dropped_passes", s.dropped);
    gauge("jw_clickhouse_reconcile_pending", s.reconcile_pending ? 1 : 0);
    gauge("jw_clickhouse_failing", s.last_error.empty() ? 0 : 1);
    if (s.last_reconcile) gauge("jw_clickhouse_reconciled_passes", s.last_reconcile->passes_rewritten);
    return out;
}

Result<Json> RunAnalysis(const analytics::Snapshot& hot, const Json& request, const analytics::QueryLimits& limits) {
    if (auto r = InstalledRouter()) return r->RunQuery(hot, request, limits);
    return analytics::RunQuery(hot, request, limits);
}

Result<analytics::TextReply> RunAnalysisReply(const analytics::Snapshot& hot, const Json& request,
                                              const analytics::QueryLimits& limits) {
    if (auto r = InstalledRouter()) return r->RunQueryReply(hot, request, limits);
    return analytics::RunQueryReply(hot, request, limits);
}

Result<std::vector<analytics::HourlyRow>> TopCheckpointsFor(const analytics::Snapshot& hot, int32_t from_day,
                                                            int32_t to_day, size_t limit) {
    if (auto r = InstalledRouter()) return r->TopCheckpoints(hot, from_day, to_day, limit);
    return analytics::TopCheckpoints(hot, from_day, to_day, limit);
}

Result<std::vector<analytics::NewPlatesDay>> NewPlatesFor(const analytics::Snapshot& hot, int32_t from_day,
                                                          int32_t to_day, int lookback_days) {
    if (auto r = InstalledRouter()) return r->NewPlatesPerDay(hot, from_day, to_day, lookback_days);
    return analytics::NewPlatesPerDay(hot, from_day, to_day, lookback_days);
}

}  // namespace jw::checkpoint::clickhouse

#pragma once
// The hook where the pass analytics' backend is chosen ([analytics] backend; docs/adr/0067-province-on-clickhouse.md).
//
// backend = "engine" (the default): no Router is installed and every analysis runs in the in-process engine.
// backend = "clickhouse": the engine keeps only the hot days (`hot_days`, its retention) and a Router is installed:
//   - ingest: PassHub::Append hands every durable batch to Ship(), which queues it and writes it to ClickHouse from
//     its own thread in coalesced batches (intake never waits on ClickHouse; a failed write is retried);
//   - queries: the engine answers when it holds every China day the answer depends on, ClickHouse otherwise
//     (Choose). Both give the same replies (clickhouse_backend_test), so the choice is about speed only.
// Thread-safe.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analytics/query_json.hpp"
#include "analytics/stats.hpp"
#include "analytics/store.hpp"
#include "checkpoint/analysis/clickhouse/clickhouse_backend.hpp"

namespace jw::checkpoint::clickhouse {

struct RouterConfig {
    std::string backend = "engine";  // "engine" | "clickhouse"
    Settings clickhouse;
    int hot_days = 7;  // the engine's retention when backend = "clickhouse"
};

class Router {
  public:
    // Opens the ClickHouse backend (schema created where missing) and starts the shipping thread.
    // Errors: InvalidArgument "backend" (unknown) / "hot_days" (< 1); the backend's.
    static Result<std::shared_ptr<Router>> Open(const RouterConfig& config);
    ~Router();
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;

    enum class Target { kEngine, kClickHouse };
    // The engine when its oldest retained day is complete and lies before the first day the answer needs
    // (`need_from`, Unix seconds): every day from need_from on is then whole in the engine. ClickHouse otherwise
    // (and for an empty engine).
    static Target Choose(const analytics::Snapshot& hot, int64_t need_from);
    // The earliest time an analysis request's answer depends on: from (trajectory, cloned, night), from − window_s
    // (companion), the earliest condition's from (collision), from − lookback_days (first_seen). nullopt when the
    // request is not valid enough to say (the engine then refuses it with its field errors).
    static std::optional<int64_t> NeedFrom(const Json& request);

    // analytics::RunQuery's contract, from the chosen backend.
    Result<Json> RunQuery(const analytics::Snapshot& hot, const Json& request, const analytics::QueryLimits& limits);
    // analytics::RunQueryReply's contract: the engine's text reply, or ClickHouse's reply as text (TextReplyOf).
    Result<analytics::TextReply> RunQueryReply(const analytics::Snapshot& hot, const Json& request,
                                               const analytics::QueryLimits& limits);
    // analytics::TopCheckpoints / NewPlatesPerDay's, from the chosen backend (days are China days).
    Result<std::vector<analytics::HourlyRow>> TopCheckpoints(const analytics::Snapshot& hot, int32_t from_day,
                                                             int32_t to_day, size_t limit);
    Result<std::vector<analytics::NewPlatesDay>> NewPlatesPerDay(const analytics::Snapshot& hot, int32_t from_day,
                                                                 int32_t to_day, int lookback_days);

    // Queues a durable batch for ClickHouse; `hot` is the engine snapshot that publishes it (its checkpoint table
    // is shipped first whenever it changed). Never blocks on ClickHouse.
    void Ship(const std::vector<analytics::PassRecord>& batch, const analytics::Snapshot& hot);
    // Waits until everything queued so far is written, or the last write failed. Errors: that failure.
    Status Flush();

    // Makes ClickHouse hold exactly the engine's passes for every China day the engine holds whole. A day whose
    // pass counts differ — passes lost from the in-memory queue when the process died, a part duplicated by a
    // retried insert, passes put into the engine directly by `init --demo` — is dropped on every shard and
    // written again from `hot` (checkpoints first). `engine_whole`: the engine's oldest day is whole too (true
    // only where the engine is known to hold everything, as right after `init --demo`); otherwise that day, which
    // retention or the engine's start may have cut, is left alone.
    // Must not run while batches that `hot` already holds are still to be shipped: call it with no intake
    // running, or through StartReconcile. Errors: Internal (ClickHouse); days rewritten before it stay rewritten.
    struct ReconcileReport {
        uint32_t days_checked = 0;
        std::vector<int32_t> days_rewritten;
        uint64_t passes_rewritten = 0;
    };
    Result<ReconcileReport> Reconcile(const analytics::Snapshot& hot, bool engine_whole);
    // Makes Reconcile(hot, false) the shipping thread's first job, ahead of every batch shipped after `hot` was
    // taken (so none is written twice), retried every 2 s while ClickHouse is unreachable. The server calls it at
    // start-up, before intake opens, with the snapshot the engine opened with. The outcome is in Stats().
    void StartReconcile(analytics::Snapshot hot);

    struct ShipStats {
        uint64_t shipped = 0;  // passes written
        uint64_t queued = 0;   // passes waiting
        uint64_t dropped = 0;  // passes dropped because the queue was full (kMaxQueued) while ClickHouse was down
        std::string last_error;
        bool reconcile_pending = false;
        std::optional<ReconcileReport> last_reconcile;
    };
    ShipStats Stats() const;
    static constexpr uint64_t kMaxQueued = 20'000'000;

    Backend& backend() { return *backend_; }
    int hot_days() const { return hot_days_; }

  private:
    Router(std::unique_ptr<Backend> backend, int hot_days) : backend_(std::move(backend)), hot_days_(hot_days) {}
    void Loop();

    std::unique_ptr<Backend> backend_;
    int hot_days_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::vector<analytics::PassRecord>> queue_;
    std::optional<analytics::Snapshot> checkpoints_from_;  // the snapshot whose checkpoint table is to be shipped
    std::optional<analytics::Snapshot> reconcile_from_;    // StartReconcile's snapshot, not yet reconciled
    const analytics::CheckpointTable* shipped_table_ = nullptr;
    bool busy_ = false, stop_ = false;
    ShipStats stats_;
    std::thread thread_;
};

// The process's hook: nullptr (the default) = the in-process engine alone. Installed at start-up by the app
// when [analytics] backend = "clickhouse".
void InstallRouter(std::shared_ptr<Router> router);
std::shared_ptr<Router> InstalledRouter();

// Prometheus lines of the installed router's shipping (passes shipped, queued, dropped; a reconcile pending;
// the last failure as a 0/1 gauge); "" when none is installed.
std::string RouterMetricsText();

// The call sites' one line: the installed router's answer, else the engine's.
Result<Json> RunAnalysis(const analytics::Snapshot& hot, const Json& request, const analytics::QueryLimits& limits);
// The same answer as JSON text with its row count and checkpoint ids (analytics::RunQueryReply; ADR 0072).
Result<analytics::TextReply> RunAnalysisReply(const analytics::Snapshot& hot, const Json& request,
                                              const analytics::QueryLimits& limits);
Result<std::vector<analytics::HourlyRow>> TopCheckpointsFor(const analytics::Snapshot& hot, int32_t from_day,
                                                            int32_t to_day, size_t limit);
Result<std::vector<analytics::NewPlatesDay>> NewPlatesFor(const analytics::Snapshot& hot, int32_t from_day,
                                                          int32_t to_day, int lookback_days);

}  // namespace jw::checkpoint::clickhouse

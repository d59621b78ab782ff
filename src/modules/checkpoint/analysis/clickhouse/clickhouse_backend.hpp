#pragma once
// The pass analytics on ClickHouse (issue 19, docs/adr/0067-province-on-clickhouse.md): the province backend
// behind the engine's query contract. Passes are written in batches to a cluster of shards (a Distributed
// table sharded by cityHash64(plate) over local MergeTree tables partitioned by China day); the six analyses
// (analytics/query_json.hpp) and the pass statistics (analytics/stats.hpp) answer with exactly the engine's
// replies.
//
// Schema (created when missing, on every shard; the database is Settings::database):
//   passes_local      MergeTree PARTITION BY day ORDER BY (plate, time, checkpoint_id)  — per-plate paths
//   passes_cp_local   materialised view of passes_local ORDER BY (checkpoint_id, time)    — per-checkpoint paths
//   passes, passes_cp Distributed(cluster, database, *_local, cityHash64(plate))
//   checkpoints       ReplacingMergeTree(version) on the first server only (small; cached here)
// Because every pass of a plate lives on one shard, per-plate aggregations run to completion on the shards
// (distributed_group_by_no_merge) and first_seen's lookback is a shard-local NOT IN.
// Thread-safe.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analytics/pass.hpp"
#include "analytics/queries.hpp"
#include "analytics/query_json.hpp"
#include "analytics/stats.hpp"
#include "checkpoint/analysis/clickhouse/clickhouse_client.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::checkpoint::clickhouse {

struct Settings {
    std::vector<std::string> urls;  // every shard's server ("http://host:port"); the first answers queries
    std::string database = "jingwu";
    std::string cluster = "jw";  // the remote_servers entry naming the shards (same order as urls)
    std::string user = "default";
    std::string password;
    // This server's passes are tagged with it (column `source`; the county's region code): several intake
    // servers write to one cluster, and Reconcile counts and rewrites only its own.
    std::string source;
};

class Backend {
  public:
    // Connects and creates the schema where missing. Errors: InvalidArgument "urls"; Internal (ClickHouse).
    static Result<std::unique_ptr<Backend>> Open(const Settings& settings);

    // Writes one batch (already validated by intake, as for the engine) through the Distributed table,
    // synchronously: when Ok, every shard holds it. Errors: Internal (nothing or part written: ClickHouse
    // inserts are atomic per shard block, so a retry may duplicate a shard's part — intake retries whole
    // batches only after a failure, and the engine stays the source of truth for recent days).
    Status Append(const std::vector<analytics::PassRecord>& batch);
    // Adds or replaces checkpoints (name, coordinates). Errors: Internal.
    Status UpsertCheckpoints(const std::vector<analytics::Checkpoint>& checkpoints);

    // The engine's RunQuery contract: validated by the engine's own validator (so errors are identical),
    // answered from ClickHouse. Errors: the engine's field errors; Internal (ClickHouse).
    Result<Json> RunQuery(const Json& request, const analytics::QueryLimits& limits = {});

    // analytics::TopCheckpoints / HourlyByCheckpoint (limit SIZE_MAX) and NewPlatesPerDay, from ClickHouse.
    Result<std::vector<analytics::HourlyRow>> TopCheckpoints(int32_t from_day, int32_t to_day, size_t limit);
    Result<std::vector<analytics::NewPlatesDay>> NewPlatesPerDay(int32_t from_day, int32_t to_day, int lookback_days);

    // This server's (Settings::source) passes per China day in [from_day, to_day], across every shard (days
    // without passes are absent). Errors: Internal.
    Result<std::map<int32_t, uint64_t>> DayCounts(int32_t from_day, int32_t to_day);
    // Deletes this server's passes of one China day on every shard (both orderings) and returns when ClickHouse
    // has applied the deletion (18.16's ALTER … DELETE is an asynchronous mutation; it never touches parts
    // inserted after it). Errors: Internal (ClickHouse, or not applied within 120 s).
    Status DeleteDay(int32_t day);

    // Drops every pass and checkpoint (tests and benchmarks). Errors: Internal.
    Status Truncate();

    Client& coordinator() { return *clients_.front(); }
    const Settings& settings() const { return settings_; }

  private:
    explicit Backend(Settings settings) : settings_(std::move(settings)) {}
    Status CreateSchema();
    Status LoadCheckpoints();
    std::shared_ptr<const std::vector<analytics::Checkpoint>> Checkpoints() const;
    std::string Table(const char* name) const { return settings_.database + "." + name; }

    Result<Json> Trajectory(const std::string& plate, int64_t from, int64_t to);
    Result<Json> Companion(const std::string& plate, int64_t from, int64_t to, int64_t window, uint32_t min_cps);
    Result<Json> Collision(const Json& request);
    Result<Json> FirstSeen(int64_t from, int64_t to, int64_t lookback_days, const std::vector<std::string>& cps);
    Result<Json> Cloned(int64_t from, int64_t to, double max_speed_kmh);
    Result<Json> Night(int64_t from, int64_t to, const analytics::NightSpec& spec);

    Settings settings_;
    std::vector<std::unique_ptr<Client>> clients_;  // one per url
    mutable std::mutex mu_;
    std::shared_ptr<const std::vector<analytics::Checkpoint>> checkpoints_;  // sorted by id
};

}  // namespace jw::checkpoint::clickhouse

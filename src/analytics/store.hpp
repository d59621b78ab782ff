#pragma once
// Store: the vehicle-pass engine's in-memory columnar store, persisted in an append log.
//
// Layout: plates are dictionary-encoded to dense uint32 ids (PlateDictionary), checkpoints to uint16
// indexes (CheckpointTable, at most 65535). Passes live in per-day partitions (China-time days); a
// partition is a short list of immutable Segments (see segment.hpp) kept at O(log n) length by merging
// neighbours whose sizes are within a factor of 4.
//
// Concurrency: one writer at a time (Append/UpsertCheckpoints/DropPartitionsBefore serialise on a mutex).
// Each write builds new immutable segments, then publishes a new Version by swapping one pointer.
// GetSnapshot() takes that pointer: a Snapshot is a consistent, immutable view (a plate count, checkpoint
// table and partition list) that stays valid and unchanged however long it is held, and never blocks the
// writer. Readers touch the shared plate dictionary only for one hash lookup per query (shared lock).
//
// Durability: Append returns Ok only after its batch is written to <dir>/passes.jwlog and fdatasync'ed.
// Open replays the log; a torn or corrupt tail is discarded (see append_log.hpp).

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/append_log.hpp"
#include "analytics/pass.hpp"
#include "analytics/plate_dictionary.hpp"
#include "analytics/segment.hpp"
#include "common/china_day.hpp"
#include "common/status.hpp"

namespace jw::analytics {

using jw::kDaySeconds;
// China-time day number of a Unix time (common/china_day.hpp), as the int32 a partition keys on.
inline int32_t ChinaDay(int64_t t) { return static_cast<int32_t>(ChinaDayNumber(t)); }
// Time block of a Unix time: a China day split at 65536 s into two blocks (a segment holds one block, so
// its times fit u16 offsets). Blocks ascend with time; block / 2 is the China day.
inline int64_t TimeBlock(int64_t t) { return ChinaDayNumber(t) * 2 + (ChinaSecondOfDay(t) >= 65536 ? 1 : 0); }

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Checkpoint id ↔ index table. Immutable once published; the writer copies it to add entries.
struct CheckpointTable {
    std::vector<Checkpoint> list;                                                  // index → checkpoint
    std::unordered_map<std::string, uint16_t, StringHash, std::equal_to<>> index;  // id → index
    std::vector<uint32_t> rank;  // index → rank of id in byte order (for sorting)
    std::optional<uint16_t> Find(std::string_view id) const;
    void Rerank();
};

struct Partition {
    int32_t day = 0;
    std::vector<std::shared_ptr<const Segment>> segments;  // ascending time block; within one, larger first
    uint64_t passes = 0;

    // One bit per plate id: the plates with a pass on this day (first_seen's lookback over whole days tests a
    // bit instead of searching every segment). Built on first use from the run directories and kept with this
    // immutable partition (a later append publishes a new Partition). Thread-safe.
    const std::vector<uint64_t>& PlateBits() const;
    static bool Has(const std::vector<uint64_t>& bits, uint32_t plate) {
        return (plate >> 6) < bits.size() && (bits[plate >> 6] >> (plate & 63) & 1) != 0;
    }

  private:
    mutable std::once_flag bits_once_;
    mutable std::vector<uint64_t> bits_;
};

struct ClonedPairs;  // cloned_index.hpp
class ClonedChain;

struct Version {
    std::vector<std::shared_ptr<const Partition>> partitions;  // ascending day
    std::shared_ptr<const CheckpointTable> checkpoints;
    std::shared_ptr<const ClonedPairs> cloned;  // the cloned index of exactly these partitions (cloned_index.hpp)
    uint32_t plate_count = 0;
    uint64_t pass_count = 0;
};

// A consistent read-only view. Cheap to copy; thread-safe.
class Snapshot {
  public:
    Snapshot(std::shared_ptr<const Version> v, const PlateDictionary* dict) : v_(std::move(v)), dict_(dict) {}

    std::optional<uint32_t> FindPlate(std::string_view plate) const;
    std::string_view Plate(uint32_t id) const { return dict_->Get(id); }
    uint32_t plate_count() const { return v_->plate_count; }
    uint64_t pass_count() const { return v_->pass_count; }
    const CheckpointTable& checkpoints() const { return *v_->checkpoints; }
    // Segments of partitions whose day may hold times in [from, to), ascending day then time block.
    std::vector<const Segment*> Segments(int64_t from, int64_t to) const;
    const std::vector<std::shared_ptr<const Partition>>& partitions() const { return v_->partitions; }
    const ClonedPairs* cloned() const { return v_->cloned.get(); }

  private:
    std::shared_ptr<const Version> v_;
    const PlateDictionary* dict_;
};

struct StoreOptions {
    bool sync = true;  // fdatasync each batch; only tests and benchmarks turn it off
    // Retention: after each append and on open, China days older than `retention_days` before the newest
    // partition's day (data time, not the wall clock, so loading history works) are dropped and the store is
    // compacted. 0 keeps everything.
    int retention_days = 180;
    // A snapshot is written after an append once the log has grown this much since the last one, so a
    // restart replays at most about this many log bytes. 0: only on WriteSnapshot/Compact.
    uint64_t snapshot_log_bytes = uint64_t{128} << 20;
};

struct StoreStats {
    uint64_t passes = 0;
    uint32_t plates = 0;
    uint32_t checkpoints = 0;
    uint64_t partitions = 0;
    uint64_t segments = 0;
    uint64_t segment_bytes = 0;     // columns + indexes
    uint64_t dictionary_bytes = 0;  // approximate
    uint64_t log_bytes = 0;
    std::string last_upkeep_error;  // last failed automatic snapshot/compaction ("" when none)
};

class Store {
  public:
    // Creates `dir` if needed, loads <dir>/passes.jwsnap when present and replays the records of
    // <dir>/passes.jwlog after the position it covers (all of them without a snapshot); applies retention.
    // A corrupt snapshot is ignored while the log still holds everything (epoch 0). Errors: kInternal (I/O,
    // foreign file, corrupt snapshot of a compacted log, log and snapshot that do not belong together).
    static Result<std::unique_ptr<Store>> Open(const std::string& dir, StoreOptions options = {},
                                               LogOpenStats* log_stats = nullptr);

    // Appends a batch durably, then publishes it. All or nothing. Errors: kInvalidArgument naming
    // "passes[i].<field>" (empty or over-long plate or checkpoint id, time outside [0, 2^32), more than
    // 65535 checkpoints); kInternal on I/O failure (nothing published).
    Status Append(const std::vector<PassRecord>& batch);
    // Adds or replaces checkpoints (name, coordinates), durably. Errors as Append ("checkpoints[i].id").
    Status UpsertCheckpoints(const std::vector<Checkpoint>& checkpoints);
    // Forgets partitions of China days before ChinaDay(cutoff) from memory only; the disk forgets them at the
    // next Compact (or snapshot). Cheap: O(days).
    void DropPartitionsBefore(int64_t cutoff);
    // Retention: drops partitions of days before ChinaDay(cutoff), then Compact(). Errors: as Compact.
    Status DropOlderThan(int64_t cutoff);
    // Writes a snapshot of the current version (see snapshot_file.hpp); the log is unchanged. Blocks writers
    // while it runs; readers are never blocked. Errors: kInternal (I/O; the previous snapshot stays valid).
    Status WriteSnapshot();
    // WriteSnapshot, then restarts the log empty (next epoch): the disk holds exactly what memory holds.
    // Errors: kInternal (I/O; whatever step failed leaves a consistent pair of files).
    Status Compact();

    Snapshot GetSnapshot() const { return Snapshot(Current(), &dict_); }
    StoreStats Stats() const;

    ~Store();

  private:
    Store();
    Status Validate(const std::vector<PassRecord>& batch) const;
    Status WriteSnapshotLocked();
    Status CompactLocked();
    Status ApplyRetentionLocked();
    bool DropLocked(int32_t day);  // true when something was dropped
    void ApplyPasses(const std::vector<PassRecord>& batch, bool merge);
    void ApplyCheckpoints(const std::vector<Checkpoint>& checkpoints);
    void Replay(std::string_view payload);
    void FinishReplay();

    mutable std::mutex write_mu_;
    std::string dir_;
    StoreOptions options_;
    uint64_t log_at_snapshot_ = 0;  // log size when the last snapshot was written (or at open)
    std::string last_upkeep_error_;
    PlateDictionary dict_;
    std::unique_ptr<ClonedChain> cloned_;  // the writer's side of Version::cloned
    std::shared_ptr<const Version> Current() const {
        std::lock_guard lock(publish_mu_);
        return version_;
    }
    void Publish(std::shared_ptr<const Version> v) {
        std::lock_guard lock(publish_mu_);
        version_.swap(v);  // the old version is released outside the lock, when `v` goes
    }
    // Guards only the copy or swap of this one pointer (never held while reading or building data):
    // libstdc++ 12's std::atomic<std::shared_ptr> is lock-based as well, and opaque to ThreadSanitizer.
    mutable std::mutex publish_mu_;
    std::shared_ptr<const Version> version_;
    std::unique_ptr<AppendLog> log_;
    std::map<int64_t, std::vector<Row>> replay_rows_;  // by time block  // only during Open
    std::shared_ptr<CheckpointTable> replay_cps_;      // only during Open
    bool replay_moved_ = false;                        // a replayed record moved a known checkpoint
};

}  // namespace jw::analytics

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
#include "analytics/segment.hpp"
#include "common/status.hpp"

namespace jw::analytics {

constexpr int64_t kDaySeconds = 86400;
// China-time day number of a Unix time (days since 1970-01-01 in UTC+8).
inline int32_t ChinaDay(int64_t t) {
    int64_t s = t + 8 * 3600;
    return static_cast<int32_t>(s >= 0 ? s / kDaySeconds : (s - kDaySeconds + 1) / kDaySeconds);
}

// Append-only plate dictionary shared by all snapshots (id → text in fixed chunks, text → id in a flat hash). Strings never move once added, so a reader may use
// any id below the plate count of its snapshot without locking. Writer: Intern (single writer).
class PlateDictionary {
public:
    PlateDictionary();
    ~PlateDictionary();
    uint32_t Intern(std::string_view plate);                      // writer only
    std::optional<uint32_t> Find(std::string_view plate) const;   // any thread
    const std::string& Get(uint32_t id) const { return chunks_[id >> kChunkBits].load(std::memory_order_acquire)[id & kChunkMask]; }
    uint32_t size() const { return size_.load(std::memory_order_acquire); }
    size_t Bytes() const;

private:
    static constexpr uint32_t kChunkBits = 16;
    static constexpr uint32_t kChunkMask = (1u << kChunkBits) - 1;
    static constexpr uint32_t kMaxChunks = 1u << 16;
    std::unique_ptr<std::atomic<std::string*>[]> chunks_;
    std::atomic<uint32_t> size_{0};
    size_t FindSlot(std::string_view plate, uint64_t h) const;  // slot holding plate, or the empty slot
    void Rehash(size_t capacity);
    // Open addressing, load ≤ 0.5: slot = (hash >> 32) << 32 | (id + 1), 0 when empty. The writer changes it
    // under the unique lock; readers probe under the shared lock.
    mutable std::shared_mutex map_mu_;
    std::vector<uint64_t> slots_;
};

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Checkpoint id ↔ index table. Immutable once published; the writer copies it to add entries.
struct CheckpointTable {
    std::vector<Checkpoint> list;                      // index → checkpoint
    std::unordered_map<std::string, uint16_t, StringHash, std::equal_to<>> index;  // id → index
    std::vector<uint32_t> rank;                        // index → rank of id in byte order (for sorting)
    std::optional<uint16_t> Find(std::string_view id) const;
    void Rerank();
};

struct Partition {
    int32_t day = 0;
    std::vector<std::shared_ptr<const Segment>> segments;
    uint64_t passes = 0;
};

struct Version {
    std::vector<std::shared_ptr<const Partition>> partitions;  // ascending day
    std::shared_ptr<const CheckpointTable> checkpoints;
    uint32_t plate_count = 0;
    uint64_t pass_count = 0;
};

// A consistent read-only view. Cheap to copy; thread-safe.
class Snapshot {
public:
    Snapshot(std::shared_ptr<const Version> v, const PlateDictionary* dict) : v_(std::move(v)), dict_(dict) {}

    std::optional<uint32_t> FindPlate(std::string_view plate) const;
    const std::string& Plate(uint32_t id) const { return dict_->Get(id); }
    uint32_t plate_count() const { return v_->plate_count; }
    uint64_t pass_count() const { return v_->pass_count; }
    const CheckpointTable& checkpoints() const { return *v_->checkpoints; }
    // Segments of partitions whose day may hold times in [from, to), ascending day.
    std::vector<const Segment*> Segments(int64_t from, int64_t to) const;
    const std::vector<std::shared_ptr<const Partition>>& partitions() const { return v_->partitions; }

private:
    std::shared_ptr<const Version> v_;
    const PlateDictionary* dict_;
};

struct StoreOptions {
    bool sync = true;  // fdatasync each batch; only tests and benchmarks turn it off
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
};

class Store {
public:
    // Creates `dir` if needed and replays <dir>/passes.jwlog. Errors: kInternal (I/O, foreign file).
    static Result<std::unique_ptr<Store>> Open(const std::string& dir, StoreOptions options = {},
                                               LogOpenStats* log_stats = nullptr);

    // Appends a batch durably, then publishes it. All or nothing. Errors: kInvalidArgument naming
    // "passes[i].<field>" (empty or over-long plate or checkpoint id, time outside [0, 2^32), more than
    // 65535 checkpoints); kInternal on I/O failure (nothing published).
    Status Append(const std::vector<PassRecord>& batch);
    // Adds or replaces checkpoints (name, coordinates), durably. Errors as Append ("checkpoints[i].id").
    Status UpsertCheckpoints(const std::vector<Checkpoint>& checkpoints);
    // Retention: forgets partitions of China days before ChinaDay(cutoff) from memory (the log keeps them;
    // they are dropped again on each open when `retention_cutoff` is applied by the caller).
    void DropPartitionsBefore(int64_t cutoff);

    Snapshot GetSnapshot() const { return Snapshot(Current(), &dict_); }
    StoreStats Stats() const;

private:
    Store() = default;
    Status Validate(const std::vector<PassRecord>& batch) const;
    void ApplyPasses(const std::vector<PassRecord>& batch, bool merge);
    void ApplyCheckpoints(const std::vector<Checkpoint>& checkpoints);
    void Replay(std::string_view payload);
    void FinishReplay();

    mutable std::mutex write_mu_;
    PlateDictionary dict_;
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
    std::unordered_map<int32_t, std::vector<Row>> replay_rows_;  // only during Open
    std::shared_ptr<CheckpointTable> replay_cps_;                 // only during Open
};

}  // namespace jw::analytics

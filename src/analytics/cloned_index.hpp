#pragma once
// Cloned-plate index (issue 19): the cloned analysis kept up at ingest, so a 30-day query reads a short list of
// pairs instead of every pass of the range.
//
// Contract: ClonedPairs of a Version holds exactly the pairs (a, b) of consecutive passes of one plate in the
// whole retained history (order: time, then checkpoint byte order) at different checkpoints, both with
// coordinates, whose speed (HaversineKm(a, b) over b.time − a.time, infinite at equal times, distance > 0) exceeds
// kClonedIndexFloorKmh. Cloned(from, to, max) with max ≥ the floor is then that list filtered by a.time ≥ from,
// b.time < to and speed > max: a pair consecutive within [from, to) is consecutive in the whole history (nothing
// lies between two passes in the range that is not itself in the range). Below the floor, Cloned scans.
//
// How it stays exact (ClonedChain, the writer's side, one per Store, under the store's write lock):
//  - each plate's latest pass is kept (8 bytes per plate); a pass at or after it (time, then checkpoint rank)
//    makes one new pair, tested in O(1) — the common case of passes arriving in time order;
//  - a pass before a plate's latest marks the plate dirty: after the batch is published, the plate's pairs are
//    recomputed from its whole retained history in the segments (many dirty plates: everything is rebuilt);
//  - checkpoint coordinates changing rebuild the pairs from the segments by one scan;
//  - the snapshot file saves the pairs and each plate's latest pass with the segments they were derived from
//    (one CRC over all, written atomically, ADR 0065); opening restores them and feeds the log records after the
//    snapshot through Feed/Finish like new batches, so after kill -9 the index is exactly what the surviving
//    passes give. Opening without them (an older snapshot, or none) or with a checkpoint moved in the replayed
//    log rebuilds by one scan;
//  - retention: pairs whose a lies before the first retained day are dropped with that day (then b has no
//    predecessor in the retained history), and a plate's latest pass before that day no longer pairs.
// Thread-safety: ClonedPairs is immutable once published; ClonedChain is the writer's alone.

#include <cstdint>
#include <memory>
#include <vector>

#include "analytics/query_util.hpp"
#include "analytics/store.hpp"

namespace jw::analytics {

// Speeds at or below this are never cloned suspects in the index (the UI's default threshold is 150 km/h; real
// thresholds are 120 km/h and up). A lower query threshold is answered by the scan.
inline constexpr double kClonedIndexFloorKmh = 100;

struct ClonedPair {
    uint32_t plate;
    uint32_t a_time, b_time;
    uint16_t a_cp, b_cp;
    bool operator==(const ClonedPair&) const = default;
};

struct ClonedPairs {
    std::vector<ClonedPair> pairs;  // no order
};

// Speed of a pair as the cloned analysis defines it (km, km/h); false when the pair never counts (same
// checkpoint, a checkpoint without coordinates, zero distance). The scan and the index both use it, so they agree
// to the last bit.
bool PairSpeed(const CheckpointTable& table, const detail::Hit& a, const detail::Hit& b, double* km, double* speed);

// The pairs of [from, to) over `s` with speed > floor_kmh for plates [plate_lo, plate_hi), by a scan of the
// segments (the brute force the index is checked against); `last`, when given, receives each plate's latest pass
// (indexed by plate id; time 0 and cp UINT16_MAX for none).
std::vector<ClonedPair> ScanClonedPairs(const Snapshot& s, int64_t from, int64_t to, double floor_kmh,
                                        std::vector<detail::Hit>* last = nullptr);

class ClonedChain {
  public:
    // Rebuilds everything from the version's segments (open, coordinates changed, many dirty plates).
    std::shared_ptr<const ClonedPairs> Rebuild(const Snapshot& s);
    // Feeds a batch of rows (any order) before it is published; `table` is the checkpoint table it is published
    // with. Then Finish with the snapshot that publishes it.
    void Feed(const std::vector<Row>& rows, const CheckpointTable& table, uint32_t plate_count);
    // After the batch is published in `s`: the pairs of version `s` (recomputing dirty plates). `prev` is the
    // pairs of the version before the batch.
    std::shared_ptr<const ClonedPairs> Finish(const Snapshot& s, const std::shared_ptr<const ClonedPairs>& prev);
    // Retention dropped the days before `retained_from` (Unix seconds of the first retained day's midnight).
    std::shared_ptr<const ClonedPairs> Drop(int64_t retained_from, const std::shared_ptr<const ClonedPairs>& prev);
    // Each plate's latest pass (per plate id; cp UINT16_MAX: none), as the snapshot saves it beside the pairs;
    // between batches (under the store's write lock) it belongs to the published version exactly.
    const std::vector<detail::Hit>& last() const { return last_; }
    // Opening from a snapshot that saved the pairs: the chain state saved with them, so the log records after
    // the snapshot are fed like new batches instead of rebuilding the index by a scan.
    void Restore(std::vector<detail::Hit> last, uint32_t plate_count);

  private:
    static constexpr uint16_t kNone = UINT16_MAX;
    std::vector<detail::Hit> last_;  // per plate id; cp kNone: no pass
    std::vector<uint8_t> dirty_;     // per plate id
    std::vector<uint32_t> dirty_list_;
    std::vector<ClonedPair> fresh_;  // pairs found by Feed, published by Finish
};

}  // namespace jw::analytics

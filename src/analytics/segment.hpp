#pragma once
// Segment: an immutable, columnar block of passes of one time block (a part of one China day no longer than
// 65536 s, see Store), with its two indexes. Thread-safe: never changes after construction.
//
// Rows are sorted by (plate id, time, checkpoint). The plate column is not stored: a plate's passes form
// one contiguous *run*, and the run directory holds (plate id, first row) per distinct plate, plus one run
// number per 32 rows so that PlateAt(row) is a short forward scan. Times are u16 offsets from min_time()
// (a segment spans < 65536 s). Colour, direction and lane are one byte code into a per-segment dictionary
// of triples when a segment has ≤ 256 distinct triples (always, in practice), else three raw bytes.
// The checkpoint index `by_checkpoint` is a permutation of row positions sorted by (checkpoint, time, row)
// with per-checkpoint start offsets. Bytes per pass ≈ 10 + 8 / (passes per plate in the segment).

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace jw::analytics {

// One pass with dictionary ids, as the store keeps it (plate id, checkpoint index, Unix seconds).
struct Row {
    uint32_t plate = 0;
    uint32_t time = 0;
    uint16_t checkpoint = 0;
    uint8_t color = 0;
    uint8_t direction = 0;
    uint8_t lane = 0;
    uint8_t speed = 0;
};

class Segment {
  public:
    static constexpr uint32_t kMaxSpan = 65536;  // max_time − min_time < kMaxSpan

    // Rows in any order; sorted here. Precondition (checked, throws std::invalid_argument): the times span
    // less than kMaxSpan seconds.
    explicit Segment(std::vector<Row> rows);
    // Merges two segments whose union spans < kMaxSpan (linear, no re-sort).
    static std::shared_ptr<const Segment> Merge(const Segment& a, const Segment& b);

    size_t size() const { return time_.size(); }
    uint32_t time(size_t i) const { return base_ + time_[i]; }
    uint16_t checkpoint(size_t i) const { return checkpoint_[i]; }
    uint32_t plate(size_t i) const { return run_plate_[RunOf(i)]; }  // O(1) amortised
    Row row(size_t i) const;
    uint32_t min_time() const { return base_; }
    uint32_t max_time() const { return max_time_; }

    // Run directory: distinct plates in ascending id, each with its rows [run_begin, run_end).
    size_t run_count() const { return run_plate_.size(); }
    uint32_t run_plate(size_t r) const { return run_plate_[r]; }
    uint32_t run_begin(size_t r) const { return run_start_[r]; }
    uint32_t run_end(size_t r) const { return run_start_[r + 1]; }
    // First run whose plate ≥ `plate`, searching from run `hint` on (galloping; hint ≤ answer required).
    size_t LowerBoundRun(uint32_t plate, size_t hint = 0) const;
    size_t RunOf(size_t row) const {
        size_t r = run_of_block_[row >> kBlockBits];
        while (run_start_[r + 1] <= row) ++r;
        return r;
    }

    // Row positions [first, second) of `plate`'s passes with time in [from, to), in time order.
    std::pair<uint32_t, uint32_t> PlateRange(uint32_t plate, uint32_t from, uint32_t to) const;
    // Row positions [first, second) within run r with time in [from, to).
    std::pair<uint32_t, uint32_t> RunRange(size_t r, uint32_t from, uint32_t to) const;
    // Positions [first, second) into by_checkpoint() of passes at `checkpoint` with time in [from, to).
    std::pair<uint32_t, uint32_t> CheckpointRange(uint16_t checkpoint, uint32_t from, uint32_t to) const;
    uint32_t by_checkpoint(size_t k) const { return by_checkpoint_[k]; }

    // The default night [22:00, 05:00) China time, summarised per run at build (issue 19: the night analysis over
    // 30 days reads these short lists instead of every row). One entry per run and night (a night belongs to the
    // China day it starts on) with that run's passes in it, in run order; runs without night passes have none.
    static constexpr int32_t kNightStartS = 22 * 3600, kNightEndS = 5 * 3600;
    struct NightRun {
        uint32_t plate;
        int32_t night;  // China day number
        uint32_t passes;
    };
    const std::vector<NightRun>& night_runs() const { return night_runs_; }

    // Snapshot encoding: Serialize appends the segment; Deserialize reads one back and checks its
    // invariants (nullptr when the bytes are not a well-formed segment).
    void Serialize(class Writer& w) const;
    static std::shared_ptr<const Segment> Deserialize(class Reader& r);

    size_t Bytes() const;  // column, index and run-directory bytes (capacity), for the bytes-per-pass figure

  private:
    static constexpr uint32_t kBlockBits = 5;
    struct Sorted;  // rows as sorted keys, the input of Build
    explicit Segment(Sorted&& s);
    Segment() = default;
    bool Valid() const;
    void Build(Sorted&& s);
    void BuildNightRuns();

    uint32_t base_ = 0;
    uint32_t max_time_ = 0;
    std::vector<uint32_t> run_plate_;
    std::vector<uint32_t> run_start_;  // run_count() + 1 entries
    std::vector<uint32_t> run_of_block_;
    std::vector<uint16_t> time_;
    std::vector<uint16_t> checkpoint_;
    std::vector<uint8_t> speed_;
    std::vector<uint8_t> attr_code_;   // dictionary mode: index into attr_dict_
    std::vector<uint8_t> attr_raw_;    // raw mode: colour, direction, lane per row
    std::vector<uint32_t> attr_dict_;  // colour | direction << 8 | lane << 16
    std::vector<uint32_t> by_checkpoint_;
    std::vector<uint32_t> cp_start_;    // (max checkpoint + 2) offsets into by_checkpoint_
    std::vector<NightRun> night_runs_;  // derived (never serialised): built from the columns on load too
};

}  // namespace jw::analytics

#pragma once
// Segment: an immutable, columnar block of passes of one day partition, with its two indexes.
// Rows are stored sorted by (plate id, time, checkpoint), so a plate's passes form one contiguous run found
// by binary search (the per-plate posting list is the table itself); `by_checkpoint` is a permutation of
// row positions sorted by (checkpoint, time, row). Thread-safe: never changes after construction.

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
    explicit Segment(std::vector<Row> rows);  // any order; sorted here
    static std::shared_ptr<const Segment> Merge(const Segment& a, const Segment& b);

    size_t size() const { return plate_.size(); }
    uint32_t plate(size_t i) const { return plate_[i]; }
    uint32_t time(size_t i) const { return time_[i]; }
    uint16_t checkpoint(size_t i) const { return checkpoint_[i]; }
    Row row(size_t i) const;
    uint32_t min_time() const { return min_time_; }
    uint32_t max_time() const { return max_time_; }

    // Row positions [first, second) of `plate`'s passes with time in [from, to), in time order.
    std::pair<uint32_t, uint32_t> PlateRange(uint32_t plate, uint32_t from, uint32_t to) const;
    // Positions [first, second) into by_checkpoint() of passes at `checkpoint` with time in [from, to).
    std::pair<uint32_t, uint32_t> CheckpointRange(uint16_t checkpoint, uint32_t from, uint32_t to) const;
    uint32_t by_checkpoint(size_t k) const { return by_checkpoint_[k]; }

    size_t Bytes() const;  // column and index bytes (capacity), for the bytes-per-pass figure

private:
    std::vector<uint32_t> plate_;
    std::vector<uint32_t> time_;
    std::vector<uint16_t> checkpoint_;
    std::vector<uint8_t> color_, direction_, lane_, speed_;
    std::vector<uint32_t> by_checkpoint_;
    uint32_t min_time_ = UINT32_MAX;
    uint32_t max_time_ = 0;
};

}  // namespace jw::analytics

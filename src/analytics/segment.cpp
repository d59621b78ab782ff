#include "analytics/segment.hpp"

#include <algorithm>
#include <tuple>

namespace jw::analytics {

Segment::Segment(std::vector<Row> rows) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        const uint64_t ka = (uint64_t{a.plate} << 32) | a.time, kb = (uint64_t{b.plate} << 32) | b.time;
        return ka != kb ? ka < kb : a.checkpoint < b.checkpoint;
    });
    const size_t n = rows.size();
    plate_.resize(n);
    time_.resize(n);
    checkpoint_.resize(n);
    color_.resize(n);
    direction_.resize(n);
    lane_.resize(n);
    speed_.resize(n);
    by_checkpoint_.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const Row& r = rows[i];
        plate_[i] = r.plate;
        time_[i] = r.time;
        checkpoint_[i] = r.checkpoint;
        color_[i] = r.color;
        direction_[i] = r.direction;
        lane_[i] = r.lane;
        speed_[i] = r.speed;
        by_checkpoint_[i] = static_cast<uint32_t>(i);
        min_time_ = std::min(min_time_, r.time);
        max_time_ = std::max(max_time_, r.time);
    }
    // Sort packed (checkpoint, time) keys with their row positions: contiguous, no indirection.
    std::vector<std::pair<uint64_t, uint32_t>> keys(n);
    for (size_t i = 0; i < n; ++i) keys[i] = {(uint64_t{checkpoint_[i]} << 32) | time_[i], static_cast<uint32_t>(i)};
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < n; ++i) by_checkpoint_[i] = keys[i].second;
}

Row Segment::row(size_t i) const {
    return Row{plate_[i], time_[i], checkpoint_[i], color_[i], direction_[i], lane_[i], speed_[i]};
}

std::shared_ptr<const Segment> Segment::Merge(const Segment& a, const Segment& b) {
    std::vector<Row> rows;
    rows.reserve(a.size() + b.size());
    for (size_t i = 0; i < a.size(); ++i) rows.push_back(a.row(i));
    for (size_t i = 0; i < b.size(); ++i) rows.push_back(b.row(i));
    return std::make_shared<const Segment>(std::move(rows));
}

std::pair<uint32_t, uint32_t> Segment::PlateRange(uint32_t plate, uint32_t from, uint32_t to) const {
    if (from >= to || size() == 0 || to <= min_time_ || from > max_time_) return {0, 0};
    auto lo = std::lower_bound(plate_.begin(), plate_.end(), plate);
    auto hi = std::upper_bound(lo, plate_.end(), plate);
    if (lo == hi) return {0, 0};
    const size_t b = lo - plate_.begin(), e = hi - plate_.begin();
    auto t0 = std::lower_bound(time_.begin() + b, time_.begin() + e, from);
    auto t1 = std::lower_bound(t0, time_.begin() + e, to);
    return {static_cast<uint32_t>(t0 - time_.begin()), static_cast<uint32_t>(t1 - time_.begin())};
}

std::pair<uint32_t, uint32_t> Segment::CheckpointRange(uint16_t cp, uint32_t from, uint32_t to) const {
    if (from >= to || size() == 0 || to <= min_time_ || from > max_time_) return {0, 0};
    auto key_less = [this](uint32_t pos, std::pair<uint16_t, uint32_t> key) {
        return std::make_pair(checkpoint_[pos], time_[pos]) < key;
    };
    auto lo = std::lower_bound(by_checkpoint_.begin(), by_checkpoint_.end(), std::make_pair(cp, from), key_less);
    auto hi = std::lower_bound(lo, by_checkpoint_.end(), std::make_pair(cp, to), key_less);
    return {static_cast<uint32_t>(lo - by_checkpoint_.begin()), static_cast<uint32_t>(hi - by_checkpoint_.begin())};
}

size_t Segment::Bytes() const {
    return plate_.capacity() * 4 + time_.capacity() * 4 + checkpoint_.capacity() * 2 + color_.capacity() +
           direction_.capacity() + lane_.capacity() + speed_.capacity() + by_checkpoint_.capacity() * 4;
}

}  // namespace jw::analytics

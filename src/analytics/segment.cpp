#include "analytics/segment.hpp"

#include <algorithm>
#include <stdexcept>

#include "analytics/codec.hpp"
#include "analytics/radix_sort.hpp"
#include "common/china_day.hpp"

namespace jw::analytics {

// Rows as 64-bit keys plate << 32 | time offset << 16 | checkpoint (their sort order is the table's order),
// with colour | direction << 8 | lane << 16 | speed << 24 beside each key.
struct Segment::Sorted {
    struct Item {
        uint64_t key;
        uint32_t attrs;
    };
    std::vector<Item> items;
    uint32_t base = 0;
};

namespace {

uint32_t PackAttrs(const Row& r) {
    return uint32_t{r.color} | uint32_t{r.direction} << 8 | uint32_t{r.lane} << 16 | uint32_t{r.speed} << 24;
}

}  // namespace

Segment::Segment(std::vector<Row> rows) {
    Sorted s;
    uint32_t lo = UINT32_MAX, hi = 0;
    for (const Row& r : rows) {
        lo = std::min(lo, r.time);
        hi = std::max(hi, r.time);
    }
    if (!rows.empty() && hi - lo >= kMaxSpan) throw std::invalid_argument("Segment: times span 65536 s or more");
    s.base = rows.empty() ? 0 : lo;
    s.items.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        s.items[i] = {uint64_t{r.plate} << 32 | uint64_t{r.time - s.base} << 16 | r.checkpoint, PackAttrs(r)};
    }
    rows = {};
    RadixSort(s.items, [](const Sorted::Item& it) { return it.key; });
    Build(std::move(s));
}

Segment::Segment(Sorted&& s) { Build(std::move(s)); }

std::shared_ptr<const Segment> Segment::Merge(const Segment& a, const Segment& b) {
    Sorted s;
    s.base = std::min(a.base_, b.base_);
    if (std::max(a.max_time_, b.max_time_) - s.base >= kMaxSpan) {
        throw std::invalid_argument("Segment::Merge: times span 65536 s or more");
    }
    auto items = [&s](const Segment& g) {
        std::vector<Sorted::Item> out(g.size());
        for (size_t r = 0; r < g.run_count(); ++r) {
            const uint64_t plate = uint64_t{g.run_plate_[r]} << 32;
            for (uint32_t i = g.run_start_[r]; i < g.run_start_[r + 1]; ++i) {
                const Row row = g.row(i);
                out[i] = {plate | uint64_t{row.time - s.base} << 16 | row.checkpoint, PackAttrs(row)};
            }
        }
        return out;
    };
    const auto ia = items(a), ib = items(b);
    s.items.resize(ia.size() + ib.size());
    std::merge(ia.begin(), ia.end(), ib.begin(), ib.end(), s.items.begin(),
               [](const Sorted::Item& x, const Sorted::Item& y) { return x.key < y.key; });
    return std::shared_ptr<const Segment>(new Segment(std::move(s)));
}

void Segment::Build(Sorted&& s) {
    const size_t n = s.items.size();
    base_ = s.base;
    time_.resize(n);
    checkpoint_.resize(n);
    speed_.resize(n);
    uint16_t max_cp = 0, max_off = 0;
    for (size_t i = 0; i < n; ++i) {
        const uint64_t k = s.items[i].key;
        const uint32_t plate = static_cast<uint32_t>(k >> 32);
        if (i == 0 || plate != run_plate_.back()) {
            run_plate_.push_back(plate);
            run_start_.push_back(static_cast<uint32_t>(i));
        }
        if ((i & ((1u << kBlockBits) - 1)) == 0) run_of_block_.push_back(static_cast<uint32_t>(run_plate_.size() - 1));
        time_[i] = static_cast<uint16_t>(k >> 16);
        checkpoint_[i] = static_cast<uint16_t>(k);
        speed_[i] = static_cast<uint8_t>(s.items[i].attrs >> 24);
        max_cp = std::max(max_cp, checkpoint_[i]);
        max_off = std::max(max_off, time_[i]);
    }
    run_start_.push_back(static_cast<uint32_t>(n));
    max_time_ = base_ + max_off;

    // Colour/direction/lane triples: a byte code into a small dictionary, raw bytes beyond 256 triples.
    std::vector<uint32_t> dict;
    bool overflow = false;
    attr_code_.resize(n);
    for (size_t i = 0; i < n && !overflow; ++i) {
        const uint32_t t = s.items[i].attrs & 0xFFFFFF;
        size_t c = 0;
        while (c < dict.size() && dict[c] != t) ++c;  // few triples: a scan beats a hash here
        if (c == dict.size()) {
            overflow = dict.size() == 256;
            dict.push_back(t);
        }
        attr_code_[i] = static_cast<uint8_t>(c);
    }
    if (overflow) {
        attr_code_.clear();
        attr_raw_.resize(3 * n);
        for (size_t i = 0; i < n; ++i) {
            for (int b = 0; b < 3; ++b) attr_raw_[3 * i + b] = static_cast<uint8_t>(s.items[i].attrs >> (8 * b));
        }
    } else {
        attr_dict_ = std::move(dict);
    }
    attr_code_.shrink_to_fit();
    s.items = {};

    // Checkpoint index: sort (checkpoint, time offset, row) keys; the row is the low 32 bits.
    std::vector<uint64_t> keys(n);
    for (size_t i = 0; i < n; ++i) {
        keys[i] = uint64_t{checkpoint_[i]} << 48 | uint64_t{time_[i]} << 32 | static_cast<uint32_t>(i);
    }
    RadixSort(keys, [](uint64_t k) { return k; });
    by_checkpoint_.resize(n);
    cp_start_.assign(n == 0 ? 1 : size_t{max_cp} + 2, 0);
    for (size_t i = 0; i < n; ++i) {
        by_checkpoint_[i] = static_cast<uint32_t>(keys[i]);
        ++cp_start_[(keys[i] >> 48) + 1];
    }
    for (size_t c = 1; c < cp_start_.size(); ++c) cp_start_[c] += cp_start_[c - 1];
    run_plate_.shrink_to_fit();
    run_start_.shrink_to_fit();
    run_of_block_.shrink_to_fit();
    BuildNightRuns();
}

void Segment::BuildNightRuns() {
    night_runs_.clear();
    if (time_.empty()) return;
    // Time of day without a division per row: the segment spans < 65536 s, so at most one midnight lies inside.
    const int64_t day0 = ChinaDayNumber(base_);
    const int64_t midnight0 = ChinaMidnightOfDay(day0), midnight1 = midnight0 + kDaySeconds;
    for (size_t r = 0; r < run_plate_.size(); ++r) {
        NightRun cur{run_plate_[r], 0, 0};
        for (uint32_t i = run_start_[r]; i < run_start_[r + 1]; ++i) {
            const int64_t t = int64_t{base_} + time_[i];
            const bool next_day = t >= midnight1;
            const auto tod = static_cast<int32_t>(t - (next_day ? midnight1 : midnight0));
            if (tod >= kNightEndS && tod < kNightStartS) continue;
            const auto night = static_cast<int32_t>(day0 + (next_day ? 1 : 0) - (tod < kNightEndS ? 1 : 0));
            if (cur.passes > 0 && cur.night != night) {
                night_runs_.push_back(cur);
                cur.passes = 0;
            }
            cur.night = night;
            ++cur.passes;
        }
        if (cur.passes > 0) night_runs_.push_back(cur);
    }
    night_runs_.shrink_to_fit();
}

Row Segment::row(size_t i) const {
    Row r;
    r.plate = plate(i);
    r.time = time(i);
    r.checkpoint = checkpoint_[i];
    const uint32_t t = attr_raw_.empty() ? attr_dict_[attr_code_[i]]
                                         : uint32_t{attr_raw_[3 * i]} | uint32_t{attr_raw_[3 * i + 1]} << 8 |
                                               uint32_t{attr_raw_[3 * i + 2]} << 16;
    r.color = static_cast<uint8_t>(t);
    r.direction = static_cast<uint8_t>(t >> 8);
    r.lane = static_cast<uint8_t>(t >> 16);
    r.speed = speed_[i];
    return r;
}

size_t Segment::LowerBoundRun(uint32_t plate, size_t hint) const {
    const size_t n = run_plate_.size();
    if (hint >= n || run_plate_[hint] >= plate) return hint;
    size_t lo = hint, step = 1;  // run_plate_[lo] < plate
    while (lo + step < n && run_plate_[lo + step] < plate) {
        lo += step;
        step <<= 1;
    }
    const size_t hi = std::min(n, lo + step);
    return std::lower_bound(run_plate_.begin() + lo + 1, run_plate_.begin() + hi, plate) - run_plate_.begin();
}

std::pair<uint32_t, uint32_t> Segment::RunRange(size_t r, uint32_t from, uint32_t to) const {
    const uint32_t b = run_start_[r], e = run_start_[r + 1];
    if (from >= to || to <= base_ || from > max_time_) return {b, b};
    const uint16_t f = static_cast<uint16_t>(from <= base_ ? 0 : from - base_);
    auto t0 = std::lower_bound(time_.begin() + b, time_.begin() + e, f);
    if (to > max_time_) return {static_cast<uint32_t>(t0 - time_.begin()), e};
    const uint16_t t = static_cast<uint16_t>(to - base_);
    auto t1 = std::lower_bound(t0, time_.begin() + e, t);
    return {static_cast<uint32_t>(t0 - time_.begin()), static_cast<uint32_t>(t1 - time_.begin())};
}

std::pair<uint32_t, uint32_t> Segment::PlateRange(uint32_t plate, uint32_t from, uint32_t to) const {
    if (from >= to || size() == 0 || to <= base_ || from > max_time_) return {0, 0};
    auto it = std::lower_bound(run_plate_.begin(), run_plate_.end(), plate);
    if (it == run_plate_.end() || *it != plate) return {0, 0};
    return RunRange(it - run_plate_.begin(), from, to);
}

std::pair<uint32_t, uint32_t> Segment::CheckpointRange(uint16_t cp, uint32_t from, uint32_t to) const {
    if (from >= to || size() == 0 || to <= base_ || from > max_time_ || size_t{cp} + 1 >= cp_start_.size()) {
        return {0, 0};
    }
    const uint32_t b = cp_start_[cp], e = cp_start_[cp + 1];
    auto less = [this](uint32_t pos, uint32_t off) { return time_[pos] < off; };
    const uint32_t f = from <= base_ ? 0 : from - base_;
    auto lo = std::lower_bound(by_checkpoint_.begin() + b, by_checkpoint_.begin() + e, f, less);
    auto hi = to > max_time_ ? by_checkpoint_.begin() + e
                             : std::lower_bound(lo, by_checkpoint_.begin() + e, to - base_, less);
    return {static_cast<uint32_t>(lo - by_checkpoint_.begin()), static_cast<uint32_t>(hi - by_checkpoint_.begin())};
}

void Segment::Serialize(Writer& w) const {
    w.Put(base_);
    w.Put(max_time_);
    w.Vec(run_plate_);
    w.Vec(run_start_);
    w.Vec(run_of_block_);
    w.Vec(time_);
    w.Vec(checkpoint_);
    w.Vec(speed_);
    w.Vec(attr_code_);
    w.Vec(attr_raw_);
    w.Vec(attr_dict_);
    w.Vec(by_checkpoint_);
    w.Vec(cp_start_);
}

std::shared_ptr<const Segment> Segment::Deserialize(Reader& r) {
    std::shared_ptr<Segment> s(new Segment());
    s->base_ = r.Get<uint32_t>();
    s->max_time_ = r.Get<uint32_t>();
    s->run_plate_ = r.Vec<uint32_t>();
    s->run_start_ = r.Vec<uint32_t>();
    s->run_of_block_ = r.Vec<uint32_t>();
    s->time_ = r.Vec<uint16_t>();
    s->checkpoint_ = r.Vec<uint16_t>();
    s->speed_ = r.Vec<uint8_t>();
    s->attr_code_ = r.Vec<uint8_t>();
    s->attr_raw_ = r.Vec<uint8_t>();
    s->attr_dict_ = r.Vec<uint32_t>();
    s->by_checkpoint_ = r.Vec<uint32_t>();
    s->cp_start_ = r.Vec<uint32_t>();
    if (!r.ok() || !s->Valid()) return nullptr;
    s->BuildNightRuns();
    return s;
}

// Cheap structural checks (sizes and bounds that the accessors rely on); the file's CRC covers the rest.
bool Segment::Valid() const {
    const size_t n = time_.size();
    if (checkpoint_.size() != n || speed_.size() != n || by_checkpoint_.size() != n) return false;
    if (attr_raw_.empty() ? (attr_code_.size() != n || (n > 0 && attr_dict_.empty())) : attr_raw_.size() != 3 * n) {
        return false;
    }
    if (run_start_.size() != run_plate_.size() + 1 || run_start_.back() != n || run_start_.front() != 0) return false;
    if (run_of_block_.size() != (n + (1u << kBlockBits) - 1) >> kBlockBits || cp_start_.empty()) return false;
    if (cp_start_.back() != n) return false;
    for (uint32_t r : run_of_block_) {
        if (r >= run_plate_.size()) return false;
    }
    for (uint8_t c : attr_code_) {
        if (c >= attr_dict_.size()) return false;
    }
    for (uint32_t p : by_checkpoint_) {
        if (p >= n) return false;
    }
    return max_time_ >= base_ && max_time_ - base_ < kMaxSpan;
}

size_t Segment::Bytes() const {
    return run_plate_.capacity() * 4 + run_start_.capacity() * 4 + run_of_block_.capacity() * 4 + time_.capacity() * 2 +
           checkpoint_.capacity() * 2 + speed_.capacity() + attr_code_.capacity() + attr_raw_.capacity() +
           attr_dict_.capacity() * 4 + by_checkpoint_.capacity() * 4 + cp_start_.capacity() * 4 +
           night_runs_.capacity() * sizeof(NightRun);
}

}  // namespace jw::analytics

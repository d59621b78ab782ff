#include "analytics/watch_list.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <unordered_map>

#include "analytics/plate_slots.hpp"
#include "common/validators.hpp"

namespace jw::analytics {

uint64_t HashPlate(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0x94D049BB133111EBull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

void WatchList::Reserve(size_t n) {
    entries_.reserve(n);
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (cap > slots_.size()) {
        std::vector<uint64_t> old;
        old.swap(slots_);
        slots_.assign(cap, 0);
        filter_.assign(cap / 8, 0);
        filter_shift_ = 64 - std::countr_zero(filter_.size());
        for (uint64_t s : old) {
            if (s == 0) continue;
            const Entry& e = entries_[(s & 0xFFFFFFFFu) - 1];
            const uint64_t h = HashPlate(Text(e));
            slots_[FindSlot(Text(e), h)] = s;
            filter_[FilterWord(h)] |= FilterBits(h);
        }
    }
}

void WatchList::Grow() { Reserve(std::max<size_t>(16, slots_.size())); }

size_t WatchList::FindSlot(std::string_view plate, uint64_t h) const {
    return FindPlateSlot(slots_, plate, h, [this](uint32_t index) { return Text(entries_[index]); });
}

Result<uint32_t> WatchList::Add(std::string_view raw_plate, int64_t valid_from, int64_t valid_to,
                                std::string_view owner) {
    const std::string plate = NormalisePlate(raw_plate);
    JW_RETURN_IF_ERROR(CheckPlate(plate, "plate_no"));
    if (valid_from < 0 || valid_to > int64_t{UINT32_MAX} || valid_to <= valid_from) {
        return Status::Invalid("valid_to", "not_after_valid_from");
    }
    if (owner.empty() || owner.size() > 200) return Status::Invalid("owner", "bad_length");
    if (entries_.size() >= UINT32_MAX - 1) return Status::Invalid("plate_no", "too_many");
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    // Owners repeat (a few thousand units and orders): intern them.
    auto [oit, fresh] = owner_index_.try_emplace(std::string(owner), static_cast<uint32_t>(owners_.size()));
    if (fresh) owners_.emplace_back(owner);
    const uint32_t owner_id = oit->second;
    const auto idx = static_cast<uint32_t>(entries_.size());
    const uint64_t h = HashPlate(plate);
    const size_t slot = FindSlot(plate, h);
    Entry e{0,
            owner_id,
            static_cast<uint32_t>(valid_from),
            static_cast<uint32_t>(valid_to),
            0,
            static_cast<uint8_t>(plate.size())};
    if (slots_[slot] == 0) {
        e.text_off = static_cast<uint32_t>(text_.size());
        text_.append(plate);
        entries_.push_back(e);
        slots_[slot] = ((h >> 32) << 32) | (idx + 1);
        filter_[FilterWord(h)] |= FilterBits(h);
        last_of_plate_.push_back(idx);
    } else {
        const uint32_t head = static_cast<uint32_t>(slots_[slot] & 0xFFFFFFFFu) - 1;
        e.text_off = entries_[head].text_off;
        entries_.push_back(e);
        entries_[last_of_plate_[head]].next = idx + 1;
        last_of_plate_[head] = idx;
        last_of_plate_.push_back(idx);
    }
    return idx;
}

size_t WatchList::Check(std::string_view plate, int64_t time, std::vector<WatchHit>* hits) const {
    if (slots_.empty()) return 0;
    const uint64_t h = HashPlate(plate);
    if (!MayHold(h)) return 0;
    const size_t slot = FindSlot(plate, h);
    size_t added = 0;
    for (uint32_t i = static_cast<uint32_t>(slots_[slot] & 0xFFFFFFFFu); i != 0; i = entries_[i - 1].next) {
        const Entry& e = entries_[i - 1];
        if (time >= e.valid_from && time < e.valid_to) {
            hits->push_back({i - 1, owners_[e.owner], e.valid_from, e.valid_to});
            ++added;
        }
    }
    return added;
}

size_t WatchList::CheckBatch(const PassRecord* passes, size_t n, std::vector<std::pair<size_t, WatchHit>>* hits) const {
    if (slots_.empty() || n == 0) return 0;
    constexpr size_t kAhead = 16;  // passes between a filter word's prefetch and its test
    uint64_t hash[kAhead];
    size_t added = 0;
    auto probe = [&](size_t j, uint64_t h) {
        const PassRecord& p = passes[j];
        const size_t slot = FindSlot(p.plate, h);
        for (uint32_t e = static_cast<uint32_t>(slots_[slot] & 0xFFFFFFFFu); e != 0; e = entries_[e - 1].next) {
            const Entry& en = entries_[e - 1];
            if (p.time >= en.valid_from && p.time < en.valid_to) {
                hits->push_back({j, WatchHit{e - 1, owners_[en.owner], en.valid_from, en.valid_to}});
                ++added;
            }
        }
    };
    for (size_t i = 0; i < n + kAhead; ++i) {
        if (i >= kAhead && MayHold(hash[(i - kAhead) % kAhead])) probe(i - kAhead, hash[(i - kAhead) % kAhead]);
        if (i < n) {
            const uint64_t h = HashPlate(passes[i].plate);
            hash[i % kAhead] = h;
            __builtin_prefetch(&filter_[FilterWord(h)]);
        }
    }
    return added;
}

size_t WatchList::Bytes() const {
    size_t owners = 0;
    for (const auto& o : owners_) owners += sizeof(std::string) + o.capacity();
    return slots_.capacity() * 8 + filter_.capacity() * 8 + entries_.capacity() * sizeof(Entry) + text_.capacity() +
           last_of_plate_.capacity() * 4 + owners;
}

}  // namespace jw::analytics

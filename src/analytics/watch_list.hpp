#pragma once
// WatchList (布控 hotlist): normalised plate → entries, each with a validity window [valid_from, valid_to)
// (Unix seconds) and an owner (the unit or order that placed it). Check() reports the entries a pass hits.
// Layout for 10 M entries: an open-addressing table of 64-bit slots (32-bit hash tag | entry index + 1) at
// load ≤ 0.5; entries are 24-byte structs chained per plate, plate text in one pooled string (≈ 50 bytes per entry
// in all). In front of the table a blocked Bloom filter (two bits of one 64-bit word per plate, ≥ 16 bits per
// entry, ~1 % false positives): a miss — nearly every pass — costs one hash and one load from a table 1/8 the
// size of the slots (issue 19: fewer cache and TLB misses than probing the 860 MB of slots).
// Thread safety: Add/Reserve are not thread-safe; once built, Check may run from any number of threads.
// To change a live list, build a new one and swap a shared_ptr.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/pass.hpp"
#include "common/status.hpp"

namespace jw::analytics {

struct WatchHit {
    uint32_t entry = 0;  // index in insertion order
    std::string_view owner;
    int64_t valid_from = 0;
    int64_t valid_to = 0;
};

class WatchList {
  public:
    void Reserve(size_t entries);
    // `plate` is normalised here; Errors: kInvalidArgument ("plate_no" from CheckPlate, "valid_to" when not
    // after valid_from, "owner" when empty or longer than 200 bytes). Returns the entry's index.
    Result<uint32_t> Add(std::string_view plate, int64_t valid_from, int64_t valid_to, std::string_view owner);
    // Entries of `plate` (already normalised) valid at `time`, appended to *hits. Returns the number added.
    size_t Check(std::string_view plate, int64_t time, std::vector<WatchHit>* hits) const;
    // Check for passes[0, n) at once, with software prefetching of the table (several independent memory
    // loads in flight instead of one): the same hits as calling Check on each pass in order, appended to
    // *hits as (pass index, hit). Returns the number added.
    size_t CheckBatch(const PassRecord* passes, size_t n, std::vector<std::pair<size_t, WatchHit>>* hits) const;
    size_t size() const { return entries_.size(); }
    size_t Bytes() const;

  private:
    struct Entry {
        uint32_t text_off;
        uint32_t owner;
        uint32_t valid_from;
        uint32_t valid_to;
        uint32_t next;  // next entry of the same plate + 1, 0 at the end
        uint8_t text_len;
    };
    void Grow();
    size_t FindSlot(std::string_view plate, uint64_t h) const;  // slot holding plate, or the empty slot
    std::string_view Text(const Entry& e) const { return std::string_view(text_).substr(e.text_off, e.text_len); }

    bool MayHold(uint64_t h) const { return (filter_[FilterWord(h)] & FilterBits(h)) == FilterBits(h); }
    size_t FilterWord(uint64_t h) const { return (h * 0x9E3779B97F4A7C15ull) >> filter_shift_; }
    static uint64_t FilterBits(uint64_t h) { return uint64_t{1} << (h & 63) | uint64_t{1} << ((h >> 6) & 63); }

    std::vector<uint64_t> slots_;
    std::vector<uint64_t> filter_;  // slots_.size() / 8 words (a power of two)
    int filter_shift_ = 64;
    std::vector<Entry> entries_;
    std::string text_;
    std::vector<std::string> owners_;
    std::unordered_map<std::string, uint32_t> owner_index_;
    std::vector<uint32_t> last_of_plate_;  // per head entry: last entry in its chain
};

}  // namespace jw::analytics

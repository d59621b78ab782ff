#pragma once
// The probe shared by the engine's two plate hash tables (PlateDictionary, WatchList): open addressing with
// linear probing over 64-bit slots, each 0 when empty or (hash >> 32) << 32 | (entry index + 1); the table size
// is a power of two and never full. Header-only so that the probe inlines into both hot paths.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace jw::analytics {

// The slot holding `plate` (whose HashPlate is `h`), or the empty slot where it would go. `text(index)` gives
// the plate of entry `index` (0-based).
template <typename EntryText>
size_t FindPlateSlot(const std::vector<uint64_t>& slots, std::string_view plate, uint64_t h, EntryText text) {
    const size_t mask = slots.size() - 1;
    const uint64_t tag = h >> 32;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const uint64_t s = slots[i];
        if (s == 0) return i;
        if ((s >> 32) == tag && text(static_cast<uint32_t>(s) - 1) == plate) return i;
    }
}

}  // namespace jw::analytics

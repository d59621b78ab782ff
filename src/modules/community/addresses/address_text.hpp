#pragma once
// Address text, pure functions (no storage, no index): the first two steps of matching (ADR 0031).
//
// NormaliseAddress: full-width ASCII → ASCII, spaces dropped (between two numbers they become "-"), letters upper-case,
// dashes of every kind → '-', Chinese numerals → Arabic digits (十二 → 12, 三百零一 → 301, 一二〇一 → 1201), and the
// synonyms of the house (号楼/幢/座/# → 栋, 房/房间 → 室). The same function is applied to the standard addresses'
// names, so what is compared is always normalised on both sides. Invalid UTF-8 bytes are dropped.
//
// ParseNumbers: the numbered part of an address (what follows the road) → house, building, unit, room.
// Marked numbers go to their slot (12号 house, 3栋 building, 2单元 unit, 301室 room); unmarked ones
// ("3-2-301", "12号301") fill the empty slots: the first to the house when it is empty, then, when there are fewer
// than empty slots, the last goes to the room and the others in order (building, unit). Leading zeros dropped.
// Thread-safe (no state).

#include <string>
#include <string_view>

namespace jw::community {

std::string NormaliseAddress(std::string_view text);

struct NumberParts {
    std::string house, building, unit, room;
    bool empty() const { return house.empty() && building.empty() && unit.empty() && room.empty(); }
};

// `tail` must be normalised.
NumberParts ParseNumbers(std::string_view tail);

}  // namespace jw::community

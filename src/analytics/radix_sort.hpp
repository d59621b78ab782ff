#pragma once
// LSD radix sort on a 64-bit key (16-bit digits, digits equal in every item are skipped); stable. Small
// inputs fall back to std::stable_sort. Not thread-safe on the same vector; pure otherwise.

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace jw::analytics {

template <typename T, typename KeyFn>
void RadixSort(std::vector<T>& v, KeyFn key) {
    const size_t n = v.size();
    if (n < 4096) {
        std::stable_sort(v.begin(), v.end(), [&key](const T& a, const T& b) { return key(a) < key(b); });
        return;
    }
    uint64_t all_or = 0, all_and = ~uint64_t{0};
    for (const T& x : v) {
        all_or |= key(x);
        all_and &= key(x);
    }
    std::vector<T> tmp(n);
    std::vector<uint32_t> count(65536);
    for (int shift = 0; shift < 64; shift += 16) {
        if ((((all_or ^ all_and) >> shift) & 0xFFFF) == 0) continue;  // this digit is the same everywhere
        std::fill(count.begin(), count.end(), 0);
        for (const T& x : v) ++count[(key(x) >> shift) & 0xFFFF];
        uint32_t sum = 0;
        for (auto& c : count) {
            const uint32_t k = c;
            c = sum;
            sum += k;
        }
        for (const T& x : v) tmp[count[(key(x) >> shift) & 0xFFFF]++] = x;
        v.swap(tmp);
    }
}

}  // namespace jw::analytics

#pragma once
// The standard addresses nearest to a point (picking an address on the phone by GPS or on the map: issue 15).
// Only places a map can tell apart are candidates: addresses of level house or building with coordinates (units
// and rooms share their building's point; roads and areas are not places one stands at). Distance: great-circle
// (analytics::HaversineKm), in metres. A linear scan of the index: a county's houses and buildings are tens of
// thousands at most (measured in ADR 0073).
//
// Thread safety: pure over the immutable matcher.

#include <cstddef>
#include <vector>

#include "community/addresses/address_matcher.hpp"

namespace jw::community {

struct NearAddress {
    size_t index = 0;  // into matcher.addresses()
    double metres = 0;
};

// At most `limit` addresses within `max_metres` of (longitude, latitude), nearest first (ties: by code).
std::vector<NearAddress> NearestAddresses(const AddressMatcher& matcher, double longitude, double latitude,
                                          size_t limit, double max_metres);

}  // namespace jw::community

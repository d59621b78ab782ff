#include "community/addresses/address_near.hpp"

#include <algorithm>

#include "analytics/pass.hpp"

namespace jw::community {

std::vector<NearAddress> NearestAddresses(const AddressMatcher& matcher, double longitude, double latitude,
                                          size_t limit, double max_metres) {
    const auto& all = matcher.addresses();
    std::vector<NearAddress> found;
    for (size_t i = 0; i < all.size(); ++i) {
        const Address& a = all[i];
        if (!a.longitude || !a.latitude || (a.level != "house" && a.level != "building")) continue;
        const double m = 1000.0 * analytics::HaversineKm(latitude, longitude, *a.latitude, *a.longitude);
        if (m <= max_metres) found.push_back({i, m});
    }
    auto nearer = [&all](const NearAddress& x, const NearAddress& y) {
        return x.metres != y.metres ? x.metres < y.metres : all[x.index].code < all[y.index].code;
    };
    const size_t n = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(), nearer);
    found.resize(n);
    return found;
}

}  // namespace jw::community

#include "community/dossier/place_link.hpp"

#include <algorithm>
#include <cmath>

namespace jw::community {

AddressIndex& ServingAddressIndex() {
    static AddressIndex index;
    return index;
}

PlaceLink LinkPlace(const AddressMatcher& matcher, std::string_view text) {
    PlaceLink out;
    if (text.empty()) return out;
    const MatchResult r = matcher.Match(text);
    const auto& all = matcher.addresses();
    if (r.matched || !r.candidates.empty()) out.score = r.best.score;
    if (r.matched) {
        out.address_id = all[r.best.index].code;
        out.full_name = all[r.best.index].full_name;
    }
    for (const Candidate& c : r.candidates)
        out.candidates.push_back({all[c.index].code, all[c.index].full_name, c.score});
    return out;
}

std::string AddressName(const AddressMatcher& matcher, std::string_view code) {
    const auto& all = matcher.addresses();
    // The index loads addresses ordered by code; the linear pass covers a matcher built from any list.
    auto it =
        std::lower_bound(all.begin(), all.end(), code, [](const Address& a, std::string_view c) { return a.code < c; });
    if (it != all.end() && it->code == code) return it->full_name;
    for (const auto& a : all)
        if (a.code == code) return a.full_name;
    return "";
}

Json PlaceLinkJson(const PlaceLink& link) {
    auto round = [](double v) { return std::round(v * 1000) / 1000; };
    Json candidates = Json::array();
    for (const auto& c : link.candidates)
        candidates.push_back({{"address_id", c.address_id}, {"full_name", c.full_name}, {"score", round(c.score)}});
    return {{"address_id", link.address_id ? Json(*link.address_id) : Json(nullptr)},
            {"full_name", link.full_name},
            {"score", round(link.score)},
            {"candidates", candidates}};
}

}  // namespace jw::community

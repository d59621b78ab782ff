#include "community/grids/grid_places.hpp"

namespace jw::community {
namespace {

std::vector<PlaceCounter>& Counters() {
    static std::vector<PlaceCounter> counters;
    return counters;
}

}  // namespace

void RegisterPlaceCounter(PlaceCounter counter) { Counters().push_back(std::move(counter)); }

Result<std::vector<PlaceCount>> CountPlaces(storage::Connection& c, const Grid& grid) {
    std::vector<PlaceCount> out;
    for (const auto& counter : Counters()) {
        JW_ASSIGN_OR_RETURN(PlaceCount n, counter(c, grid));
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace jw::community

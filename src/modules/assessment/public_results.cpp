#include "assessment/public_results.hpp"

#include <cmath>

namespace jw::assessment {

namespace {

double Round1(double v) { return std::round(v * 10) / 10; }

}  // namespace

Json PublicResultsJson(const Results& r) {
    Json stations = Json::array(), grids = Json::array(), officers = Json::array();
    for (const auto& s : r.stations)
        stations.push_back({{"rank", s.total.rank},
                            {"unit_name", s.unit_name},
                            {"officers", s.total.officers},
                            {"average", Round1(s.total.average)}});
    for (const auto& g : r.grids)
        grids.push_back({{"rank", g.rank},
                         {"grid_code", g.grid_code},
                         {"grid_name", g.grid_name},
                         {"officers", g.officers},
                         {"average", Round1(g.average)}});
    for (const auto& o : r.officers)
        officers.push_back(
            {{"rank", o.rank}, {"police_no", o.police_no}, {"unit_name", o.unit_name}, {"score", o.score.score}});
    return {{"month", r.month},
            {"edition_version", r.edition_version},
            {"stations", stations},
            {"grids", grids},
            {"officers", officers}};
}

}  // namespace jw::assessment

#pragma once
// Shared set-up of the grids tests: a migrated database per backend (platform + community schemas), two stations,
// and helpers to draw rectangles and place addresses. Coordinates are near the demo county (104.2°E, 30.8°N).
#include <gtest/gtest.h>

#include "auth/principal.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/grids/grid_service.hpp"
#include "test_support/database_test.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace testing {

inline geo::Polygon Rect(double lon0, double lat0, double lon1, double lat1) {
    auto p = geo::MakePolygon(
        {{geo::ToFixed(lon0, lat0), geo::ToFixed(lon1, lat0), geo::ToFixed(lon1, lat1), geo::ToFixed(lon0, lat1)}},
        "polygon");
    EXPECT_TRUE(p.ok());
    return p.ok() ? *p : geo::Polygon{};
}

class GridTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        static const auto& files = data::EmbeddedFiles();
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"community", &files});
        if (!OpenDatabase("community_grids", schemas)) return;
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt, "bureau");
        station_a_ = Unit("519901031000", "城关派出所", bureau_);
        station_b_ = Unit("519901031100", "东城派出所", bureau_);
        officer_a_ = User("wzq", station_a_, "officer");
        officer_b_ = User("lis", station_b_, "officer");
        leader_ = User("zwg", bureau_, "leader");
    }

    auth::Principal Actor(int64_t user, int64_t unit, bool all_units = false) const {
        auth::Principal p;
        p.user_id = user;
        p.unit_id = unit;
        p.all_units = all_units;
        p.unit_scope = {unit};
        return p;
    }
    auth::Principal Leader() const { return Actor(leader_, bureau_, true); }

    void Address(const std::string& code, const std::string& parent, std::optional<double> lon,
                 std::optional<double> lat, const std::string& level = "house") {
        community::Address a;
        a.code = code;
        a.parent_code = parent;
        a.level = level;
        a.full_name = "示范县" + code;
        a.longitude = lon;
        a.latitude = lat;
        ASSERT_TRUE(UpsertAddress(*c_, a, 1000).ok());
    }
    std::string GridOf(const std::string& code) {
        auto r = c_->QueryOne("SELECT grid_id FROM community_addresses WHERE code = ?", {storage::V(code)});
        EXPECT_TRUE(r.ok());
        return r.ok() && !r->IsNull(0) ? r->Str(0) : "(none)";
    }
    Result<GridSaved> Create(const std::string& code, const geo::Polygon& polygon, int64_t unit,
                             const auth::Principal& actor) {
        GridChange ch;
        ch.code = code;
        ch.name = code + "网格";
        ch.unit_id = unit;
        ch.polygon = polygon;
        ch.expected_population = 8;
        return CreateGrid(*c_, ch, "519901", actor, 2000);
    }

    int64_t bureau_ = 0, station_a_ = 0, station_b_ = 0, officer_a_ = 0, officer_b_ = 0, leader_ = 0;
};

}  // namespace testing
}  // namespace jw::community

// Grids (grid_service.hpp) on SQLite and PostgreSQL: addresses assigned by point in polygon when a polygon is
// saved (shared edges to the eastern grid, addresses without coordinates with their parent, cleared when no
// longer inside), overlaps refused naming the field, versions, unit scope, the team's shape and sealed phones.
#include "community/grids/grid_service.hpp"

#include "community/addresses/demo_addresses.hpp"
#include "community/grids/demo_grids.hpp"
#include "community/grids/grid_repository.hpp"
#include "community/grids/grid_test_fixture.hpp"

namespace jw::community::testing {
namespace {

class GridServiceTest : public GridTest {};

TEST_P(GridServiceTest, SavingAPolygonAssignsTheAddressesInside) {
    Address("A-in", "", 104.205, 30.805);
    Address("A-in-room", "A-in", std::nullopt, std::nullopt, "room");         // no coordinates: its parent's grid
    Address("A-in-room-x", "A-in-room", std::nullopt, std::nullopt, "room");  // and its grandparent's
    Address("edge", "", 104.21, 30.805);  // on the edge shared by A (west) and B (east)
    Address("B-in", "", 104.215, 30.805);
    Address("out", "", 104.30, 30.805);
    Address("out-room", "out", std::nullopt, std::nullopt, "room");
    auto a = Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader());
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(GridOf("A-in"), "A");
    EXPECT_EQ(GridOf("A-in-room"), "A");
    EXPECT_EQ(GridOf("A-in-room-x"), "A");
    EXPECT_EQ(GridOf("edge"), "(none)");  // A's east edge is not A's
    EXPECT_EQ(GridOf("out-room"), "(none)");
    EXPECT_EQ(a->addresses, 3);
    auto b = Create("B", Rect(104.21, 30.80, 104.22, 30.81), station_a_, Leader());
    ASSERT_TRUE(b.ok()) << b.status().message();
    EXPECT_EQ(GridOf("edge"), "B");  // B's west edge is B's
    EXPECT_EQ(GridOf("B-in"), "B");
    EXPECT_EQ(b->addresses, 2);

    // A shrinks: what is no longer inside loses the grid, rooms without coordinates with it.
    auto shrunk = ChangeGrid(*c_, "A", 1, GridChange{.polygon = Rect(104.20, 30.80, 104.21, 30.803)}, Leader(), 3000);
    ASSERT_TRUE(shrunk.ok()) << shrunk.status().message();
    EXPECT_EQ(shrunk->grid.version, 2);
    EXPECT_EQ(shrunk->addresses, 0);
    EXPECT_EQ(GridOf("A-in"), "(none)");
    EXPECT_EQ(GridOf("A-in-room-x"), "(none)");
    EXPECT_EQ(GridOf("B-in"), "B");
}

// Only road level and below lie in a grid: a township or community whose point falls inside gets none, also
// when an import named one; a road and its houses do (issue 14).
TEST_P(GridServiceTest, AreasGetNoGridRoadsAndBelowDo) {
    Address("T", "", 104.201, 30.801, "township");
    Address("T-C", "T", 104.202, 30.802, "community");
    Address("T-C-R", "T-C", 104.203, 30.803, "road");
    Address("T-C-R-1", "T-C-R", std::nullopt, std::nullopt, "house");  // follows its road
    Address("T-C2", "T", std::nullopt, std::nullopt, "community");     // would follow its township
    auto a = Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader());
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(GridOf("T"), "(none)");
    EXPECT_EQ(GridOf("T-C"), "(none)");
    EXPECT_EQ(GridOf("T-C2"), "(none)");
    EXPECT_EQ(GridOf("T-C-R"), "A");
    EXPECT_EQ(GridOf("T-C-R-1"), "A");
    EXPECT_EQ(a->addresses, 2);
    // An import that names a grid for a community: the regrid clears it.
    ASSERT_TRUE(c_->Exec("UPDATE community_addresses SET grid_id = 'A' WHERE code = 'T-C'").ok());
    auto n = RegridAddresses(*c_);
    ASSERT_TRUE(n.ok()) << n.status().message();
    EXPECT_EQ(*n, 2);
    EXPECT_EQ(GridOf("T-C"), "(none)");
}

TEST_P(GridServiceTest, OverlapsAreRefusedAndNothingIsWritten) {
    Address("x", "", 104.215, 30.805);
    ASSERT_TRUE(Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader()).ok());
    auto c = Create("C", Rect(104.205, 30.80, 104.22, 30.81), station_a_, Leader());
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.status().fields().at("polygon"), "overlaps_grid");
    EXPECT_NE(c.status().message().find("A"), std::string::npos);  // names the grid it overlaps
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_grids"), 1);
    EXPECT_EQ(GridOf("x"), "(none)");
    // Moving A onto a neighbour is refused the same way on PATCH.
    ASSERT_TRUE(Create("B", Rect(104.21, 30.80, 104.22, 30.81), station_a_, Leader()).ok());
    auto moved = ChangeGrid(*c_, "A", 1, GridChange{.polygon = Rect(104.20, 30.80, 104.215, 30.81)}, Leader(), 3000);
    ASSERT_FALSE(moved.ok());
    EXPECT_EQ(moved.status().fields().at("polygon"), "overlaps_grid");
}

TEST_P(GridServiceTest, StaleVersionIsAConflict) {
    ASSERT_TRUE(Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader()).ok());
    ASSERT_TRUE(ChangeGrid(*c_, "A", 1, GridChange{.name = std::string("东门")}, Leader(), 3000).ok());
    auto stale = ChangeGrid(*c_, "A", 1, GridChange{.name = std::string("西门")}, Leader(), 3001);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(GetGrid(*c_, "A")->name, "东门");
}

TEST_P(GridServiceTest, AnActorOutsideTheGridsUnitCannotEditIt) {
    ASSERT_TRUE(Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader()).ok());
    const auth::Principal other = Actor(officer_b_, station_b_);
    auto edit = ChangeGrid(*c_, "A", 1, GridChange{.name = std::string("x")}, other, 3000);
    ASSERT_FALSE(edit.ok());
    EXPECT_EQ(edit.status().code(), ErrorCode::kPermissionDenied);
    auto create = Create("B", Rect(104.21, 30.80, 104.22, 30.81), station_a_, other);
    EXPECT_EQ(create.status().code(), ErrorCode::kPermissionDenied);
    // Nor move their own grid to a station they do not see.
    ASSERT_TRUE(Create("E", Rect(104.30, 30.80, 104.31, 30.81), station_b_, other).ok());
    auto move = ChangeGrid(*c_, "E", 1, GridChange{.unit_id = station_a_}, other, 3000);
    EXPECT_EQ(move.status().code(), ErrorCode::kPermissionDenied);
    const GridSeal seal(std::string(16, 'k'));
    auto team = SetTeam(*c_, "A", 1, {{officer_b_, "", "community_officer", ""}}, seal, other, 3000);
    EXPECT_EQ(team.status().code(), ErrorCode::kPermissionDenied);
}

TEST_P(GridServiceTest, TeamNeedsOneOfficerAndSealsPhones) {
    ASSERT_TRUE(Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader()).ok());
    const GridSeal seal(std::string(16, 'k'));
    auto none = SetTeam(*c_, "A", 1, {{std::nullopt, "张秀英", "auxiliary", "13800138000"}}, seal, Leader(), 3000);
    EXPECT_EQ(none.status().fields().at("team"), "community_officer_required");
    auto bad_role = SetTeam(*c_, "A", 1, {{officer_a_, "", "chief", ""}}, seal, Leader(), 3000);
    EXPECT_EQ(bad_role.status().fields().at("team.0.role"), "invalid_enum");
    // Errors name the position the caller sent (the auxiliary first), not the stored order.
    auto no_phone =
        SetTeam(*c_, "A", 1, {{std::nullopt, "张秀英", "auxiliary", ""}, {officer_a_, "", "community_officer", ""}},
                seal, Leader(), 3000);
    EXPECT_EQ(no_phone.status().fields().at("team.0.phone"), "required");
    auto twice = SetTeam(*c_, "A", 1, {{officer_a_, "", "auxiliary", ""}, {officer_a_, "", "community_officer", ""}},
                         seal, Leader(), 3000);
    EXPECT_EQ(twice.status().fields().at("team.1.user_id"), "duplicate");
    auto two_officers =
        SetTeam(*c_, "A", 1, {{officer_a_, "", "community_officer", ""}, {officer_b_, "", "community_officer", ""}},
                seal, Leader(), 3000);
    EXPECT_EQ(two_officers.status().fields().at("team"), "community_officer_required");
    auto ok = SetTeam(*c_, "A", 1,
                      {{std::nullopt, "张秀英", "auxiliary", "13800138000"}, {officer_a_, "", "community_officer", ""}},
                      seal, Leader(), 3000);
    ASSERT_TRUE(ok.ok()) << ok.status().message();
    EXPECT_EQ(*ok, 2);
    auto team = LoadTeam(*c_, "A");
    ASSERT_TRUE(team.ok());
    ASSERT_EQ(team->size(), 2u);
    EXPECT_EQ((*team)[0].role, "community_officer");  // listed officer first
    EXPECT_EQ((*team)[0].name, "wzq");                // the user's name when none is given
    EXPECT_TRUE((*team)[1].phone.starts_with("sm4:"));
    EXPECT_EQ(*seal.Open((*team)[1].phone), "13800138000");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_grid_members WHERE phone LIKE '%13800138000%'"), 0);
    // Sent again without a phone (the editor has it masked only), the member keeps the stored one.
    auto again =
        SetTeam(*c_, "A", 2, {{officer_a_, "", "community_officer", ""}, {std::nullopt, "张秀英", "volunteer", ""}},
                seal, Leader(), 3000);
    ASSERT_TRUE(again.ok()) << again.status().message();
    auto kept = LoadTeam(*c_, "A");
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 2u);
    EXPECT_EQ((*kept)[1].role, "volunteer");
    EXPECT_EQ(*seal.Open((*kept)[1].phone), "13800138000");
}

// The demo grids tile the county: no two overlap, and every demo address with coordinates is in exactly one.
TEST(DemoGridsTest, TwentyTwoGridsTileTheDemoAddresses) {
    const auto plans = DemoGridPlans();
    ASSERT_EQ(plans.size(), 22u);
    for (size_t i = 0; i < plans.size(); ++i)
        for (size_t j = i + 1; j < plans.size(); ++j)
            EXPECT_FALSE(geo::Overlap(plans[i].polygon, plans[j].polygon)) << plans[i].name << " / " << plans[j].name;
    std::vector<int> per_grid(plans.size(), 0);
    for (const auto& a : DemoAddresses(kDemoAddresses)) {
        int owners = 0;
        for (size_t i = 0; i < plans.size(); ++i)
            if (geo::Contains(plans[i].polygon, *a.longitude, *a.latitude)) {
                ++owners;
                ++per_grid[i];
            }
        ASSERT_EQ(owners, 1) << a.code;
    }
    for (size_t i = 0; i < plans.size(); ++i) EXPECT_GT(per_grid[i], 0) << plans[i].name;
}

INSTANTIATE_TEST_SUITE_P(Backends, GridServiceTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community::testing

// The figures (grid_figures.hpp) from a known data set on SQLite and PostgreSQL: exact fractions of 采集率, 标注率
// and 拍照率 per grid and per officer, breakdowns, and a rate with no denominator being no figure.
#include "community/grids/grid_figures.hpp"

#include "community/grids/grid_repository.hpp"
#include "community/grids/grid_test_fixture.hpp"

namespace jw::community::testing {
namespace {

using storage::V;

class GridFiguresTest : public GridTest {
  protected:
    void Person(const std::string& index, const std::string& residence, const std::string& status,
                std::optional<std::string> photo, const std::string& category = "户籍") {
        ASSERT_TRUE(c_->Exec("INSERT INTO community_people (id_kind, id_number, id_index, name, residence_code, "
                             "category, photo_media_id, status, collected_by, unit_id, created_at, updated_at) "
                             "VALUES ('resident', 'sm4:x', ?, '某某', ?, ?, ?, ?, ?, ?, 1, 1)",
                             {V(index), V(residence), V(category), photo ? V(*photo) : storage::Null(), V(status),
                              V(officer_a_), V(station_a_)})
                        .ok());
    }
};

TEST_P(GridFiguresTest, RatesFromAKnownDataSet) {
    // Grid A: four addresses, three with coordinates (the room inherits A through its parent).
    Address("h1", "", 104.201, 30.801);
    Address("h2", "", 104.202, 30.802);
    Address("h3", "", 104.203, 30.803);
    Address("h3-r", "h3", std::nullopt, std::nullopt, "room");
    Address("far", "", 104.40, 30.90);  // in no grid
    // Grid B: one address, nobody living there, expected population 0.
    Address("b1", "", 104.215, 30.805);
    ASSERT_TRUE(Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader()).ok());  // expected 8
    ASSERT_TRUE(Create("B", Rect(104.21, 30.80, 104.22, 30.81), station_a_, Leader()).ok());
    ASSERT_TRUE(c_->Exec("UPDATE community_grids SET expected_population = 0 WHERE code = 'B'").ok());
    // Six present residents of A, two of them with photos (an empty photo id is no photo); one moved away with a
    // photo (not counted anywhere); one present elsewhere.
    Person("p1", "h1", "present", "m1");
    Person("p2", "h1", "present", std::nullopt, "流动");
    Person("p3", "h2", "present", "");
    Person("p4", "h2", "present", std::nullopt);
    Person("p5", "h3-r", "present", "m5", "流动");
    Person("p6", "h3", "present", std::nullopt);
    Person("p7", "h3", "moved_out", "m7");
    Person("p8", "far", "present", "m8");
    // The same community officer leads both grids.
    const GridSeal seal(std::string(16, 'k'));
    ASSERT_TRUE(SetTeam(*c_, "A", 1, {{officer_a_, "", "community_officer", ""}}, seal, Leader(), 3000).ok());
    ASSERT_TRUE(SetTeam(*c_, "B", 1, {{officer_a_, "", "community_officer", ""}}, seal, Leader(), 3000).ok());

    auto rows = GridRates(*c_, std::nullopt, std::nullopt);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 2u);
    const GridCounts& a = (*rows)[0].counts;
    EXPECT_EQ((*rows)[0].code, "A");
    EXPECT_EQ((*rows)[0].officer_id, officer_a_);
    EXPECT_EQ(a.Collection().numerator, 6);
    EXPECT_EQ(a.Collection().denominator, 8);
    EXPECT_DOUBLE_EQ(*a.Collection().Value(), 0.75);
    EXPECT_EQ(a.Located().numerator, 3);
    EXPECT_EQ(a.Located().denominator, 4);
    EXPECT_EQ(a.Photo().numerator, 2);
    EXPECT_EQ(a.Photo().denominator, 6);
    const GridCounts& b = (*rows)[1].counts;
    EXPECT_FALSE(b.Collection().Value().has_value());  // no expected population: no figure, not 0 %
    EXPECT_FALSE(b.Photo().Value().has_value());
    EXPECT_EQ(b.Located().numerator, 1);
    EXPECT_EQ(b.Located().denominator, 1);

    // Per officer: sums of numerators and denominators.
    auto officers = OfficerRates(*rows);
    ASSERT_EQ(officers.size(), 1u);
    EXPECT_EQ(officers[0].grids, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(officers[0].counts.Located().numerator, 4);
    EXPECT_EQ(officers[0].counts.Located().denominator, 5);
    EXPECT_EQ(officers[0].counts.Collection().denominator, 8);

    // One grid, and the unit filter.
    auto one = GridRates(*c_, std::string("B"), std::nullopt);
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->size(), 1u);
    EXPECT_EQ((*one)[0].counts.addresses, 1);
    auto other_unit = GridRates(*c_, std::nullopt, std::vector<int64_t>{station_b_});
    ASSERT_TRUE(other_unit.ok());
    EXPECT_TRUE(other_unit->empty());
    auto below = UnitAndBelow(*c_, bureau_);
    ASSERT_TRUE(below.ok());
    EXPECT_EQ(GridRates(*c_, std::nullopt, *below)->size(), 2u);

    auto br = Breakdowns(*c_, "A");
    ASSERT_TRUE(br.ok());
    EXPECT_EQ(br->people_by_category, (Breakdown{{"户籍", 4}, {"流动", 2}}));
    EXPECT_EQ(br->addresses_by_level, (Breakdown{{"house", 3}, {"room", 1}}));
}

TEST_P(GridFiguresTest, HousesAndUnitsByKind) {
    Address("h1", "", 104.201, 30.801);
    Address("h2", "", 104.202, 30.802);
    ASSERT_TRUE(Create("A", Rect(104.20, 30.80, 104.21, 30.81), station_a_, Leader()).ok());
    for (const auto& [code, use] : {std::pair{"h1", "rented"}, std::pair{"h2", "own"}})
        ASSERT_TRUE(c_->Exec("INSERT INTO community_houses (address_code, use, created_by, unit_id, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, 1, 1)",
                             {V(code), V(use), V(officer_a_), V(station_a_)})
                        .ok());
    ASSERT_TRUE(c_->Exec("INSERT INTO community_orgs (name, address_code, kind, created_by, unit_id, created_at, "
                         "updated_at) VALUES ('示范小学', 'h1', 'school', ?, ?, 1, 1)",
                         {V(officer_a_), V(station_a_)})
                    .ok());
    auto br = Breakdowns(*c_, "A");
    ASSERT_TRUE(br.ok()) << br.status().message();
    EXPECT_EQ(br->houses_by_use, (Breakdown{{"own", 1}, {"rented", 1}}));
    EXPECT_EQ(br->orgs_by_kind, (Breakdown{{"school", 1}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, GridFiguresTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community::testing

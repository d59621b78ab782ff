// The demo cases: about 30, spread over the stations, in many stages of both lifecycles, each with clocks the
// deadline engine accepts.
#include "cases/demo_cases.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "cases/case_clocks.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_test_fixture.hpp"
#include "common/civil_time.hpp"
#include "storage/test_databases.hpp"

namespace jw::cases {
namespace {

using storage::V;

class DemoCasesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoCasesTest, SeedsThirtyCasesInManyStagesWithValidClocks) {
    auto db = testing::OpenFresh(GetParam(), "demo_cases");
    if (!db) GTEST_SKIP() << "backend unavailable (JW_TEST_PG_URL unset?)";
    const int64_t now = 1795766400;
    auto seeded = testing::InTx<bool>(*db, [&](storage::Connection& c) -> Result<bool> {
        JW_ASSIGN_OR_RETURN(testing::County k, testing::SeedCounty(c));
        for (const char* role : {"officer", "leader", "legal_reviewer"})
            JW_RETURN_IF_ERROR(
                c.Exec("INSERT INTO roles (code, kind, scope) VALUES (?, 'business', 'unit')", {V(role)}));
        const std::vector<std::pair<int64_t, const char*>> grants = {{k.officer_a, "officer"},
                                                                     {k.officer_a2, "officer"},
                                                                     {k.officer_b, "officer"},
                                                                     {k.leader, "leader"},
                                                                     {k.reviewer, "legal_reviewer"}};
        for (const auto& [user, role] : grants)
            JW_RETURN_IF_ERROR(c.Exec("INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)", {V(user), V(role)}));
        JW_RETURN_IF_ERROR(SeedDemoCases(c, now));
        return true;
    });
    ASSERT_TRUE(seeded.ok()) << seeded.status().message();
    auto c = db->Acquire();
    repo::CaseQuery q;
    q.page_size = 200;
    auto page = repo::ListCases(**c, q);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->second, 30);
    std::set<std::string> states, units;
    for (const auto& k : page->first) {
        states.insert(k.case_type + ":" + k.state);
        units.insert(k.unit_name);
        auto events = repo::ListEvents(**c, k.id);
        ASSERT_TRUE(events.ok());
        auto clocks = ComputeCaseClocks(k, *events, ChinaDate(now));
        EXPECT_TRUE(clocks.ok()) << k.case_no << ": " << clocks.status().message();
    }
    EXPECT_GE(states.size(), 10u);
    EXPECT_EQ(units.size(), 2u);

    // A data scope is a list of units: an empty one sees no case; a long one (past one statement's
    // placeholders) sees the cases of the units in it.
    q.unit_scope = std::vector<int64_t>{};
    auto none = repo::ListCases(**c, q);
    ASSERT_TRUE(none.ok()) << none.status().message();
    EXPECT_EQ(none->second, 0);
    EXPECT_TRUE(none->first.empty());
    const int64_t unit = page->first.front().unit_id;
    int64_t of_unit = 0;
    for (const auto& k : page->first) of_unit += k.unit_id == unit;
    std::vector<int64_t> scope;
    for (int64_t i = 0; i < 3000; ++i) scope.push_back(900000 + i);
    scope.push_back(unit);
    q.unit_scope = scope;
    auto scoped = repo::ListCases(**c, q);
    ASSERT_TRUE(scoped.ok()) << scoped.status().message();
    EXPECT_EQ(scoped->second, of_unit);
    EXPECT_LT(of_unit, 30);
    for (const auto& k : scoped->first) EXPECT_EQ(k.unit_id, unit);

    // The events of many cases at once are the events of each case, in case and sequence order.
    std::vector<int64_t> ids;
    std::vector<int64_t> expected;
    for (const auto& k : page->first) ids.push_back(k.id);
    std::vector<int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    for (int64_t id : sorted) {
        auto events = repo::ListEvents(**c, id);
        ASSERT_TRUE(events.ok());
        for (const auto& e : *events) expected.push_back(e.case_id * 1000 + e.seq);
    }
    ids.insert(ids.end(), ids.begin(), ids.begin() + 5);  // a duplicate does not repeat its events
    auto all = repo::ListEventsOfCases(**c, ids);
    ASSERT_TRUE(all.ok()) << all.status().message();
    std::vector<int64_t> got;
    for (const auto& e : *all) got.push_back(e.case_id * 1000 + e.seq);
    EXPECT_EQ(got, expected);
    EXPECT_TRUE(repo::ListEventsOfCases(**c, {})->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoCasesTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::cases

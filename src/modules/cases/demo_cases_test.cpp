// The demo cases: about 30, spread over the stations, in many stages of both lifecycles, each with clocks the
// deadline engine accepts.
#include <gtest/gtest.h>

#include <set>

#include "cases/case_clocks.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_test_fixture.hpp"
#include "cases/demo_cases.hpp"
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
            JW_RETURN_IF_ERROR(c.Exec("INSERT INTO roles (code, kind, scope) VALUES (?, 'business', 'unit')", {V(role)}));
        const std::vector<std::pair<int64_t, const char*>> grants = {
            {k.officer_a, "officer"}, {k.officer_a2, "officer"}, {k.officer_b, "officer"},
            {k.leader, "leader"},     {k.reviewer, "legal_reviewer"}};
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
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoCasesTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::cases

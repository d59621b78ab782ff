#pragma once
// The dispatch tests' set-up: a database per backend with the platform's, the master index's, the case core's, the
// alerts' and this module's schemas; the bureau with the command centre and two stations; a desk, officers, a
// leader, two departments' staff (organisations of the catalogue); a patrol unit; keys installed. Principals carry
// the permissions their role has in permissions.csv (the same file the server reads), so the per-role tests check
// the data a reviewer reads.

#include <functional>
#include <string>

#include "auth/principal.hpp"
#include "dispatch/dispatch.hpp"
#include "test_support/database_test.hpp"

namespace jw::dispatch::testing {

class DispatchTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override;
    // A principal of `role` (permissions from the module's permissions.csv) at `unit` (all units for the desk and
    // the leader, as auth/seed.cpp scopes them).
    auth::Principal As(const std::string& role, int64_t user_id, int64_t unit) const;
    // A department's account: external, org_scope = {org}.
    auth::Principal Dept(int64_t user_id, int64_t org) const;
    Status Tx(const std::function<Status(storage::Connection&)>& fn);
    // A call taken by the desk at now_ (0 on failure; the test fails). An empty `name`: an anonymous caller.
    int64_t Take(const std::string& category, const std::string& phone = "13800138000",
                 const std::string& place = "城关镇解放路12号", const std::string& name = "韦志强");
    Call Get(int64_t id);

    int64_t now_ = 1'800'000'000;
    int64_t bureau_ = 0, centre_ = 0, station_ = 0, other_station_ = 0;
    int64_t desk_id_ = 0, officer_id_ = 0, other_officer_id_ = 0, leader_id_ = 0, analyst_id_ = 0;
    int64_t city_org_ = 0, market_org_ = 0, city_staff_ = 0, market_staff_ = 0;
    int64_t patrol_ = 0;
    auth::Principal desk_, officer_, other_officer_, leader_, analyst_, city_, market_;
};

}  // namespace jw::dispatch::testing

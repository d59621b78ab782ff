#pragma once
// The person watch list's tests share this set-up: a database per backend with the platform's, the master index's,
// the media's, the alerts' and this module's schemas; a station (城关派出所) and the command centre; an officer and a
// leader at the station, a duty desk at the centre; keys installed.

#include <functional>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "personwatch/entry.hpp"
#include "test_support/database_test.hpp"

namespace jw::personwatch::testing {

std::string Id18(const std::string& first17);

class PersonWatchTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override;
    // A valid entry of `kind` on `id_number`, valid [now - 10, now + 1000), notifying the centre.
    EntryInput Input(const std::string& kind, const std::string& id_number, const std::string& name = "韦志强") const;
    // Applies (officer) and approves (leader) in one transaction; 0 on failure (the test fails).
    int64_t Listed(const EntryInput& in);
    // Runs fn in a write transaction and returns its status.
    Status Tx(const std::function<Status(storage::Connection&)>& fn);

    int64_t now_ = 1'800'000'000;
    int64_t station_ = 0, centre_ = 0, other_station_ = 0;
    Actor officer_, leader_;
    auth::Principal officer_p_;
};

}  // namespace jw::personwatch::testing

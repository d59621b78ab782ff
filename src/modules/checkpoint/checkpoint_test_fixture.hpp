#pragma once
// For the checkpoint module's tests (every part): the schemas its migrations need, a registered tollgate, and
// a pass hub over a temporary directory. Builds on test_support/database_test.hpp. Test-only.

#include <memory>
#include <string>
#include <vector>

#include "analytics/test_data.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "checkpoint/pass_hub.hpp"
#include "test_support/database_test.hpp"

namespace jw::checkpoint::testing {

// The platform's schemas (auth, the audit log when `with_audit`, notify), then alerts and checkpoint: what
// the server migrates before and with this module.
std::vector<test_support::Schema> CheckpointSchemas(bool with_audit = false);

// A tollgate of the county (region 519901) with coordinates and category 40, valid for UpsertDevice.
Device Gate(const std::string& id, const std::string& name);

// A pass hub over a fresh temporary directory (removed with it): no fsync, nothing dropped for its age.
// Opening failure fails the test and leaves the hub null.
class TempHub {
  public:
    TempHub();
    PassHub& operator*() const { return *hub_; }
    PassHub* operator->() const { return hub_.get(); }
    PassHub* get() const { return hub_.get(); }
    std::string dir() const { return dir_.path(); }
    // Closes the hub before the directory goes (for tests that reopen or tear down in an order of their own).
    void Close() { hub_.reset(); }

  private:
    analytics::testing::TempDir dir_;
    std::unique_ptr<PassHub> hub_;
};

}  // namespace jw::checkpoint::testing

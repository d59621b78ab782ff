#pragma once
// PassHub: the checkpoint module's live state around the vehicle pass engine — the engine's Store (passes,
// durable), the active watch list (rebuilt from approved watch orders and swapped in whole), and the set of
// registered checkpoints that intake accepts. One per server process; shared by intake, watch orders,
// analyses and statistics. Thread-safe.
//
// Append(): validates nothing itself beyond the engine's checks (intake validates records first), appends the
// batch durably (it returns after fdatasync), then checks every pass against the watch list and returns the
// hits. The caller records the hits and raises the alerts (watch_hits.hpp) in its own transaction.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "analytics/store.hpp"
#include "analytics/watch_list.hpp"
#include "common/status.hpp"

namespace jw::checkpoint {

struct HubOptions {
    std::string dir;   // the engine's directory (Config pass_dir)
    bool sync = true;  // fdatasync each append (tests may turn it off)
    int retention_days = 180;
};

// One watch-list hit of an appended pass. `order_id` is the watch order (the list entry's owner).
struct PassHit {
    analytics::PassRecord pass;
    int64_t order_id = 0;
};

class PassHub {
  public:
    // Opens (or creates) the engine at options.dir. Errors: the Store's.
    static Result<std::unique_ptr<PassHub>> Open(const HubOptions& options);

    // Appends durably, then matches against the current watch list. Errors: the Store's (nothing published).
    Result<std::vector<PassHit>> Append(const std::vector<analytics::PassRecord>& batch);
    analytics::Store& store() { return *store_; }
    analytics::Snapshot Snapshot() const { return store_->GetSnapshot(); }

    // The watch list: entries' owners are watch-order ids in decimal. Swapped whole; readers keep the old one.
    void SetWatchList(std::shared_ptr<const analytics::WatchList> list);
    std::shared_ptr<const analytics::WatchList> watch_list() const;

    // Checkpoints (tollgate ids) that intake accepts. Swapped whole.
    void SetKnownCheckpoints(std::set<std::string> ids);
    bool IsKnownCheckpoint(const std::string& id) const;

    uint64_t appended() const { return appended_.load(); }
    // The torn pass-log tail cut off at start-up (0 when the log was whole): bytes and the passes it held.
    uint64_t torn_bytes() const { return torn_bytes_; }
    uint64_t torn_passes() const { return torn_passes_; }

    // Device health: intake and keepalives touch a device (or checkpoint) id; the health job takes the touched
    // ids with their latest time and writes them to the registry.
    void Touch(const std::string& device_id, int64_t now);
    std::map<std::string, int64_t> TakeTouched();

    // Per-source intake counters (source = the VIID client id, or "import:<user>"), since start-up.
    struct SourceCounts {
        uint64_t accepted = 0;
        uint64_t rejected = 0;
        int64_t last_at = 0;
    };
    void Count(const std::string& source, uint64_t accepted, uint64_t rejected, int64_t now);
    std::map<std::string, SourceCounts> Counts() const;

  private:
    mutable std::mutex stats_mu_;
    std::map<std::string, int64_t> touched_;
    std::map<std::string, SourceCounts> counts_;
    std::unique_ptr<analytics::Store> store_;
    mutable std::mutex mu_;  // guards the two pointers below (copy/swap only)
    std::shared_ptr<const analytics::WatchList> watch_;
    std::shared_ptr<const std::set<std::string>> known_;
    std::atomic<uint64_t> appended_{0};
    uint64_t torn_bytes_ = 0;
    uint64_t torn_passes_ = 0;
};

}  // namespace jw::checkpoint

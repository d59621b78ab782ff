#pragma once
// Notices unit restructures made by another process on the same database (`jingwu unit restructure` from the
// command line, or a second server) so that this server's cached principals — whose unit scopes a restructure
// changes — are rebuilt within one poll instead of at the session cache's next recheck. It polls the structure
// generation (units::repo::StructureGeneration: a count that every apply and undo raises) on a read connection
// and calls `on_change` when it moved. A restructure made through this server's HTTP path invalidates at once
// anyway; the watch then fires once more, which costs one rebuild per session.
//
// Thread safety: Start once, Stop once (or destroy); `on_change` runs on the watch's own thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "storage/database.hpp"

namespace jw::units {

class StructureWatch {
  public:
    ~StructureWatch() { Stop(); }
    // Reads the current generation, then polls every `interval`. A failed read is skipped (tried next poll).
    void Start(storage::Database& db, std::chrono::milliseconds interval, std::function<void()> on_change);
    void Stop();
    // One poll, for the loop and for tests: true when the generation moved since the last poll.
    bool Poll();
    int64_t changes_seen() const { return changes_.load(); }

  private:
    storage::Database* db_ = nullptr;
    std::function<void()> on_change_;
    int64_t generation_ = -1;  // -1 until first read
    std::atomic<int64_t> changes_{0};
    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace jw::units

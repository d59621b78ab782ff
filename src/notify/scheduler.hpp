#pragma once
// Timed jobs (reminders, expiries, escalations). Each job has a name and an interval; its next run time is
// kept in the database, so a restart resumes the schedule instead of restarting it. Before running, a
// job is claimed with a lease (one UPDATE that succeeds only if no lease is live), so a job never runs
// twice at once — not even across two server processes on one database.
//
// Thread safety: Register before Start; the loop runs on its own thread.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::notify {

class Scheduler {
  public:
    using JobFn = std::function<Status()>;

    Scheduler(storage::Database& db, storage::Committer& committer) : db_(db), committer_(committer) {}
    ~Scheduler() { Stop(); }

    // Adds (or keeps) the job's row with its first run `interval_s` from now.
    Status Register(const std::string& name, int64_t interval_s, JobFn fn);
    void Start(int tick_ms = 1000);
    void Stop();
    // Runs every due job once (used by the loop and by tests), one after another; after Stop() it starts no
    // further job, so that stopping waits for one job at most. Returns how many ran.
    int RunDue(int64_t now);

  private:
    storage::Database& db_;
    storage::Committer& committer_;
    std::map<std::string, std::pair<int64_t, JobFn>> jobs_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::atomic<bool> stop_ = false;
    std::thread thread_;
};

}  // namespace jw::notify

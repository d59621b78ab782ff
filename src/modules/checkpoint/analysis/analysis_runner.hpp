#pragma once
// TaskRunner: the small worker pool (1–2 threads) that runs queued analysis tasks (analysis_tasks.hpp)
// over the pass hub's snapshot, writing progress after each chunk and the result at the end through the
// Committer (system writes: the user's request to run, cancel or read is what the audit log records).
//
// Enqueue after the task row is written; a task cancelled before a worker takes it is skipped (MarkRunning
// fails), one cancelled while running stops between chunks (RequestCancel sets its flag). Start() puts tasks
// a previous process left running back in the queue. Stop() lets running chunks finish and joins; it is also
// stopped when the Committer refuses writes (shutdown). Thread-safe.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "checkpoint/pass_hub.hpp"
#include "common/status.hpp"
#include "storage/committer.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

struct RunnerOptions {
    int threads = 1;
    int chunk_pause_ms = 0;  // test hook (JW_ANALYSIS_CHUNK_PAUSE_MS): a pause after each chunk
};

class TaskRunner {
  public:
    TaskRunner(storage::Database& db, storage::Committer& committer, PassHub& hub, RunnerOptions options);
    ~TaskRunner();
    TaskRunner(const TaskRunner&) = delete;
    TaskRunner& operator=(const TaskRunner&) = delete;

    // Requeues interrupted tasks, queues every queued task and starts the workers. Errors: the database's.
    Status Start();
    void Stop();
    void Enqueue(int64_t task_id);
    // Marks the task to stop at its next chunk boundary (or be skipped if still queued).
    void RequestCancel(int64_t task_id);
    // Runs one task on the calling thread (workers and tests). Errors: the database's (the task's own failure is
    // recorded as status failed, not returned).
    Status RunOne(int64_t task_id);

  private:
    void Work();
    bool CancelRequested(int64_t task_id);

    storage::Database& db_;
    storage::Committer& committer_;
    PassHub& hub_;
    RunnerOptions options_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<int64_t> queue_;
    std::set<int64_t> cancelled_;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace jw::checkpoint

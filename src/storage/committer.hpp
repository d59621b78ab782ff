#pragma once
// Group commit. Every write of the server goes through one Committer: jobs queue up, the writer thread
// runs the queued jobs of a batch inside one transaction (each job in its own SAVEPOINT, so a failing job
// is undone alone), commits once, and only then reports each job's outcome. One fsync then covers a
// whole batch, which is what lets every request be audited durably without making the server slow.
//
// Thread safety: Submit and Run may be called from any thread. Jobs run on the writer thread, one at a
// time, in submission order; a job must not call Submit/Run itself (it would wait for itself).

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/database.hpp"

namespace jw::storage {

class Committer {
  public:
    using Job = std::function<Status(Connection&)>;
    using Done = std::function<void(const Status&)>;

    struct Hooks {
        // Called on the writer thread after a batch's transaction failed as a whole and was rolled back,
        // so that state cached by jobs (such as the audit chain head) can be reloaded.
        std::function<void(Connection&)> after_rollback;
        // Called on the writer thread after a batch's jobs ran and before its COMMIT; a failure rolls the
        // whole batch back. Lets a job's bookkeeping (the audit chain head) be written once per batch.
        std::function<Status(Connection&)> before_commit;
        // Called on the writer thread after a batch committed and before its jobs' `done` run: lets state that
        // must follow the durable database (the audit chain's anchor file) be written once per batch.
        std::function<void()> after_commit;
    };

    // Takes its own connection from `db`. Error: Unavailable.
    static Result<std::unique_ptr<Committer>> Start(Database& db, Hooks hooks = {}, size_t max_batch = 512);
    ~Committer();  // drains the queue, then stops

    // Queues `job`; `done` runs on the writer thread with the job's status once the batch holding it is
    // durable (or with the commit error). `done` must be quick and must not throw.
    void Submit(Job job, Done done);
    // Queues `job` and waits for its durable outcome.
    Status Run(Job job);
    // Stops accepting jobs, finishes the queued ones. Idempotent.
    void Stop();

    uint64_t batches() const { return batches_; }
    uint64_t jobs() const { return jobs_; }

  private:
    Committer(std::unique_ptr<Connection> conn, Hooks hooks, size_t max_batch);
    void Loop();
    void RunBatch(std::deque<std::pair<Job, Done>>& batch);

    std::unique_ptr<Connection> conn_;
    Hooks hooks_;
    size_t max_batch_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::pair<Job, Done>> queue_;
    bool stopping_ = false;
    bool writer_waiting_ = false;  // notify only when the writer sleeps: saves a futex call per job
    std::atomic<uint64_t> batches_{0};
    std::atomic<uint64_t> jobs_{0};
    std::thread thread_;
};

}  // namespace jw::storage

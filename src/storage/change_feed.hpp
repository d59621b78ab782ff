#pragma once
// What tells a server that reference data it caches (units, roles, permissions, policy, sessions) changed —
// by a write of its own or of another process on the same database (ADR 0066).
//
//  - ReferenceGeneration() is a process-wide counter; a cache tags what it loaded with the value read *before*
//    the load and reloads when the counter moved.
//  - BumpReferenceGeneration() moves it at once. Called on a Committer's writer thread (from inside a write job,
//    before that job's batch committed) it also moves it again once the batch committed or rolled back, so a
//    reader that loaded the old rows in between does not keep them.
//  - PgListener (PostgreSQL only) LISTENs on a dedicated connection and calls back for each notification: the
//    auth migration 006 triggers send `jw_ref` when units, roles, grants, account states, sessions or the policy
//    change (in the writing transaction, so it arrives after the commit, from whatever process wrote), and the
//    notify migration 006 trigger sends `jw_outbox` when a notification is queued. After a lost connection it
//    reconnects and reports `reconnected` (notifications may have been missed: drop every cache).
//
// Thread safety: the functions are thread-safe; a PgListener is started and stopped by one owner.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace jw::storage {

uint64_t ReferenceGeneration();
void BumpReferenceGeneration();

// Wake-ups after a commit, for work a write leaves to another thread of this process (a notification to deliver).
// A write job calls WakeAfterCommit(); once its batch is over (committed, or rolled back: a needless wake-up is
// harmless), every function added with AddCommitWaker runs on the writer thread — keep it quick (notify a condition
// variable). Called outside a Committer's writer thread, the functions run at once. Another process's writes reach
// this one through PgListener (PostgreSQL) or the reader's own polling.
int AddCommitWaker(std::function<void()> fn);  // returns a token for RemoveCommitWaker
void RemoveCommitWaker(int token);
void WakeAfterCommit();

namespace detail {
// The Committer's writer thread: marks itself, and after each batch calls AfterBatch (re-bumps when a job of the
// batch bumped; runs the commit wakers when a job of the batch asked for them).
void MarkWriterThread();
void AfterBatch();
}  // namespace detail

class PgListener {
  public:
    // channel, payload
    using OnNotify = std::function<void(const std::string&, const std::string&)>;
    PgListener() = default;
    PgListener(const PgListener&) = delete;
    PgListener& operator=(const PgListener&) = delete;
    ~PgListener() { Stop(); }

    // Starts the listening thread for `url` (a postgresql:// URL) on `channels`. `on_notify` runs on that thread;
    // `on_reconnect` too, after every (re)connection but the first.
    void Start(std::string url, std::vector<std::string> channels, OnNotify on_notify,
               std::function<void()> on_reconnect);
    void Stop();
    uint64_t received() const { return received_; }
    uint64_t reconnects() const { return reconnects_; }

  private:
    void Loop();

    std::string url_;
    std::vector<std::string> channels_;
    OnNotify on_notify_;
    std::function<void()> on_reconnect_;
    std::atomic<bool> stop_{false};
    int wake_fd_ = -1;  // eventfd: Stop() wakes the poll
    std::atomic<uint64_t> received_{0}, reconnects_{0};
    std::thread thread_;
};

}  // namespace jw::storage

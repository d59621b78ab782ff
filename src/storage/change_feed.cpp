#include "storage/change_feed.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

namespace jw::storage {

namespace {
std::atomic<uint64_t> g_generation{1};
thread_local bool t_writer = false;           // this thread is a Committer's writer
thread_local bool t_bumped_in_batch = false;  // a job of the running batch bumped
thread_local bool t_wake_in_batch = false;    // a job of the running batch asked for the commit wakers

struct Wakers {
    std::mutex mu;
    int next = 1;
    std::vector<std::pair<int, std::function<void()>>> fns;
};
Wakers& TheWakers() {
    static Wakers w;
    return w;
}
void RunWakers() {
    Wakers& w = TheWakers();
    std::lock_guard lock(w.mu);
    for (auto& [token, fn] : w.fns) fn();
}
}  // namespace

int AddCommitWaker(std::function<void()> fn) {
    Wakers& w = TheWakers();
    std::lock_guard lock(w.mu);
    w.fns.emplace_back(w.next, std::move(fn));
    return w.next++;
}

void RemoveCommitWaker(int token) {
    Wakers& w = TheWakers();
    std::lock_guard lock(w.mu);
    std::erase_if(w.fns, [token](const auto& f) { return f.first == token; });
}

void WakeAfterCommit() {
    if (t_writer)
        t_wake_in_batch = true;
    else
        RunWakers();
}

uint64_t ReferenceGeneration() { return g_generation.load(std::memory_order_acquire); }

void BumpReferenceGeneration() {
    g_generation.fetch_add(1, std::memory_order_acq_rel);
    if (t_writer) t_bumped_in_batch = true;
}

namespace detail {
void MarkWriterThread() { t_writer = true; }
void AfterBatch() {
    if (t_wake_in_batch) {
        t_wake_in_batch = false;
        RunWakers();
    }
    if (!t_bumped_in_batch) return;
    t_bumped_in_batch = false;
    g_generation.fetch_add(1, std::memory_order_acq_rel);
}
}  // namespace detail

void PgListener::Start(std::string url, std::vector<std::string> channels, OnNotify on_notify,
                       std::function<void()> on_reconnect) {
    url_ = std::move(url);
    channels_ = std::move(channels);
    on_notify_ = std::move(on_notify);
    on_reconnect_ = std::move(on_reconnect);
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    thread_ = std::thread([this] { Loop(); });
}

void PgListener::Stop() {
    if (!thread_.joinable()) return;
    stop_ = true;
    const uint64_t one = 1;
    if (wake_fd_ >= 0) (void)!::write(wake_fd_, &one, sizeof one);
    thread_.join();
    if (wake_fd_ >= 0) ::close(wake_fd_);
    wake_fd_ = -1;
}

void PgListener::Loop() {
    bool first = true;
    while (!stop_) {
        std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url_.c_str()), PQfinish);
        bool ok = PQstatus(conn.get()) == CONNECTION_OK;
        for (const auto& ch : channels_) {
            if (!ok) break;
            // Channel names are ours (identifiers, never user input).
            std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(conn.get(), ("LISTEN " + ch).c_str()), PQclear);
            ok = PQresultStatus(r.get()) == PGRES_COMMAND_OK;
        }
        if (!ok) {
            spdlog::warn("change listener: cannot listen on the database ({}); retrying", PQerrorMessage(conn.get()));
            pollfd w{wake_fd_, POLLIN, 0};
            (void)::poll(&w, 1, 1000);
            continue;
        }
        if (!first) {
            ++reconnects_;
            if (on_reconnect_) on_reconnect_();  // what was sent while we were away is lost: drop everything
        }
        first = false;
        while (!stop_) {
            pollfd fds[2] = {{PQsocket(conn.get()), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
            if (::poll(fds, 2, 5000) < 0) continue;
            if (stop_) return;
            if (PQconsumeInput(conn.get()) == 0) break;  // connection lost: reconnect
            while (PGnotify* n = PQnotifies(conn.get())) {
                std::unique_ptr<PGnotify, decltype(&PQfreemem)> note(n, PQfreemem);
                ++received_;
                if (on_notify_) on_notify_(note->relname, note->extra ? note->extra : "");
            }
            if (PQstatus(conn.get()) != CONNECTION_OK) break;
        }
    }
}

}  // namespace jw::storage

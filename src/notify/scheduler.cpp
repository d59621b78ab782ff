#include "notify/scheduler.hpp"

#include <spdlog/spdlog.h>

#include "common/civil_time.hpp"

namespace jw::notify {

using storage::V;

namespace {
constexpr int64_t kLeaseSeconds = 300;
}

Status Scheduler::Register(const std::string& name, int64_t interval_s, JobFn fn) {
    jobs_[name] = {interval_s, std::move(fn)};
    const int64_t now = NowUnix();
    return committer_.Run([&](storage::Connection& c) -> Status {
        auto existing = c.Query("SELECT 1 FROM scheduled_jobs WHERE name = ?", {V(name)});
        if (!existing.ok()) return existing.status();
        if (!existing->empty())
            return c.Exec("UPDATE scheduled_jobs SET interval_s = ? WHERE name = ?", {V(interval_s), V(name)});
        return c.Exec("INSERT INTO scheduled_jobs (name, next_run, interval_s) VALUES (?, ?, ?)",
                      {V(name), V(now + interval_s), V(interval_s)});
    });
}

int Scheduler::RunDue(int64_t now) {
    std::vector<std::string> due;
    {
        auto c = db_.Acquire();
        if (!c.ok()) return 0;
        auto rows =
            (*c)->Query("SELECT name FROM scheduled_jobs WHERE next_run <= ? AND running_until < ?", {V(now), V(now)});
        if (!rows.ok()) return 0;
        for (const auto& r : *rows) due.push_back(r.Str(0));
    }
    int ran = 0;
    for (const auto& name : due) {
        if (stop_) break;  // stopping: the server waits for the job under way, not for every due one
        auto it = jobs_.find(name);
        if (it == jobs_.end()) continue;  // registered by another version of the server
        bool claimed = false;
        Status s = committer_.Run([&](storage::Connection& c) -> Status {
            auto r = c.Query(
                "UPDATE scheduled_jobs SET running_until = ? WHERE name = ? AND running_until < ? "
                "AND next_run <= ? RETURNING name",
                {V(now + kLeaseSeconds), V(name), V(now), V(now)});
            if (!r.ok()) return r.status();
            claimed = !r->empty();
            return Status::Ok();
        });
        if (!s.ok() || !claimed) continue;
        Status result = Status::Internal("job threw");
        try {
            result = it->second.second();
        } catch (const std::exception& e) {
            spdlog::error("scheduled job {} threw: {}", name, e.what());
        }
        ++ran;
        const int64_t interval = it->second.first;
        (void)committer_.Run([&](storage::Connection& c) {
            return c.Exec(
                "UPDATE scheduled_jobs SET running_until = 0, last_run = ?, next_run = ?, last_result = ? "
                "WHERE name = ?",
                {V(now), V(now + interval), V(result.ok() ? std::string("ok") : result.message()), V(name)});
        });
    }
    return ran;
}

void Scheduler::Start(int tick_ms) {
    thread_ = std::thread([this, tick_ms] {
        std::unique_lock lock(mu_);
        while (!stop_) {
            cv_.wait_for(lock, std::chrono::milliseconds(tick_ms), [this] { return stop_.load(); });
            if (stop_) break;
            lock.unlock();
            RunDue(NowUnix());
            lock.lock();
        }
    });
}

void Scheduler::Stop() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace jw::notify

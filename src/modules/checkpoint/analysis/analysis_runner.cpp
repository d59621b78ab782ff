#include "checkpoint/analysis/analysis_runner.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "checkpoint/analysis/analysis_limits.hpp"
#include "checkpoint/analysis/analysis_repository.hpp"
#include "checkpoint/analysis/analysis_run.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {

TaskRunner::TaskRunner(storage::Database& db, storage::Committer& committer, PassHub& hub, RunnerOptions options)
    : db_(db), committer_(committer), hub_(hub), options_(options) {}

TaskRunner::~TaskRunner() { Stop(); }

Status TaskRunner::Start() {
    std::vector<AnalysisTask> queued;
    JW_RETURN_IF_ERROR(committer_.Run([&](storage::Connection& c) -> Status {
        JW_RETURN_IF_ERROR(RequeueInterrupted(c));
        auto q = ListQueued(c);
        if (!q.ok()) return q.status();
        queued = std::move(q).value();
        return Status::Ok();
    }));
    std::lock_guard lock(mu_);
    for (const auto& t : queued) queue_.push_back(t.id);
    stop_ = false;
    for (int i = 0; i < std::max(1, options_.threads); ++i) threads_.emplace_back([this] { Work(); });
    return Status::Ok();
}

void TaskRunner::Stop() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
}

void TaskRunner::Enqueue(int64_t task_id) {
    {
        std::lock_guard lock(mu_);
        queue_.push_back(task_id);
    }
    cv_.notify_one();
}

void TaskRunner::RequestCancel(int64_t task_id) {
    std::lock_guard lock(mu_);
    cancelled_.insert(task_id);
}

bool TaskRunner::CancelRequested(int64_t task_id) {
    std::lock_guard lock(mu_);
    return stop_ || cancelled_.count(task_id) > 0;
}

void TaskRunner::Work() {
    for (;;) {
        int64_t id = 0;
        {
            std::unique_lock lock(mu_);
            cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            id = queue_.front();
            queue_.pop_front();
        }
        if (Status s = RunOne(id); !s.ok()) {
            spdlog::warn("analysis task {}: {}", id, s.message());
            if (s.code() == ErrorCode::kUnavailable) return;  // the committer is shutting down
        }
    }
}

Status TaskRunner::RunOne(int64_t task_id) {
    AnalysisTask task;
    bool claimed = false;
    JW_RETURN_IF_ERROR(committer_.Run([&](storage::Connection& c) -> Status {
        JW_ASSIGN_OR_RETURN(task, GetTask(c, task_id, false));
        JW_ASSIGN_OR_RETURN(claimed, MarkRunning(c, task_id, NowUnix()));
        return Status::Ok();
    }));
    if (!claimed) return Status::Ok();  // cancelled (or taken) meanwhile

    RoleLimits limits;
    const Json& l = task.limits;
    limits.max_range_days = l.value("max_range_days", int64_t{1});
    limits.max_conditions = l.value("max_conditions", int64_t{1});
    limits.max_lookback_days = l.value("max_lookback_days", int64_t{1});
    limits.max_window_s = l.value("max_window_s", int64_t{1});
    Status write_error = Status::Ok();
    RunControl control;
    control.cancelled = [&] { return !write_error.ok() || CancelRequested(task_id); };
    control.progress = [&](int progress, const std::string& phase) {
        if (options_.chunk_pause_ms > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(options_.chunk_pause_ms));
        Status s = committer_.Run([&](storage::Connection& c) { return SetProgress(c, task_id, progress, phase); });
        if (!s.ok()) write_error = s;
    };

    Result<Json> reply = Status::Internal("not run");
    auto request = EngineRequest(task.kind, task.params);
    if (!request.ok()) {
        reply = request.status();
    } else {
        const auto snapshot = hub_.Snapshot();
        reply = RunChunked(snapshot, *request, ToQueryLimits(limits), control);
        if (reply.ok()) (*reply)["checkpoints"] = CheckpointsOf(snapshot, *request, *reply);
    }
    if (!write_error.ok()) return write_error;
    if (!reply.ok() && IsCancelled(reply.status())) return Status::Ok();  // the cancel already marked it
    return committer_.Run([&](storage::Connection& c) -> Status {
        if (reply.ok()) return FinishTask(c, task_id, *reply, RowCount(task.kind, *reply), "", NowUnix()).status();
        Json err = {{"code", ErrorCodeName(reply.status().code())},
                    {"message", reply.status().message()},
                    {"fields", reply.status().fields()}};
        return FinishTask(c, task_id, std::nullopt, 0, err.dump(), NowUnix()).status();
    });
}

}  // namespace jw::checkpoint

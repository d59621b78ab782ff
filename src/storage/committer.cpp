#include "storage/committer.hpp"

#include "storage/change_feed.hpp"
#include "storage/light_job.hpp"

namespace jw::storage {

Result<std::unique_ptr<Committer>> Committer::Start(Database& db, Hooks hooks, size_t max_batch) {
    auto conn = db.OpenConnection();
    if (!conn.ok()) return conn.status();
    return std::unique_ptr<Committer>(new Committer(std::move(conn).value(), std::move(hooks), max_batch));
}

Committer::Committer(std::unique_ptr<Connection> conn, Hooks hooks, size_t max_batch)
    : conn_(std::move(conn)), hooks_(std::move(hooks)), max_batch_(max_batch) {
    thread_ = std::thread([this] { Loop(); });
}

Committer::~Committer() { Stop(); }

void Committer::Stop() {
    {
        std::lock_guard lock(mu_);
        if (stopping_ && !thread_.joinable()) return;
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Committer::Submit(Job job, Done done) {
    bool wake = false;
    {
        std::lock_guard lock(mu_);
        if (stopping_) {
            done(Status(ErrorCode::kUnavailable, "server is shutting down"));
            return;
        }
        queue_.emplace_back(std::move(job), std::move(done));
        wake = writer_waiting_;
    }
    if (wake) cv_.notify_one();
}

Status Committer::Run(Job job) {
    auto promise = std::make_shared<std::promise<Status>>();
    auto future = promise->get_future();
    Submit(std::move(job), [promise](const Status& s) { promise->set_value(s); });
    return future.get();
}

void Committer::Loop() {
    detail::MarkWriterThread();
    for (;;) {
        std::deque<std::pair<Job, Done>> batch;
        {
            std::unique_lock lock(mu_);
            writer_waiting_ = true;
            cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            writer_waiting_ = false;
            if (queue_.empty() && stopping_) return;
            while (!queue_.empty() && batch.size() < max_batch_) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        RunBatch(batch);
    }
}

void Committer::RunBatch(std::deque<std::pair<Job, Done>>& batch) {
    std::vector<Status> outcomes;
    outcomes.reserve(batch.size());
    Status begin = conn_->BeginWrite();
    if (!begin.ok()) {
        for (auto& [job, done] : batch) done(begin);
        return;
    }
    for (auto& [job, done] : batch) {
        if (job.target<LightJob>() != nullptr) {  // no savepoint: its failure is the batch's (light_job.hpp)
            Status s;
            try {
                s = job(*conn_);
            } catch (const std::exception& e) {
                s = Status::Internal(std::string("job threw: ") + e.what());
            }
            outcomes.push_back(std::move(s));
            continue;
        }
        Status s = conn_->Exec("SAVEPOINT jw_job");
        if (s.ok()) {
            try {
                s = job(*conn_);
            } catch (const std::exception& e) {
                s = Status::Internal(std::string("job threw: ") + e.what());
            }
            if (!s.ok()) (void)conn_->Exec("ROLLBACK TO SAVEPOINT jw_job");
            (void)conn_->Exec("RELEASE SAVEPOINT jw_job");
        }
        outcomes.push_back(std::move(s));
    }
    Status commit = hooks_.before_commit ? hooks_.before_commit(*conn_) : Status::Ok();
    if (commit.ok()) commit = conn_->Commit();
    if (!commit.ok()) {
        (void)conn_->Rollback();
        if (hooks_.after_rollback) hooks_.after_rollback(*conn_);
    } else if (hooks_.after_commit) {
        hooks_.after_commit();
    }
    detail::AfterBatch();  // reference data a job changed: caches reload what they read meanwhile
    ++batches_;
    jobs_ += batch.size();
    for (size_t i = 0; i < batch.size(); ++i) batch[i].second(commit.ok() ? outcomes[i] : commit);
}

}  // namespace jw::storage

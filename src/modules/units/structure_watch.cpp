#include "units/structure_watch.hpp"

#include "units/history_repository.hpp"

namespace jw::units {

void StructureWatch::Start(storage::Database& db, std::chrono::milliseconds interval, std::function<void()> on_change) {
    db_ = &db;
    on_change_ = std::move(on_change);
    Poll();  // the generation this server starts with
    thread_ = std::thread([this, interval] {
        std::unique_lock lock(mu_);
        while (!stop_) {
            cv_.wait_for(lock, interval, [this] { return stop_; });
            if (stop_) break;
            lock.unlock();
            Poll();
            lock.lock();
        }
    });
}

void StructureWatch::Stop() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool StructureWatch::Poll() {
    auto c = db_->Acquire();
    if (!c.ok()) return false;
    auto generation = repo::StructureGeneration(**c);
    if (!generation.ok()) return false;
    const bool moved = generation_ >= 0 && *generation != generation_;
    generation_ = *generation;
    if (moved) {
        ++changes_;
        if (on_change_) on_change_();
    }
    return moved;
}

}  // namespace jw::units

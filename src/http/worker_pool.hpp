#pragma once
// A bounded pool of worker threads for slow, CPU-bound request work (argon2 password hashing), so that it
// never occupies a network thread: a flood of logins then delays only other logins. The queue is bounded:
// TrySubmit refuses at once when it is full, and the caller answers 503 busy instead of queueing without end.
//
// Thread safety: TrySubmit may be called from any thread. The destructor finishes the queued tasks.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace jw::http {

class WorkerPool {
  public:
    WorkerPool(size_t threads, size_t max_queued);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Queues `task`; false (and `task` dropped) when max_queued tasks are already waiting.
    bool TrySubmit(std::function<void()> task);

  private:
    void Run();

    const size_t max_queued_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace jw::http

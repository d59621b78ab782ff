#pragma once
// Group append for intake: concurrent requests share one durable PassHub::Append (one fdatasync), the way the
// Committer shares one SQL commit. The first caller to find no append running becomes the leader: it takes
// every batch queued so far, appends them as one, records the watch-list hits of all of them (`on_hits`,
// before anyone is answered) and wakes the others. If a combined append fails, each batch is retried alone so
// one caller's problem is not another's. Thread-safe.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "checkpoint/pass_hub.hpp"

namespace jw::checkpoint {

class AppendCombiner {
  public:
    using OnHits = std::function<void(const std::vector<PassHit>&)>;
    AppendCombiner(PassHub& hub, OnHits on_hits) : hub_(hub), on_hits_(std::move(on_hits)) {}

    // Returns once `batch` is durable and its hits recorded. Errors: the hub's (nothing of `batch` stored).
    Status Append(const std::vector<analytics::PassRecord>& batch);

  private:
    struct Pending {
        const std::vector<analytics::PassRecord>* batch;
        Status status;
        bool done = false;
    };
    void Lead(std::vector<Pending*>& group);

    PassHub& hub_;
    OnHits on_hits_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<Pending*> queue_;
    bool busy_ = false;
};

}  // namespace jw::checkpoint

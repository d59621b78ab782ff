#include "checkpoint/viid/viid_append.hpp"

namespace jw::checkpoint {

Status AppendCombiner::Append(const std::vector<analytics::PassRecord>& batch) {
    Pending me{&batch, Status::Ok()};
    std::unique_lock lock(mu_);
    queue_.push_back(&me);
    while (!me.done) {
        if (busy_) {
            cv_.wait(lock);
            continue;
        }
        busy_ = true;
        std::vector<Pending*> group;
        group.swap(queue_);
        lock.unlock();
        Lead(group);
        lock.lock();
        for (Pending* p : group) p->done = true;
        busy_ = false;
        cv_.notify_all();
    }
    return me.status;
}

void AppendCombiner::Lead(std::vector<Pending*>& group) {
    std::vector<PassHit> hits;
    if (group.size() > 1) {
        std::vector<analytics::PassRecord> all;
        size_t n = 0;
        for (const Pending* p : group) n += p->batch->size();
        all.reserve(n);
        for (const Pending* p : group) all.insert(all.end(), p->batch->begin(), p->batch->end());
        auto r = hub_.Append(all);
        if (r.ok()) {
            on_hits_(*r);
            return;
        }
    }
    for (Pending* p : group) {
        auto r = hub_.Append(*p->batch);
        if (!r.ok()) {
            p->status = r.status();
            continue;
        }
        hits.insert(hits.end(), r->begin(), r->end());
    }
    on_hits_(hits);
}

}  // namespace jw::checkpoint

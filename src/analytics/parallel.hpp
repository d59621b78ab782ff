#pragma once
// ParallelFor: runs f(0) … f(n − 1) on up to hardware_concurrency() threads (the calling thread included),
// in no particular order; returns when all are done. Nested calls (from inside f, or from a thread already
// running a batch) run inline, so a batch of parallel queries does not oversubscribe the cores.
// f must be thread-safe for distinct indexes and must not throw.

#include <cstddef>
#include <functional>

namespace jw::analytics {

void ParallelFor(size_t n, const std::function<void(size_t)>& f);

// Number of threads ParallelFor would use now (1 when nested).
size_t ParallelWidth();

}  // namespace jw::analytics

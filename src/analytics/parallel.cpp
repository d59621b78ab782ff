#include "analytics/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace jw::analytics {
namespace {

thread_local bool t_in_parallel = false;

}  // namespace

size_t ParallelWidth() {
    if (t_in_parallel) return 1;
    return std::max(1u, std::thread::hardware_concurrency());
}

void ParallelFor(size_t n, const std::function<void(size_t)>& f) {
    const size_t width = std::min(ParallelWidth(), n);
    if (width <= 1) {
        for (size_t i = 0; i < n; ++i) f(i);
        return;
    }
    std::atomic<size_t> next{0};
    auto work = [&] {
        const bool was = t_in_parallel;
        t_in_parallel = true;
        for (size_t i; (i = next.fetch_add(1)) < n;) f(i);
        t_in_parallel = was;
    };
    std::vector<std::thread> threads;
    for (size_t t = 1; t < width; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
}

}  // namespace jw::analytics

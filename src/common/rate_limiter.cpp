// Sliding-window rate limit (rate_limiter.hpp).
#include "common/rate_limiter.hpp"

#include <iterator>

namespace jw {

bool RateLimiter::Allow(const std::string& key, int64_t now) {
    std::lock_guard lock(mu_);
    if (seen_.size() > 10000) {  // forget idle keys so the map stays small
        for (auto it = seen_.begin(); it != seen_.end();) {
            it = (it->second.empty() || it->second.back() <= now - window_) ? seen_.erase(it) : std::next(it);
        }
    }
    auto& times = seen_[key];
    while (!times.empty() && times.front() <= now - window_) times.pop_front();
    if (static_cast<int>(times.size()) >= limit_) return false;
    times.push_back(now);
    return true;
}

}  // namespace jw

#pragma once
// A sliding-window rate limit per key (a client address, a user id): at most `limit` requests within `window`
// seconds. In memory: what it guards reads or checks, so a restart forgetting the counts costs nothing. Used by the
// public assessment results (per client) and the person check (per user). Thread-safe.

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace jw {

class RateLimiter {
  public:
    RateLimiter(int limit, int64_t window) : limit_(limit), window_(window) {}
    // Counts a request of `key` at `now`; false (and not counted) when it is over the limit.
    bool Allow(const std::string& key, int64_t now);
    int64_t window() const { return window_; }

  private:
    int limit_;
    int64_t window_;
    std::mutex mu_;
    std::map<std::string, std::deque<int64_t>> seen_;
};

}  // namespace jw

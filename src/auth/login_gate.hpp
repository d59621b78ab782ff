#pragma once
// The failure count and lock of user names that do not exist, kept in memory so that guessing an unknown
// name shows exactly the pattern of a real account (finding 9: existing users must not stand out): every
// attempt counts as a failure before it is checked, the attempt that reaches the limit locks the name for
// the lock time, and a locked name is refused without a check. The same rule as repo::ReserveLoginAttempt
// for real accounts. Bounded: past kMaxNames entries, names whose lock or count has lapsed are dropped, and
// if that is not enough the table starts afresh (an attacker cycling names gains nothing from it, since each
// name then costs a full password hash again).
//
// Thread safety: all methods may be called from any thread.

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace jw::auth {

class LoginGate {
  public:
    static constexpr size_t kMaxNames = 20000;

    // Counts an attempt for `name`. False when the name is locked (refuse without checking).
    bool Reserve(const std::string& name, int max_failures, int64_t lock_seconds, int64_t now);

  private:
    struct Entry {
        int failures = 0;
        int64_t locked_until = 0;
        int64_t last = 0;
    };
    std::mutex mu_;
    std::unordered_map<std::string, Entry> names_;
};

}  // namespace jw::auth

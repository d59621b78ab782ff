#include "auth/login_gate.hpp"

namespace jw::auth {

bool LoginGate::Reserve(const std::string& name, int max_failures, int64_t lock_seconds, int64_t now) {
    std::lock_guard lock(mu_);
    if (names_.size() >= kMaxNames && !names_.count(name)) {
        std::erase_if(
            names_, [&](const auto& e) { return e.second.locked_until <= now && now - e.second.last > lock_seconds; });
        if (names_.size() >= kMaxNames) names_.clear();
    }
    Entry& e = names_[name];
    if (e.locked_until > now) return false;
    // A lapsed lock (or a limit lowered below the count) starts the count again, as for real accounts.
    if (e.locked_until > 0 || e.failures >= max_failures) e.failures = 0;
    ++e.failures;
    e.locked_until = e.failures >= max_failures ? now + lock_seconds : 0;
    e.last = now;
    return true;
}

}  // namespace jw::auth

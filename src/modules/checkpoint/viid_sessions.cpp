#include "checkpoint/viid_sessions.hpp"

namespace jw::checkpoint {

void ViidSessions::Register(const std::string& id, const std::string& address, int64_t now) {
    std::lock_guard lock(mu_);
    entries_[id] = Entry{address, now};
}

void ViidSessions::Unregister(const std::string& id) {
    std::lock_guard lock(mu_);
    entries_.erase(id);
}

bool ViidSessions::Touch(const std::string& id, const std::string& address, int64_t now) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.address != address) return false;
    if (now - it->second.last_active > idle_limit_) {
        entries_.erase(it);
        return false;
    }
    if (now > it->second.last_active) it->second.last_active = now;
    return true;
}

bool ViidSessions::IsRegistered(const std::string& id, int64_t now) const {
    std::lock_guard lock(mu_);
    auto it = entries_.find(id);
    return it != entries_.end() && now - it->second.last_active <= idle_limit_;
}

}  // namespace jw::checkpoint

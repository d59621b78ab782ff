#include "checkpoint/viid/viid_sessions.hpp"

#include "common/crypto.hpp"

namespace jw::checkpoint {

std::string ViidTokenHash(const std::string& token) { return Sm3Hex(token); }

void ViidSessions::Register(const std::string& id, const std::string& address, const std::string& token_hash,
                            std::optional<int64_t> unit_id, int64_t now) {
    std::lock_guard lock(mu_);
    entries_[id] = Entry{address, token_hash, unit_id, now};
}

void ViidSessions::Unregister(const std::string& id) {
    std::lock_guard lock(mu_);
    entries_.erase(id);
}

std::optional<ViidSessions::Caller> ViidSessions::Touch(const std::string& id, const std::string& address,
                                                        const std::string& token, int64_t now) {
    if (token.empty()) return std::nullopt;
    const std::string hash = ViidTokenHash(token);  // outside the lock: the hash is the costly part
    std::lock_guard lock(mu_);
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.address != address || it->second.token_hash.empty() ||
        !ConstantTimeEquals(it->second.token_hash, hash))
        return std::nullopt;
    if (now - it->second.last_active > idle_limit_) {
        entries_.erase(it);
        return std::nullopt;
    }
    if (now > it->second.last_active) it->second.last_active = now;
    return Caller{it->second.unit_id};
}

bool ViidSessions::IsRegistered(const std::string& id, int64_t now) const {
    std::lock_guard lock(mu_);
    auto it = entries_.find(id);
    return it != entries_.end() && now - it->second.last_active <= idle_limit_;
}

}  // namespace jw::checkpoint

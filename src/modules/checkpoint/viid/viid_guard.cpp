#include "checkpoint/viid/viid_guard.hpp"

#include <algorithm>

#include "common/crypto.hpp"

namespace jw::checkpoint {

ViidAuthCounters& ViidAuthMetrics() {
    static ViidAuthCounters counters;
    return counters;
}

std::string ViidAuthMetricsText() {
    const auto& m = ViidAuthMetrics();
    return "# TYPE jw_viid_auth_failures_total counter\njw_viid_auth_failures_total " + std::to_string(m.failures) +
           "\n# TYPE jw_viid_auth_lockouts_total counter\njw_viid_auth_lockouts_total " + std::to_string(m.lockouts) +
           "\n# TYPE jw_viid_auth_refused_locked_total counter\njw_viid_auth_refused_locked_total " +
           std::to_string(m.refused_locked) +
           "\n# TYPE jw_viid_auth_replays_total counter\njw_viid_auth_replays_total " + std::to_string(m.replays) +
           "\n# TYPE jw_viid_registrations_total counter\njw_viid_registrations_total " +
           std::to_string(m.registrations) + "\n";
}

namespace {
// nc is 8 hex digits (RFC 7616 § 3.4); anything else never matches a previous value and is refused.
bool ParseNc(const std::string& nc, uint64_t* out) {
    if (nc.empty()) {
        *out = 1;
        return true;
    }
    if (nc.size() != 8) return false;
    uint64_t v = 0;
    for (char ch : nc) {
        int d;
        if (ch >= '0' && ch <= '9')
            d = ch - '0';
        else if (ch >= 'a' && ch <= 'f')
            d = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F')
            d = ch - 'A' + 10;
        else
            return false;
        v = v * 16 + static_cast<uint64_t>(d);
    }
    *out = v;
    return v > 0;
}
}  // namespace

std::string ViidGuard::IssueNonce(const std::string& address, const std::string& client, int64_t now) {
    // Random, so two challenges in the same second differ; the issue time is kept in the table, not the text.
    std::string nonce = RandomToken(16);
    std::lock_guard lock(mu_);
    Sweep(now);
    while (nonces_.size() >= limits_.max_nonces && !nonce_order_.empty()) {
        nonces_.erase(nonce_order_.front());
        nonce_order_.pop_front();
    }
    nonces_[nonce] = Nonce{address, client, now, 0, false};
    nonce_order_.push_back(nonce);
    return nonce;
}

ViidGuard::NonceUse ViidGuard::UseNonce(const std::string& nonce, const std::string& nc, const std::string& client,
                                        const std::string& address, int64_t now) {
    std::lock_guard lock(mu_);
    auto it = nonces_.find(nonce);
    if (it == nonces_.end() || now - it->second.issued > limits_.nonce_life) return NonceUse::kStale;
    Nonce& n = it->second;
    uint64_t value = 0;
    if (n.consumed || n.address != address || (!n.client.empty() && n.client != client) || !ParseNc(nc, &value) ||
        value <= n.last_nc) {
        ViidAuthMetrics().replays++;
        return NonceUse::kReplay;
    }
    n.client = client;  // bound to its first user
    n.last_nc = value;
    return NonceUse::kOk;
}

void ViidGuard::ConsumeNonce(const std::string& nonce) {
    std::lock_guard lock(mu_);
    if (auto it = nonces_.find(nonce); it != nonces_.end()) it->second.consumed = true;
}

bool ViidGuard::IsLocked(const std::unordered_map<std::string, Counter>& m, const std::string& key, int64_t now) const {
    auto it = m.find(key);
    return it != m.end() && it->second.locked_until > now;
}

bool ViidGuard::Locked(const std::string& client, const std::string& address, int64_t now) {
    std::lock_guard lock(mu_);
    if (IsLocked(pairs_, client + "|" + address, now) || IsLocked(addresses_, address, now)) return true;
    if (!IsLocked(clients_, client, now)) return false;
    // The per-ID lock (guesses from everywhere) does not shut out the addresses this client registered from.
    if (auto it = known_good_.find(client); it != known_good_.end())
        for (const auto& [a, at] : it->second)
            if (a == address && now - at <= limits_.known_good_for) return false;
    return true;
}

bool ViidGuard::Count(Counter& c, int threshold, int64_t now) {
    if (c.locked_until <= now && now - c.last_failure > limits_.window) c.failures = 0;
    c.failures++;
    c.last_failure = now;
    if (c.failures < threshold) return false;
    const int extra = std::min(c.failures - threshold, 10);
    const int64_t until = now + std::min(limits_.max_lock, limits_.first_lock << extra);
    if (until <= c.locked_until) return false;
    const bool started = c.locked_until <= now;
    c.locked_until = until;
    return started;
}

bool ViidGuard::Failure(const std::string& client, const std::string& address, int64_t now) {
    std::lock_guard lock(mu_);
    Sweep(now);
    ViidAuthMetrics().failures++;
    bool started = Count(pairs_[client + "|" + address], limits_.pair_failures, now);
    started = Count(addresses_[address], limits_.address_failures, now) || started;
    started = Count(clients_[client], limits_.client_failures, now) || started;
    if (started) ViidAuthMetrics().lockouts++;
    return started;
}

void ViidGuard::Success(const std::string& client, const std::string& address, int64_t now) {
    std::lock_guard lock(mu_);
    ViidAuthMetrics().registrations++;
    pairs_.erase(client + "|" + address);
    auto& good = known_good_[client];
    std::erase_if(good, [&](const auto& e) { return e.first == address || now - e.second > limits_.known_good_for; });
    good.emplace_back(address, now);
    if (good.size() > 8) good.erase(good.begin());  // a client has few addresses; bound what a client can pin
}

void ViidGuard::Sweep(int64_t now) {
    if (now - last_sweep_ < 60) return;
    last_sweep_ = now;
    while (!nonce_order_.empty()) {
        auto it = nonces_.find(nonce_order_.front());
        if (it != nonces_.end() && now - it->second.issued <= limits_.nonce_life) break;
        if (it != nonces_.end()) nonces_.erase(it);
        nonce_order_.pop_front();
    }
    for (auto* m : {&pairs_, &addresses_, &clients_})
        std::erase_if(*m, [&](const auto& e) {
            return e.second.locked_until <= now && now - e.second.last_failure > limits_.window;
        });
}

}  // namespace jw::checkpoint

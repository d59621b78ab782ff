// The phone's offline list (offline_list.hpp).
#include "personwatch/check/offline_list.hpp"

#include <algorithm>

#include "common/crypto.hpp"
#include "personwatch/catalogue.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "personwatch/personwatch_repository.hpp"

namespace jw::personwatch {

std::string OfflineHash(std::string_view key, std::string_view id_kind, std::string_view nationality,
                        std::string_view number) {
    std::string input;
    input.append(id_kind).append("|").append(nationality).append("|").append(number);
    return HmacSm3Hex(key, input);
}

Result<OfflineList> BuildOfflineList(storage::Connection& c, int64_t now) {
    std::vector<std::string> kinds;
    for (const auto& k : Kinds())
        if (k.offline) kinds.push_back(k.code);
    OfflineList out;
    out.issue = OfflineIssue(now);
    out.issued_at = out.issue * kOfflineIssueSeconds;
    out.expires_at = out.issued_at + kOfflineIssueSeconds;
    const std::string key = OfflineKey(out.issue);
    out.key_hex = ToHex(key);
    JW_ASSIGN_OR_RETURN(auto rows, ListActiveDocuments(c, kinds, now));
    for (const auto& r : rows) out.hashes.push_back(OfflineHash(key, r.id_kind, r.nationality, r.id_number));
    std::sort(out.hashes.begin(), out.hashes.end());
    out.hashes.erase(std::unique(out.hashes.begin(), out.hashes.end()), out.hashes.end());
    std::string all = std::to_string(out.issue);
    for (const auto& h : out.hashes) all += "," + h;
    out.version = Sm3Hex(all).substr(0, 16);
    return out;
}

}  // namespace jw::personwatch

#pragma once
// The phone's offline list (issue 15, ADR 0052): the active entries of the kinds marked offline in data/kinds.csv
// (the wanted persons), as keyed hashes, so a phone with no signal can tell a wanted person without ever holding an
// ID number. hash = hex(HMAC-SM3(key, id_kind + "|" + nationality + "|" + number)) with the number normalised as
// the master index does (resident IDs: 18 characters, X upper-case; nationality CHN for Chinese documents). The key
// is the issue's (personwatch_keys.hpp: it rotates every kOfflineIssueSeconds), handed to the phone with the list;
// the phone stores both encrypted and re-checks every offline hit online later. Hashes are sorted (their order
// says nothing). `version` changes whenever the list or the issue does, so a phone fetches only when it must.
// Needs personwatch::InstallKeys. Thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::personwatch {

struct OfflineList {
    std::string version;  // 16 hex characters
    int64_t issue = 0, issued_at = 0, expires_at = 0;
    std::string key_hex;  // the issue's key, 64 hex characters
    std::vector<std::string> hashes;
};

std::string OfflineHash(std::string_view key, std::string_view id_kind, std::string_view nationality,
                        std::string_view number);

// The list at `now`. Errors: the database's; Internal when a sealed field cannot be opened.
Result<OfflineList> BuildOfflineList(storage::Connection& c, int64_t now);

}  // namespace jw::personwatch

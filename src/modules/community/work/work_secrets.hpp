#pragma once
// Secrets of the work records at rest (ADR 0017, ADR 0035): the parties of a dispute (names, and which register
// people they are) are personal data, stored SM4-sealed with DeriveKey(master, "community.work.fields"); repeat
// disputes between the same parties are found through a blind index (HMAC-SM3 with DeriveKey(master,
// "community.work.blind_index")) of the set of parties. No key is in the database.
//
// Thread safety: InstallWorkKeys once at start-up (Prepare), before requests; the rest is pure. Using the
// functions before InstallWorkKeys is a broken invariant and throws std::logic_error.

#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "community/work/work.hpp"

namespace jw::community {

void InstallWorkKeys(std::string_view master_key);

// "" stays ""; anything else becomes "sm4:" + hex(SM4-CBC).
std::string SealWorkText(std::string_view plain);
// The inverse. Internal when `stored` was not sealed with the installed key.
Result<std::string> OpenWorkText(std::string_view stored);

// The blind index of a set of parties: each party is "p:<person_id>" or "n:<name without blanks>", sorted, so the
// same people in any order (and the same names however spaced) give the same index.
std::string PartiesIndex(const std::vector<Party>& parties);

}  // namespace jw::community

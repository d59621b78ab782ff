#pragma once
// The person watch list's keys (ADR 0017, 0052). Personal fields of entries (ID number, name, birth date) are
// sealed with the FieldSealer of purpose "personwatch" (its own keys, independent of the master index's), blind
// indexes for the check: "id" over the normalised document (kind|nationality|number) and "name_birth" over
// name|birth date. The phone's offline list is keyed per issue: HMAC-SM3(DeriveKey(master, "personwatch.offline"),
// "issue:<n>") where n = floor(now / kOfflineIssueSeconds), so the key rotates every issue and a list (with its key)
// is worth nothing after the next. No key is in the database.
//
// Thread safety: InstallKeys once at start-up (Module::Prepare) before other threads run (later calls are for
// tests); the rest is thread-safe. Using a key before InstallKeys throws std::logic_error (a server must never
// store personal data in the clear).

#include <cstdint>
#include <string>
#include <string_view>

#include "common/sealed_fields.hpp"

namespace jw::personwatch {

inline constexpr int64_t kOfflineIssueSeconds = 86400;

void InstallKeys(std::string_view master_key);
const FieldSealer& Sealer();

// The blind index of a document: kind|nationality|number, all normalised (community::NormaliseIdentity).
std::string IdIndex(std::string_view id_kind, std::string_view nationality, std::string_view number);
// The blind index of name (spaces dropped) | birth date (YYYY-MM-DD); "" when either is empty.
std::string NameBirthIndex(std::string_view name, std::string_view birth_date);

// The offline list's issue at `now`, and its key (raw 32 bytes).
int64_t OfflineIssue(int64_t now);
std::string OfflineKey(int64_t issue);

}  // namespace jw::personwatch

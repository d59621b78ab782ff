#pragma once
// Secrets of the cases module at rest (ADR 0017). The personal fields of case people (ID number, phone,
// address) are stored SM4-encrypted with the key DeriveKey(master, "cases.fields"); equality lookups use blind
// indexes, HMAC-SM3 with DeriveKey(master, "cases.blind_index") over the normalised value; query codes are
// stored as HMAC-SM3 with DeriveKey(master, "cases.query_code"). No key is in the database: the master key is the
// key file's, handed over once by the platform (InstallKeys) before any request is served.
// The sealing itself is the shared FieldSealer (common/sealed_fields.hpp) with purpose "cases".
//
// Thread safety: InstallKeys once at start-up, before other threads run (later calls replace the keys and are
// for tests only); everything else is pure and thread-safe. Using a function below before InstallKeys is a
// broken invariant and throws std::logic_error (a server must never quietly store personal data in the clear).

#include <string>
#include <string_view>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::cases {

void InstallKeys(std::string_view master_key);

// "" stays "" (an empty field says nothing); anything else becomes "sm4:" + hex(IV ‖ SM4-CBC ciphertext).
std::string SealField(std::string_view plain);
// The inverse. Internal "case_people: a personal field cannot be decrypted (wrong key file?)" when `stored` is
// not a sealed value of the installed key.
Result<std::string> OpenField(std::string_view stored);

// Blind indexes ("" for an empty value). ID numbers: ASCII spaces dropped, letters upper-cased (…002x = …002X).
// Phones: digits only, a leading 86 of a mainland mobile dropped (+86 138… = 138…).
std::string IdNumberIndex(std::string_view id_number);
std::string PhoneIndex(std::string_view phone);

// The stored form of a query code of a case: HMAC-SM3(key, HMAC-SM3(case_no, code)), hex. The inner, public-keyed
// HMAC is what older servers stored, so their rows are upgraded without knowing the codes (SealPlainRecords).
std::string QueryCodeHash(const std::string& case_no, const std::string& code);

// The one-time data migration (SQL migrations do not hold the key): encrypts the people rows still in plain text
// (sealed = 0) and wraps unkeyed query code hashes (keyed = 0), in transactions of at most `batch` rows. Each row
// is converted and marked in the same statement, so a kill -9 at any point leaves every row either plain and
// unmarked or sealed and marked; running it again finishes the rest (idempotent). Returns how many rows changed.
// Runs outside the Committer: call it at start-up before the server writes. Errors: the database's.
Result<int64_t> SealPlainRecords(storage::Connection& c, int batch = 200);

}  // namespace jw::cases

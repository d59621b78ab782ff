#pragma once
// Personal fields at rest (ADR 0017), one mechanism for every module: a FieldSealer is made from the master key
// (the key file's) and a purpose name; it seals values with SM4 under DeriveKey(master, purpose + ".fields") and
// computes blind indexes, HMAC-SM3 under DeriveKey(master, purpose + ".blind_index"), for equality lookups. No
// key is in the database. Modules keep one sealer per purpose, installed once at start-up (Module::Prepare).
//
// Stored forms: "" stays "" (an empty field says nothing); a sealed value is "sm4:v2:" + hex(IV ‖ SM4-CBC
// ciphertext ‖ tag), the tag the first 16 bytes of HMAC-SM3 under DeriveKey(master, purpose + ".fields_mac") over
// IV ‖ ciphertext, so another key or a changed value never opens (ADR 0056). Values sealed before, "sm4:" + hex(IV ‖
// ciphertext), still open (checked by padding and UTF-8 only) and are sealed anew when rewritten. A blind index is 64 lower-case hex characters of HMAC-SM3(key, kind + ":" + normalised value).
// Thread safety: a FieldSealer is immutable once made; every member is thread-safe.

#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw {

class FieldSealer {
  public:
    // `what` names the records in error messages ("case_people", "community_people").
    FieldSealer(std::string_view master_key, std::string_view purpose, std::string what);

    std::string Seal(std::string_view plain) const;
    // The inverse. Internal "<what>: a personal field cannot be decrypted (wrong key file?)" when `stored` is not
    // a sealed value of this sealer's key.
    Result<std::string> Open(std::string_view stored) const;
    // "" when `normalised` is empty. `kind` keeps indexes of different things apart ("id", "phone", "person").
    std::string BlindIndex(std::string_view kind, std::string_view normalised) const;

    static bool IsSealed(std::string_view stored);

  private:
    std::string seal_key_, index_key_, mac_key_, what_;
};

// The normal forms blind indexes are computed over, shared so that every module finds the same value the same
// way. ID numbers: ASCII spaces and tabs dropped, letters upper-cased (…002x = …002X). Phones: digits only, a
// leading 86 of a mainland mobile dropped (+86 138… = 138…).
std::string NormaliseIdNumber(std::string_view id_number);
std::string NormalisePhone(std::string_view phone);

}  // namespace jw

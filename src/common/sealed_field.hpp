#pragma once
// Personal fields sealed at rest (ADR 0017): "sm4:" + hex(SM4-CBC(key, plain)), the one format every module's
// secrets use (cases/case_secrets.hpp, community/work/work_secrets.hpp). The key is the module's
// DeriveKey(master, "<module>.fields"); never in the database. Pure; thread-safe.

#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw {

// "" stays "" (an empty field says nothing); anything else becomes "sm4:" + hex(IV ‖ ciphertext).
std::string SealWithKey(std::string_view key16, std::string_view plain);
// The inverse. Internal "<what>: a personal field cannot be decrypted (wrong key file?)" when `stored` is not a
// sealed value of `key16`.
Result<std::string> OpenWithKey(std::string_view key16, std::string_view stored, std::string_view what);

}  // namespace jw

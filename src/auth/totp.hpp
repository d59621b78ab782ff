#pragma once
// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps) over RFC 4226 HOTP. Thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jw::auth {

std::string HotpCode(std::string_view key, uint64_t counter, int digits = 6);
// Checks `code` against the steps around `now` (±1 step for clock drift). Returns the matching step, so the
// caller can refuse a replay of the same step.
std::optional<int64_t> VerifyTotp(std::string_view key, std::string_view code, int64_t now_unix);
// otpauth://totp/Jingwu:<account>?secret=<base32>&issuer=Jingwu for enrolment QR codes.
std::string OtpauthUri(std::string_view account, std::string_view key);

}  // namespace jw::auth

#pragma once
// HTTP Digest access authentication (RFC 7616, algorithm MD5, qop=auth) as GA/T 1400 uses it for
// /VIID/System/Register. Pure functions, thread-safe. Nonces are issued, bound and checked for single use by
// ViidGuard (viid_guard.hpp); this file only computes and compares responses.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace jw::checkpoint::viid {

inline constexpr const char* kRealm = "jingwu-viid";

std::string Md5Hex(std::string_view data);

// Parameters of an "Authorization: Digest k=v, k="v", …" header, keys lower-cased. Empty when the header is not
// a Digest header or is malformed.
std::map<std::string, std::string> ParseDigestHeader(std::string_view header);

// response = MD5(HA1:nonce:nc:cnonce:qop:HA2), HA1 = MD5(user:realm:password), HA2 = MD5(method:uri)
// (RFC 7616 § 3.4.1). Without qop (RFC 2069) response = MD5(HA1:nonce:HA2).
std::string DigestResponse(std::string_view user, std::string_view realm, std::string_view password,
                           std::string_view method, std::string_view uri, std::string_view nonce, std::string_view nc,
                           std::string_view cnonce, std::string_view qop);

// The WWW-Authenticate value of a 401 challenge.
std::string Challenge(std::string_view nonce, bool stale);

// Outcome of checking an Authorization header against a client's password.
enum class DigestCheck { kOk, kMissing, kMalformed, kWrongResponse };
// Checks `params` (ParseDigestHeader) for `method`. The username must equal `user`, realm kRealm, qop "auth"
// (or absent; then nc and cnonce are not used), algorithm MD5 (or absent). The response is always computed,
// so a wrong and an unknown client (checked with a stand-in password) cost the same.
DigestCheck VerifyDigest(const std::map<std::string, std::string>& params, std::string_view user,
                         std::string_view password, std::string_view method);

}  // namespace jw::checkpoint::viid

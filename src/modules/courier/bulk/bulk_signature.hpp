#pragma once
// The companies' bulk API signature (issue 17, ADR 0055). Each request carries
//   X-Courier-Company: the company's code    X-Timestamp: Unix seconds    X-Nonce: 16–64 of [A-Za-z0-9_-]
//   X-Signature: hex HMAC-SM3(company key, METHOD "\n" PATH "\n" TIMESTAMP "\n" NONCE "\n" hex SM3(body))
// A timestamp more than kSkewSeconds from the server's clock is refused (stale), and a nonce is accepted once
// within that window (replays refused: the server remembers nonces for 2 × kSkewSeconds). Pure, thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::courier {

inline constexpr int64_t kSkewSeconds = 300;

std::string SignatureBase(std::string_view method, std::string_view path, std::string_view timestamp,
                          std::string_view nonce, std::string_view body);
std::string Sign(std::string_view key, std::string_view base);
// Checks the headers' form and the clock. Errors (InvalidArgument naming the header): x_timestamp (bad_format,
// stale), x_nonce (bad_format). The signature itself is compared by VerifySignature.
Status CheckFreshness(std::string_view timestamp, std::string_view nonce, int64_t now);
bool VerifySignature(std::string_view key, std::string_view base, std::string_view signature_hex);

}  // namespace jw::courier

#include "courier/bulk/bulk_signature.hpp"

#include <regex>

#include "common/crypto.hpp"

namespace jw::courier {

std::string SignatureBase(std::string_view method, std::string_view path, std::string_view timestamp,
                          std::string_view nonce, std::string_view body) {
    std::string b;
    b.append(method).append("\n").append(path).append("\n").append(timestamp).append("\n").append(nonce);
    b.append("\n").append(Sm3Hex(body));
    return b;
}

std::string Sign(std::string_view key, std::string_view base) { return HmacSm3Hex(key, base); }

Status CheckFreshness(std::string_view timestamp, std::string_view nonce, int64_t now) {
    static const std::regex ts("^[0-9]{9,11}$"), nc("^[A-Za-z0-9_-]{16,64}$");
    if (!std::regex_match(std::string(timestamp), ts)) return Status::Invalid("x_timestamp", "bad_format");
    const int64_t t = std::stoll(std::string(timestamp));
    if (t < now - kSkewSeconds || t > now + kSkewSeconds) return Status::Invalid("x_timestamp", "stale");
    if (!std::regex_match(std::string(nonce), nc)) return Status::Invalid("x_nonce", "bad_format");
    return Status::Ok();
}

bool VerifySignature(std::string_view key, std::string_view base, std::string_view signature_hex) {
    std::string lower(signature_hex);
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ConstantTimeEquals(Sign(key, base), lower);
}

}  // namespace jw::courier

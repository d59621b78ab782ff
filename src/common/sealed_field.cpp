#include "common/sealed_field.hpp"

#include "common/crypto.hpp"

namespace jw {
namespace {
constexpr std::string_view kSealPrefix = "sm4:";
}

std::string SealWithKey(std::string_view key16, std::string_view plain) {
    if (plain.empty()) return "";
    return std::string(kSealPrefix) + ToHex(Sm4Encrypt(key16, plain));
}

Result<std::string> OpenWithKey(std::string_view key16, std::string_view stored, std::string_view what) {
    if (stored.empty()) return std::string();
    auto fail = [&] {
        return Status::Internal(std::string(what) + ": a personal field cannot be decrypted (wrong key file?)");
    };
    if (!stored.starts_with(kSealPrefix)) return fail();
    const std::string bytes = FromHex(stored.substr(kSealPrefix.size()));
    if (bytes.empty()) return fail();
    std::string plain = Sm4Decrypt(key16, bytes);
    if (plain.empty()) return fail();  // padding check failed: another key or a damaged value
    return plain;
}

}  // namespace jw

#include "common/sealed_fields.hpp"

#include <utility>

#include "common/crypto.hpp"

namespace jw {

namespace {
constexpr std::string_view kSealPrefix = "sm4:";
}

FieldSealer::FieldSealer(std::string_view master_key, std::string_view purpose, std::string what)
    : seal_key_(DeriveKey(master_key, std::string(purpose) + ".fields")),
      index_key_(DeriveKey(master_key, std::string(purpose) + ".blind_index")),
      what_(std::move(what)) {}

std::string FieldSealer::Seal(std::string_view plain) const {
    if (plain.empty()) return "";
    return std::string(kSealPrefix) + ToHex(Sm4Encrypt(seal_key_, plain));
}

Result<std::string> FieldSealer::Open(std::string_view stored) const {
    if (stored.empty()) return std::string();
    auto fail = [this] { return Status::Internal(what_ + ": a personal field cannot be decrypted (wrong key file?)"); };
    if (!stored.starts_with(kSealPrefix)) return fail();
    const std::string bytes = FromHex(stored.substr(kSealPrefix.size()));
    if (bytes.empty()) return fail();
    std::string plain = Sm4Decrypt(seal_key_, bytes);
    if (plain.empty()) return fail();  // padding check failed: another key or a damaged value
    return plain;
}

std::string FieldSealer::BlindIndex(std::string_view kind, std::string_view normalised) const {
    if (normalised.empty()) return "";
    std::string data(kind);
    data += ':';
    data += normalised;
    return HmacSm3Hex(index_key_, data);
}

bool FieldSealer::IsSealed(std::string_view stored) { return stored.starts_with(kSealPrefix); }

std::string NormaliseIdNumber(std::string_view id_number) {
    std::string norm;
    for (char ch : id_number) {
        if (ch == ' ' || ch == '\t') continue;
        norm += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    }
    return norm;
}

std::string NormalisePhone(std::string_view phone) {
    std::string digits;
    for (char ch : phone)
        if (ch >= '0' && ch <= '9') digits += ch;
    if (digits.size() == 13 && digits.starts_with("861")) digits = digits.substr(2);
    return digits;
}

}  // namespace jw

#include "common/sealed_fields.hpp"

#include <utility>

#include "common/crypto.hpp"

namespace jw {

namespace {
constexpr std::string_view kSealPrefix = "sm4:";       // every sealed value, old and new
constexpr std::string_view kMacPrefix = "sm4:v2:";     // encrypt-then-MAC (since ADR 0056)
constexpr size_t kTagBytes = 16;                       // HMAC-SM3 truncated: a forgery or wrong key is 2^-128

bool IsUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += n;
    }
    return true;
}
}  // namespace

FieldSealer::FieldSealer(std::string_view master_key, std::string_view purpose, std::string what)
    : seal_key_(DeriveKey(master_key, std::string(purpose) + ".fields")),
      index_key_(DeriveKey(master_key, std::string(purpose) + ".blind_index")),
      mac_key_(DeriveKey(master_key, std::string(purpose) + ".fields_mac")),
      what_(std::move(what)) {}

std::string FieldSealer::Seal(std::string_view plain) const {
    if (plain.empty()) return "";
    const std::string body = Sm4Encrypt(seal_key_, plain);
    return std::string(kMacPrefix) + ToHex(body + HmacSm3(mac_key_, body).substr(0, kTagBytes));
}

Result<std::string> FieldSealer::Open(std::string_view stored) const {
    if (stored.empty()) return std::string();
    auto fail = [this] { return Status::Internal(what_ + ": a personal field cannot be decrypted (wrong key file?)"); };
    if (stored.starts_with(kMacPrefix)) {
        const std::string bytes = FromHex(stored.substr(kMacPrefix.size()));
        if (bytes.size() <= kTagBytes) return fail();
        const std::string_view body(bytes.data(), bytes.size() - kTagBytes), tag(bytes.data() + body.size(), kTagBytes);
        if (!ConstantTimeEquals(HmacSm3(mac_key_, body).substr(0, kTagBytes), tag)) return fail();
        std::string plain = Sm4Decrypt(seal_key_, body);
        if (plain.empty()) return fail();
        return plain;
    }
    // The form stored before ADR 0056, without a tag: only the padding and the text tell a wrong key (a wrong key
    // passes the padding check about once in 256; the UTF-8 check catches nearly all of those).
    if (!stored.starts_with(kSealPrefix)) return fail();
    const std::string bytes = FromHex(stored.substr(kSealPrefix.size()));
    if (bytes.empty()) return fail();
    std::string plain = Sm4Decrypt(seal_key_, bytes);
    if (plain.empty() || !IsUtf8(plain)) return fail();
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

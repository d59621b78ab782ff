#include "auth/totp.hpp"

#include "common/crypto.hpp"

namespace jw::auth {

std::string HotpCode(std::string_view key, uint64_t counter, int digits) {
    std::string msg(8, '\0');
    for (int i = 7; i >= 0; --i) {
        msg[static_cast<size_t>(i)] = static_cast<char>(counter & 0xff);
        counter >>= 8;
    }
    const std::string mac = HmacSha1(key, msg);
    const int offset = mac[19] & 0x0f;
    const uint32_t bin = (static_cast<uint32_t>(mac[offset] & 0x7f) << 24) |
                         (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 1])) << 16) |
                         (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 2])) << 8) |
                         static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 3]));
    uint32_t mod = 1;
    for (int i = 0; i < digits; ++i) mod *= 10;
    std::string code = std::to_string(bin % mod);
    return std::string(static_cast<size_t>(digits) - code.size(), '0') + code;
}

std::optional<int64_t> VerifyTotp(std::string_view key, std::string_view code, int64_t now_unix) {
    if (code.size() != 6) return std::nullopt;
    const int64_t step = now_unix / 30;
    for (int64_t s = step - 1; s <= step + 1; ++s) {
        if (ConstantTimeEquals(HotpCode(key, static_cast<uint64_t>(s)), code)) return s;
    }
    return std::nullopt;
}

std::string OtpauthUri(std::string_view account, std::string_view key) {
    return "otpauth://totp/Jingwu:" + std::string(account) + "?secret=" + Base32Encode(key) +
           "&issuer=Jingwu&algorithm=SHA1&digits=6&period=30";
}

}  // namespace jw::auth

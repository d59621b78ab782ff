#include "common/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace jw {

namespace {
void Check(int ok, const char* what) {
    if (ok != 1) throw std::runtime_error(std::string("openssl: ") + what);
}

// Digests are fetched once: OpenSSL 3's implicit fetch by name on every call costs a lock and allocations,
// and the audit chain hashes every request.
const EVP_MD* FetchedDigest(const char* name) {
    static EVP_MD* sm3 = EVP_MD_fetch(nullptr, "SM3", nullptr);
    static EVP_MD* sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    const EVP_MD* md = std::string_view(name) == "SM3" ? sm3 : std::string_view(name) == "SHA1" ? sha1 : nullptr;
    if (md == nullptr) throw std::runtime_error(std::string("openssl: no digest ") + name);
    return md;
}

std::string Digest(const char* name, std::string_view data) {
    const EVP_MD* md = FetchedDigest(name);
    // One context per thread, reused: no allocation per hash.
    thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    Check(EVP_DigestInit_ex(ctx.get(), md, nullptr), "digest init");
    Check(EVP_DigestUpdate(ctx.get(), data.data(), data.size()), "digest update");
    Check(EVP_DigestFinal_ex(ctx.get(), out, &len), "digest final");
    return std::string(reinterpret_cast<char*>(out), len);
}

std::string Hmac(const char* name, std::string_view key, std::string_view data) {
    const EVP_MD* md = FetchedDigest(name);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (HMAC(md, key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
             data.size(), out, &len) == nullptr)
        throw std::runtime_error("openssl: hmac");
    return std::string(reinterpret_cast<char*>(out), len);
}

std::string Sm4(const char* cipher_name, bool encrypt, std::string_view key, std::string_view iv, std::string_view in,
                bool padding) {
    if (key.size() != 16) throw std::runtime_error("sm4: key must be 16 bytes");
    const EVP_CIPHER* cipher = EVP_get_cipherbyname(cipher_name);
    if (cipher == nullptr) throw std::runtime_error("openssl: no SM4");
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    Check(EVP_CipherInit_ex(ctx.get(), cipher, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                            iv.empty() ? nullptr : reinterpret_cast<const unsigned char*>(iv.data()), encrypt ? 1 : 0),
          "cipher init");
    EVP_CIPHER_CTX_set_padding(ctx.get(), padding ? 1 : 0);
    std::string out(in.size() + 32, '\0');
    int len1 = 0, len2 = 0;
    if (EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len1,
                         reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size())) != 1)
        return {};
    if (EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len1, &len2) != 1) return {};
    out.resize(static_cast<size_t>(len1 + len2));
    return out;
}
}  // namespace

std::string Sm3Hex(std::string_view data) { return ToHex(Digest("SM3", data)); }
std::string HmacSha1(std::string_view key, std::string_view data) { return Hmac("SHA1", key, data); }
std::string HmacSm3Hex(std::string_view key, std::string_view data) { return ToHex(Hmac("SM3", key, data)); }
std::string HmacSm3(std::string_view key, std::string_view data) { return Hmac("SM3", key, data); }

std::string DeriveKey(std::string_view master, std::string_view purpose) {
    return Hmac("SM3", master, std::string("jingwu/") + std::string(purpose)).substr(0, 16);
}

std::string RandomBytes(size_t n) {
    std::string out(n, '\0');
    Check(RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)), "rand");
    return out;
}

std::string RandomToken(size_t bytes) { return ToHex(RandomBytes(bytes)); }

std::string ToHex(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    return out;
}

std::string FromHex(std::string_view hex) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0) return {};
    std::string out;
    for (size_t i = 0; i < hex.size(); i += 2) {
        int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) return {};
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
}

std::string Base32Encode(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 5) {
            out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::string Base32Decode(std::string_view text) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a';
        else if (c >= '2' && c <= '7')
            v = c - '2' + 26;
        else if (c == '=' || c == ' ')
            continue;
        else
            return {};
        buffer = (buffer << 5) | static_cast<uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

std::string Sm4Encrypt(std::string_view key16, std::string_view plaintext) {
    if (key16.size() != 16) throw std::runtime_error("sm4: key must be 16 bytes");
    std::string iv = RandomBytes(16);
    return iv + Sm4("SM4-CBC", true, key16, iv, plaintext, true);
}

std::string Sm4Decrypt(std::string_view key16, std::string_view ciphertext) {
    if (key16.size() != 16 || ciphertext.size() < 32) return {};
    return Sm4("SM4-CBC", false, key16, ciphertext.substr(0, 16), ciphertext.substr(16), true);
}

std::string Sm4EcbEncryptBlock(std::string_view key16, std::string_view block16) {
    return Sm4("SM4-ECB", true, key16, {}, block16, false);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace jw

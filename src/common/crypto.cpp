#include "common/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <pthread.h>

#include <atomic>
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

// HMAC (RFC 2104) over the fetched digest and the thread's reused context: OpenSSL 3's one-shot HMAC() fetches
// the MAC and the digest by name on every call, which made it the larger part of a blind index (bulk imports
// compute one per row). H((K ^ opad) || H((K ^ ipad) || m)), K hashed first when longer than a block.
std::string Hmac(const char* name, std::string_view key, std::string_view data) {
    const EVP_MD* md = FetchedDigest(name);
    const int block = EVP_MD_get_block_size(md);
    if (block <= 0 || block > 128) throw std::runtime_error("openssl: hmac block size");
    std::string k = key.size() > static_cast<size_t>(block) ? Digest(name, key) : std::string(key);
    k.resize(static_cast<size_t>(block), '\0');
    std::string pad(k);
    for (char& ch : pad) ch = static_cast<char>(ch ^ 0x36);
    thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char inner[EVP_MAX_MD_SIZE], out[EVP_MAX_MD_SIZE];
    unsigned int inner_len = 0, len = 0;
    Check(EVP_DigestInit_ex(ctx.get(), md, nullptr), "hmac init");
    Check(EVP_DigestUpdate(ctx.get(), pad.data(), pad.size()), "hmac update");
    Check(EVP_DigestUpdate(ctx.get(), data.data(), data.size()), "hmac update");
    Check(EVP_DigestFinal_ex(ctx.get(), inner, &inner_len), "hmac final");
    for (size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<char>(k[i] ^ 0x5c);
    Check(EVP_DigestInit_ex(ctx.get(), md, nullptr), "hmac init");
    Check(EVP_DigestUpdate(ctx.get(), pad.data(), pad.size()), "hmac update");
    Check(EVP_DigestUpdate(ctx.get(), inner, inner_len), "hmac update");
    Check(EVP_DigestFinal_ex(ctx.get(), out, &len), "hmac final");
    OPENSSL_cleanse(k.data(), k.size());
    OPENSSL_cleanse(pad.data(), pad.size());
    return std::string(reinterpret_cast<char*>(out), len);
}

// Ciphers are fetched once and each thread reuses one context, for the reason digests are (above): sealing a
// personal field was ~15 us, most of it the by-name lookup and the context allocation.
const EVP_CIPHER* FetchedCipher(const char* name) {
    static EVP_CIPHER* cbc = EVP_CIPHER_fetch(nullptr, "SM4-CBC", nullptr);
    static EVP_CIPHER* ecb = EVP_CIPHER_fetch(nullptr, "SM4-ECB", nullptr);
    const EVP_CIPHER* c = std::string_view(name) == "SM4-CBC"   ? cbc
                          : std::string_view(name) == "SM4-ECB" ? ecb
                                                                : nullptr;
    if (c == nullptr) throw std::runtime_error("openssl: no SM4");
    return c;
}

std::string Sm4(const char* cipher_name, bool encrypt, std::string_view key, std::string_view iv, std::string_view in,
                bool padding) {
    if (key.size() != 16) throw std::runtime_error("sm4: key must be 16 bytes");
    const EVP_CIPHER* cipher = FetchedCipher(cipher_name);
    // One context per thread, keyed by (cipher, direction, padding, key): a second call with the same key only
    // sets the new IV (no key schedule, no parameter lookups). A failed call drops the cache entry.
    struct Cached {
        std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx{EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free};
        const EVP_CIPHER* cipher = nullptr;
        bool encrypt = false, padding = false;
        std::string key;
    };
    thread_local Cached cached;
    EVP_CIPHER_CTX* ctx = cached.ctx.get();
    const auto* iv_bytes = iv.empty() ? nullptr : reinterpret_cast<const unsigned char*>(iv.data());
    if (cached.cipher == cipher && cached.encrypt == encrypt && cached.padding == padding &&
        cached.key.size() == key.size() && CRYPTO_memcmp(cached.key.data(), key.data(), key.size()) == 0) {
        Check(EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, iv_bytes, encrypt ? 1 : 0), "cipher init");
    } else {
        cached.cipher = nullptr;
        EVP_CIPHER_CTX_reset(ctx);
        Check(EVP_CipherInit_ex(ctx, cipher, nullptr, reinterpret_cast<const unsigned char*>(key.data()), iv_bytes,
                                encrypt ? 1 : 0),
              "cipher init");
        EVP_CIPHER_CTX_set_padding(ctx, padding ? 1 : 0);
        cached.cipher = cipher;
        cached.encrypt = encrypt;
        cached.padding = padding;
        cached.key.assign(key);
    }
    auto fail = [&] {
        cached.cipher = nullptr;
        return std::string();
    };
    std::string out(in.size() + 32, '\0');
    int len1 = 0, len2 = 0;
    if (EVP_CipherUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &len1,
                         reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size())) != 1)
        return fail();
    if (EVP_CipherFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()) + len1, &len2) != 1) return fail();
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

namespace {
// IVs come from a per-thread buffer of CSPRNG output refilled 4 KiB at a time: RAND_bytes checks for a fork with
// a system call on every call, which was a quarter of sealing a field. A fork (pthread_atfork) bumps the
// generation, so a child never reuses its parent's buffered bytes and no IV is handed out twice.
std::atomic<uint64_t> iv_generation{0};
std::string FreshIv() {
    static const bool registered = [] {
        pthread_atfork(nullptr, nullptr, [] { iv_generation.fetch_add(1); });
        return true;
    }();
    (void)registered;
    constexpr size_t kBuffer = 4096;
    thread_local std::string buffer;
    thread_local size_t used = kBuffer;
    thread_local uint64_t generation = 0;
    const uint64_t now = iv_generation.load();
    if (used + 16 > buffer.size() || generation != now) {
        OPENSSL_cleanse(buffer.data(), buffer.size());
        buffer = RandomBytes(kBuffer);
        used = 0;
        generation = now;
    }
    std::string iv = buffer.substr(used, 16);
    OPENSSL_cleanse(buffer.data() + used, 16);
    used += 16;
    return iv;
}
}  // namespace

std::string Sm4Encrypt(std::string_view key16, std::string_view plaintext) {
    if (key16.size() != 16) throw std::runtime_error("sm4: key must be 16 bytes");
    std::string iv = FreshIv();
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

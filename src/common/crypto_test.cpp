#include "common/crypto.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

namespace jw {
namespace {

std::string Repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// 国密 vectors as quoted in STANDARDS.md (GB/T 32905 for SM3, GB/T 32907 for SM4).
TEST(Crypto, Sm3Vectors) {
    EXPECT_EQ(Sm3Hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    EXPECT_EQ(Sm3Hex(Repeat("abcd", 16)), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    EXPECT_EQ(Sm3Hex("").size(), 64u);
}

TEST(Crypto, Sm4EcbVector) {
    const std::string key = FromHex("0123456789abcdeffedcba9876543210");
    EXPECT_EQ(ToHex(Sm4EcbEncryptBlock(key, key)), "681edf34d206965e86b3e94f536e4246");
}

// RFC 2202 test cases 1, 2, 3 and 6 (the last hashes a key longer than the block first).
TEST(Crypto, HmacSha1Rfc2202) {
    EXPECT_EQ(ToHex(HmacSha1(std::string(20, '\x0b'), "Hi There")), "b617318655057264e28bc0b6fb378c8ef146be00");
    EXPECT_EQ(ToHex(HmacSha1("Jefe", "what do ya want for nothing?")), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    EXPECT_EQ(ToHex(HmacSha1(std::string(20, '\xaa'), std::string(50, '\xdd'))),
              "125d7342b9ac11cd91a39af48aa17b4f63f175d3");
    EXPECT_EQ(ToHex(HmacSha1(std::string(80, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
              "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

// No published HMAC-SM3 vector is in our references, so check it against the RFC 2104 construction built
// from the SM3 vectors above (block size 64 bytes).
TEST(Crypto, HmacSm3MatchesRfc2104Construction) {
    auto reference = [](std::string key, std::string_view data) {
        if (key.size() > 64) key = FromHex(Sm3Hex(key));
        key.resize(64, '\0');
        std::string inner = key, outer = key;
        for (char& c : inner) c = static_cast<char>(c ^ 0x36);
        for (char& c : outer) c = static_cast<char>(c ^ 0x5c);
        return Sm3Hex(outer + FromHex(Sm3Hex(inner + std::string(data))));
    };
    for (const std::string& key : {std::string("key"), std::string(64, 'k'), std::string(100, '\x01')}) {
        EXPECT_EQ(HmacSm3Hex(key, "abc"), reference(key, "abc")) << key.size();
    }
    EXPECT_NE(HmacSm3Hex("key", "abc"), HmacSm3Hex("key", "abd"));
}

// RFC 4648 section 10, without the padding our encoder leaves off.
TEST(Crypto, Base32Rfc4648) {
    const std::pair<const char*, const char*> cases[] = {
        {"", ""},
        {"f", "MY"},
        {"fo", "MZXQ"},
        {"foo", "MZXW6"},
        {"foob", "MZXW6YQ"},
        {"fooba", "MZXW6YTB"},
        {"foobar", "MZXW6YTBOI"},
    };
    for (const auto& [plain, encoded] : cases) {
        EXPECT_EQ(Base32Encode(plain), encoded) << plain;
        EXPECT_EQ(Base32Decode(encoded), plain) << encoded;
    }
    EXPECT_EQ(Base32Decode("MZXW6YTBOI======"), "foobar");
    EXPECT_EQ(Base32Decode("mzxw6ytboi"), "foobar");
    EXPECT_EQ(Base32Decode("MZXW 6YTB OI"), "foobar");  // authenticator apps show the secret in groups
    // The RFC 6238 TOTP test secret.
    EXPECT_EQ(Base32Encode("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST(Crypto, Base32RejectsOtherAlphabets) {
    for (const char* bad : {"MY1", "MZXW0", "MZXW8", "MZ-XW", "MZXW6YTBOI\n", "ＭＹ"}) {
        EXPECT_EQ(Base32Decode(bad), "") << bad;
    }
}

TEST(Crypto, Base32RoundTripsEveryByte) {
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    for (size_t n = 0; n <= all.size(); n += 17) {
        EXPECT_EQ(Base32Decode(Base32Encode(all.substr(0, n))), all.substr(0, n)) << n;
    }
}

TEST(Crypto, Hex) {
    EXPECT_EQ(ToHex(""), "");
    EXPECT_EQ(ToHex(std::string("\x00\x01\x7f\x80\xff", 5)), "00017f80ff");
    EXPECT_EQ(FromHex("00017f80ff"), std::string("\x00\x01\x7f\x80\xff", 5));
    EXPECT_EQ(FromHex("ABCDEF"), "\xab\xcd\xef");
    for (const char* bad : {"0", "abc", "0g", "g0", " 00", "0x00", "０0"}) EXPECT_EQ(FromHex(bad), "") << bad;
}

TEST(Crypto, Sm4CbcRoundTrip) {
    const std::string key = FromHex("0123456789abcdeffedcba9876543210");
    for (const std::string& plain :
         {std::string(), std::string("a"), std::string(15, 'x'), std::string(16, 'x'), std::string(17, 'x'),
          std::string("张三 519901199003071234"), std::string(1000, '\0')}) {
        const std::string sealed = Sm4Encrypt(key, plain);
        // A random 16-byte IV, then PKCS#7 padding to the next whole block.
        EXPECT_EQ(sealed.size(), 16 + (plain.size() / 16 + 1) * 16) << plain.size();
        EXPECT_EQ(Sm4Decrypt(key, sealed), plain) << plain.size();
    }
}

TEST(Crypto, Sm4CbcUsesAFreshIv) {
    const std::string key(16, 'k');
    EXPECT_NE(Sm4Encrypt(key, "same text"), Sm4Encrypt(key, "same text"));
}

// IVs come from a buffer refilled 256 IVs at a time, and the context is reused between calls with one key:
// across several refills and alternating keys, every IV differs and every value opens under its own key only.
TEST(Crypto, Sm4CbcIvsStayUniqueAcrossBufferRefillsAndKeys) {
    const std::string k1(16, 'a'), k2(16, 'b');
    std::set<std::string> ivs;
    for (int i = 0; i < 1000; ++i) {
        const std::string& key = i % 2 ? k1 : k2;
        const std::string sealed = Sm4Encrypt(key, "519901199003071234");
        EXPECT_TRUE(ivs.insert(sealed.substr(0, 16)).second) << i;
        EXPECT_EQ(Sm4Decrypt(key, sealed), "519901199003071234");
        EXPECT_NE(Sm4Decrypt(i % 2 ? k2 : k1, sealed), "519901199003071234");
    }
    // A failed open leaves the thread's context usable.
    EXPECT_EQ(Sm4Decrypt(k1, std::string(48, 'x')), "");
    EXPECT_EQ(Sm4Decrypt(k1, Sm4Encrypt(k1, "after a failure")), "after a failure");
}

TEST(Crypto, Sm4CbcBadInput) {
    const std::string key(16, 'k');
    const std::string plain = "519901199003071234";
    const std::string sealed = Sm4Encrypt(key, plain);
    // A wrong key fails the padding check nearly always; either way it must not give the plaintext back.
    EXPECT_NE(Sm4Decrypt(std::string(16, 'j'), sealed), plain);
    EXPECT_EQ(Sm4Decrypt(key, sealed.substr(0, sealed.size() - 1)), "");
    EXPECT_EQ(Sm4Decrypt(key, sealed.substr(0, 16)), "");
    EXPECT_EQ(Sm4Decrypt(key, ""), "");
    EXPECT_EQ(Sm4Decrypt(std::string(15, 'k'), sealed), "");
    EXPECT_THROW(Sm4Encrypt(std::string(15, 'k'), plain), std::runtime_error);
    EXPECT_THROW(Sm4Encrypt(std::string(17, 'k'), plain), std::runtime_error);
}

TEST(Crypto, RandomBytes) {
    EXPECT_EQ(RandomBytes(0).size(), 0u);
    EXPECT_EQ(RandomBytes(33).size(), 33u);
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 64u);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(RandomToken(8).size(), 16u);
    EXPECT_NE(RandomToken(), RandomToken());
}

TEST(Crypto, ConstantTimeEquals) {
    EXPECT_TRUE(ConstantTimeEquals("", ""));
    EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
    EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
    EXPECT_FALSE(ConstantTimeEquals("secret", "secret "));
    EXPECT_FALSE(ConstantTimeEquals("", "a"));
}

TEST(Crypto, DerivedKeysAre16BytesDifferPerPurposeAndAreStable) {
    const std::string master = FromHex("0123456789abcdeffedcba9876543210");
    const std::string a = DeriveKey(master, "audit.chain");
    const std::string b = DeriveKey(master, "cases.fields");
    EXPECT_EQ(a.size(), 16u);
    EXPECT_NE(a, b);
    EXPECT_EQ(a, DeriveKey(master, "audit.chain"));
    EXPECT_EQ(a, HmacSm3(master, "jingwu/audit.chain").substr(0, 16));
    EXPECT_NE(a, DeriveKey(FromHex("00000000000000000000000000000000"), "audit.chain"));
}

}  // namespace
}  // namespace jw

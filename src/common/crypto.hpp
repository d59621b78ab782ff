#pragma once
// Cryptographic helpers over OpenSSL 3 EVP: SM3 (国密 hash), SM4 (field encryption), HMAC, secure random,
// hex and base32. Thread-safe. Failures inside OpenSSL are broken invariants and throw std::runtime_error.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jw {

std::string Sm3Hex(std::string_view data);                          // 64 lower-case hex characters
std::string HmacSha1(std::string_view key, std::string_view data);  // raw 20 bytes (RFC 6238 TOTP)
std::string HmacSm3Hex(std::string_view key, std::string_view data);
std::string HmacSm3(std::string_view key, std::string_view data);  // raw 32 bytes
// A 16-byte key for one purpose ("audit.chain", "cases.fields", "cases.blind_index", "cases.query_code", …)
// derived from the master key (the key file): HMAC-SM3(master, "jingwu/" + purpose), first 16 bytes. Keys of
// different purposes are independent; none is stored in the database.
std::string DeriveKey(std::string_view master, std::string_view purpose);
std::string RandomBytes(size_t n);           // from the OS CSPRNG
std::string RandomToken(size_t bytes = 32);  // hex of RandomBytes(bytes)
std::string ToHex(std::string_view bytes);
std::string FromHex(std::string_view hex);         // empty on bad input
std::string Base32Encode(std::string_view bytes);  // RFC 4648, no padding
std::string Base32Decode(std::string_view text);   // empty on bad input; case-insensitive
// SM4-CBC with a random IV prepended; key is 16 bytes. Decrypt returns empty on a bad input.
std::string Sm4Encrypt(std::string_view key16, std::string_view plaintext);
std::string Sm4Decrypt(std::string_view key16, std::string_view ciphertext);
std::string Sm4EcbEncryptBlock(std::string_view key16, std::string_view block16);  // test vectors only
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace jw

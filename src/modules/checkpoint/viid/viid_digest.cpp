#include "checkpoint/viid/viid_digest.hpp"

#include <openssl/evp.h>

#include <cctype>
#include <stdexcept>

#include "common/crypto.hpp"

namespace jw::checkpoint::viid {

std::string Md5Hex(std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), out, &len, EVP_md5(), nullptr) != 1)
        throw std::runtime_error("EVP_Digest(MD5) failed");
    return ToHex(std::string_view(reinterpret_cast<const char*>(out), len));
}

std::map<std::string, std::string> ParseDigestHeader(std::string_view h) {
    std::map<std::string, std::string> out;
    size_t i = 0;
    while (i < h.size() && h[i] == ' ') ++i;
    if (h.size() - i < 7) return {};
    std::string scheme(h.substr(i, 6));
    for (auto& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (scheme != "digest" || h[i + 6] != ' ') return {};
    i += 7;
    while (i < h.size()) {
        while (i < h.size() && (h[i] == ' ' || h[i] == ',')) ++i;
        if (i >= h.size()) break;
        const size_t eq = h.find('=', i);
        if (eq == std::string_view::npos) return {};
        std::string key(h.substr(i, eq - i));
        while (!key.empty() && key.back() == ' ') key.pop_back();
        for (auto& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        i = eq + 1;
        while (i < h.size() && h[i] == ' ') ++i;
        std::string value;
        if (i < h.size() && h[i] == '"') {
            ++i;
            while (i < h.size() && h[i] != '"') {
                if (h[i] == '\\' && i + 1 < h.size()) ++i;
                value += h[i++];
            }
            if (i >= h.size()) return {};  // unterminated quote
            ++i;
        } else {
            while (i < h.size() && h[i] != ',') value += h[i++];
            while (!value.empty() && value.back() == ' ') value.pop_back();
        }
        if (key.empty()) return {};
        out[key] = value;
    }
    return out;
}

std::string DigestResponse(std::string_view user, std::string_view realm, std::string_view password,
                           std::string_view method, std::string_view uri, std::string_view nonce, std::string_view nc,
                           std::string_view cnonce, std::string_view qop) {
    const std::string ha1 = Md5Hex(std::string(user) + ":" + std::string(realm) + ":" + std::string(password));
    const std::string ha2 = Md5Hex(std::string(method) + ":" + std::string(uri));
    if (qop.empty()) return Md5Hex(ha1 + ":" + std::string(nonce) + ":" + ha2);
    return Md5Hex(ha1 + ":" + std::string(nonce) + ":" + std::string(nc) + ":" + std::string(cnonce) + ":" +
                  std::string(qop) + ":" + ha2);
}

std::string Challenge(std::string_view nonce, bool stale) {
    std::string out = std::string("Digest realm=\"") + kRealm + "\", qop=\"auth\", algorithm=MD5, nonce=\"" +
                      std::string(nonce) + "\", opaque=\"" + Md5Hex(kRealm) + "\"";
    if (stale) out += ", stale=true";
    return out;
}

DigestCheck VerifyDigest(const std::map<std::string, std::string>& p, std::string_view user, std::string_view password,
                         std::string_view method) {
    if (p.empty()) return DigestCheck::kMissing;
    auto get = [&](const char* k) {
        auto it = p.find(k);
        return it == p.end() ? std::string() : it->second;
    };
    const std::string qop = get("qop"), algorithm = get("algorithm");
    if (get("username") != user || get("realm") != kRealm || get("nonce").empty() || get("uri").empty() ||
        get("response").empty())
        return DigestCheck::kMalformed;
    if (!qop.empty() && qop != "auth") return DigestCheck::kMalformed;
    if (!qop.empty() && (get("nc").empty() || get("cnonce").empty())) return DigestCheck::kMalformed;
    if (!algorithm.empty() && algorithm != "MD5" && algorithm != "md5") return DigestCheck::kMalformed;
    const std::string expected =
        DigestResponse(user, kRealm, password, method, get("uri"), get("nonce"), get("nc"), get("cnonce"), qop);
    std::string given = get("response");
    for (auto& ch : given) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ConstantTimeEquals(expected, given) ? DigestCheck::kOk : DigestCheck::kWrongResponse;
}

}  // namespace jw::checkpoint::viid

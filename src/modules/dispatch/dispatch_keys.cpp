// The keys of 110 dispatch (dispatch_keys.hpp).
#include "dispatch/dispatch_keys.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>

#include "common/crypto.hpp"

namespace jw::dispatch {
namespace {

struct Keys {
    FieldSealer sealer;
    std::string webhook;
};

std::optional<Keys>& TheKeys() {
    static std::optional<Keys> keys;
    return keys;
}

const Keys& Installed() {
    const auto& k = TheKeys();
    if (!k) throw std::logic_error("dispatch: InstallKeys was not called before personal data was used");
    return *k;
}

}  // namespace

void InstallKeys(std::string_view master_key) {
    TheKeys().emplace(Keys{FieldSealer(master_key, "dispatch", "dispatch_calls"), WebhookKey(master_key)});
}

std::string WebhookKey(std::string_view master_key) { return DeriveKey(master_key, "dispatch.webhook"); }

const FieldSealer& Sealer() { return Installed().sealer; }

std::string CallerIndex(std::string_view phone) { return Sealer().BlindIndex("phone", NormalisePhone(phone)); }

std::string WebhookSignature(std::string_view body) { return HmacSm3Hex(Installed().webhook, body); }

bool WebhookSignatureValid(std::string_view body, std::string_view signature) {
    std::string lower(signature);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return ConstantTimeEquals(WebhookSignature(body), lower);
}

}  // namespace jw::dispatch

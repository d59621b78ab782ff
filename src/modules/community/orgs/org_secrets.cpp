#include "community/orgs/org_secrets.hpp"

#include <optional>
#include <stdexcept>

#include "common/crypto.hpp"

namespace jw::community {
namespace {

std::optional<std::string>& Key() {
    static std::optional<std::string> key;
    return key;
}
const std::string& Installed() {
    if (!Key()) throw std::logic_error("community: InstallOrgKeys was not called before personal data was used");
    return *Key();
}
constexpr std::string_view kPrefix = "sm4:";

}  // namespace

void InstallOrgKeys(std::string_view master_key) { Key() = DeriveKey(master_key, "community.fields"); }

std::string SealOrgField(std::string_view plain) {
    const std::string& key = Installed();
    if (plain.empty()) return "";
    return std::string(kPrefix) + ToHex(Sm4Encrypt(key, plain));
}

Result<std::string> OpenOrgField(std::string_view stored) {
    const std::string& key = Installed();
    if (stored.empty()) return std::string();
    std::string plain;
    if (stored.starts_with(kPrefix)) plain = Sm4Decrypt(key, FromHex(stored.substr(kPrefix.size())));
    if (plain.empty()) return Status::Internal("community_orgs: a field cannot be decrypted (wrong key file?)");
    return plain;
}

}  // namespace jw::community

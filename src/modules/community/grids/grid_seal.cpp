#include "community/grids/grid_seal.hpp"

#include "common/crypto.hpp"

namespace jw::community {

GridSeal::GridSeal(std::string_view master_key) : key_(DeriveKey(master_key, "community.grid_members").substr(0, 16)) {}

std::string GridSeal::Seal(std::string_view plain) const {
    if (plain.empty()) return "";
    return "sm4:" + ToHex(Sm4Encrypt(key_, plain));
}

Result<std::string> GridSeal::Open(std::string_view stored) const {
    if (stored.empty()) return std::string();
    if (!stored.starts_with("sm4:")) return Status::Internal("grid member: a phone is not sealed");
    const std::string raw = FromHex(stored.substr(4));
    std::string plain = raw.empty() ? std::string() : Sm4Decrypt(key_, raw);
    if (plain.empty()) return Status::Internal("grid member: a phone cannot be decrypted (wrong key file?)");
    return plain;
}

}  // namespace jw::community

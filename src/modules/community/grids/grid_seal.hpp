#pragma once
// Sealing of grid members' phones at rest (ADR 0017): SM4 with DeriveKey(master, "community.grid_members"),
// stored as "sm4:" + hex(IV ‖ ciphertext); "" stays "". No blind index: nobody searches a team by phone.
// Thread-safe after construction (immutable).

#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::community {

class GridSeal {
  public:
    explicit GridSeal(std::string_view master_key);
    std::string Seal(std::string_view plain) const;
    // Internal when `stored` is not a sealed value of this key.
    Result<std::string> Open(std::string_view stored) const;

  private:
    std::string key_;
};

}  // namespace jw::community

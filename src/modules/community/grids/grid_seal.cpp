#include "community/grids/grid_seal.hpp"

namespace jw::community {

// The one sealing mechanism (common/sealed_fields.hpp) with the purpose "community.grid_members".
GridSeal::GridSeal(std::string_view master_key) : sealer_(master_key, "community.grid_members", "grid member") {}

std::string GridSeal::Seal(std::string_view plain) const { return sealer_.Seal(plain); }

Result<std::string> GridSeal::Open(std::string_view stored) const { return sealer_.Open(stored); }

}  // namespace jw::community

#pragma once
// The community module's routes (docs/api/community.md). Thin: parse → the address index → JSON.

#include "community/address_index.hpp"
#include "http/router.hpp"

namespace jw::community {

void RegisterCommunityRoutes(http::Router& router, AddressIndex& index);

}  // namespace jw::community

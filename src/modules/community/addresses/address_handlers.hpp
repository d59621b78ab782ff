#pragma once
// The community module's routes (docs/api/community.md). Thin: parse → the address index → JSON.

#include "community/addresses/address_index.hpp"
#include "http/router.hpp"

namespace jw::community {

void RegisterAddressRoutes(http::Router& router, AddressIndex& index);

}  // namespace jw::community

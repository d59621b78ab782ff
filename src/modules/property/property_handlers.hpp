#pragma once
// The property module's HTTP routes (docs/api/property.md): thin handlers over property_service.hpp. Reads are
// audited by their route's action; changes run in the audited write (Reply::write). Papers that print the owner in
// full need a stated purpose (Route.needs_purpose).

#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::property {

struct Deps {
    storage::Database& db;
};

void RegisterPropertyRoutes(http::Router& router, Deps deps);
// Transfer lists to the procuratorate and court (transfer_handlers.cpp); called by RegisterPropertyRoutes.
void RegisterTransferRoutes(http::Router& router, Deps deps);

}  // namespace jw::property

#pragma once
// The property module's HTTP routes (docs/api/property.md): thin handlers over property_service.hpp. Reads are
// audited by their route's action; changes run in the audited write (Reply::write). Papers that print the owner in
// full need a stated purpose (Route.needs_purpose).

#include "http/router.hpp"
#include "property/items/property_repository.hpp"
#include "storage/database.hpp"

namespace jw::property {

struct Deps {
    storage::Database& db;
};

void RegisterPropertyRoutes(http::Router& router, Deps deps);
// Transfer lists to the procuratorate and court (transfer_handlers.cpp); called by RegisterPropertyRoutes.
void RegisterTransferRoutes(http::Router& router, Deps deps);
// Store and place management (stores/store_handlers.cpp); called by RegisterPropertyRoutes.
void RegisterStoreRoutes(http::Router& router, Deps deps);
// The ledger's spreadsheet export (items/item_export.cpp); called by RegisterPropertyRoutes.
void RegisterExportRoutes(http::Router& router, Deps deps);

// The intake desk's seizure lookups (items/intake_handlers.cpp); called by RegisterPropertyRoutes.
void RegisterIntakeRoutes(http::Router& router, Deps deps);

// The ledger's filters from the query (state, category, case_id, store_id, bag_id, due_within, page, page_size),
// limited to the actor's units: the list and its export read exactly the same rows.
Result<repo::ItemFilter> ItemFilterFromQuery(const http::Request& req);

}  // namespace jw::property

#pragma once
// The admin pages' import and export of standard addresses, houses and units (issue 14: "the same as the admin
// pages' import and export" of `jingwu community import|export --kind addresses|houses|units`; people have their
// own, people_handlers.hpp). Same CSV formats as the command (address_csv.hpp, places_csv.hpp), same shape as the
// people routes:
//   POST /api/v1/community/{addresses|houses|orgs}/import  body: the CSV text. All or nothing in one audited
//        transaction. 200 {kind, rows, imported}. A bad file or row: 422 error body naming the column, with
//        fields.line = the file's line (the first error; nothing written).
//   GET  /api/v1/community/{addresses|houses|orgs}/export  the CSV with its header (UTF-8 with BOM), audited.
//        Houses and units: the caller's units only (unit scope), the unit's phone masked.
// Permissions: addresses community.address.write / .read; houses community.house.*; units community.org.*.
// Houses and units imported here belong to the importing officer's unit. Register before the houses' and
// units' ":id" routes (the router takes the first match). The serving matcher sees imported addresses
// within a minute (its scheduled refresh).

#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community {

void RegisterTransferRoutes(http::Router& router, storage::Database& db);

}  // namespace jw::community

#pragma once
// GET /api/v1/community/people/:id/dossier (docs/api/community.md "Person page"): the person page of dossier.hpp.
// Permission community.person.dossier; a stated purpose and case number (the route is needs_purpose: 400 naming
// `purpose` / `case_no` without them); 404 for a person outside the reader's scope. Audited as
// community.person.dossier with object person:<id>, the purpose and the case number; the detail lists the sections
// and their counts, never the data. The print view of the web page renders this same reply: there is no other
// copy of the page on the server.

#include "community/dossier/dossier.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community::dossier {

void RegisterDossierRoutes(http::Router& router, storage::Database& db, const Registry& registry);

}  // namespace jw::community::dossier

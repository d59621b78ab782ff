#pragma once
// The HTTP surface of the case core (docs/http_api.md "## Cases"): thin handlers that parse, call the service
// inside the audited write, and answer JSON. Register once at start-up.

#include "auth/principal.hpp"
#include "cases/case.hpp"
#include "cases/cases_module.hpp"
#include "common/json_util.hpp"

namespace jw::cases {

void RegisterCaseRoutes(http::Router& router, Deps deps);
// The discretion calculator from a case: prefill, calculation, recording (case_discretion_handlers.cpp).
void RegisterCaseDiscretionRoutes(http::Router& router, Deps deps);
// The evidence list of a case (evidence_handlers.cpp): GET/POST /cases/:id/evidence, PUT/DELETE …/:eid.
void RegisterEvidenceRoutes(http::Router& router, Deps deps);

// The full Case JSON (masked people, events, clocks as of today in China, the actions `actor` may take,
// query codes), read on `c`. Used by the handlers and by anyone who returns a case (supervision).
Result<Json> FullCaseJson(storage::Connection& c, const auth::Principal& actor, const Case& k, int64_t now);

}  // namespace jw::cases

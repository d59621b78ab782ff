#pragma once
// POST /api/v1/deadlines/compute (docs/http_api.md "## Deadlines"): the deadline engine on facts the client
// sends, the same JSON as `jingwu deadlines compute`. Permission `case.read`; reads and writes nothing stored,
// audited like every call (action `deadlines.compute`, no request data in the record).

#include "http/router.hpp"

namespace jw::cases {

void RegisterDeadlineRoutes(http::Router& router);

}  // namespace jw::cases

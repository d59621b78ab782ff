#pragma once
// The routes of the community officer's work (docs/api/community_work.md). Thin: parse → work_service → JSON.
// Writes run in the audited transaction; a replayed client_key answers 200 with the first record and is audited
// under the action name + ".replay" (so the assessment, which counts work events by action, counts it once).

#include "common/holiday_calendar.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct WorkDeps {
    storage::Database& db;
    const HolidayCalendar& calendar;
    std::string master;  // the master key: the phone's writes are idempotent by key (idempotency::Once)
};

// A replayed write: 200 instead of 201, and the audit record under "<action>.replay" with detail {"replay":true}.
void AuditReplay(audit::AuditEntry& e, bool replay, http::Reply& out);

void RegisterWorkRoutes(http::Router& router, WorkDeps deps);  // visits, patrols, mediations, exports
void RegisterTaskRoutes(http::Router& router, WorkDeps deps);  // tasks

}  // namespace jw::community

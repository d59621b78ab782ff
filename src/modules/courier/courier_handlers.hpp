#pragma once
// The courier module's HTTP routes (issue 17; docs/api/courier.md).
#include "auth/session_service.hpp"
#include "courier/records/record.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace jw::courier {
struct Deps {
    storage::Database& db;
    WatchCheck watch;
    WatchPrefilter may_hit;          // the bulk intake's one look-up of a post's senders (watch_adapter.hpp)
    auth::SessionService* sessions;  // accounts of staff who leave (staff_handlers.cpp)
};
// The outlet whose staff the caller is (an account of a courier_outlet organisation, auth/external.hpp);
// PermissionDenied for anyone else (record_handlers.cpp).
Result<Outlet> CallerOutlet(storage::Connection& c, int64_t org_id, const std::string& org_kind);
// An outlet administrator's own staff (从业人员备案, staff_handlers.cpp).
void RegisterStaffRoutes(http::Router& router, const Deps& d);
// Counter, outlet's own, police search. The counter's POST is exactly-once per Idempotency-Key (the phone's offline
// queue resends it; `master_key` seals the stored first answer, idempotency/idempotency.hpp).
void RegisterRecordRoutes(http::Router& router, const Deps& d, std::string_view master_key);
void RegisterBulkRoutes(http::Router& router, const Deps& d);         // the companies' signed API
void RegisterSupervisionRoutes(http::Router& router, const Deps& d);  // outlets, rates, collisions
// Inspections of outlets and the 责令整改通知书 (inspection_handlers.cpp).
void RegisterInspectionRoutes(http::Router& router, const Deps& d);
// Parcel photos (photo_handlers.cpp): read by the police as part of the full record, with a purpose.
void RegisterPhotoRoutes(http::Router& router, const Deps& d, std::string_view master_key);
}  // namespace jw::courier

#pragma once
// The demo county's service supervision centre: the supervisor account (supervisor, police number 880701,
// role service_supervisor) and 300 tickets over the six channels in every state — with their events, callbacks
// and consistent times over the last 50 days — bulk-loaded (storage::BulkLoader) in the demo transaction.
#include "storage/database.hpp"

namespace jw::servicedesk {

inline constexpr int kDemoTickets = 300;

Status SeedDemoServiceDesk(storage::Connection& c, int64_t now);

}  // namespace jw::servicedesk

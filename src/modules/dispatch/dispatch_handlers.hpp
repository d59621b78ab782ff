#pragma once
// HTTP routes of 110 dispatch (docs/api/dispatch.md) and its jobs: escalation of missed time targets (every
// minute, through alerts) and delivery of the outbound 12345 webhook. Thin: parse, one service call, JSON. Changes
// run in the audited transaction (Reply.write).

#include <memory>
#include <string>

#include "audit/audit_log.hpp"
#include "community/addresses/address_index.hpp"
#include "http/router.hpp"
#include "notify/outbox.hpp"
#include "notify/scheduler.hpp"
#include "storage/database.hpp"

namespace jw::dispatch {

struct Deps {
    storage::Database& db;
    audit::AuditLog& audit;
    std::string region;                               // the bureau's GB/T 2260 code (case numbers)
    std::shared_ptr<community::AddressIndex> places;  // standard addresses for intake matching
    std::string webhook_url;                          // the 12345 platform (JINGWU_12345_URL); empty: not sent
    notify::Outbox* outbox = nullptr;                 // woken after a change, so the boards' push leaves at once
};

void RegisterCallRoutes(http::Router& router, const Deps& deps);
void RegisterOrderRoutes(http::Router& router, const Deps& deps);
Status RegisterJobs(notify::Scheduler& scheduler, const Deps& deps);

// The signature header of the 12345 webhook (both directions): hex HMAC-SM3 of the raw body.
inline constexpr const char* kSignatureHeader = "x-jingwu-signature";

}  // namespace jw::dispatch

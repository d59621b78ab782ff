#pragma once
// Device health (issue 6 § Devices): the job that writes last_seen from the hub's touched ids and tells the
// duty desk, once per transition, when a device turns offline and when it comes back.
// The duty desk = every active user holding permission alerts.centre; each gets an in-app notification
// (notify::Outbox, kind "device", title key checkpoint.notify.device_offline / device_online, body the facts
// "name · id · last seen (UTC ISO)"). Why in-app and not an alert: docs/adr/0012-offline-map.md.

#include "checkpoint/checkpoint_module.hpp"
#include "checkpoint/devices/devices_repository.hpp"

namespace jw::checkpoint {

// One health round at `now`: records the touched ids (unaudited telemetry, through the committer), then, if a
// device changed state, notifies inside an audited transaction (action "device.health"). Returns how many
// devices changed state. Errors: the database's (touched ids are kept for the next round on failure).
Result<int> RunHealthRound(const Deps& deps, int64_t now);

// Notifies the duty desk of the changes on connection `c` (inside the caller's transaction).
Status NotifyHealthChanges(storage::Connection& c, const std::vector<HealthChange>& changes);

}  // namespace jw::checkpoint

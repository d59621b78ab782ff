#pragma once
// SQL of grouped alerts (tables alert_groups and alert_sightings, schema/002_alert_sightings.sql), SQLite and
// PostgreSQL. Writes run inside the caller's transaction. No rules here (sightings.hpp holds them).

#include <optional>
#include <string>
#include <vector>

#include "alerts/sightings.hpp"
#include "storage/database.hpp"

namespace jw::alerts::repo {

struct GroupState {
    std::optional<int64_t> alert_id;
    int64_t first_at = 0, last_at = 0;
    std::string status;  // the alert's: open | closed; empty when the group has no alert yet
};

// Makes sure the group row exists and locks it until the transaction ends (insert-if-missing, then update:
// PostgreSQL's row lock; SQLite's write transaction is already exclusive). Returns the group as it stands after
// every earlier writer committed.
Result<GroupState> LockGroup(storage::Connection& c, const std::string& group_key, int64_t now);
Status SetGroup(storage::Connection& c, const std::string& group_key, int64_t alert_id, int64_t first_at,
                int64_t last_at);

// The alert a sighting with this ref was added to, if any.
Result<std::optional<int64_t>> FindSighting(storage::Connection& c, const std::string& ref);
Status InsertSighting(storage::Connection& c, int64_t alert_id, const SightingInput& s, int64_t now);
Result<std::vector<Sighting>> ListSightings(storage::Connection& c, int64_t alert_id);
Result<int64_t> CountSightings(storage::Connection& c, int64_t alert_id);
// Replaces the alert's payload and title (the grown alert's count and latest place).
Status UpdatePayloadAndTitle(storage::Connection& c, int64_t alert_id, const Json& payload, const std::string& title);
Result<Json> LoadPayload(storage::Connection& c, int64_t alert_id);

}  // namespace jw::alerts::repo

#pragma once
// Grouped alerts (issue 13, ADR 0043): a source that sees the same subject again and again (a watched plate passing
// checkpoint after checkpoint) raises one alert that grows, not one alert per sighting. The sightings of one group
// key (e.g. "watch:<order id>") within the source's window (data/grouping.csv, e.g. 30 min) join the open alert
// of that key; the alert keeps its state (signed, reported back), its payload counts the sightings, and the
// signers and the command centre get an "alerts.sighted" notification (in-app, no SMS) so a board updates the
// row it has. A sighting after the window, or after the alert closed, raises a new alert.
// Exactly-once: the group row is locked first (see schema/002_alert_sightings.sql) and each sighting's `ref` is
// unique, so two passes at once, or a retried post, never make two alerts or two sightings.
// Runs inside the caller's write transaction.

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "alerts/alert.hpp"
#include "common/messages.hpp"
#include "storage/database.hpp"

namespace jw::alerts {

struct SightingInput {
    std::string ref;  // the source's unique id of this sighting
    int64_t seen_at = 0;
    std::string place, place_id;
    double longitude = NAN, latitude = NAN;
    int direction = 0, lane = 0;
    std::string photo;  // a media reference when the source has a photo, else empty
};

struct Sighting {
    int64_t id = 0;
    int64_t seen_at = 0;
    std::string place, place_id;
    std::optional<double> longitude, latitude;
    int direction = 0, lane = 0;
    std::string photo;
};

// The grouping window of a source in seconds (data/grouping.csv); 0 = the source does not group.
int64_t GroupWindow(std::string_view source);

// Adds the sighting to the open alert of `group_key` when it falls within the window of that alert's sightings,
// else raises `in` (title_code "alerts.title.watch_hit" or as given) and makes it the group's alert. Returns the
// alert id. A `ref` seen before returns that sighting's alert and writes nothing. Errors: Raise's, the database's.
Result<int64_t> RaiseOrGrow(storage::Connection& c, const Policy& policy, RaiseInput in, const std::string& group_key,
                            const SightingInput& s, int64_t now);

// The alert's sightings, oldest first.
Result<std::vector<Sighting>> ListSightings(storage::Connection& c, int64_t alert_id);

// The title of an alert in `lang`: from payload.title_code and payload.title_params when the alert has them
// (server-made titles, ADR 0027), else the stored title (alerts typed by a person, rows from before).
std::string TitleIn(const Alert& a, Lang lang);

}  // namespace jw::alerts

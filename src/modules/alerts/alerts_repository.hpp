#pragma once
// SQL of the alerts module (tables `alerts` and `alert_targets` in schema/001_alerts.sql; it also reads who holds
// a permission from the identity tables users, user_roles and role_permissions; units come from auth::repo), for SQLite
// and PostgreSQL. Functions take the caller's connection: writes run inside the caller's transaction, reads on any
// connection. No rules here (alerts_service.hpp holds them). Errors: NotFound for a missing row where a row is
// required, the database's otherwise. Thread safety: the Connection rules of storage/database.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alerts/alert.hpp"
#include "storage/database.hpp"

namespace jw::alerts::repo {

// --- people (the identity tables, read only)

// --- alerts and targets

// The alert raised with `dedup_key`, if any.
Result<std::optional<int64_t>> FindByDedupKey(storage::Connection& c, const std::string& dedup_key);
// Inserts an open alert raised at `now` (an empty dedup_key is stored as NULL). Returns its id.
Result<int64_t> InsertAlert(storage::Connection& c, const RaiseInput& in, int64_t now);
Status InsertTarget(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t sign_due_at);
// The alert with its targets (unit names), targets in unit display order. NotFound when there is no such alert.
Result<Alert> GetAlert(storage::Connection& c, int64_t alert_id);

// Where one target stands; std::nullopt when the unit is not a target of the alert.
struct TargetState {
    std::optional<int64_t> signed_at, feedback_at;
};
Result<std::optional<TargetState>> GetTargetState(storage::Connection& c, int64_t alert_id, int64_t unit_id);
Status MarkSigned(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t user_id, int64_t now);
Status RecordFeedback(storage::Connection& c, int64_t alert_id, int64_t unit_id, const FeedbackInput& in,
                      int64_t user_id, int64_t now);
// How many targets of the alert have not reported back.
Result<int64_t> CountUnreported(storage::Connection& c, int64_t alert_id);
Status CloseAlert(storage::Connection& c, int64_t alert_id, int64_t now);

// A target of an open alert, unsigned and not escalated, whose sign-by time is at or before `now`.
struct OverdueTarget {
    int64_t alert_id = 0, unit_id = 0;
    std::string colour, title, subject, unit_name;
};
// Ordered by sign-by time, alert, unit.
Result<std::vector<OverdueTarget>> ListOverdueTargets(storage::Connection& c, int64_t now);
Status MarkEscalated(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t now);

// --- the board and statistics

struct ListFilter {
    std::string colour;  // "" = all
    std::string state;   // "" | open | closed | unsigned | escalated
    std::optional<int64_t> unit_id;
    std::optional<std::vector<int64_t>> unit_scope;  // only alerts targeting these units (a principal's scope)
    int64_t from = 0, to = 0;                        // raised_at in [from, to); 0 = unbounded
    std::string text;                                // in subject, title or case number
    int64_t viewer_unit = 0;                         // the viewer's own unit: its target row is returned as `mine`
    int page = 1, page_size = 20;
};

struct ListItem {
    Alert alert;  // without targets, payload or links
    int targets = 0, signed_count = 0, reported = 0, escalated = 0;
    std::optional<Target> mine;
};

// Newest first (raised_at, id). Returns the page and the total count.
Result<std::pair<std::vector<ListItem>, int64_t>> ListAlerts(storage::Connection& c, const ListFilter& f);

// One target of an alert raised in a statistics window.
struct TargetFact {
    int64_t alert_id = 0;
    std::string colour;
    int64_t raised_at = 0;
    std::optional<int64_t> closed_at;
    int64_t unit_id = 0;
    std::string unit_name;
    int64_t sign_due_at = 0;
    std::optional<int64_t> signed_at, escalated_at, feedback_at;
};
// Targets of alerts raised in [from, to), those of units in `unit_scope` only when it is set; ordered by alert
// id, so the targets of one alert are adjacent.
Result<std::vector<TargetFact>> ListTargetFacts(storage::Connection& c, int64_t from, int64_t to,
                                                const std::optional<std::vector<int64_t>>& unit_scope);

}  // namespace jw::alerts::repo

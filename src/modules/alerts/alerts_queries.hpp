#pragma once
// Read side of the alerts module: the board list and the statistics. Read-only; any connection.

#include <optional>
#include <string>
#include <vector>

#include "alerts/alert.hpp"
#include "storage/database.hpp"

namespace jw::alerts {

struct ListFilter {
    std::string colour;          // "" = all
    std::string state;           // "" | open | closed | unsigned | escalated
    std::optional<int64_t> unit_id;
    std::optional<std::vector<int64_t>> unit_scope;  // only alerts targeting these units (a principal's scope)
    int64_t from = 0, to = 0;    // raised_at in [from, to); 0 = unbounded
    std::string text;            // in subject, title or case number
    int64_t viewer_unit = 0;     // the viewer's own unit: its target row is returned as `mine`
    int page = 1, page_size = 20;
};

struct ListItem {
    Alert alert;                 // without targets
    int targets = 0, signed_count = 0, reported = 0, escalated = 0;
    std::optional<Target> mine;
};

// Newest first. Returns the page and the total count.
Result<std::pair<std::vector<ListItem>, int64_t>> List(storage::Connection& c, const ListFilter& f);

struct ColourStats {
    std::string colour;
    int64_t alerts = 0, targets = 0, signed_count = 0, signed_late = 0, escalated = 0, closed = 0;
    double avg_sign_s = 0, avg_close_s = 0;  // over signed targets / closed alerts
};
struct UnitStats {
    int64_t unit_id = 0;
    std::string unit_name;
    int64_t targets = 0, signed_count = 0, signed_late = 0, escalated = 0, reported = 0;
    double avg_sign_s = 0;
};
struct Stats {
    std::vector<ColourStats> by_colour;  // in policy order
    std::vector<UnitStats> by_unit;      // by targets, descending
};

// Statistics over alerts raised in [from, to) within the scope (all units when unset).
Result<Stats> Statistics(storage::Connection& c, const Policy& policy, int64_t from, int64_t to,
                         const std::optional<std::vector<int64_t>>& unit_scope);

}  // namespace jw::alerts

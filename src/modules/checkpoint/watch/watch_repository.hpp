#pragma once
// SQL of the watch part (watch_orders, watch_order_units, watch_order_events, watch_hits; schema/003_watch.sql)
// for SQLite and PostgreSQL, on the caller's connection. Reads of watch orders, their events and hits. Data scope: with
// `unit_scope` set, only orders whose applying unit or one of whose notified units is in the scope are seen (a station
// sees the orders of its units).

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checkpoint/pass_hub.hpp"
#include "checkpoint/watch/watch_order.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

struct OrderFilter {
    std::string status;              // pending | active | rejected | withdrawn | expired, or "" for all
    std::string plate;               // normalised; matches the target's prefix
    std::optional<int64_t> unit_id;  // applying or notified unit
    std::string case_no;             // exact
    std::optional<std::vector<int64_t>> unit_scope;
    int page = 1, page_size = 20;
    std::optional<int64_t> offset;  // rows to skip; overrides page (GA/T 1400 RecordStartNo - 1)
};

// A page of orders, newest first, with the total count. Notified units filled.
Result<std::pair<std::vector<WatchOrder>, int64_t>> ListOrders(storage::Connection& c, const OrderFilter& f);

// One order with its notified units. Errors: NotFound (also when outside `unit_scope`).
Result<WatchOrder> GetOrder(storage::Connection& c, int64_t id,
                            const std::optional<std::vector<int64_t>>& unit_scope = std::nullopt);

// The events of an order, oldest first.
Result<std::vector<WatchEvent>> ListEvents(storage::Connection& c, int64_t order_id);

struct HitFilter {
    std::optional<int64_t> order_id;
    std::string plate;
    std::optional<std::vector<int64_t>> unit_scope;
    int page = 1, page_size = 20;
    std::optional<int64_t> offset;  // rows to skip; overrides page (GA/T 1400 RecordStartNo - 1)
};

// A page of hits, latest pass first, with the total count.
Result<std::pair<std::vector<WatchHitRow>, int64_t>> ListHits(storage::Connection& c, const HitFilter& f);

// ---- Writes and look-ups of the watch service and the hit recorder (watch_service.hpp, watch_hits.hpp). Writes
// run inside the caller's transaction. No rules here: they check nothing the service decides.

// Appends one row to watch_order_events (`user` std::nullopt: the system).
Status InsertOrderEvent(storage::Connection& c, int64_t order_id, int64_t at, std::optional<int64_t> user,
                        const std::string& action, const std::string& reason, const std::string& detail = "");

// What a state change looks at. std::nullopt when there is no such order.
struct OrderHead {
    int64_t applicant = 0;
    std::string status;
    int64_t version = 0, valid_to = 0;
};
Result<std::optional<OrderHead>> LoadOrderHead(storage::Connection& c, int64_t id);

// Inserts a pending order (version 1) applied for by `actor` for the actor's unit, with its notified units
// (`in.unit_ids`, each once). Returns its id.
Result<int64_t> InsertOrder(storage::Connection& c, const OrderInput& in, const Actor& actor, int64_t now);
// Sets the order's status and bumps its version.
Status SetOrderStatus(storage::Connection& c, int64_t id, const std::string& status, int64_t now);
// pending → active / rejected by `approver`, bumping the version (approved_at is set on approval only).
Status MarkOrderApproved(storage::Connection& c, int64_t id, int64_t approver, int64_t now);
Status MarkOrderRejected(storage::Connection& c, int64_t id, int64_t approver, int64_t now);

// The terms a change may touch.
struct OrderTerms {
    int64_t valid_from = 0, valid_to = 0;
    int priority = 0;
    std::string colour, reason;
};
// Errors: NotFound when there is no such order.
Result<OrderTerms> LoadOrderTerms(storage::Connection& c, int64_t id);
// Writes the terms and bumps the version.
Status UpdateOrderTerms(storage::Connection& c, int64_t id, const OrderTerms& t, int64_t now);
// Replaces the notified units of an order (each once).
Status ReplaceOrderUnits(storage::Connection& c, int64_t id, const std::vector<int64_t>& unit_ids);

// Pending and active orders whose valid_to is at or before `now`: their ids ascending, or how many.
Result<std::vector<int64_t>> ListDueOrderIds(storage::Connection& c, int64_t now);
Result<int64_t> CountDueOrders(storage::Connection& c, int64_t now);
// The oldest pending or active plate order on `plate`, if any.
Result<std::optional<int64_t>> FindOpenPlateOrder(storage::Connection& c, const std::string& plate);

// What a hit needs of its order; notified unit ids ascending. std::nullopt when there is no such order.
struct OrderForHit {
    std::string status, case_no, colour, reason;
    int plate_color = 0, priority = 4;
    int64_t valid_from = 0, valid_to = 0;
    std::vector<int64_t> units;
};
Result<std::optional<OrderForHit>> LoadOrderForHit(storage::Connection& c, int64_t id);

// The checkpoint's registered name and coordinates; std::nullopt when it is not registered. An empty name
// stays empty; coordinates are NaN when unknown.
struct CheckpointPlace {
    std::string name;
    double longitude = NAN, latitude = NAN;
};
Result<std::optional<CheckpointPlace>> LoadCheckpointPlace(storage::Connection& c, const std::string& checkpoint_id);

// Whether a hit of this order on this pass (plate, checkpoint, time) is already recorded.
Result<bool> HitRecorded(storage::Connection& c, int64_t order_id, const analytics::PassRecord& pass);
Status InsertHit(storage::Connection& c, int64_t order_id, const analytics::PassRecord& pass, int64_t alert_id,
                 int64_t now);

// Active plate orders not yet expired at `now` (valid_to > now), by id: what the watch list is built from.
struct WatchListEntry {
    int64_t order_id = 0;
    std::string plate;
    int64_t valid_from = 0, valid_to = 0;
};
Result<std::vector<WatchListEntry>> ListWatchListEntries(storage::Connection& c, int64_t now);

}  // namespace jw::checkpoint

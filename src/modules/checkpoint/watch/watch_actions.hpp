#pragma once
// What one request or job does to watch orders, end to end, inside the caller's write transaction: the rule
// (watch_service.hpp), then the hub's watch list rebuilt from that transaction's view, so intake matches the
// change at once, then the order as it now stands (the reply). The handlers parse, call one of these and write
// JSON. Not thread-safe per connection; the hub is.

#include <functional>
#include <optional>
#include <vector>

#include "alerts/alert.hpp"
#include "auth/identity.hpp"
#include "checkpoint/pass_hub.hpp"
#include "checkpoint/watch/watch_order.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

// CreateOrder, then the order. Errors: CreateOrder's. (A new order is pending: the watch list is not touched.)
Result<WatchOrder> CreateOrderAndGet(storage::Connection& c, const alerts::Policy& policy, const OrderInput& in,
                                     const Actor& actor, int64_t now);

// A change of one order (ApproveOrder, RejectOrder, ChangeOrder, WithdrawOrder bound to its arguments).
using OrderChange = std::function<Status(storage::Connection&, int64_t now)>;

// Runs `change` on order `id` if the order is visible in `unit_scope` (std::nullopt: the whole county), then
// rebuilds the hub's watch list and returns the order. Errors: NotFound (no such order or outside the scope,
// nothing changed); `change`'s.
Result<WatchOrder> ChangeOrderInScope(storage::Connection& c, PassHub& hub, int64_t id,
                                      const std::optional<std::vector<int64_t>>& unit_scope, const OrderChange& change,
                                      int64_t now);

// One order as its page shows it: the order, its events (oldest first) and its latest hits.
struct OrderDetail {
    WatchOrder order;
    std::vector<WatchEvent> events;
    std::vector<WatchHitRow> hits;  // the latest kDetailHits, latest pass first
    int64_t hits_total = 0;
};
inline constexpr int kDetailHits = 50;
// Errors: NotFound (no such order or outside `unit_scope`).
Result<OrderDetail> GetOrderDetail(storage::Connection& c, int64_t id,
                                   const std::optional<std::vector<int64_t>>& unit_scope);

// Units an order can notify, in display order (the create form's choices).
Result<std::vector<auth::Unit>> NotifiableUnits(storage::Connection& c);

// The minute job's first look, on any connection: whether an order is due to expire at `now`; when none is,
// the job only rebuilds the watch list (no audited transaction).
Result<bool> AnyOrderDue(storage::Connection& c, int64_t now);

}  // namespace jw::checkpoint

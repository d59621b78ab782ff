// End-to-end watch-order actions (watch_actions.hpp).
#include "checkpoint/watch/watch_actions.hpp"

#include "auth/auth_repository.hpp"
#include "checkpoint/watch/watch_hits.hpp"
#include "checkpoint/watch/watch_repository.hpp"
#include "checkpoint/watch/watch_service.hpp"

namespace jw::checkpoint {

Result<WatchOrder> CreateOrderAndGet(storage::Connection& c, const alerts::Policy& policy, const OrderInput& in,
                                     const Actor& actor, int64_t now) {
    JW_ASSIGN_OR_RETURN(const int64_t id, CreateOrder(c, policy, in, actor, now));
    return GetOrder(c, id);
}

Result<WatchOrder> ChangeOrderInScope(storage::Connection& c, PassHub& hub, int64_t id,
                                      const std::optional<std::vector<int64_t>>& unit_scope, const OrderChange& change,
                                      int64_t now) {
    JW_RETURN_IF_ERROR(GetOrder(c, id, unit_scope).status());
    JW_RETURN_IF_ERROR(change(c, now));
    JW_RETURN_IF_ERROR(RefreshWatchList(c, hub, now));
    return GetOrder(c, id);
}

Result<OrderDetail> GetOrderDetail(storage::Connection& c, int64_t id,
                                   const std::optional<std::vector<int64_t>>& unit_scope) {
    OrderDetail d;
    JW_ASSIGN_OR_RETURN(d.order, GetOrder(c, id, unit_scope));
    JW_ASSIGN_OR_RETURN(d.events, ListEvents(c, id));
    HitFilter hf;
    hf.order_id = id;
    hf.page_size = kDetailHits;
    JW_ASSIGN_OR_RETURN(auto hits, ListHits(c, hf));
    d.hits = std::move(hits.first);
    d.hits_total = hits.second;
    return d;
}

Result<std::vector<auth::Unit>> NotifiableUnits(storage::Connection& c) {
    return auth::repo::ListUnitsInDisplayOrder(c);
}

Result<bool> AnyOrderDue(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(const int64_t due, CountDueOrders(c, now));
    return due > 0;
}

}  // namespace jw::checkpoint

#pragma once
// Reads of watch orders, their events and hits. Data scope: with `unit_scope` set, only orders whose applying
// unit or one of whose notified units is in the scope are seen (a station sees the orders of its units).

#include <optional>
#include <utility>
#include <vector>

#include "checkpoint/watch/watch_order.hpp"
#include "storage/database.hpp"

namespace jw::checkpoint {

struct OrderFilter {
    std::string status;    // pending | active | rejected | withdrawn | expired, or "" for all
    std::string plate;     // normalised; matches the target's prefix
    std::optional<int64_t> unit_id;  // applying or notified unit
    std::string case_no;   // exact
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

}  // namespace jw::checkpoint

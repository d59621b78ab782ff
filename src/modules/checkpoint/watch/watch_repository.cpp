// SQL of the watch part (watch_repository.hpp).
#include "checkpoint/watch/watch_repository.hpp"

#include <set>

#include "storage/in_list.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

const char* kOrderColumns =
    "SELECT o.id, o.target_kind, o.target, o.plate_color, o.reason, o.case_no, o.applicant_id, "
    "COALESCE(ua.name, ''), o.unit_id, COALESCE(un.name, ''), o.approver_id, COALESCE(up.name, ''), o.approved_at, "
    "o.valid_from, o.valid_to, o.priority, o.colour, o.status, o.version, o.created_at, o.updated_at "
    "FROM watch_orders o LEFT JOIN users ua ON ua.id = o.applicant_id LEFT JOIN units un ON un.id = o.unit_id "
    "LEFT JOIN users up ON up.id = o.approver_id";

std::optional<int64_t> Opt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

WatchOrder OrderFromRow(const storage::Row& r) {
    WatchOrder o;
    o.id = r.Int(0);
    o.target_kind = r.Str(1);
    o.target = r.Str(2);
    o.plate_color = static_cast<int>(r.Int(3));
    o.reason = r.Str(4);
    o.case_no = r.Str(5);
    o.applicant_id = r.Int(6);
    o.applicant_name = r.Str(7);
    o.unit_id = r.Int(8);
    o.unit_name = r.Str(9);
    o.approver_id = Opt(r, 10);
    o.approver_name = r.Str(11);
    o.approved_at = Opt(r, 12);
    o.valid_from = r.Int(13);
    o.valid_to = r.Int(14);
    o.priority = static_cast<int>(r.Int(15));
    o.colour = r.Str(16);
    o.status = r.Str(17);
    o.version = r.Int(18);
    o.created_at = r.Int(19);
    o.updated_at = r.Int(20);
    return o;
}

// " AND (o.unit_id IN (…) OR EXISTS (a notified unit IN (…)))"; no ids → no order.
void AddScope(storage::Dialect dialect, std::string& sql, storage::Params& params, const std::vector<int64_t>& ids,
              const std::string& order) {
    sql += " AND (" + storage::InFilter(dialect, order + ".unit_id", ids, params) +
           " OR EXISTS (SELECT 1 FROM watch_order_units s WHERE s.order_id = " + order + ".id AND ";
    sql += storage::InFilter(dialect, "s.unit_id", ids, params) + "))";
}

Status FillUnits(storage::Connection& c, WatchOrder& o) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT s.unit_id, u.name FROM watch_order_units s JOIN units u ON "
                                           "u.id = s.unit_id WHERE s.order_id = ? ORDER BY u.sort_order, u.id",
                                           {V(o.id)}));
    for (const auto& r : rows) {
        o.notify_units.push_back(r.Int(0));
        o.notify_unit_names.push_back(r.Str(1));
    }
    return Status::Ok();
}

storage::Params Paged(storage::Params params, int page, int page_size, const std::optional<int64_t>& offset) {
    params.push_back(V(int64_t{page_size}));
    params.push_back(V(offset ? *offset : (page - 1) * int64_t{page_size}));
    return params;
}

}  // namespace

Result<std::pair<std::vector<WatchOrder>, int64_t>> ListOrders(storage::Connection& c, const OrderFilter& f) {
    std::string where = " WHERE 1=1";
    storage::Params params;
    if (!f.status.empty()) {
        where += " AND o.status = ?";
        params.push_back(V(f.status));
    }
    if (!f.plate.empty()) {
        where += " AND o.target LIKE ?";
        params.push_back(V(f.plate + "%"));
    }
    if (!f.case_no.empty()) {
        where += " AND o.case_no = ?";
        params.push_back(V(f.case_no));
    }
    if (f.unit_id) {
        where +=
            " AND (o.unit_id = ? OR EXISTS (SELECT 1 FROM watch_order_units n WHERE n.order_id = o.id AND "
            "n.unit_id = ?))";
        params.insert(params.end(), {V(*f.unit_id), V(*f.unit_id)});
    }
    if (f.unit_scope) AddScope(c.dialect(), where, params, *f.unit_scope, "o");
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM watch_orders o" + where, params));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kOrderColumns) + where +
                                               " ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
                                           Paged(params, f.page, f.page_size, f.offset)));
    std::vector<WatchOrder> out;
    for (const auto& r : rows) {
        out.push_back(OrderFromRow(r));
        JW_RETURN_IF_ERROR(FillUnits(c, out.back()));
    }
    return std::make_pair(std::move(out), total.Int(0));
}

Result<WatchOrder> GetOrder(storage::Connection& c, int64_t id, const std::optional<std::vector<int64_t>>& unit_scope) {
    std::string sql = std::string(kOrderColumns) + " WHERE o.id = ?";
    storage::Params params{V(id)};
    if (unit_scope) AddScope(c.dialect(), sql, params, *unit_scope, "o");
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
    if (rows.empty()) return Status::NotFound("watch order");
    WatchOrder o = OrderFromRow(rows[0]);
    JW_RETURN_IF_ERROR(FillUnits(c, o));
    return o;
}

Result<std::vector<WatchEvent>> ListEvents(storage::Connection& c, int64_t order_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT e.id, e.at, e.user_id, COALESCE(u.name, ''), e.action, e.reason, "
                                           "e.detail FROM watch_order_events e LEFT JOIN users u ON u.id = e.user_id "
                                           "WHERE e.order_id = ? ORDER BY e.id",
                                           {V(order_id)}));
    std::vector<WatchEvent> out;
    for (const auto& r : rows)
        out.push_back(WatchEvent{r.Int(0), r.Int(1), Opt(r, 2), r.Str(3), r.Str(4), r.Str(5), r.Str(6)});
    return out;
}

Result<std::pair<std::vector<WatchHitRow>, int64_t>> ListHits(storage::Connection& c, const HitFilter& f) {
    std::string where = " WHERE 1=1";
    storage::Params params;
    if (f.order_id) {
        where += " AND h.order_id = ?";
        params.push_back(V(*f.order_id));
    }
    if (!f.plate.empty()) {
        where += " AND h.plate LIKE ?";
        params.push_back(V(f.plate + "%"));
    }
    if (f.unit_scope) AddScope(c.dialect(), where, params, *f.unit_scope, "o");
    const std::string from =
        " FROM watch_hits h JOIN watch_orders o ON o.id = h.order_id "
        "LEFT JOIN checkpoint_devices d ON d.id = h.checkpoint_id";
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*)" + from + where, params));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT h.id, h.order_id, h.plate, h.plate_color, h.checkpoint_id, "
                                           "h.pass_time, h.direction, h.lane, h.speed, h.alert_id, h.recorded_at, "
                                           "o.case_no, o.colour, COALESCE(d.name, h.checkpoint_id)" +
                                               from + where + " ORDER BY h.pass_time DESC, h.id DESC LIMIT ? OFFSET ?",
                                           Paged(params, f.page, f.page_size, f.offset)));
    std::vector<WatchHitRow> out;
    for (const auto& r : rows) {
        WatchHitRow h;
        h.id = r.Int(0);
        h.order_id = r.Int(1);
        h.plate = r.Str(2);
        h.plate_color = static_cast<int>(r.Int(3));
        h.checkpoint_id = r.Str(4);
        h.pass_time = r.Int(5);
        h.direction = static_cast<int>(r.Int(6));
        h.lane = static_cast<int>(r.Int(7));
        h.speed = static_cast<int>(r.Int(8));
        h.alert_id = Opt(r, 9);
        h.recorded_at = r.Int(10);
        h.case_no = r.Str(11);
        h.colour = r.Str(12);
        h.checkpoint_name = r.Str(13);
        out.push_back(std::move(h));
    }
    return std::make_pair(std::move(out), total.Int(0));
}

Status InsertOrderEvent(storage::Connection& c, int64_t order_id, int64_t at, std::optional<int64_t> user,
                        const std::string& action, const std::string& reason, const std::string& detail) {
    return c.Exec("INSERT INTO watch_order_events (order_id, at, user_id, action, reason, detail) VALUES (?,?,?,?,?,?)",
                  {V(order_id), V(at), user ? V(*user) : storage::Null(), V(action), V(reason), V(detail)});
}

Result<std::optional<OrderHead>> LoadOrderHead(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT applicant_id, status, version, valid_to FROM watch_orders "
                                           "WHERE id = ?",
                                           {V(id)}));
    if (rows.empty()) return std::optional<OrderHead>();
    return std::optional<OrderHead>(OrderHead{rows[0].Int(0), rows[0].Str(1), rows[0].Int(2), rows[0].Int(3)});
}

Result<int64_t> InsertOrder(storage::Connection& c, const OrderInput& in, const Actor& actor, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO watch_orders (target_kind, target, plate_color, reason, case_no, applicant_id, "
                   "unit_id, valid_from, valid_to, priority, colour, status, version, created_at, updated_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,'pending',1,?,?) RETURNING id",
                   {V(in.target_kind), V(in.target), V(in.plate_color), V(in.reason), V(in.case_no), V(actor.user_id),
                    V(actor.unit_id), V(in.valid_from), V(in.valid_to), V(in.priority), V(in.colour), V(now), V(now)}));
    const int64_t id = row.Int(0);
    const std::set<int64_t> units(in.unit_ids.begin(), in.unit_ids.end());
    for (int64_t u : units)
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO watch_order_units (order_id, unit_id) VALUES (?,?)", {V(id), V(u)}));
    return id;
}

Status SetOrderStatus(storage::Connection& c, int64_t id, const std::string& status, int64_t now) {
    return c.Exec("UPDATE watch_orders SET status = ?, version = version + 1, updated_at = ? WHERE id = ?",
                  {V(status), V(now), V(id)});
}

Status MarkOrderApproved(storage::Connection& c, int64_t id, int64_t approver, int64_t now) {
    return c.Exec(
        "UPDATE watch_orders SET status = 'active', approver_id = ?, approved_at = ?, "
        "version = version + 1, updated_at = ? WHERE id = ?",
        {V(approver), V(now), V(now), V(id)});
}

Status MarkOrderRejected(storage::Connection& c, int64_t id, int64_t approver, int64_t now) {
    return c.Exec(
        "UPDATE watch_orders SET status = 'rejected', approver_id = ?, version = version + 1, "
        "updated_at = ? WHERE id = ?",
        {V(approver), V(now), V(id)});
}

Result<OrderTerms> LoadOrderTerms(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT valid_from, valid_to, priority, colour, reason FROM watch_orders "
                                           "WHERE id = ?",
                                           {V(id)}));
    return OrderTerms{r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Str(3), r.Str(4)};
}

Status UpdateOrderTerms(storage::Connection& c, int64_t id, const OrderTerms& t, int64_t now) {
    return c.Exec(
        "UPDATE watch_orders SET valid_from = ?, valid_to = ?, priority = ?, colour = ?, "
        "reason = ?, version = version + 1, updated_at = ? WHERE id = ?",
        {V(t.valid_from), V(t.valid_to), V(t.priority), V(t.colour), V(t.reason), V(now), V(id)});
}

Status ReplaceOrderUnits(storage::Connection& c, int64_t id, const std::vector<int64_t>& unit_ids) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM watch_order_units WHERE order_id = ?", {V(id)}));
    const std::set<int64_t> units(unit_ids.begin(), unit_ids.end());
    for (int64_t u : units)
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO watch_order_units (order_id, unit_id) VALUES (?,?)", {V(id), V(u)}));
    return Status::Ok();
}

Result<std::vector<int64_t>> ListDueOrderIds(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM watch_orders WHERE status IN ('pending','active') AND "
                                           "valid_to <= ? ORDER BY id",
                                           {V(now)}));
    std::vector<int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.Int(0));
    return ids;
}

Result<int64_t> CountDueOrders(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM watch_orders WHERE status IN "
                                             "('pending','active') AND valid_to <= ?",
                                             {V(now)}));
    return row.Int(0);
}

Result<std::optional<int64_t>> FindOpenPlateOrder(storage::Connection& c, const std::string& plate) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM watch_orders WHERE target_kind = 'plate' AND "
                                           "target = ? AND status IN ('pending','active') ORDER BY id",
                                           {V(plate)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::optional<OrderForHit>> LoadOrderForHit(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT status, case_no, colour, reason, plate_color, priority, valid_from, "
                                           "valid_to FROM watch_orders WHERE id = ?",
                                           {V(id)}));
    if (rows.empty()) return std::optional<OrderForHit>();
    const auto& r = rows[0];
    OrderForHit o{r.Str(0), r.Str(1), r.Str(2), r.Str(3), static_cast<int>(r.Int(4)), static_cast<int>(r.Int(5)),
                  r.Int(6), r.Int(7), {}};
    JW_ASSIGN_OR_RETURN(auto units,
                        c.Query("SELECT unit_id FROM watch_order_units WHERE order_id = ? ORDER BY unit_id", {V(id)}));
    for (const auto& u : units) o.units.push_back(u.Int(0));
    return std::optional<OrderForHit>(std::move(o));
}

Result<std::optional<CheckpointPlace>> LoadCheckpointPlace(storage::Connection& c, const std::string& checkpoint_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT name, longitude, latitude FROM checkpoint_devices WHERE id = ?",
                                           {V(checkpoint_id)}));
    if (rows.empty()) return std::optional<CheckpointPlace>();
    CheckpointPlace p{rows[0].Str(0)};
    if (!rows[0].IsNull(1) && !rows[0].IsNull(2)) {
        p.longitude = std::stod(rows[0].Str(1));
        p.latitude = std::stod(rows[0].Str(2));
    }
    return std::optional<CheckpointPlace>(std::move(p));
}

Result<bool> HitRecorded(storage::Connection& c, int64_t order_id, const analytics::PassRecord& p) {
    JW_ASSIGN_OR_RETURN(auto seen, c.Query("SELECT id FROM watch_hits WHERE order_id = ? AND plate = ? AND "
                                           "checkpoint_id = ? AND pass_time = ?",
                                           {V(order_id), V(p.plate), V(p.checkpoint_id), V(p.time)}));
    return !seen.empty();
}

Status InsertHit(storage::Connection& c, int64_t order_id, const analytics::PassRecord& p, int64_t alert_id,
                 int64_t now) {
    return c.Exec(
        "INSERT INTO watch_hits (order_id, plate, plate_color, checkpoint_id, pass_time, "
        "direction, lane, speed, alert_id, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        {V(order_id), V(p.plate), V(int{p.plate_color}), V(p.checkpoint_id), V(p.time), V(int{p.direction}),
         V(int{p.lane}), V(int{p.speed}), V(alert_id), V(now)});
}

Result<std::vector<WatchListEntry>> ListWatchListEntries(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, target, valid_from, valid_to FROM watch_orders WHERE "
                                           "status = 'active' AND target_kind = 'plate' AND valid_to > ? ORDER BY id",
                                           {V(now)}));
    std::vector<WatchListEntry> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1), r.Int(2), r.Int(3)});
    return out;
}

}  // namespace jw::checkpoint

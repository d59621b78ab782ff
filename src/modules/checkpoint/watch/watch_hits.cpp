// Watch-order hits → alerts, and the watch list (watch_hits.hpp).
#include "checkpoint/watch/watch_hits.hpp"

#include <cmath>
#include <map>

#include "alerts/alerts_service.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

struct OrderForHit {
    std::string status, case_no, colour, reason;
    int plate_color = 0, priority = 4;
    int64_t valid_from = 0, valid_to = 0;
    std::vector<int64_t> units;
};

Result<OrderForHit> LoadOrder(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT status, case_no, colour, reason, plate_color, priority, valid_from, "
                                           "valid_to FROM watch_orders WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("watch order");
    const auto& r = rows[0];
    OrderForHit o{r.Str(0), r.Str(1), r.Str(2), r.Str(3), static_cast<int>(r.Int(4)), static_cast<int>(r.Int(5)),
                  r.Int(6), r.Int(7), {}};
    JW_ASSIGN_OR_RETURN(auto units, c.Query("SELECT unit_id FROM watch_order_units WHERE order_id = ? ORDER BY unit_id",
                                            {V(id)}));
    for (const auto& u : units) o.units.push_back(u.Int(0));
    return o;
}

struct Place {
    std::string name;
    double longitude = NAN, latitude = NAN;
};

// The checkpoint's name and coordinates from the registry (the id itself when it is not registered).
Result<Place> LoadPlace(storage::Connection& c, const std::string& checkpoint_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT name, longitude, latitude FROM checkpoint_devices WHERE id = ?",
                                           {V(checkpoint_id)}));
    Place p{checkpoint_id};
    if (rows.empty()) return p;
    if (!rows[0].Str(0).empty()) p.name = rows[0].Str(0);
    if (!rows[0].IsNull(1) && !rows[0].IsNull(2)) {
        p.longitude = std::stod(rows[0].Str(1));
        p.latitude = std::stod(rows[0].Str(2));
    }
    return p;
}

Json Coordinate(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

alerts::RaiseInput AlertFor(const PassHit& h, const OrderForHit& o, const Place& place) {
    const auto& p = h.pass;
    alerts::RaiseInput in;
    in.source = "checkpoint";
    in.source_ref = "watch_order:" + std::to_string(h.order_id);
    in.dedup_key = "watch:" + std::to_string(h.order_id) + ":" + p.plate + ":" + p.checkpoint_id + ":" +
                   std::to_string(p.time);
    in.colour = o.colour;
    in.subject = p.plate;
    in.title = "布控车辆 " + p.plate + " 经过 " + place.name;
    in.case_no = o.case_no;
    in.unit_ids = o.units;
    in.payload = {{"order_id", h.order_id},
                  {"plate", p.plate},
                  {"plate_color", p.plate_color},
                  {"checkpoint_id", p.checkpoint_id},
                  {"checkpoint_name", place.name},
                  {"longitude", Coordinate(place.longitude)},
                  {"latitude", Coordinate(place.latitude)},
                  {"pass_time", FormatUtcIso(p.time)},
                  {"direction", p.direction},
                  {"lane", p.lane},
                  {"speed", p.speed},
                  {"reason", o.reason},
                  {"priority", o.priority}};
    in.links = Json::array({{{"label", "布控单"}, {"href", "/checkpoint/watch?order=" + std::to_string(h.order_id)}},
                            {{"label", "地图"}, {"href", "/checkpoint/map?checkpoint=" + p.checkpoint_id}}});
    return in;
}

}  // namespace

Status RecordHits(storage::Connection& c, const std::vector<PassHit>& hits, int64_t now) {
    std::map<int64_t, std::optional<OrderForHit>> orders;
    for (const auto& h : hits) {
        auto it = orders.find(h.order_id);
        if (it == orders.end()) {
            auto o = LoadOrder(c, h.order_id);
            if (!o.ok() && o.status().code() != ErrorCode::kNotFound) return o.status();
            it = orders.emplace(h.order_id, o.ok() ? std::optional<OrderForHit>(*o) : std::nullopt).first;
        }
        if (!it->second) continue;
        const OrderForHit& o = *it->second;
        const auto& p = h.pass;
        // A list swapped in before a withdrawal committed, or a pass outside the order's window: no hit.
        if (o.status != "active" || p.time < o.valid_from || p.time >= o.valid_to) continue;
        // A plate colour on the order narrows it; a pass whose colour was not read (0) still hits.
        if (o.plate_color != 0 && p.plate_color != 0 && o.plate_color != p.plate_color) continue;
        JW_ASSIGN_OR_RETURN(auto seen, c.Query("SELECT id FROM watch_hits WHERE order_id = ? AND plate = ? AND "
                                               "checkpoint_id = ? AND pass_time = ?",
                                               {V(h.order_id), V(p.plate), V(p.checkpoint_id), V(p.time)}));
        if (!seen.empty()) continue;
        JW_ASSIGN_OR_RETURN(Place place, LoadPlace(c, p.checkpoint_id));
        JW_ASSIGN_OR_RETURN(int64_t alert_id, alerts::Raise(c, alerts::Policy::Default(), AlertFor(h, o, place), now));
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO watch_hits (order_id, plate, plate_color, checkpoint_id, pass_time, "
                                  "direction, lane, speed, alert_id, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                                  {V(h.order_id), V(p.plate), V(int{p.plate_color}), V(p.checkpoint_id), V(p.time),
                                   V(int{p.direction}), V(int{p.lane}), V(int{p.speed}), V(alert_id), V(now)}));
    }
    return Status::Ok();
}

Status RefreshWatchList(storage::Connection& c, PassHub& hub, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, target, valid_from, valid_to FROM watch_orders WHERE "
                                           "status = 'active' AND target_kind = 'plate' AND valid_to > ? ORDER BY id",
                                           {V(now)}));
    auto list = std::make_shared<analytics::WatchList>();
    list->Reserve(rows.size());
    for (const auto& r : rows) {
        // Orders were validated when created; a row the engine still refuses is left off, not fatal.
        (void)list->Add(r.Str(1), r.Int(2), r.Int(3), std::to_string(r.Int(0)));
    }
    hub.SetWatchList(std::move(list));
    return Status::Ok();
}

}  // namespace jw::checkpoint

// Watch-order hits → alerts, and the watch list (watch_hits.hpp).
#include "checkpoint/watch/watch_hits.hpp"

#include <cmath>
#include <map>

#include "alerts/alerts_service.hpp"
#include "alerts/sightings.hpp"
#include "checkpoint/watch/watch_repository.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

struct Place {
    std::string name;
    double longitude = NAN, latitude = NAN;
};

// The checkpoint's name and coordinates from the registry (the id itself when it is not registered or unnamed).
Result<Place> LoadPlace(storage::Connection& c, const std::string& checkpoint_id) {
    JW_ASSIGN_OR_RETURN(auto registered, LoadCheckpointPlace(c, checkpoint_id));
    Place p{checkpoint_id};
    if (!registered) return p;
    if (!registered->name.empty()) p.name = registered->name;
    p.longitude = registered->longitude;
    p.latitude = registered->latitude;
    return p;
}

Json Coordinate(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

alerts::RaiseInput AlertFor(const PassHit& h, const OrderForHit& o, const Place& place) {
    const auto& p = h.pass;
    alerts::RaiseInput in;
    in.source = "checkpoint";
    in.source_ref = "watch_order:" + std::to_string(h.order_id);
    in.dedup_key =
        "watch:" + std::to_string(h.order_id) + ":" + p.plate + ":" + p.checkpoint_id + ":" + std::to_string(p.time);
    in.colour = o.colour;
    in.subject = p.plate;
    in.title = "布控车辆 " + p.plate + " 经过 " + place.name;  // zh-CN words kept for search and old clients
    in.title_code = MessageCode("alerts.title.watch_hit");
    in.title_params = {{"plate", p.plate}, {"place", place.name}};
    in.notify_code = MessageCode("alerts.watch_raised");
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
            JW_ASSIGN_OR_RETURN(auto o, LoadOrderForHit(c, h.order_id));
            it = orders.emplace(h.order_id, std::move(o)).first;
        }
        if (!it->second) continue;
        const OrderForHit& o = *it->second;
        const auto& p = h.pass;
        // A list swapped in before a withdrawal committed, or a pass outside the order's window: no hit.
        if (o.status != "active" || p.time < o.valid_from || p.time >= o.valid_to) continue;
        // A plate colour on the order narrows it; a pass whose colour was not read (0) still hits.
        if (o.plate_color != 0 && p.plate_color != 0 && o.plate_color != p.plate_color) continue;
        JW_ASSIGN_OR_RETURN(const bool seen, HitRecorded(c, h.order_id, p));
        if (seen) continue;
        JW_ASSIGN_OR_RETURN(Place place, LoadPlace(c, p.checkpoint_id));
        // One alert per order that grows with each sighting in the window (issue 13, ADR 0043).
        alerts::RaiseInput in = AlertFor(h, o, place);
        alerts::SightingInput s;
        s.ref = in.dedup_key;
        s.seen_at = p.time;
        s.place = place.name;
        s.place_id = p.checkpoint_id;
        s.longitude = place.longitude;
        s.latitude = place.latitude;
        s.direction = p.direction;
        s.lane = p.lane;
        JW_ASSIGN_OR_RETURN(int64_t alert_id, alerts::RaiseOrGrow(c, alerts::Policy::Default(), std::move(in),
                                                                  "watch:" + std::to_string(h.order_id), s, now));
        JW_RETURN_IF_ERROR(InsertHit(c, h.order_id, p, alert_id, now));
    }
    return Status::Ok();
}

Status RefreshWatchList(storage::Connection& c, PassHub& hub, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto entries, ListWatchListEntries(c, now));
    auto list = std::make_shared<analytics::WatchList>();
    list->Reserve(entries.size());
    for (const auto& e : entries) {
        // Orders were validated when created; a row the engine still refuses is left off, not fatal.
        (void)list->Add(e.plate, e.valid_from, e.valid_to, std::to_string(e.order_id));
    }
    hub.SetWatchList(std::move(list));
    return Status::Ok();
}

}  // namespace jw::checkpoint

// The six analyses in ClickHouse SQL (clickhouse_backend.hpp). Each query does the data-heavy part in ClickHouse
// and, where the contract's answer depends on floating-point detail (companion scores, cloned speeds, night
// shares), receives the few candidate rows and applies the engine's own arithmetic in the engine's order, so
// the replies are equal to the last digit. SQL is what ClickHouse 18.16 and current releases both accept: no
// window functions; per-plate order is an arraySort over groupArray, consecutive pairs are arrayPopBack /
// arrayPopFront zipped.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "analytics/queries.hpp"
#include "analytics/store.hpp"
#include "checkpoint/analysis/clickhouse/clickhouse_backend.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint::clickhouse {
namespace {

// Per-plate GROUP BYs finish on each shard: every pass of a plate lives on one shard (sharding key).
constexpr const char* kShardLocal = "distributed_group_by_no_merge=1";

std::string TimeRange(int64_t from, int64_t to) {
    return "time >= " + std::to_string(from) + " AND time < " + std::to_string(to);
}

std::string QuotedList(const std::vector<std::string>& items) {
    std::string out = "(";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + Quote(items[i]);
    return out + ")";
}

uint32_t U32(std::string_view s) { return static_cast<uint32_t>(std::strtoul(std::string(s).c_str(), nullptr, 10)); }

Json Point(const std::string& cp, int64_t time) {
    return Json{{"checkpoint_id", cp}, {"pass_time", FormatChinaTime(time)}};
}

std::string Exact(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

struct Target {
    std::string cp;
    int64_t time;
};

}  // namespace

Result<Json> Backend::Trajectory(const std::string& plate, int64_t from, int64_t to) {
    JW_ASSIGN_OR_RETURN(auto body, coordinator().Query("SELECT checkpoint_id, time FROM " + Table("passes") +
                                                       " WHERE plate = " + Quote(plate) + " AND " +
                                                       TimeRange(from, to) + " ORDER BY time, checkpoint_id"));
    Json passes = Json::array();
    for (const auto& row : SplitTsv(body)) passes.push_back(Point(UnescapeTsv(row[0]), U32(row[1])));
    return Json{{"passes", std::move(passes)}};
}

Result<Json> Backend::Companion(const std::string& plate, int64_t from, int64_t to, int64_t window, uint32_t min_cps) {
    JW_ASSIGN_OR_RETURN(Json traj, Trajectory(plate, from, to));
    std::vector<Target> targets;
    for (const auto& p : traj["passes"]) {
        targets.push_back({p["checkpoint_id"].get<std::string>(), *ParseChinaTime(p["pass_time"].get<std::string>())});
    }
    if (targets.empty()) return Json{{"companions", Json::array()}};
    // The target windows as (checkpoint, hour) buckets: a hash-set test per row instead of an OR over every
    // window (hundreds for a busy plate), with the checkpoint-ordered primary key narrowing the scan to the
    // target checkpoints and the overall time span. A window (≤ 2 × max_window_s + 1 s) touches at most three
    // hours; the exact windows are cut below from the sorted rows.
    std::set<std::string> cps;
    std::set<std::pair<std::string, int64_t>> buckets;
    int64_t lo_all = INT64_MAX, hi_all = 0;
    for (const auto& t : targets) {
        const int64_t lo = std::max<int64_t>(0, t.time - window), hi = t.time + window + 1;
        cps.insert(t.cp);
        for (int64_t h = lo / 3600; h <= (hi - 1) / 3600; ++h) buckets.emplace(t.cp, h);
        lo_all = std::min(lo_all, lo);
        hi_all = std::max(hi_all, hi);
    }
    std::string keys;
    for (const auto& [cp, h] : buckets)
        keys += (keys.empty() ? "(" : ", (") + Quote(cp) + ", " + std::to_string(h) + ")";
    JW_ASSIGN_OR_RETURN(
        auto body, coordinator().Query("SELECT DISTINCT checkpoint_id, time, plate FROM " + Table("passes_cp") +
                                       " WHERE checkpoint_id IN " + QuotedList({cps.begin(), cps.end()}) + " AND " +
                                       TimeRange(lo_all, hi_all) + " AND plate != " + Quote(plate) +
                                       " AND (checkpoint_id, intDiv(time, 3600)) IN (" + keys +
                                       ") ORDER BY checkpoint_id, time, plate"));
    // From here on the engine's own computation (analytics/queries.cpp Companions), over plate ids of this reply.
    struct Row {
        std::string cp;
        int64_t time;
        uint32_t plate;
    };
    std::vector<Row> rows;
    std::vector<std::string> names;
    std::unordered_map<std::string, uint32_t> ids;
    for (const auto& r : SplitTsv(body)) {
        auto [it, fresh] = ids.try_emplace(UnescapeTsv(r[2]), static_cast<uint32_t>(names.size()));
        if (fresh) names.push_back(it->first);
        rows.push_back({UnescapeTsv(r[0]), U32(r[1]), it->second});
    }
    std::vector<std::vector<uint32_t>> lists(targets.size());
    std::vector<std::string> target_cps(targets.size());
    for (size_t i = 0; i < targets.size(); ++i) {
        const int64_t lo = targets[i].time - window, hi = targets[i].time + window + 1;
        auto b = std::lower_bound(rows.begin(), rows.end(), std::tie(targets[i].cp, lo),
                                  [](const Row& r, const auto& k) { return std::tie(r.cp, r.time) < k; });
        for (; b != rows.end() && b->cp == targets[i].cp && b->time < hi; ++b) lists[i].push_back(b->plate);
        std::sort(lists[i].begin(), lists[i].end());
        lists[i].erase(std::unique(lists[i].begin(), lists[i].end()), lists[i].end());
        target_cps[i] = targets[i].cp;
    }
    const auto out = analytics::ScoreCompanions(lists, target_cps, min_cps, [&names](uint32_t q) { return names[q]; });
    Json list = Json::array();
    for (const auto& c : out) {
        list.push_back({{"plate", c.plate},
                        {"checkpoints", c.checkpoints},
                        {"co_passes", c.co_passes},
                        {"score", std::round(c.score * 1e6) / 1e6}});
    }
    return Json{{"companions", std::move(list)}};
}

Result<Json> Backend::Collision(const Json& request) {
    const auto& conds = request.at("conditions");
    std::string flags, any;
    for (size_t i = 0; i < conds.size(); ++i) {
        const auto& c = conds[i];
        const std::string cond = "(checkpoint_id IN " +
                                 QuotedList(c.at("checkpoints").get<std::vector<std::string>>()) + " AND " +
                                 TimeRange(*ParseChinaTime(c.at("from").get<std::string>()),
                                           *ParseChinaTime(c.at("to").get<std::string>())) +
                                 ")";
        flags += std::string(i ? ", " : "") + "if(" + cond + ", " + std::to_string(i + 1) + ", 0)";
        any += std::string(i ? " OR " : "") + cond;
    }
    // A pass may satisfy several conditions: each condition it meets becomes one row (ARRAY JOIN), and a plate's
    // match count is the number of distinct conditions among its rows.
    JW_ASSIGN_OR_RETURN(
        auto body, coordinator().Query("SELECT plate, uniqExact(c) AS matched FROM " + Table("passes_cp") +
                                           " ARRAY JOIN arrayFilter(x -> x > 0, [" + flags + "]) AS c WHERE " + any +
                                           " GROUP BY plate HAVING matched >= " +
                                           std::to_string(request.at("min_match").get<int64_t>()) +
                                           " ORDER BY matched DESC, plate",
                                       kShardLocal));
    std::vector<analytics::CollisionResult> out;
    for (const auto& r : SplitTsv(body)) out.push_back({UnescapeTsv(r[0]), U32(r[1])});
    // Shards answer separately: the contract's order over the union.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.matched != b.matched ? a.matched > b.matched : a.plate < b.plate;
    });
    Json list = Json::array();
    for (const auto& r : out) list.push_back({{"plate", r.plate}, {"matched", r.matched}});
    return Json{{"plates", std::move(list)}};
}

Result<Json> Backend::FirstSeen(int64_t from, int64_t to, int64_t lookback_days, const std::vector<std::string>& cps) {
    const int64_t lb_from = std::max<int64_t>(0, from - lookback_days * kDaySeconds);
    // The lookback is a NOT IN over the shard's own local table: a plate's earlier passes are on its shard.
    std::string sql = "SELECT plate, min((time, checkpoint_id)) AS first FROM " +
                      Table(cps.empty() ? "passes" : "passes_cp") + " WHERE " + TimeRange(from, to);
    if (!cps.empty()) sql += " AND checkpoint_id IN " + QuotedList(cps);
    if (lb_from < from) {
        sql += " AND plate NOT IN (SELECT plate FROM " + Table("passes_local") + " WHERE " + TimeRange(lb_from, from) +
               ")";
    }
    sql += " GROUP BY plate";
    JW_ASSIGN_OR_RETURN(auto body,
                        coordinator().Query("SELECT plate, first.1, first.2 FROM (" + sql + ")", kShardLocal));
    std::vector<analytics::FirstSeenResult> out;
    for (const auto& r : SplitTsv(body)) out.push_back({UnescapeTsv(r[0]), U32(r[1]), UnescapeTsv(r[2])});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first_pass_time, a.plate) < std::tie(b.first_pass_time, b.plate);
    });
    Json list = Json::array();
    for (const auto& r : out) {
        list.push_back({{"plate", r.plate},
                        {"first_pass_time", FormatChinaTime(r.first_pass_time)},
                        {"checkpoint_id", r.checkpoint_id}});
    }
    return Json{{"plates", std::move(list)}, {"count", out.size()}};
}

Result<Json> Backend::Cloned(int64_t from, int64_t to, double max_speed_kmh) {
    const auto table = Checkpoints();
    std::map<std::string, const analytics::Checkpoint*> located;
    std::string ids, lats, lons;
    for (const auto& c : *table) {
        if (!c.HasCoordinates()) continue;
        located[c.id] = &c;
        ids += (ids.empty() ? "" : ", ") + Quote(c.id);
        lats += (lats.empty() ? "" : ", ") + Exact(c.latitude);
        lons += (lons.empty() ? "" : ", ") + Exact(c.longitude);
    }
    Json list = Json::array();
    if (located.empty()) return Json{{"suspects", std::move(list)}};
    // Per plate (on its shard): its passes in contract order (time, then checkpoint), consecutive pairs zipped,
    // kept when both checkpoints are located and differ and the pair is fast by a coarse haversine on
    // coordinates as ClickHouse parses them (3 ‰ slack). The exact test below, with the engine's formula, decides.
    // Unlocated checkpoints map to nan (the transform's default), which fails every comparison: one hash lookup
    // per pass and coordinate instead of a linear has() over the checkpoint list.
    const std::string lat = "transform(%, [" + ids + "], [" + lats + "], nan)";
    const std::string lon = "transform(%, [" + ids + "], [" + lons + "], nan)";
    auto at = [](std::string f, const std::string& arg) { return f.replace(f.find('%'), 1, arg); };
    const std::string hav = "2 * 6371 * asin(least(1., sqrt(pow(sin((" + at(lat, "p.4") + " - " + at(lat, "p.2") +
                            ") * pi() / 360), 2) + cos(" + at(lat, "p.2") + " * pi() / 180) * cos(" + at(lat, "p.4") +
                            " * pi() / 180) * pow(sin((" + at(lon, "p.4") + " - " + at(lon, "p.2") +
                            ") * pi() / 360), 2))))";
    const std::string keep = "p.2 != p.4 AND NOT isNaN(" + at(lat, "p.2") + " + " + at(lat, "p.4") +
                             ") AND (p.1 = p.3 OR " + hav + " * 3600 / (p.3 - p.1) > " +
                             std::to_string(max_speed_kmh * 0.997) + ")";
    const std::string sql =
        "SELECT plate, arrayFilter(p -> " + keep +
        ", arrayMap((a, b) -> (a.1, a.2, b.1, b.2), arrayPopBack(s), arrayPopFront(s))) AS pairs FROM (SELECT plate, "
        "arraySort(groupArray((time, checkpoint_id))) AS s FROM " +
        Table("passes") + " WHERE " + TimeRange(from, to) +
        " GROUP BY plate HAVING count() > 1) WHERE length(pairs) > 0";
    JW_ASSIGN_OR_RETURN(
        auto body,
        coordinator().Query("SELECT plate, arrayJoin(pairs) AS p, p.1, p.2, p.3, p.4 FROM (" + sql + ")", kShardLocal));
    std::vector<analytics::ClonedResult> out;
    for (const auto& r : SplitTsv(body)) {
        const std::string a_cp = UnescapeTsv(r[3]), b_cp = UnescapeTsv(r[5]);
        const int64_t a_t = U32(r[2]), b_t = U32(r[4]);
        auto ia = located.find(a_cp), ib = located.find(b_cp);
        if (ia == located.end() || ib == located.end()) continue;  // not located (the engine skips the pair)
        const analytics::Checkpoint& ca = *ia->second;
        const analytics::Checkpoint& cb = *ib->second;
        // analytics::PairSpeed, by id instead of table index.
        const double km = analytics::HaversineKm(ca.latitude, ca.longitude, cb.latitude, cb.longitude);
        if (km <= 0) continue;
        const double speed =
            a_t == b_t ? std::numeric_limits<double>::infinity() : km / (static_cast<double>(b_t - a_t) / 3600.0);
        if (!(speed > max_speed_kmh)) continue;
        out.push_back({UnescapeTsv(r[0]), {a_cp, a_t}, {b_cp, b_t}, km, speed});
    }
    std::sort(out.begin(), out.end(), [](const analytics::ClonedResult& x, const analytics::ClonedResult& y) {
        return std::tie(x.plate, x.a.time, x.a.checkpoint_id, x.b.time, x.b.checkpoint_id) <
               std::tie(y.plate, y.a.time, y.a.checkpoint_id, y.b.time, y.b.checkpoint_id);
    });
    for (const auto& r : out) {
        Json speed = std::isinf(r.speed_kmh) ? Json(nullptr) : Json(std::round(r.speed_kmh * 1000) / 1000);
        list.push_back({{"plate", r.plate},
                        {"a", Point(r.a.checkpoint_id, r.a.time)},
                        {"b", Point(r.b.checkpoint_id, r.b.time)},
                        {"distance_km", std::round(r.distance_km * 1000) / 1000},
                        {"speed_kmh", std::move(speed)}});
    }
    return Json{{"suspects", std::move(list)}};
}

Result<Json> Backend::Night(int64_t from, int64_t to, const analytics::NightSpec& spec) {
    const std::string s = std::to_string(spec.start_s), e = std::to_string(spec.end_s);
    const std::string tod = "((time + 28800) % 86400)";
    const std::string is_night = spec.start_s < spec.end_s ? "(" + tod + " >= " + s + " AND " + tod + " < " + e + ")"
                                                           : "(" + tod + " >= " + s + " OR " + tod + " < " + e + ")";
    // A night belongs to the China date it starts: after midnight of a wrapping night, the day before.
    const std::string night_day = "(intDiv(time + 28800, 86400) - " +
                                  std::string(spec.start_s > spec.end_s ? "(" + tod + " < " + e + ")" : "0") + ")";
    const std::string sql = "SELECT plate, uniqExactIf(" + night_day + ", " + is_night + ") AS nights, countIf(" +
                            is_night + ") AS np, count() - np FROM " + Table("passes") + " WHERE " +
                            TimeRange(from, to) +
                            " GROUP BY plate HAVING nights >= " + std::to_string(spec.min_nights) +
                            " AND np >= " + std::to_string(spec.min_night_share * 0.999) + " * count()";
    JW_ASSIGN_OR_RETURN(auto body, coordinator().Query(sql, kShardLocal));
    std::vector<analytics::NightResult> out;
    for (const auto& r : SplitTsv(body)) {
        const uint32_t np = U32(r[2]), dp = U32(r[3]);
        // The engine's share test, exactly (analytics/queries_scan.cpp).
        if (static_cast<double>(np) < spec.min_night_share * (np + dp)) continue;
        out.push_back({UnescapeTsv(r[0]), U32(r[1]), np, dp});
    }
    std::sort(out.begin(), out.end(), [](const analytics::NightResult& a, const analytics::NightResult& b) {
        return std::tie(b.nights, b.night_passes, a.plate) < std::tie(a.nights, a.night_passes, b.plate);
    });
    Json list = Json::array();
    for (const auto& r : out) {
        list.push_back(
            {{"plate", r.plate}, {"nights", r.nights}, {"night_passes", r.night_passes}, {"day_passes", r.day_passes}});
    }
    return Json{{"plates", std::move(list)}};
}

}  // namespace jw::checkpoint::clickhouse

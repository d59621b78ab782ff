#include "workload.hpp"

#include <algorithm>
#include <fstream>

#include "common/civil_time.hpp"
#include "common/json_util.hpp"

namespace jw::bench {
namespace {

Json Range(Json q, int64_t from, int64_t to) {
    q["from"] = FormatChinaTime(from);
    q["to"] = FormatChinaTime(to);
    return q;
}

}  // namespace

Status WriteWorkload(const Preset& preset, const RoadGraph& graph, const Traffic& traffic, int64_t start,
                     std::mt19937_64& rng, const std::string& dir) {
    const PlateStats& st = traffic.stats();
    const int64_t end = start + int64_t{preset.days} * 86400;
    const auto plate = [&](uint32_t id) { return PlateText(id, preset.plates); };
    std::vector<Json> queries;
    Json truth;

    // Targets over popularity: the plates seen, ranked by pass count, taken at fixed quantiles.
    std::vector<uint32_t> seen;
    for (uint32_t id = 0; id < preset.plates; ++id) {
        if (st.passes[id] > 0) seen.push_back(id);
    }
    std::stable_sort(seen.begin(), seen.end(), [&](uint32_t a, uint32_t b) { return st.passes[a] > st.passes[b]; });
    const double kQuantiles[] = {0,   0.0001, 0.0005, 0.001, 0.003, 0.01, 0.02, 0.05, 0.1,  0.15,  0.2, 0.3,
                                 0.4, 0.5,    0.6,    0.7,   0.8,   0.9,  0.95, 0.98, 0.99, 0.999, 1.0};
    std::vector<uint32_t> targets;
    for (double q : kQuantiles)
        targets.push_back(seen[std::min(seen.size() - 1, static_cast<size_t>(q * seen.size()))]);
    for (uint32_t id : targets) {
        queries.push_back(Range({{"q", "trajectory"}, {"plate", plate(id)}}, start, end));
    }
    const auto companion = [&](uint32_t id, int day) {
        const int64_t d0 = start + int64_t{day} * 86400;
        return Range({{"q", "companion"}, {"plate", plate(id)}, {"window_s", 60}, {"min_checkpoints", 2}}, d0,
                     d0 + 86400);
    };
    for (uint32_t id : targets) queries.push_back(companion(id, st.last_day[id]));
    truth["convoys"] = Json::array();
    for (const auto& c : traffic.planted().convoys) {
        truth["convoys"].push_back({{"query", queries.size()},
                                    {"leader", plate(c.leader)},
                                    {"follower", plate(c.follower)},
                                    {"decoy", plate(c.decoy)}});
        queries.push_back(companion(c.leader, c.day));
    }

    // Collision: random conditions (3 × 2 checkpoints × 1 h, at least 2), then one query per planted plate
    // whose three conditions surround its three planted passes.
    const auto cp_id = [&](int i) { return graph.node(i).id; };
    for (int i = 0; i < 20; ++i) {
        Json conds = Json::array();
        for (int c = 0; c < 3; ++c) {
            const int64_t f = start + static_cast<int64_t>(rng() % (preset.days * 24)) * 3600;
            conds.push_back(
                Range({{"checkpoints", {cp_id(rng() % graph.size()), cp_id(rng() % graph.size())}}}, f, f + 3600));
        }
        queries.push_back({{"q", "collision"}, {"conditions", conds}, {"min_match", 2}});
    }
    truth["collisions"] = Json::array();
    for (const auto& c : traffic.planted().collisions) {
        Json conds = Json::array();
        for (const auto& s : c.spots) {
            conds.push_back(
                Range({{"checkpoints", {cp_id(s.cp), cp_id(rng() % graph.size())}}}, s.time - 1800, s.time + 1800));
        }
        truth["collisions"].push_back({{"query", queries.size()}, {"plate", plate(c.plate)}});
        queries.push_back({{"q", "collision"}, {"conditions", conds}, {"min_match", static_cast<int>(conds.size())}});
    }

    // first_seen: 1-hour ranges (after the first day when there is one), lookback up to 7 days; every fourth
    // restricted to five checkpoints.
    const int lookback = std::min(7, preset.days);
    for (int i = 0; i < 20; ++i) {
        const int first_hour = preset.days > 1 ? 24 : 6;
        const int64_t f = start + (first_hour + static_cast<int64_t>(rng() % (preset.days * 24 - first_hour))) * 3600;
        Json q = Range({{"q", "first_seen"}, {"lookback_days", lookback}}, f, f + 3600);
        if (i % 4 == 3) {
            Json cps = Json::array();
            for (int k = 0; k < 5; ++k) cps.push_back(cp_id(rng() % graph.size()));
            q["checkpoints"] = cps;
        }
        queries.push_back(q);
    }

    // Whole-period scans, once each (the runners repeat quick queries themselves).
    truth["clones"] = {{"query", queries.size()}, {"plates", Json::array()}};
    for (uint32_t id : traffic.planted().clones) truth["clones"]["plates"].push_back(plate(id));
    queries.push_back(Range({{"q", "cloned"}, {"max_speed_kmh", 120}}, start, end));
    const int min_nights = preset.days >= 7 ? 5 : 1;
    truth["night"] = {{"query", queries.size()}, {"plates", Json::array()}};
    for (uint32_t id : traffic.planted().night) truth["night"]["plates"].push_back(plate(id));
    queries.push_back(Range({{"q", "night"},
                             {"night_start", "22:00"},
                             {"night_end", "05:00"},
                             {"min_nights", min_nights},
                             {"min_night_share", 0.7}},
                            start, end));
    truth["watch"] = {{"entries", preset.watch_entries}, {"expected_hits", traffic.watch_hits()}};
    truth["passes"] = traffic.passes_written();
    truth["preset"] = preset.name;
    truth["days"] = preset.days;
    truth["checkpoints"] = graph.size();
    truth["plates"] = preset.plates;
    truth["plates_seen"] = seen.size();

    std::ofstream q(dir + "/queries.jsonl", std::ios::binary);
    for (const auto& j : queries) q << j.dump() << '\n';
    std::ofstream t(dir + "/truth.json", std::ios::binary);
    t << truth.dump(1) << '\n';
    return q && t ? Status::Ok() : Status::Internal("cannot write the workload to " + dir);
}

}  // namespace jw::bench

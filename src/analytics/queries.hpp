#pragma once
// The six analyses of the vehicle-pass engine over one Snapshot (issue 5 contracts). Times are Unix
// seconds; ranges are [from, to). Plate arguments are normalised plates; unknown plates or checkpoints give
// empty answers. Pure functions of the snapshot: thread-safe, callable concurrently with appends.
// Checkpoint order, wherever the contract says "then checkpoint", is byte order of checkpoint_id.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "analytics/store.hpp"

namespace jw::analytics {

struct PassPoint {
    std::string checkpoint_id;
    int64_t time = 0;
    bool operator==(const PassPoint&) const = default;
};

// trajectory: every pass of `plate` in [from, to), ordered by time then checkpoint.
std::vector<PassPoint> Trajectory(const Snapshot& s, std::string_view plate, int64_t from, int64_t to);
// The same passes with the checkpoint as its index in s.checkpoints().list (no string per pass: the text reply).
struct PassAt {
    uint32_t time;
    uint16_t cp;
};
std::vector<PassAt> TrajectoryAt(const Snapshot& s, std::string_view plate, int64_t from, int64_t to);

struct CompanionResult {
    std::string plate;
    uint32_t checkpoints = 0;  // distinct checkpoints where it accompanied a target pass
    uint32_t co_passes = 0;    // target passes it accompanied
    double score = 0;
};
// companion: a pass of Q ≠ P at checkpoint c, time t' accompanies target pass (c, t) when |t' − t| ≤ window_s
// (t' may lie outside the range). Returns every Q with checkpoints ≥ min_checkpoints.
// Score (background-traffic surprise, in decimal digits): let n_i be the number of distinct plates other than P
// passing the checkpoint of target pass i within its window, and N the number of distinct plates other than P
// seen in all target windows together. A plate drawn from that background accompanies pass i by chance with
// probability about n_i / N, so score(Q) = Σ over target passes i accompanied by Q of log10(N / n_i) — the
// −log10 of the chance of Q's co-occurrences under independence. Quiet checkpoints and hours count much, busy
// ones (where n_i ≈ N) almost nothing. Summed in trajectory order. Ordered by score descending, then
// checkpoints descending, co_passes descending, plate ascending.
std::vector<CompanionResult> Companions(const Snapshot& s, std::string_view plate, int64_t from, int64_t to,
                                        int64_t window_s, uint32_t min_checkpoints);

// companion's scoring and order as above, shared by every backend that answers companion (the engine here, the
// ClickHouse backend over its rows): lists[i] holds the distinct ids of the plates other than P that accompany
// target pass i (trajectory order), target_cps[i] that pass's checkpoint (any ordered type), plate_of(id) the
// plate of an id. N is the number of distinct ids over all lists.
template <typename Cp, typename PlateOf>
std::vector<CompanionResult> ScoreCompanions(const std::vector<std::vector<uint32_t>>& lists,
                                             const std::vector<Cp>& target_cps, uint32_t min_checkpoints,
                                             const PlateOf& plate_of) {
    struct Acc {
        std::vector<Cp> cps;
        uint32_t co = 0;
        double score = 0;
    };
    std::unordered_map<uint32_t, Acc> acc;
    for (const auto& list : lists)
        for (uint32_t q : list) acc[q];
    const double n_all = static_cast<double>(acc.size());
    for (size_t i = 0; i < lists.size(); ++i) {
        const double weight = std::log10(n_all / static_cast<double>(lists[i].size()));
        for (uint32_t q : lists[i]) {
            Acc& a = acc[q];
            a.cps.push_back(target_cps[i]);
            ++a.co;
            a.score += weight;
        }
    }
    std::vector<CompanionResult> out;
    for (auto& [q, a] : acc) {
        std::sort(a.cps.begin(), a.cps.end());
        const auto distinct = static_cast<uint32_t>(std::unique(a.cps.begin(), a.cps.end()) - a.cps.begin());
        if (distinct >= min_checkpoints) out.push_back({std::string(plate_of(q)), distinct, a.co, a.score});
    }
    std::sort(out.begin(), out.end(), [](const CompanionResult& a, const CompanionResult& b) {
        return std::tie(b.score, b.checkpoints, b.co_passes, a.plate) <
               std::tie(a.score, a.checkpoints, a.co_passes, b.plate);
    });
    return out;
}

struct CollisionCondition {
    std::vector<std::string> checkpoints;
    int64_t from = 0;
    int64_t to = 0;
};
struct CollisionResult {
    std::string plate;
    uint32_t matched = 0;
    bool operator==(const CollisionResult&) const = default;
};
// collision: plates with a pass at one of a condition's checkpoints within its range, for ≥ min_match
// conditions; ordered by matched descending, then plate.
std::vector<CollisionResult> Collision(const Snapshot& s, const std::vector<CollisionCondition>& conditions,
                                       uint32_t min_match);

struct FirstSeenResult {
    std::string plate;
    int64_t first_pass_time = 0;
    std::string checkpoint_id;  // of the first pass; equal times: the smallest checkpoint_id
    bool operator==(const FirstSeenResult&) const = default;
};
// first_seen: plates with a pass in [from, to) (at one of `checkpoints` when non-empty) and no pass anywhere
// in [from − lookback_days·86400, from); ordered by first pass time, then plate.
std::vector<FirstSeenResult> FirstSeen(const Snapshot& s, int64_t from, int64_t to, int64_t lookback_days,
                                       const std::vector<std::string>& checkpoints);

struct ClonedResult {
    std::string plate;
    PassPoint a, b;
    double distance_km = 0;
    double speed_kmh = std::numeric_limits<double>::infinity();  // infinity when a and b share a second
};
// cloned: consecutive passes a, b of one plate in [from, to) (order: time, then checkpoint) at different
// checkpoints whose haversine distance (R = 6371 km) over the time between them exceeds max_speed_kmh;
// equal times at different places (distance > 0) count as infinite speed. Pairs involving a checkpoint
// without coordinates are skipped. Ordered by plate, then a's time (then a's, b's checkpoint).
// Answered from the snapshot's cloned index (cloned_index.hpp) when max_speed_kmh ≥ its floor, else by a scan.
std::vector<ClonedResult> Cloned(const Snapshot& s, int64_t from, int64_t to, double max_speed_kmh);
// The same answer by a scan of every pass of the range (the reference the index is tested against).
std::vector<ClonedResult> ClonedScan(const Snapshot& s, int64_t from, int64_t to, double max_speed_kmh);

struct NightSpec {
    int32_t start_s = 22 * 3600;  // China-time seconds of day; start ≠ end
    int32_t end_s = 5 * 3600;     // a night runs [start, end), wrapping past midnight when end < start
    uint32_t min_nights = 1;
    double min_night_share = 0;
};
struct NightResult {
    std::string plate;
    uint32_t nights = 0;  // distinct nights; a night belongs to the China date it starts
    uint32_t night_passes = 0;
    uint32_t day_passes = 0;
    bool operator==(const NightResult&) const = default;
};
// night: plates (with passes in [from, to)) active on ≥ min_nights nights whose night share
// night_passes / (night_passes + day_passes) ≥ min_night_share. Ordered by nights descending, night_passes
// descending, then plate.
// The default night (22:00–05:00) reads the segments' night summaries (Segment::night_runs); other nights scan.
std::vector<NightResult> Night(const Snapshot& s, int64_t from, int64_t to, const NightSpec& spec);
// The same answer by a scan of every pass of the range (the reference the summaries are tested against).
std::vector<NightResult> NightScan(const Snapshot& s, int64_t from, int64_t to, const NightSpec& spec);

// True when the China-time second of day `tod` lies in the night [start, end) (wrapping).
inline bool IsNight(int32_t tod, int32_t start, int32_t end) {
    return start < end ? (tod >= start && tod < end) : (tod >= start || tod < end);
}

}  // namespace jw::analytics

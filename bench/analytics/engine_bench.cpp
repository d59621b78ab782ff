// Jingwu vehicle-pass engine benchmark (not a test): a deterministic generator of checkpoint traffic on a
// grid road graph (commuters plus ~20 % transient vehicles, a daily profile, planted convoys and clones),
// then ingest rate, bytes per pass, restart time, per-query p50/p99 and watch-list check rate.
// Usage: analytics_bench [--preset small|medium|county] [--dir DIR] [--watch N]
// DuckDB / SQLite comparison: not built yet (see src/analytics/README.md).

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "analytics/queries.hpp"
#include "analytics/store.hpp"
#include "analytics/watch_list.hpp"
#include "common/civil_time.hpp"

using namespace jw::analytics;
using Clock = std::chrono::steady_clock;

namespace {

struct Preset {
    const char* name;
    int days;
    int passes_per_day;
    int grid;  // grid × grid checkpoints
    int plates;
};

std::string Plate(uint32_t i) {
    static const char kSerial[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string p = "川";
    p.push_back("ABCDEFGHJK"[i % 10]);
    i /= 10;
    for (int k = 0; k < 5; ++k) {
        p.push_back(kSerial[i % 34]);
        i /= 34;
    }
    return p;
}

double Seconds(Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); }

struct Timing {
    std::vector<double> us;
    void Add(Clock::time_point t0) { us.push_back(Seconds(t0) * 1e6); }
    double P(double q) {
        std::sort(us.begin(), us.end());
        return us.empty() ? 0 : us[std::min(us.size() - 1, static_cast<size_t>(q * us.size()))];
    }
};

}  // namespace

int main(int argc, char** argv) {
    Preset presets[] = {{"small", 1, 100000, 10, 20000}, {"medium", 3, 1000000, 14, 300000},
                        {"county", 30, 1000000, 14, 2000000}};
    Preset pr = presets[0];
    std::string dir = (std::filesystem::temp_directory_path() / "jw_analytics_bench").string();
    size_t watch_n = 1000000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--preset")) {
            for (const auto& p : presets) if (!std::strcmp(argv[i + 1], p.name)) pr = p;
        } else if (!std::strcmp(argv[i], "--dir")) {
            dir = argv[i + 1];
        } else if (!std::strcmp(argv[i], "--watch")) {
            watch_n = std::stoul(argv[i + 1]);
        }
    }
    std::filesystem::remove_all(dir);
    std::mt19937_64 rng(20260301);
    const int64_t start = *jw::ParseChinaTime("2026-03-01 00:00:00");

    // Checkpoints on a grid, 3 km apart; cars move between neighbours at 30-60 km/h, so honest cars are
    // never faster than 120 km/h between consecutive checkpoints.
    std::vector<Checkpoint> cps;
    for (int y = 0; y < pr.grid; ++y) {
        for (int x = 0; x < pr.grid; ++x) {
            cps.push_back({"51990100001" + std::to_string(100000 + y * pr.grid + x), "卡口",
                           104.0 + x * 3.0 / (111.32 * std::cos(30.6 * M_PI / 180)), 30.6 + y * 3.0 / 111.32});
        }
    }
    const int n_cp = static_cast<int>(cps.size());
    // Daily profile: hour weights (morning and evening peaks, quiet nights).
    const double hour_w[24] = {1, 0.6, 0.4, 0.3, 0.4, 1, 3, 7, 9, 6, 5, 5, 5, 5, 5, 5, 6, 8, 9, 6, 4, 3, 2, 1.5};
    std::discrete_distribution<int> hour_of(std::begin(hour_w), std::end(hour_w));
    const int commuters = pr.plates * 8 / 10;
    std::vector<std::vector<PassRecord>> days(pr.days);
    size_t total = 0;
    auto trip = [&](std::vector<PassRecord>& out, const std::string& plate, int cp, int64_t t, int hops,
                    int64_t follow_offset) {
        for (int h = 0; h < hops; ++h) {
            PassRecord p{plate, 2, cps[cp].id, t + follow_offset, 1, 1, 50};
            out.push_back(p);
            const int x = cp % pr.grid, y = cp / pr.grid;
            const int dir4 = static_cast<int>(rng() % 4);
            const int nx = std::clamp(x + (dir4 == 0) - (dir4 == 1), 0, pr.grid - 1);
            const int ny = std::clamp(y + (dir4 == 2) - (dir4 == 3), 0, pr.grid - 1);
            cp = ny * pr.grid + nx;
            t += 180 + static_cast<int64_t>(rng() % 180);
        }
    };
    for (int d = 0; d < pr.days; ++d) {
        auto& out = days[d];
        out.reserve(pr.passes_per_day + 1000);
        while (static_cast<int>(out.size()) < pr.passes_per_day) {
            // Zipf-like popularity among commuters; transients are uniform.
            const bool transient = rng() % 5 == 0;
            const uint32_t id = transient ? commuters + static_cast<uint32_t>(rng() % (pr.plates - commuters))
                                          : static_cast<uint32_t>(std::pow(static_cast<double>(rng() % 1000000) / 1e6, 2.0) * commuters);
            const int64_t t = start + int64_t{d} * 86400 + hour_of(rng) * 3600 + static_cast<int64_t>(rng() % 3600);
            const int cp = static_cast<int>(id * 2654435761u % n_cp);
            const std::string plate = Plate(id);
            const size_t before = out.size();
            trip(out, plate, cp, t, 3 + static_cast<int>(rng() % 6), 0);
            if (id % 50000 == 7) {  // planted convoy: a follower 15 s behind on the same trip
                for (size_t k = before, n = out.size(); k < n; ++k) {
                    PassRecord f = out[k];
                    f.plate = Plate(pr.plates + id % 1000);
                    f.time += 15;
                    out.push_back(f);
                }
            }
        }
        // Planted clones: 10 plates seen at opposite corners 5 minutes apart.
        for (int c = 0; c < 10; ++c) {
            const int64_t t = start + int64_t{d} * 86400 + 12 * 3600 + c * 600;
            out.push_back({Plate(static_cast<uint32_t>(c * 97)), 2, cps[0].id, t, 1, 1, 50});
            out.push_back({Plate(static_cast<uint32_t>(c * 97)), 2, cps[n_cp - 1].id, t + 300, 1, 1, 50});
        }
        std::shuffle(out.begin(), out.end(), rng);
        total += out.size();
    }
    std::printf("preset %s: %d days, %zu passes, %d checkpoints, %d plates\n", pr.name, pr.days, total, n_cp,
                pr.plates);

    double ingest_s = 0;
    {
        auto store = Store::Open(dir);
        if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().message().c_str()), 1;
        (void)(*store)->UpsertCheckpoints(cps);
        const auto t0 = Clock::now();
        for (auto& day : days) {
            for (size_t i = 0; i < day.size(); i += 100000) {
                std::vector<PassRecord> b(day.begin() + i, day.begin() + std::min(day.size(), i + 100000));
                if (!(*store)->Append(b).ok()) return 1;
            }
        }
        ingest_s = Seconds(t0);
    }
    const auto t_open = Clock::now();
    auto store = std::move(Store::Open(dir)).value();
    const double open_s = Seconds(t_open);
    const StoreStats st = store->Stats();
    std::printf("ingest: %.0f passes/s (1 writer thread, fdatasync per 100k batch, indexes maintained)\n",
                total / ingest_s);
    std::printf("restart (replay %.1f MB log, rebuild indexes): %.2f s\n", st.log_bytes / 1e6, open_s);
    std::printf("bytes/pass: %.2f columns+indexes, %.2f with plate dictionary; log %.1f bytes/pass; %lu segments\n",
                double(st.segment_bytes) / st.passes, double(st.segment_bytes + st.dictionary_bytes) / st.passes,
                double(st.log_bytes) / st.passes, static_cast<unsigned long>(st.segments));

    const Snapshot s = store->GetSnapshot();
    const int64_t t_end = start + int64_t{pr.days} * 86400;
    std::vector<std::string> targets;  // spread over popularity
    for (int i = 0; i < 40; ++i) targets.push_back(Plate(static_cast<uint32_t>(std::pow(i / 40.0, 2.0) * commuters)));
    Timing tr, co, col, fs, cl, ni;
    size_t found = 0;
    for (const auto& p : targets) {
        auto t0 = Clock::now();
        found += Trajectory(s, p, start, t_end).size();
        tr.Add(t0);
        t0 = Clock::now();
        found += Companions(s, p, start, std::min(t_end, start + 86400), 60, 2).size();
        co.Add(t0);
    }
    for (int i = 0; i < 40; ++i) {
        std::vector<CollisionCondition> conds;
        for (int c = 0; c < 3; ++c) {
            const int64_t f = start + static_cast<int64_t>(rng() % (pr.days * 24)) * 3600;
            conds.push_back({{cps[rng() % n_cp].id, cps[rng() % n_cp].id}, f, f + 3600});
        }
        auto t0 = Clock::now();
        found += Collision(s, conds, 2).size();
        col.Add(t0);
        const int64_t f = start + static_cast<int64_t>(rng() % (pr.days * 24)) * 3600;
        t0 = Clock::now();
        found += FirstSeen(s, f, f + 3600, 7, {}).size();
        fs.Add(t0);
    }
    for (int i = 0; i < 3; ++i) {
        auto t0 = Clock::now();
        found += Cloned(s, start, t_end, 120).size();
        cl.Add(t0);
        t0 = Clock::now();
        found += Night(s, start, t_end, NightSpec{22 * 3600, 5 * 3600, 2, 0.5}).size();
        ni.Add(t0);
    }
    std::printf("%-11s %10s %10s   (µs, single thread, whole range = %d days)\n", "query", "p50", "p99", pr.days);
    std::printf("%-11s %10.0f %10.0f\n", "trajectory", tr.P(0.5), tr.P(0.99));
    std::printf("%-11s %10.0f %10.0f   (1-day range, W = 60 s)\n", "companion", co.P(0.5), co.P(0.99));
    std::printf("%-11s %10.0f %10.0f   (3 conditions × 2 checkpoints × 1 h)\n", "collision", col.P(0.5), col.P(0.99));
    std::printf("%-11s %10.0f %10.0f   (1 h, lookback 7 days)\n", "first_seen", fs.P(0.5), fs.P(0.99));
    std::printf("%-11s %10.0f %10.0f\n", "cloned", cl.P(0.5), cl.P(0.99));
    std::printf("%-11s %10.0f %10.0f\n", "night", ni.P(0.5), ni.P(0.99));
    auto clones = Cloned(s, start, start + 86400, 120);
    size_t planted = 0;
    for (const auto& c : clones) planted += c.a.checkpoint_id == cps[0].id && c.b.checkpoint_id == cps[n_cp - 1].id;
    std::printf("planted clones found on day 1: %zu of 10 (all suspects: %zu)\n", planted, clones.size());

    WatchList wl;
    wl.Reserve(watch_n);
    for (size_t i = 0; i < watch_n; ++i) {
        (void)wl.Add(Plate(static_cast<uint32_t>(i * 7 + 3)), start, t_end, "unit" + std::to_string(i % 500));
    }
    std::vector<WatchHit> hits;
    const auto t0 = Clock::now();
    size_t checks = 0;
    for (const auto& day : days) {
        for (const auto& p : day) {
            wl.Check(p.plate, p.time, &hits);
            ++checks;
        }
    }
    std::printf("watch list: %zu entries, %.1f MB, %.1f M checks/s/core, %zu hits (%.2f %%)\n", watch_n,
                wl.Bytes() / 1e6, checks / Seconds(t0) / 1e6, hits.size(), 100.0 * hits.size() / checks);
    std::printf("(checksum %zu)\n", found);
    std::filesystem::remove_all(dir);
    return 0;
}

// make bench-province (issue 19): the province preset's 7 days (scaled to this machine by --scale), loaded into
// the in-process engine and into a ClickHouse cluster (urls of its shards), the same queries answered by both,
// replies compared, figures printed as JSON lines and a summary (load rate, per-query-kind p50/p99).
//   jw_province_bench --data DIR --engine DIR --urls http://…,http://… [--scale N] [--generate]

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "analytics/store.hpp"
#include "checkpoint/analysis/clickhouse/compare.hpp"
#include "generator.hpp"

using namespace jw;

namespace {

double Pct(std::vector<int64_t> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return static_cast<double>(v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))]) / 1000.0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string data, engine, urls;
    int scale = 100;
    bool generate = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--data")
            data = next();
        else if (a == "--engine")
            engine = next();
        else if (a == "--urls")
            urls = next();
        else if (a == "--scale")
            scale = std::max(1, std::stoi(next()));
        else if (a == "--generate")
            generate = true;
    }
    if (data.empty() || engine.empty() || urls.empty()) {
        std::fprintf(stderr, "usage: %s --data DIR --engine DIR --urls URL,URL [--scale N] [--generate]\n", argv[0]);
        return 2;
    }
    auto preset = *bench::FindPreset("province");
    // Scaled down: passes, plates and watch entries divided by `scale` (days, checkpoints and planted patterns
    // kept), so the traffic shape is the province's and the planted answers are still there to find.
    preset.passes_per_day /= scale;
    preset.plates /= static_cast<uint32_t>(scale);
    preset.watch_entries /= static_cast<uint32_t>(scale);
    if (generate) {
        std::fprintf(stderr, "generating province/%d: %d days × %lld passes …\n", scale, preset.days,
                     static_cast<long long>(preset.passes_per_day));
        auto g = bench::Generate(preset, 19, data);
        if (!g.ok()) return std::fprintf(stderr, "%s\n", g.status().message().c_str()), 1;
    }
    checkpoint::clickhouse::Settings settings;
    std::stringstream ss(urls);
    for (std::string u; std::getline(ss, u, ',');) settings.urls.push_back(u);
    settings.database = "jw_province";
    auto backend = checkpoint::clickhouse::Backend::Open(settings);
    if (!backend.ok()) return std::fprintf(stderr, "%s\n", backend.status().message().c_str()), 1;
    if (auto st = (*backend)->Truncate(); !st.ok()) return std::fprintf(stderr, "%s\n", st.message().c_str()), 1;
    std::filesystem::remove_all(engine);
    auto store = analytics::Store::Open(engine, {.sync = false, .retention_days = 0, .snapshot_log_bytes = 0});
    if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().message().c_str()), 1;
    auto load = checkpoint::clickhouse::LoadBoth(data, **store, **backend);
    if (!load.ok()) return std::fprintf(stderr, "%s\n", load.status().message().c_str()), 1;
    std::printf("{\"load\": {\"passes\": %llu, \"engine_per_s\": %.0f, \"clickhouse_per_s\": %.0f, \"shards\": %zu}}\n",
                static_cast<unsigned long long>(load->passes), load->passes / load->engine_s,
                load->passes / load->clickhouse_s, settings.urls.size());
    const auto snap = (*store)->GetSnapshot();
    auto requests = checkpoint::clickhouse::ReadRequests(data, snap);
    if (!requests.ok()) return std::fprintf(stderr, "%s\n", requests.status().message().c_str()), 1;
    // The first request of each kind once, untimed (caches on both sides), then the timed round.
    std::vector<Json> warm;
    std::set<std::string> kinds;
    for (const auto& r : *requests) {
        if (kinds.insert(r.value("q", "")).second) warm.push_back(r);
    }
    (void)checkpoint::clickhouse::CompareAll(snap, **backend, warm);
    const auto outcomes = checkpoint::clickhouse::CompareAll(snap, **backend, *requests);
    std::map<std::string, std::vector<int64_t>> e_us, c_us;
    std::map<std::string, int> differ;
    for (const auto& o : outcomes) {
        e_us[o.kind].push_back(o.engine_us);
        c_us[o.kind].push_back(o.clickhouse_us);
        if (!o.equal) {
            ++differ[o.kind];
            std::fprintf(stderr, "DIFFER %s\n  engine:     %.600s\n  clickhouse: %.600s\n", o.kind.c_str(),
                         o.engine_reply.c_str(), o.clickhouse_reply.c_str());
        }
    }
    int total_differ = 0;
    std::printf("%-18s %5s %12s %12s %12s %12s %8s %7s\n", "query", "n", "engine p50", "engine p99", "CH p50", "CH p99",
                "CH/eng", "differ");
    for (const auto& [k, v] : e_us) {
        const double ep50 = Pct(v, 0.5), cp50 = Pct(c_us[k], 0.5);
        std::printf("%-18s %5zu %10.2fms %10.2fms %10.2fms %10.2fms %7.1fx %7d\n", k.c_str(), v.size(), ep50,
                    Pct(v, 0.99), cp50, Pct(c_us[k], 0.99), ep50 > 0 ? cp50 / ep50 : 0.0, differ[k]);
        total_differ += differ[k];
    }
    std::printf("answers: %zu compared, %d differ\n", outcomes.size(), total_differ);
    return total_differ == 0 ? 0 : 1;
}

// Jingwu's side of the benchmark: the engine in-process, through its public headers only.

#include <filesystem>
#include <fstream>
#include <string_view>

#include "analytics/csv_loader.hpp"
#include "analytics/query_json.hpp"
#include "analytics/store.hpp"
#include "analytics/watch_list.hpp"
#include "common/civil_time.hpp"
#include "query_log.hpp"
#include "runner.hpp"

namespace jw::bench {
namespace {

using analytics::LoadReport;
using analytics::Store;
using Clock = std::chrono::steady_clock;

std::vector<std::string_view> Fields(std::string_view line) {
    std::vector<std::string_view> f;
    for (size_t pos = 0;;) {
        const size_t comma = line.find(',', pos);
        f.push_back(line.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
        if (comma == std::string_view::npos) return f;
        pos = comma + 1;
    }
}

Result<analytics::WatchList> LoadWatchList(const std::string& path, double* seconds) {
    std::ifstream in(path);
    if (!in) return Status::Internal("cannot read " + path);
    analytics::WatchList wl;
    const auto t0 = Clock::now();
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        const auto f = Fields(line);
        if (f.size() != 4) return Status::Internal("bad watch-list line: " + line);
        auto added = wl.Add(f[0], *ParseChinaTime(f[1]), *ParseChinaTime(f[2]), f[3]);
        if (!added.ok()) return Status::Internal("watch list: " + added.status().message());
    }
    *seconds = SecondsSince(t0);
    return wl;
}

// Checks every pass of passes.csv against the list, one chunk of parsed (plate, time) pairs at a time; only
// the Check calls are timed.
Json CheckAllPasses(const analytics::WatchList& wl, const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    uint64_t checks = 0, hits = 0;
    double seconds = 0, cpu_s = 0;
    std::vector<analytics::WatchHit> out;
    std::string arena;
    std::vector<std::pair<uint32_t, uint32_t>> plates;  // offset, length in arena
    std::vector<int64_t> times;
    for (bool more = true; more;) {
        arena.clear();
        plates.clear();
        times.clear();
        while (plates.size() < (1u << 20) && (more = static_cast<bool>(std::getline(in, line)))) {
            const auto f = Fields(line);
            plates.emplace_back(static_cast<uint32_t>(arena.size()), static_cast<uint32_t>(f[0].size()));
            arena.append(f[0]);
            times.push_back(*ParseChinaTime(f[3]));
        }
        const auto t0 = Clock::now();
        const double c0 = CpuSeconds();
        for (size_t i = 0; i < plates.size(); ++i) {
            out.clear();
            hits += wl.Check(std::string_view(arena).substr(plates[i].first, plates[i].second), times[i], &out);
        }
        seconds += SecondsSince(t0);
        cpu_s += CpuSeconds() - c0;
        checks += plates.size();
    }
    return {{"entries", wl.size()}, {"bytes", wl.Bytes()}, {"checks", checks},
            {"hits", hits},         {"check_s", seconds},  {"check_cpu_s", cpu_s}};
}

}  // namespace

Status RunJingwu(const RunPaths& paths) {
    std::filesystem::remove_all(paths.work);
    auto opened = Store::Open(paths.work);
    if (!opened.ok()) return opened.status();
    std::unique_ptr<Store> store = std::move(opened).value();
    LoadReport cps, passes;
    {
        std::ifstream in(paths.data + "/checkpoints.csv", std::ios::binary);
        if (auto s = analytics::LoadCheckpointsCsv(*store, in, &cps); !s.ok()) return s;
    }
    const auto t0 = Clock::now();
    const double c0 = CpuSeconds();
    {
        std::ifstream in(paths.data + "/passes.csv", std::ios::binary);
        if (auto s = analytics::LoadPassesCsv(*store, in, &passes); !s.ok()) return s;
    }
    const double ingest_s = SecondsSince(t0), ingest_cpu_s = CpuSeconds() - c0;
    if (passes.rows_rejected + cps.rows_rejected > 0) {
        return Status::Internal("rows rejected: " + std::to_string(passes.rows_rejected + cps.rows_rejected) +
                                (passes.errors.empty() ? "" : ", first: " + passes.errors[0].message));
    }
    store.reset();
    const auto t1 = Clock::now();
    const double c1 = CpuSeconds();
    opened = Store::Open(paths.work);
    if (!opened.ok()) return opened.status();
    store = std::move(opened).value();
    const double restart_s = SecondsSince(t1), restart_cpu_s = CpuSeconds() - c1;
    const analytics::StoreStats st = store->Stats();

    const analytics::Snapshot snap = store->GetSnapshot();
    // The first query of each point kind right after the restart, timed once (RunQueries' warm-up hides it):
    // the cold outlier issue 19 asks to rule out.
    Json first_after_restart = Json::object();
    {
        std::ifstream in(paths.data + "/queries.jsonl");
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            const Json q = Json::parse(line);
            const std::string kind = q["q"].get<std::string>();
            if (!IsPointQuery(kind) || first_after_restart.contains(kind)) continue;
            const double c0 = CpuSeconds();
            (void)analytics::RunQueryText(snap, q);
            first_after_restart[kind] = (CpuSeconds() - c0) * 1e6;
        }
    }
    // Timed as the server answers: the reply as JSON text (RunQueryText; trajectory and first_seen written
    // directly, the others through the Json tree and dump()).
    if (auto s = RunQueries<std::string>(paths.data, paths.answers,
                                         [&](const Json& q) { return analytics::RunQueryText(snap, q); });
        !s.ok()) {
        return s;
    }
    double build_s = 0;
    auto wl = LoadWatchList(paths.data + "/watchlist.csv", &build_s);
    if (!wl.ok()) return wl.status();
    Json watch = CheckAllPasses(*wl, paths.data + "/passes.csv");
    watch["build_s"] = build_s;

    const uint64_t memory = st.segment_bytes + st.dictionary_bytes;
    return WriteJson(paths.stats, {{"engine", "jingwu"},
                                   {"rows", passes.rows_loaded},
                                   {"ingest_s", ingest_s},
                                   {"ingest_cpu_s", ingest_cpu_s},
                                   {"restart_s", restart_s},
                                   {"restart_cpu_s", restart_cpu_s},
                                   {"first_after_restart_cpu_us", first_after_restart},
                                   {"bytes", memory},
                                   {"bytes_detail",
                                    {{"columns_and_indexes", st.segment_bytes},
                                     {"plate_dictionary", st.dictionary_bytes},
                                     {"log_on_disk", st.log_bytes}}},
                                   {"watch", watch}});
}

}  // namespace jw::bench

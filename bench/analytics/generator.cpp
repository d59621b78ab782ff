#include "generator.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>

#include "common/civil_time.hpp"
#include "road_graph.hpp"
#include "traffic.hpp"
#include "workload.hpp"

namespace jw::bench {
namespace {

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

Result<File> Create(const std::string& path) {
    File f(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!f) return Status::Internal("cannot write " + path);
    return f;
}

Status WriteWatchList(const Preset& preset, int64_t start, const std::string& path) {
    auto f = Create(path);
    if (!f.ok()) return f.status();
    std::fputs("plate_no,valid_from,valid_to,owner\n", f->get());
    const std::string from = FormatChinaTime(start);
    uint32_t written = 0;
    for (uint32_t id = 0; id < preset.plates && written < preset.watch_entries; ++id) {
        if (!IsWatched(id, preset.plates)) continue;
        std::fprintf(f->get(), "%s,%s,%s,station-%02u\n", PlateText(id, preset.plates).c_str(), from.c_str(),
                     FormatChinaTime(WatchValidTo(id, start, preset.days)).c_str(), id % 40);
        ++written;
    }
    // The rest of the list: plates from far away that never pass here (the common case for a hotlist).
    const std::string to = FormatChinaTime(start + int64_t{preset.days} * 86400);
    for (uint32_t k = 0; written < preset.watch_entries; ++k, ++written) {
        std::string plate = "藏" + PlateText(k, 0xFFFFFFFFu).substr(3);
        std::fprintf(f->get(), "%s,%s,%s,station-%02u\n", plate.c_str(), from.c_str(), to.c_str(), k % 40);
    }
    return std::ferror(f->get()) ? Status::Internal("cannot write " + path) : Status::Ok();
}

}  // namespace

std::optional<Preset> FindPreset(const std::string& name) {
    static const Preset kPresets[] = {
        {"small", 1, 100'000, 50, 40'000, 100'000, 4, 10, 20, 3},
        {"medium", 3, 1'000'000, 200, 2'000'000, 1'000'000, 10, 10, 50, 5},
        {"county", 30, 1'000'000, 200, 2'000'000, 10'000'000, 20, 10, 200, 10},
        {"province", 7, 100'000'000, 5000, 60'000'000, 10'000'000, 50, 100, 1000, 20},
    };
    for (const auto& p : kPresets) {
        if (p.name == name) return p;
    }
    return std::nullopt;
}

Result<GenerateSummary> Generate(const Preset& preset, uint64_t seed, const std::string& out_dir) {
    const auto t0 = std::chrono::steady_clock::now();
    std::filesystem::create_directories(out_dir);
    std::mt19937_64 rng(seed);
    const RoadGraph graph(preset.checkpoints, rng);
    const int64_t start = *ParseChinaTime("2026-03-01 00:00:00");
    {
        auto f = Create(out_dir + "/checkpoints.csv");
        if (!f.ok()) return f.status();
        std::fputs("checkpoint_id,name,longitude,latitude\n", f->get());
        for (int i = 0; i < graph.size(); ++i) {
            std::fprintf(f->get(), "%s,卡口%04d,%.6f,%.6f\n", graph.node(i).id.c_str(), i, graph.node(i).lon,
                         graph.node(i).lat);
        }
    }
    auto passes = Create(out_dir + "/passes.csv");
    if (!passes.ok()) return passes.status();
    std::fputs("plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed\n", passes->get());
    Traffic traffic(preset, graph, start, Mix(seed), passes->get());
    for (int d = 0; d < preset.days; ++d) traffic.SimulateDay(d);
    if (std::fflush(passes->get()) != 0) return Status::Internal("cannot write passes.csv");
    if (auto s = WriteWatchList(preset, start, out_dir + "/watchlist.csv"); !s.ok()) return s;
    if (auto s = WriteWorkload(preset, graph, traffic, start, rng, out_dir); !s.ok()) return s;
    GenerateSummary sum;
    sum.passes = traffic.passes_written();
    for (uint32_t n : traffic.stats().passes) sum.plates_seen += n > 0;
    sum.watch_hits_expected = traffic.watch_hits();
    sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return sum;
}

}  // namespace jw::bench

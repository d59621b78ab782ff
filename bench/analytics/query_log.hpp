#pragma once
// Shared by the C++ runners: reading queries.jsonl, the warm-up rule and writing one answer line per query.
// Not thread-safe.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "common/json_util.hpp"
#include "common/status.hpp"

namespace jw::bench {

// The timing rule, the same in every runner (duckdb_bench.mjs too): the first query of each point kind
// (trajectory, companion, collision, first_seen) runs once untimed as a warm-up; then each query runs up to
// kMaxRuns times while its runs so far took less than kRunBudgetS, and `us` is the median of those runs
// (on a shared machine a single run is noisy; whole-period scans that take longer run once). Each run is also
// measured in process CPU time (all threads), `cpu_us`: on a machine shared with other work, wall time
// includes waiting for a core, CPU time does not.
constexpr int kMaxRuns = 5;
constexpr double kRunBudgetS = 0.2;

inline double CpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

inline bool IsPointQuery(const std::string& kind) {
    return kind == "trajectory" || kind == "companion" || kind == "collision" || kind == "first_seen";
}

// Runs `run` on every query of <data>/queries.jsonl by the rule above and writes {"i","q","us","runs","reply"}
// lines to `answers_path`. `run` returns the reply or an error (written as {"error": message}, so the report
// flags it). The reply is a Json tree or JSON text (Jingwu's engine answers as text, as it sends a reply; the
// text is parsed into the answers file after the timing).
template <typename Reply = Json>
Status RunQueries(const std::string& data, const std::string& answers_path,
                  const std::type_identity_t<std::function<Result<Reply>(const Json&)>>& run) {
    std::ifstream in(data + "/queries.jsonl");
    if (!in) return Status::Internal("cannot read " + data + "/queries.jsonl");
    std::vector<Json> queries;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) queries.push_back(Json::parse(line));
    }
    std::set<std::string> warmed;
    for (const auto& q : queries) {
        const std::string kind = q["q"].get<std::string>();
        if (IsPointQuery(kind) && warmed.insert(kind).second) (void)run(q);
    }
    std::ofstream out(answers_path, std::ios::binary);
    for (size_t i = 0; i < queries.size(); ++i) {
        std::vector<double> runs, cpu;
        double total_s = 0;
        Result<Reply> reply = Status::Internal("not run");
        while (static_cast<int>(runs.size()) < kMaxRuns && total_s < kRunBudgetS) {
            const auto t0 = std::chrono::steady_clock::now();
            const double c0 = CpuSeconds();
            reply = run(queries[i]);
            cpu.push_back((CpuSeconds() - c0) * 1e6);
            runs.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
            total_s += runs.back() / 1e6;
            if (!reply.ok()) break;
        }
        std::sort(runs.begin(), runs.end());
        std::sort(cpu.begin(), cpu.end());
        Json line = {{"i", i},
                     {"q", queries[i]["q"]},
                     {"us", runs[runs.size() / 2]},
                     {"cpu_us", cpu[cpu.size() / 2]},
                     {"runs", runs.size()}};
        if (reply.ok()) {
            if constexpr (std::is_same_v<Reply, std::string>) {
                line["reply"] = Json::parse(*reply);
            } else {
                line["reply"] = std::move(reply).value();
            }
        } else {
            line["error"] = reply.status().message();
        }
        out << line.dump() << '\n';
    }
    return out ? Status::Ok() : Status::Internal("cannot write " + answers_path);
}

inline Status WriteJson(const std::string& path, const Json& j) {
    std::ofstream out(path, std::ios::binary);
    out << j.dump(1) << '\n';
    return out ? Status::Ok() : Status::Internal("cannot write " + path);
}

inline double SecondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace jw::bench

// jw_analytics_bench: the vehicle-pass engine benchmark's C++ side (see README.md; run.sh drives it).
//   jw_analytics_bench gen    --preset NAME [--seed N] --out DIR
//   jw_analytics_bench jingwu --data DIR --work DIR --answers FILE --stats FILE
//   jw_analytics_bench sqlite --data DIR --work DIR --answers FILE --stats FILE

#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "generator.hpp"
#include "runner.hpp"

namespace {

int Usage() {
    std::fputs(
        "usage: jw_analytics_bench gen --preset small|medium|county|province [--seed N] --out DIR\n"
        "       jw_analytics_bench jingwu|sqlite --data DIR --work DIR --answers FILE --stats FILE\n",
        stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return Usage();
    const std::string cmd = argv[1];
    std::map<std::string, std::string> opt;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strncmp(argv[i], "--", 2) != 0) return Usage();
        opt[argv[i] + 2] = argv[i + 1];
    }
    jw::Status st;
    if (cmd == "gen") {
        const auto preset = jw::bench::FindPreset(opt["preset"]);
        if (!preset || opt["out"].empty()) return Usage();
        const uint64_t seed = opt.count("seed") ? std::stoull(opt["seed"]) : 20260301;
        auto sum = jw::bench::Generate(*preset, seed, opt["out"]);
        if (sum.ok()) {
            std::printf("generated %s: %llu passes, %u plates seen, %.1f s\n", preset->name.c_str(),
                        static_cast<unsigned long long>(sum->passes), sum->plates_seen, sum->seconds);
        }
        st = sum.status();
    } else if (cmd == "jingwu" || cmd == "sqlite") {
        const jw::bench::RunPaths paths{opt["data"], opt["work"], opt["answers"], opt["stats"]};
        if (paths.data.empty() || paths.work.empty() || paths.answers.empty() || paths.stats.empty()) return Usage();
        st = cmd == "jingwu" ? jw::bench::RunJingwu(paths) : jw::bench::RunSqlite(paths);
    } else {
        return Usage();
    }
    if (!st.ok()) {
        std::fprintf(stderr, "jw_analytics_bench %s: %s\n", cmd.c_str(), st.message().c_str());
        return 1;
    }
    return 0;
}

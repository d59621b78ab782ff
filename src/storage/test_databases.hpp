#pragma once
// For tests: the backends every storage-touching test runs on. "sqlite" always works (a file in a
// per-process temp directory); "postgres" uses a fresh database per test process on the server named by
// JW_TEST_PG_URL (make test starts one), and the test is skipped when that variable is unset.
// Both names are always listed, so test discovery does not depend on the environment.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace jw::storage::testing {

inline std::vector<std::string> Backends() { return {"sqlite", "postgres"}; }

// URL of a fresh database for this process, or "" when the backend is unavailable here.
inline std::string FreshDatabaseUrl(const std::string& backend, const std::string& name) {
    const std::string tag = name + "_" + std::to_string(getpid());
    if (backend == "sqlite") {
        auto dir = std::filesystem::temp_directory_path() / ("jw_test_" + tag);
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        return "sqlite:" + (dir / "test.db").string();
    }
    const char* base = std::getenv("JW_TEST_PG_URL");
    if (base == nullptr || *base == '\0') return "";
    auto admin = OpenPostgres(base);
    if (!admin.ok()) return "";
    const std::string db = "jw_t_" + tag;
    (void)(*admin)->ExecScript("DROP DATABASE IF EXISTS " + db);
    if (!(*admin)->ExecScript("CREATE DATABASE " + db).ok()) return "";
    std::string url(base);
    return url.substr(0, url.rfind('/') + 1) + db;
}

}  // namespace jw::storage::testing

#pragma once
// Server configuration: defaults, then a TOML file (--config, or ./jingwu.toml when present), then the
// environment (JINGWU_DB, JINGWU_LISTEN, JINGWU_WEB_ROOT, JINGWU_KEY_FILE, JINGWU_THREADS,
// JINGWU_PASS_DIR, JINGWU_MAX_CONNECTIONS, JINGWU_ALLOWED_ORIGINS), then flags.

#include <string>

#include "common/status.hpp"

namespace jw::app {

struct Config {
    std::string db = "sqlite:var/jingwu.db";
    std::string listen = "127.0.0.1:8080";
    std::string web_root = "web/dist";
    std::string key_file = "var/jingwu.key";  // 16-byte SM4 key for secrets at rest; created if missing
    // Directory of the vehicle pass engine (checkpoint passes); "" = "passes" beside a SQLite database file,
    // else var/passes.
    std::string pass_dir;
    // HTTP worker threads; 0: four per CPU core, at least 8 (handlers may wait on a disk sync — GA/T 1400 intake
    // appends durably before it answers — so more requests than cores must be in flight).
    int threads = 0;
    // Open HTTP connections at most; 0: from the open-file limit (http/conn_guard.hpp).
    int max_connections = 0;
    // Comma-separated origins (scheme://host[:port]) besides the server's own that may open the WebSocket,
    // e.g. the address users type when a reverse proxy rewrites Host.
    std::string allowed_origins;
    std::string county_name = "示范县公安局";
    std::string region_code = "519901";
};

// The pass engine directory: pass_dir, else "passes" beside a SQLite database file, else var/passes.
std::string PassDir(const Config& c);

// Errors: InvalidArgument naming the file or key.
Result<Config> LoadConfig(const std::string& path);
// Reads or creates the key file (mode 0600). Error: Unavailable.
Result<std::string> LoadOrCreateKey(const std::string& path);

}  // namespace jw::app

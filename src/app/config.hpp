#pragma once
// Server configuration: defaults, then a TOML file (--config, or ./jingwu.toml when present), then the
// environment (JINGWU_DB, JINGWU_LISTEN, JINGWU_WEB_ROOT, JINGWU_KEY_FILE, JINGWU_THREADS,
// JINGWU_PASS_DIR, JINGWU_DEMO_SMS_FILE, JINGWU_AUDIT_ANCHOR, JINGWU_SECURE_COOKIES, JINGWU_MAX_CONNECTIONS,
// JINGWU_ALLOWED_ORIGINS, JINGWU_MEDIA_UNATTACHED_HOURS), then flags.

#include <optional>
#include <string>
#include <vector>

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
    // The demo SMS gateway's stand-in for the recipients' phones: whole texts are appended there (mode 0600); the
    // log only ever has them masked. "" = nowhere. For the demo and tests only ([notify] demo_sms_file).
    std::string demo_sms_file;
    // The audit chain's anchor file (ADR 0015); "" = "<database file>.audit-anchor" for SQLite, else
    // "<database name>.audit-anchor" beside the key file. Put it where the database's owner cannot write.
    std::string audit_anchor;
    // HTTP worker threads; 0: four per CPU core, at least 8 (handlers may wait on a disk sync — GA/T 1400 intake
    // appends durably before it answers — so more requests than cores must be in flight).
    int threads = 0;
    // Session cookies with the Secure attribute ([security] secure_cookies, JINGWU_SECURE_COOKIES=1|0). Unset:
    // on, except for a database made by `init --demo` (plain http on 127.0.0.1, where a Secure cookie would
    // never be sent back).
    std::optional<bool> secure_cookies;
    // Open HTTP connections at most; 0: from the open-file limit (http/conn_guard.hpp).
    int max_connections = 0;
    // Comma-separated origins (scheme://host[:port]) besides the server's own that may open the WebSocket,
    // e.g. the address users type when a reverse proxy rewrites Host.
    std::string allowed_origins;
    // Photos uploaded but never attached to a record are deleted this many hours after the upload ([media]
    // unattached_hours, JINGWU_MEDIA_UNATTACHED_HOURS; media/media_purge.hpp).
    int media_unattached_hours = 24;
    // Pass analytics backend ([analytics], ADR 0067): "engine" (in-process, the default) or "clickhouse" (the engine
    // keeps `analytics_hot_days` days in front of a ClickHouse cluster: [analytics.clickhouse] urls (every shard's
    // http://host:port, the first answers queries), database, cluster, user, password).
    std::string analytics_backend = "engine";
    int analytics_hot_days = 7;
    std::vector<std::string> clickhouse_urls;
    std::string clickhouse_database = "jingwu";
    std::string clickhouse_cluster = "jw";
    std::string clickhouse_user = "default";
    std::string clickhouse_password;
    std::string county_name = "示范县公安局";
    std::string region_code = "519901";
};

// The pass engine directory: pass_dir, else "passes" beside a SQLite database file, else var/passes.
std::string PassDir(const Config& c);
// The audit anchor file: audit_anchor, else beside the SQLite database file, else beside the key file.
std::string AuditAnchorPath(const Config& c);

// Errors: InvalidArgument naming the file or key.
Result<Config> LoadConfig(const std::string& path);
// Reads or creates the key file (mode 0600). Error: Unavailable.
Result<std::string> LoadOrCreateKey(const std::string& path);

}  // namespace jw::app

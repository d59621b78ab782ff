#include "app/config.hpp"

#include <sys/stat.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/crypto.hpp"

namespace jw::app {

Result<Config> LoadConfig(const std::string& path) {
    Config c;
    std::string file = path;
    if (file.empty() && std::filesystem::exists("jingwu.toml")) file = "jingwu.toml";
    if (!file.empty()) {
        try {
            const auto t = toml::parse_file(file);
            c.db = t["database"]["url"].value_or(c.db);
            c.listen = t["server"]["listen"].value_or(c.listen);
            c.web_root = t["server"]["web_root"].value_or(c.web_root);
            c.threads = t["server"]["threads"].value_or(c.threads);
            c.max_connections = t["server"]["max_connections"].value_or(c.max_connections);
            c.allowed_origins = t["server"]["allowed_origins"].value_or(c.allowed_origins);
            c.key_file = t["security"]["key_file"].value_or(c.key_file);
            if (auto v = t["security"]["secure_cookies"].value<bool>()) c.secure_cookies = *v;
            c.pass_dir = t["checkpoint"]["pass_dir"].value_or(c.pass_dir);
            c.demo_sms_file = t["notify"]["demo_sms_file"].value_or(c.demo_sms_file);
            c.audit_anchor = t["security"]["audit_anchor"].value_or(c.audit_anchor);
            c.county_name = t["county"]["name"].value_or(c.county_name);
            c.region_code = t["county"]["region_code"].value_or(c.region_code);
            c.media_unattached_hours = t["media"]["unattached_hours"].value_or(c.media_unattached_hours);
            c.analytics_backend = t["analytics"]["backend"].value_or(c.analytics_backend);
            c.analytics_hot_days = t["analytics"]["hot_days"].value_or(c.analytics_hot_days);
            if (const auto* urls = t["analytics"]["clickhouse"]["urls"].as_array()) {
                for (const auto& u : *urls) {
                    if (auto s = u.value<std::string>()) c.clickhouse_urls.push_back(*s);
                }
            }
            const auto ch = t["analytics"]["clickhouse"];
            c.clickhouse_database = ch["database"].value_or(c.clickhouse_database);
            c.clickhouse_cluster = ch["cluster"].value_or(c.clickhouse_cluster);
            c.clickhouse_user = ch["user"].value_or(c.clickhouse_user);
            c.clickhouse_password = ch["password"].value_or(c.clickhouse_password);
        } catch (const toml::parse_error& e) {
            return Status::Invalid("config", file + ": " + std::string(e.description()));
        }
    }
    if (const char* v = std::getenv("JINGWU_DB")) c.db = v;
    if (const char* v = std::getenv("JINGWU_LISTEN")) c.listen = v;
    if (const char* v = std::getenv("JINGWU_WEB_ROOT")) c.web_root = v;
    if (const char* v = std::getenv("JINGWU_KEY_FILE")) c.key_file = v;
    if (const char* v = std::getenv("JINGWU_THREADS")) c.threads = std::atoi(v);
    if (const char* v = std::getenv("JINGWU_PASS_DIR")) c.pass_dir = v;
    if (const char* v = std::getenv("JINGWU_DEMO_SMS_FILE")) c.demo_sms_file = v;
    if (const char* v = std::getenv("JINGWU_AUDIT_ANCHOR")) c.audit_anchor = v;
    if (const char* v = std::getenv("JINGWU_SECURE_COOKIES")) {
        const std::string s = v;
        if (s == "1" || s == "true" || s == "on")
            c.secure_cookies = true;
        else if (s == "0" || s == "false" || s == "off")
            c.secure_cookies = false;
        else
            return Status::Invalid("JINGWU_SECURE_COOKIES", "expected 1 or 0");
    }
    if (const char* v = std::getenv("JINGWU_MAX_CONNECTIONS")) c.max_connections = std::atoi(v);
    if (const char* v = std::getenv("JINGWU_ALLOWED_ORIGINS")) c.allowed_origins = v;
    if (const char* v = std::getenv("JINGWU_MEDIA_UNATTACHED_HOURS")) c.media_unattached_hours = std::atoi(v);
    if (c.analytics_backend != "engine" && c.analytics_backend != "clickhouse")
        return Status::Invalid("analytics.backend", "expected engine or clickhouse");
    if (c.analytics_backend == "clickhouse" && c.clickhouse_urls.empty())
        return Status::Invalid("analytics.clickhouse.urls", "required");
    if (c.media_unattached_hours < 1) return Status::Invalid("unattached_hours", "out_of_range");
    if (c.max_connections < 0) return Status::Invalid("max_connections", "out_of_range");
    if (c.threads == 0) c.threads = static_cast<int>(std::max(8u, 4 * std::thread::hardware_concurrency()));
    if (c.threads < 1 || c.threads > 256) return Status::Invalid("threads", "out_of_range");
    return c;
}

std::string PassDir(const Config& c) {
    if (!c.pass_dir.empty()) return c.pass_dir;
    if (c.db.starts_with("sqlite:")) {
        auto parent = std::filesystem::path(c.db.substr(7)).parent_path();
        return (parent.empty() ? std::filesystem::path("passes") : parent / "passes").string();
    }
    return "var/passes";
}

std::string AuditAnchorPath(const Config& c) {
    if (!c.audit_anchor.empty()) return c.audit_anchor;
    if (c.db.starts_with("sqlite:")) return c.db.substr(7) + ".audit-anchor";
    // One file per database (several may share a key file): named after the database in the URL.
    std::string name = c.db.substr(0, c.db.find('?'));
    name = name.substr(name.rfind('/') + 1);
    std::erase_if(name,
                  [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '-'; });
    const std::string file = (name.empty() ? std::string("audit") : name) + ".audit-anchor";
    auto parent = std::filesystem::path(c.key_file).parent_path();
    return (parent.empty() ? std::filesystem::path(file) : parent / file).string();
}

Result<std::string> LoadOrCreateKey(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (in) {
        std::string hex((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        while (!hex.empty() && (hex.back() == '\n' || hex.back() == ' ')) hex.pop_back();
        std::string key = FromHex(hex);
        if (key.size() != 16) return Status(ErrorCode::kUnavailable, "key file " + path + " is not 32 hex digits");
        return key;
    }
    const std::string key = RandomBytes(16);
    std::error_code ec;
    if (auto parent = std::filesystem::path(path).parent_path(); !parent.empty())
        std::filesystem::create_directories(parent, ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Status(ErrorCode::kUnavailable, "cannot write key file " + path);
    out << ToHex(key) << "\n";
    out.close();
    chmod(path.c_str(), 0600);
    return key;
}

}  // namespace jw::app

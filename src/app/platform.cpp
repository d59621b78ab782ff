#include "app/platform.hpp"

#include <filesystem>

#include "analytics/store.hpp"
#include "auth/seed.hpp"
#include "checkpoint/analysis/clickhouse/analytics_router.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "idempotency/idempotency.hpp"
#include "media/media_store.hpp"
#include "notify/outbox.hpp"
#include "publicauth/public_auth.hpp"
#include "storage/migrations.hpp"

namespace jw::app {

audit::AuditEntry Platform::CliEntry(const std::string& action, const std::string& object) const {
    audit::AuditEntry e;
    const char* user = std::getenv("USER");
    e.username = std::string("cli:") + (user ? user : "root");
    e.client = "cli";
    e.action = action;
    e.object = object;
    return e;
}

Result<std::unique_ptr<Platform>> OpenPlatform(const Config& config) {
    auto p = std::make_unique<Platform>();
    p->config = config;
    if (config.db.starts_with("sqlite:")) {
        auto parent = std::filesystem::path(config.db.substr(7)).parent_path();
        std::error_code ec;
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    }
    auto db = storage::Database::Open(config.db);
    if (!db.ok()) return db.status();
    p->db = std::move(db).value();

    auto key = LoadOrCreateKey(config.key_file);
    if (!key.ok()) return key.status();
    p->key = *key;
    p->settings.region_code = config.region_code;
    p->settings.county_name = config.county_name;
    p->settings.version = JINGWU_VERSION;
    p->settings.pass_dir = PassDir(config);
    p->modules = modules::AllModules();

    std::vector<storage::Migration> migrations;
    auto add = [&](std::string_view module, const auto& files) {
        auto m = storage::MigrationsFromFiles(std::string(module), p->db->dialect(), files);
        migrations.insert(migrations.end(), m.begin(), m.end());
        for (const auto& [name, content] : files) {
            if (name == "permissions.csv") return p->registry.AddCsv(content);
        }
        return Status::Ok();
    };
    JW_RETURN_IF_ERROR(add("audit", audit::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("auth", auth::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("notify", notify::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("media", media::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("idempotency", idempotency::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("publicauth", publicauth::schema::EmbeddedFiles()));
    for (const auto& m : p->modules) JW_RETURN_IF_ERROR(add(m->Name(), m->Files()));
    {
        auto c = p->db->Acquire();
        if (!c.ok()) return c.status();
        auto applied = storage::ApplyMigrations(**c, migrations);
        if (!applied.ok()) return applied.status();
        JW_RETURN_IF_ERROR(
            storage::InTransaction(**c, [&](storage::Connection& tx) { return auth::SeedRoles(tx, p->registry); }));
        publicauth::InstallKeys(p->key);  // the public SMS-code login (ADR 0058), for every module
        const modules::PrepareContext ctx{p->key, p->settings, NowUnix()};
        for (const auto& m : p->modules) JW_RETURN_IF_ERROR(m->Prepare(**c, ctx));
    }

    auto log = audit::AuditLog::Open(
        *p->db, audit::ChainOptions{.key = DeriveKey(p->key, "audit.chain"), .anchor_path = AuditAnchorPath(config)});
    if (!log.ok()) return log.status();
    p->audit = std::move(log).value();
    auto committer = storage::Committer::Start(*p->db, p->audit->CommitterHooks());
    if (!committer.ok()) return committer.status();
    p->committer = std::move(committer).value();
    p->audit->Attach(p->committer.get());
    return p;
}

Status InstallAnalyticsBackend(const Config& config) {
    if (config.analytics_backend != "clickhouse") return Status::Ok();
    checkpoint::clickhouse::RouterConfig rc;
    rc.backend = config.analytics_backend;
    rc.hot_days = config.analytics_hot_days;
    rc.clickhouse.urls = config.clickhouse_urls;
    rc.clickhouse.database = config.clickhouse_database;
    rc.clickhouse.cluster = config.clickhouse_cluster;
    rc.clickhouse.user = config.clickhouse_user;
    rc.clickhouse.password = config.clickhouse_password;
    rc.clickhouse.source = config.region_code;
    JW_ASSIGN_OR_RETURN(auto router, checkpoint::clickhouse::Router::Open(rc));
    checkpoint::clickhouse::InstallRouter(std::move(router));
    return Status::Ok();
}

Result<std::string> WriteEnginePassesToClickHouse(const Config& config, const std::string& pass_dir, bool all_days) {
    if (config.analytics_backend != "clickhouse") return Status::Invalid("analytics.backend", "not clickhouse");
    if (!checkpoint::clickhouse::InstalledRouter()) JW_RETURN_IF_ERROR(InstallAnalyticsBackend(config));
    analytics::StoreOptions options;
    options.retention_days = 0;  // read as it is: the serving process applies hot_days
    JW_ASSIGN_OR_RETURN(auto store, analytics::Store::Open(pass_dir, options));
    JW_ASSIGN_OR_RETURN(auto report,
                        checkpoint::clickhouse::InstalledRouter()->Reconcile(store->GetSnapshot(), all_days));
    return "passes written to ClickHouse: " + std::to_string(report.passes_rewritten) + " over " +
           std::to_string(report.days_rewritten.size()) + " of " + std::to_string(report.days_checked) + " days\n";
}

}  // namespace jw::app

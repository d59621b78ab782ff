#include "app/platform.hpp"

#include <filesystem>

#include "auth/seed.hpp"
#include "common/crypto.hpp"
#include "alerts/alerts_module.hpp"
#include "cases/case_secrets.hpp"
#include "cases/cases_module.hpp"
#include "checkpoint/checkpoint_module.hpp"
#include "discretion/discretion_module.hpp"
#include "notify/outbox.hpp"
#include "units/units_module.hpp"
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

    std::vector<storage::Migration> migrations;
    auto add = [&](const char* module, const auto& files) {
        auto m = storage::MigrationsFromFiles(module, p->db->dialect(), files);
        migrations.insert(migrations.end(), m.begin(), m.end());
        for (const auto& [name, content] : files) {
            if (name == "permissions.csv") return p->registry.AddCsv(content);
        }
        return Status::Ok();
    };
    JW_RETURN_IF_ERROR(add("audit", audit::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("auth", auth::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("notify", notify::schema::EmbeddedFiles()));
    JW_RETURN_IF_ERROR(add("units", units::ModuleFiles()));
    JW_RETURN_IF_ERROR(add("discretion", discretion::ModuleFiles()));
    JW_RETURN_IF_ERROR(add("cases", cases::ModuleFiles()));
    JW_RETURN_IF_ERROR(add("alerts", alerts::ModuleFiles()));
    JW_RETURN_IF_ERROR(add("checkpoint", checkpoint::ModuleFiles()));
    {
        auto c = p->db->Acquire();
        if (!c.ok()) return c.status();
        auto applied = storage::ApplyMigrations(**c, migrations);
        if (!applied.ok()) return applied.status();
        JW_RETURN_IF_ERROR(storage::InTransaction(**c, [&](storage::Connection& tx) {
            JW_RETURN_IF_ERROR(discretion::SeedEditions(tx));
            return auth::SeedRoles(tx, p->registry);
        }));
    }
    auto key = LoadOrCreateKey(config.key_file);
    if (!key.ok()) return key.status();
    p->key = *key;
    // Personal fields and query codes of cases are keyed from the master key (ADR 0017); rows an older server
    // left in plain text are sealed now, before anything serves them.
    cases::InstallKeys(p->key);
    {
        auto c = p->db->Acquire();
        if (!c.ok()) return c.status();
        auto sealed = cases::SealPlainRecords(**c);
        if (!sealed.ok()) return sealed.status();
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

}  // namespace jw::app

#include "units/restructure_test_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "audit/audit_log.hpp"
#include "auth/permission_registry.hpp"
#include "auth/seed.hpp"
#include "notify/outbox.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"
#include "units/units_module.hpp"

namespace jw::units::testing {

using storage::V;

std::unique_ptr<storage::Database> OpenFresh(
    const std::string& backend, const std::string& name, bool demo,
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string_view, std::string_view>>>>& extra) {
    const std::string url = storage::testing::FreshDatabaseUrl(backend, name);
    if (url.empty()) return nullptr;
    auto db = storage::Database::Open(url);
    if (!db.ok()) return nullptr;
    auto c = (*db)->Acquire();
    if (!c.ok()) return nullptr;
    std::vector<storage::Migration> all;
    auth::PermissionRegistry registry;
    auto add = [&](const std::string& module, const auto& files) {
        auto m = storage::MigrationsFromFiles(module, (*db)->dialect(), files);
        all.insert(all.end(), m.begin(), m.end());
        for (const auto& [file, content] : files) {
            if (file == "permissions.csv") {
                EXPECT_TRUE(registry.AddCsv(content).ok());
            }
        }
    };
    add("audit", audit::schema::EmbeddedFiles());
    add("auth", auth::schema::EmbeddedFiles());
    add("notify", notify::schema::EmbeddedFiles());
    add("units", ModuleFiles());
    for (const auto& [module, files] : extra) add(module, files);
    if (!storage::ApplyMigrations(**c, all).ok()) return nullptr;
    Status seeded = storage::InTransaction(**c, [&](storage::Connection& tx) -> Status {
        JW_RETURN_IF_ERROR(auth::SeedRoles(tx, registry));
        if (!demo) return Status::Ok();
        // The demo's analyst role comes from the checkpoint and alerts tables, which these tests do not load.
        JW_RETURN_IF_ERROR(
            tx.Exec("INSERT INTO roles (code, kind, scope, totp_required) SELECT 'analyst', "
                    "'business', 'unit', 0 WHERE NOT EXISTS (SELECT 1 FROM roles WHERE code = 'analyst')"));
        return auth::SeedDemoCounty(tx, 1700000000).status();
    });
    EXPECT_TRUE(seeded.ok()) << seeded.message();
    return std::move(db).value();
}

std::unique_ptr<storage::Database> OpenDemoCopy(
    const std::string& backend, const std::string& name,
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string_view, std::string_view>>>>& extra,
    const std::function<Status(storage::Connection&)>& seed_more) {
    static std::map<std::string, std::string> templates;  // backend → template URL
    static int copies = 0;
    auto& url = templates[backend];
    if (url.empty()) {
        auto db = OpenFresh(backend, "units_tpl", true, extra);
        if (!db) return nullptr;
        if (seed_more) {
            auto c = db->Acquire();
            if (!c.ok() || !storage::InTransaction(**c, seed_more).ok()) return nullptr;
        }
        url = db->url();
    }
    const std::string copy = storage::testing::FreshDatabaseUrl(backend, name + std::to_string(++copies));
    if (copy.empty()) return nullptr;
    if (backend == "sqlite") {
        std::filesystem::copy_file(url.substr(7), copy.substr(7), std::filesystem::copy_options::overwrite_existing);
    } else {
        auto admin = storage::OpenPostgres(std::getenv("JW_TEST_PG_URL"));
        if (!admin.ok()) return nullptr;
        const std::string db_name = copy.substr(copy.rfind('/') + 1);
        (void)(*admin)->ExecScript("DROP DATABASE IF EXISTS " + db_name);
        Status s = (*admin)->ExecScript("CREATE DATABASE " + db_name + " TEMPLATE " + url.substr(url.rfind('/') + 1));
        EXPECT_TRUE(s.ok()) << s.message();
        if (!s.ok()) return nullptr;
    }
    auto db = storage::Database::Open(copy);
    return db.ok() ? std::move(db).value() : nullptr;
}

std::string TestData(const std::string& file, const std::string& date) {
    const char* root = std::getenv("JW_SOURCE_DIR");
    std::ifstream in(std::string(root ? root : ".") + "/src/modules/units/testdata/" + file);
    std::ostringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    for (size_t at = s.find("@DATE@"); at != std::string::npos; at = s.find("@DATE@", at)) s.replace(at, 6, date);
    return s;
}

Plan ParseOrDie(const std::string& text) {
    auto plan = ParsePlanText(text, "2026-12-06");
    EXPECT_TRUE(plan.ok()) << plan.status().message();
    return plan.ok() ? *plan : Plan{};
}

int64_t UnitId(storage::Connection& c, const std::string& code) {
    auto r = c.QueryOne("SELECT id FROM units WHERE code = ?", {V(code)});
    EXPECT_TRUE(r.ok()) << code;
    return r.ok() ? r->Int(0) : 0;
}

int64_t UserUnit(storage::Connection& c, const std::string& username) {
    auto r = c.QueryOne("SELECT unit_id FROM users WHERE username = ?", {V(username)});
    EXPECT_TRUE(r.ok()) << username;
    return r.ok() ? r->Int(0) : 0;
}

int64_t Count(storage::Connection& c, const std::string& sql) {
    auto r = c.QueryOne(sql);
    EXPECT_TRUE(r.ok()) << sql;
    return r.ok() ? r->Int(0) : -1;
}

Status InTx(storage::Database& db, const std::function<Status(storage::Connection&)>& fn) {
    auto lease = db.Acquire();
    if (!lease.ok()) return lease.status();
    return storage::InTransaction(**lease, fn);
}

}  // namespace jw::units::testing

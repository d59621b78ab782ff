#include "test_support/database_test.hpp"

#include "audit/audit_log.hpp"
#include "auth/permission_registry.hpp"
#include "auth/seed.hpp"
#include "notify/outbox.hpp"
#include "storage/migrations.hpp"

namespace jw::test_support {

using storage::V;

std::vector<Schema> PlatformSchemas(bool with_audit) {
    std::vector<Schema> out{{"auth", &auth::schema::EmbeddedFiles()}};
    if (with_audit) out.push_back({"audit", &audit::schema::EmbeddedFiles()});
    out.push_back({"notify", &notify::schema::EmbeddedFiles()});
    return out;
}

Status Migrate(storage::Database& db, const std::vector<Schema>& schemas, bool seed_roles) {
    std::vector<storage::Migration> migrations;
    auth::PermissionRegistry registry;
    for (const auto& s : schemas) {
        auto m = storage::MigrationsFromFiles(s.module, db.dialect(), *s.files);
        migrations.insert(migrations.end(), m.begin(), m.end());
        for (const auto& [file, content] : *s.files)
            if (file == "permissions.csv") JW_RETURN_IF_ERROR(registry.AddCsv(content));
    }
    JW_ASSIGN_OR_RETURN(storage::Database::Lease c, db.Acquire());
    JW_RETURN_IF_ERROR(storage::ApplyMigrations(*c, migrations).status());
    if (seed_roles) JW_RETURN_IF_ERROR(auth::SeedRoles(*c, registry));
    return Status::Ok();
}

Result<std::unique_ptr<storage::Database>> OpenMigrated(const std::string& backend, const std::string& name,
                                                        const std::vector<Schema>& schemas, bool seed_roles) {
    const std::string url = storage::testing::FreshDatabaseUrl(backend, name);
    if (url.empty()) return std::unique_ptr<storage::Database>();
    JW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Database> db, storage::Database::Open(url));
    JW_RETURN_IF_ERROR(Migrate(*db, schemas, seed_roles));
    return db;
}

Result<int64_t> InsertUnit(storage::Connection& c, const std::string& code, const std::string& name,
                           std::optional<int64_t> parent, const std::string& kind) {
    JW_ASSIGN_OR_RETURN(storage::Row r, c.QueryOne("INSERT INTO units (code, name, kind, parent_id, region_code, "
                                                   "created_at) VALUES (?, ?, ?, ?, '519901', 0) RETURNING id",
                                                   {V(code), V(name), V(kind), parent ? V(*parent) : storage::Null()}));
    return r.Int(0);
}

Result<int64_t> InsertUser(storage::Connection& c, const NewUser& u) {
    JW_ASSIGN_OR_RETURN(storage::Row r,
                        c.QueryOne("INSERT INTO users (username, police_no, name, unit_id, phone, status, "
                                   "password_hash, password_changed_at, must_change_password, created_at) VALUES "
                                   "(?, ?, ?, ?, '13900000000', 'active', 'x', 0, 0, 0) RETURNING id",
                                   {V(u.username), V(u.police_no.empty() ? u.username : u.police_no),
                                    V(u.name.empty() ? u.username : u.name), V(u.unit_id)}));
    const int64_t id = r.Int(0);
    if (!u.role.empty())
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)", {V(id), V(u.role)}));
    return id;
}

bool DatabaseTest::OpenDatabase(const std::string& name, const std::vector<Schema>& schemas, bool seed_roles) {
    auto db = OpenMigrated(GetParam(), name, schemas, seed_roles);
    if (!db.ok()) {
        ADD_FAILURE() << "opening the test database: " << db.status().message();
        return false;
    }
    if (*db == nullptr) {
        [] { GTEST_SKIP() << "JW_TEST_PG_URL is not set"; }();  // GTEST_SKIP returns void: record it in a lambda
        return false;
    }
    db_ = std::move(db).value();
    auto lease = db_->Acquire();
    if (!lease.ok()) {
        ADD_FAILURE() << "acquiring a connection: " << lease.status().message();
        return false;
    }
    lease_ = std::make_unique<storage::Database::Lease>(std::move(*lease));
    c_ = &**lease_;
    return true;
}

int64_t DatabaseTest::Unit(const std::string& code, const std::string& name, std::optional<int64_t> parent,
                           const std::string& kind) {
    auto id = InsertUnit(*c_, code, name, parent, kind);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
}

int64_t DatabaseTest::User(const std::string& username, int64_t unit_id, const std::string& role) {
    auto id = InsertUser(*c_, {username, unit_id, role, "", ""});
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
}

int64_t DatabaseTest::Count(const std::string& sql, const storage::Params& params) {
    auto r = c_->QueryOne(sql, params);
    EXPECT_TRUE(r.ok()) << sql << ": " << r.status().message();
    return r.ok() ? r->Int(0) : 0;
}

}  // namespace jw::test_support

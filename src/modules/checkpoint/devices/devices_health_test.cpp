// The health round end to end on SQLite and PostgreSQL: ids touched in the hub reach last_seen through the
// committer; a checkpoint that falls silent is reported to the duty desk once (in-app, audited as
// device.health), and once again when it is back; a quiet round writes no audit record.
#include "checkpoint/devices/devices_health.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "alerts/alerts_module.hpp"
#include "audit/audit_log.hpp"
#include "auth/seed.hpp"
#include "checkpoint/devices/devices_repository.hpp"
#include "notify/outbox.hpp"
#include "storage/committer.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

constexpr int64_t kT0 = 1790000000;
const std::string kGate = "51990100001210000001";

class HealthTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "devices_health");
        if (url.empty()) GTEST_SKIP() << "JW_TEST_PG_URL is not set";
        db_ = std::move(storage::Database::Open(url)).value();
        {
            auto c = db_->Acquire();
            ASSERT_TRUE(c.ok());
            std::vector<storage::Migration> migrations;
            auth::PermissionRegistry registry;
            for (auto [module, files] :
                 {std::pair{"auth", &auth::schema::EmbeddedFiles()},
                  std::pair{"audit", &audit::schema::EmbeddedFiles()},
                  std::pair{"notify", &notify::schema::EmbeddedFiles()}, std::pair{"alerts", &alerts::ModuleFiles()},
                  std::pair{"checkpoint", &ModuleFiles()}}) {
                auto m = storage::MigrationsFromFiles(module, db_->dialect(), *files);
                migrations.insert(migrations.end(), m.begin(), m.end());
                for (const auto& [name, content] : *files)
                    if (name == "permissions.csv") {
                        ASSERT_TRUE(registry.AddCsv(content).ok());
                    }
            }
            ASSERT_TRUE(storage::ApplyMigrations(**c, migrations).ok());
            ASSERT_TRUE(auth::SeedRoles(**c, registry).ok());
            auto unit = (*c)->QueryOne(
                "INSERT INTO units (code, name, kind, region_code, created_at) VALUES "
                "('519901010200','指挥中心','centre','519901',0) RETURNING id");
            ASSERT_TRUE(unit.ok());
            for (auto [name, role] : {std::pair{"duty", "duty_desk"}, std::pair{"officer", "officer"}}) {
                auto u = (*c)->QueryOne(
                    "INSERT INTO users (username, police_no, name, unit_id, phone, status, "
                    "password_hash, password_changed_at, must_change_password, created_at) VALUES "
                    "(?,?,?,?,'13900000000','active','x',0,0,0) RETURNING id",
                    {V(name), V(name), V(name), V(unit->Int(0))});
                ASSERT_TRUE(u.ok());
                ASSERT_TRUE(
                    (*c)->Exec("INSERT INTO user_roles (user_id, role_code) VALUES (?, ?)", {V(u->Int(0)), V(role)})
                        .ok());
                users_[name] = u->Int(0);
            }
            Device d;
            d.id = kGate;
            d.kind = "tollgate";
            d.name = "城关卡口";
            ASSERT_TRUE(UpsertDevice(**c, d, kT0).ok());
        }
        audit_ = std::move(audit::AuditLog::Open(*db_)).value();
        committer_ = std::move(storage::Committer::Start(*db_, audit_->CommitterHooks())).value();
        audit_->Attach(committer_.get());
        dir_ =
            std::filesystem::temp_directory_path() / ("jw_devices_health_" + GetParam() + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        hub_ = std::move(PassHub::Open({dir_.string(), false, 0})).value();
        outbox_ = std::make_unique<notify::Outbox>(*db_, nullptr);
    }
    void TearDown() override {
        committer_.reset();
        hub_.reset();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }

    Deps MakeDeps() { return Deps{*db_, *committer_, *audit_, *outbox_, *hub_, "", "519901"}; }
    int64_t Count(const std::string& sql, const storage::Params& p = {}) {
        auto c = db_->Acquire();
        return (*c)->QueryOne(sql, p)->Int(0);
    }

    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<storage::Committer> committer_;
    std::unique_ptr<PassHub> hub_;
    std::unique_ptr<notify::Outbox> outbox_;
    std::filesystem::path dir_;
    std::map<std::string, int64_t> users_;
};

TEST_P(HealthTest, TouchedIdsBecomeLastSeenAndTransitionsReachTheDutyDeskOnce) {
    const Deps deps = MakeDeps();
    hub_->Touch(kGate, kT0 + 10);
    hub_->Touch("51990100001210009999", kT0 + 10);  // not registered: ignored
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 20), 0);
    EXPECT_EQ(Count("SELECT last_seen FROM checkpoint_devices WHERE id = ?", {V(kGate)}), kT0 + 10);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'device.health'"), 0);  // quiet round

    EXPECT_EQ(*RunHealthRound(deps, kT0 + 10 + 601), 1);  // silent past the 600 s default
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 10 + 900), 0);
    hub_->Touch(kGate, kT0 + 1000);
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 1001), 1);  // back
    EXPECT_EQ(*RunHealthRound(deps, kT0 + 1002), 0);

    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'device'", {V(users_["duty"])}),
              2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = ?", {V(users_["officer"])}), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'device.health'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, HealthTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::checkpoint

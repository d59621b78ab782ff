#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "auth/account_rules.hpp"
#include "auth/auth_repository.hpp"
#include "auth/password.hpp"
#include "auth/permission_registry.hpp"
#include "auth/seed.hpp"
#include "auth/session_service.hpp"
#include "auth/totp.hpp"
#include "storage/migrations.hpp"

namespace jw::auth {
namespace {

TEST(Password, PolicyNeedsEightCharactersOfThreeClasses) {
    PasswordPolicy p;
    EXPECT_TRUE(CheckPasswordStrength("Abcdef12", p).ok());
    EXPECT_TRUE(CheckPasswordStrength("abcdef1#", p).ok());
    EXPECT_EQ(CheckPasswordStrength("Abcde12", p).fields().at("new_password"), "weak_password");   // 7 characters
    EXPECT_EQ(CheckPasswordStrength("abcdefgh12", p).fields().at("new_password"), "weak_password");  // 2 classes
    for (int i = 0; i < 20; ++i) EXPECT_TRUE(CheckPasswordStrength(GeneratePassword(), p).ok());
}

TEST(Password, PolicyBelowLevelThreeFloorIsRejected) {
    PasswordPolicy p;
    EXPECT_TRUE(CheckPolicyFloor(p).ok());
    p.max_failures = 10;
    p.idle_minutes = 60;
    Status s = CheckPolicyFloor(p);
    EXPECT_EQ(s.fields().at("max_failures"), "below_minimum");
    EXPECT_EQ(s.fields().at("idle_minutes"), "below_minimum");
}

TEST(Password, Argon2idRoundTrip) {
    const std::string h = HashPassword("Abcdef12#");
    EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(VerifyPassword(h, "Abcdef12#"));
    EXPECT_FALSE(VerifyPassword(h, "Abcdef12$"));
}

// RFC 6238 appendix B, SHA-1 rows (8 digits), key "12345678901234567890".
TEST(Totp, Rfc6238Vectors) {
    const std::string key = "12345678901234567890";
    EXPECT_EQ(HotpCode(key, 59 / 30, 8), "94287082");
    EXPECT_EQ(HotpCode(key, 1111111109 / 30, 8), "07081804");
    EXPECT_EQ(HotpCode(key, 1234567890 / 30, 8), "89005924");
    EXPECT_EQ(HotpCode(key, 20000000000 / 30, 8), "65353130");
    // RFC 4226 appendix D, HOTP counter 0 and 1.
    EXPECT_EQ(HotpCode(key, 0), "755224");
    EXPECT_EQ(HotpCode(key, 1), "287082");
    const int64_t now = 1700000000;
    EXPECT_TRUE(VerifyTotp(key, HotpCode(key, now / 30), now));
    EXPECT_TRUE(VerifyTotp(key, HotpCode(key, now / 30 - 1), now));
    EXPECT_FALSE(VerifyTotp(key, HotpCode(key, now / 30 - 3), now));
}

TEST(Permissions, AdministratorsAreSeparated) {
    PermissionRegistry reg;
    ASSERT_TRUE(reg.AddCsv("permission,module,sys_admin,sec_admin,audit_admin,officer\n"
                           "user.write,platform,x,,,\naudit.read,platform,,,x,\ncase.read,cases,,,,x\n")
                    .ok());
    EXPECT_TRUE(reg.Allowed("sys_admin", "user.write"));
    EXPECT_FALSE(reg.Allowed("sec_admin", "user.write"));
    EXPECT_FALSE(reg.Allowed("sys_admin", "audit.read"));
    EXPECT_FALSE(reg.Allowed("audit_admin", "case.read"));  // no administrator reads business data
    EXPECT_TRUE(reg.Allowed("officer", "case.read"));
    EXPECT_FALSE(reg.Allowed("officer", "audit.read"));
    EXPECT_FALSE(reg.AddCsv("permission,module,sys_admin,officer\nx.y,m,x,x\n").ok());
    ASSERT_TRUE(reg.AddCsv("permission,module,audit_admin,officer\nnotify.read,personal,x,x\n").ok());
    EXPECT_TRUE(reg.Allowed("audit_admin", "notify.read"));  // everyone reads their own inbox
    EXPECT_TRUE(reg.Allowed("officer", "notify.read"));
}

TEST(AccountRules, RoleSetsKeepDutiesApart) {
    std::vector<Role> known = {{"sys_admin", "admin", "all", false, {}}, {"audit_admin", "admin", "all", false, {}},
                               {"officer", "business", "unit", false, {}}, {"leader", "business", "all", false, {}}};
    EXPECT_TRUE(ValidateRoleSet({"officer", "leader"}, known).ok());
    EXPECT_EQ(ValidateRoleSet({"sys_admin", "audit_admin"}, known).fields().at("roles"), "separation_of_duties");
    EXPECT_EQ(ValidateRoleSet({"sys_admin", "officer"}, known).fields().at("roles"), "separation_of_duties");
    EXPECT_EQ(ValidateRoleSet({"ghost"}, known).fields().at("roles"), "unknown_role");
}

TEST(AccountRules, NewUserFieldsAreValidated) {
    User u;
    u.username = "wang.qiang";
    u.police_no = "990123";
    u.name = "王强";
    u.phone = "13812345678";
    EXPECT_TRUE(ValidateNewUser(u).ok());
    u.username = "x'; DROP TABLE users;--";
    u.police_no = "99-01";
    u.name = "<script>";
    u.phone = "12345";
    Status s = ValidateNewUser(u);
    EXPECT_EQ(s.fields().size(), 4u);
}

class SessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto dir = std::filesystem::temp_directory_path() / ("jw_auth_test_" + std::to_string(getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db_ = std::move(storage::Database::Open("sqlite:" + (dir / "a.db").string())).value();
        auto c = db_->Acquire();
        ASSERT_TRUE(storage::ApplyMigrations(**c, storage::MigrationsFromFiles("auth", db_->dialect(),
                                                                               schema::EmbeddedFiles()))
                        .ok());
        for (const auto& [name, content] : schema::EmbeddedFiles()) {
            if (name == "permissions.csv") {
                ASSERT_TRUE(registry_.AddCsv(content).ok());
            }
        }
        ASSERT_TRUE(SeedRoles(**c, registry_).ok());
        auto accounts = SeedBureau(**c, "519901", "示范县公安局", 1700000000);
        ASSERT_TRUE(accounts.ok()) << accounts.status().message();
        admin_password_ = accounts->at(0).password;
        sessions_ = std::make_unique<SessionService>(*db_, registry_, std::string(16, 'k'));
    }
    std::unique_ptr<storage::Database> db_;
    PermissionRegistry registry_;
    std::unique_ptr<SessionService> sessions_;
    std::string admin_password_;
};

TEST_F(SessionTest, LocksAfterFiveFailuresForFifteenMinutes) {
    const int64_t now = 1700000100;
    for (int i = 0; i < 5; ++i) {
        LoginVerdict v = sessions_->CheckLogin("sysadmin", "Wrong#pass1", "", now);
        EXPECT_EQ(v.status.code(), ErrorCode::kUnauthenticated);
        auto c = db_->Acquire();
        NewSession out;
        ASSERT_TRUE(sessions_->ApplyLogin(**c, v, "127.0.0.1", now, &out).ok());
    }
    EXPECT_EQ(sessions_->CheckLogin("sysadmin", admin_password_, "", now).status.code(), ErrorCode::kLocked);
    EXPECT_EQ(sessions_->CheckLogin("sysadmin", admin_password_, "", now + 15 * 60 - 1).status.code(),
              ErrorCode::kLocked);
    EXPECT_TRUE(sessions_->CheckLogin("sysadmin", admin_password_, "", now + 15 * 60 + 1).status.ok());
}

TEST_F(SessionTest, FirstLoginForcesPasswordChangeAndIdleSessionsEnd) {
    const int64_t now = 1700000100;
    LoginVerdict v = sessions_->CheckLogin("sysadmin", admin_password_, "", now);
    ASSERT_TRUE(v.status.ok());
    NewSession s;
    {
        auto c = db_->Acquire();
        ASSERT_TRUE(sessions_->ApplyLogin(**c, v, "127.0.0.1", now, &s).ok());
    }
    auto p = sessions_->Authenticate(s.token, now + 10);
    ASSERT_TRUE(p.ok()) << p.status().message();
    EXPECT_TRUE((*p)->must_change_password);
    EXPECT_TRUE((*p)->Can("user.write"));
    EXPECT_FALSE((*p)->Can("audit.read"));
    EXPECT_TRUE(sessions_->Authenticate(s.token, now + 10 + 29 * 60).ok());
    auto expired = sessions_->Authenticate(s.token, now + 10 + 29 * 60 + 31 * 60);
    EXPECT_EQ(expired.status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(SessionTest, PasswordHistoryRefusesReuse) {
    const int64_t now = 1700000100;
    LoginVerdict v = sessions_->CheckLogin("sysadmin", admin_password_, "", now);
    NewSession s;
    {
        auto c = db_->Acquire();
        ASSERT_TRUE(sessions_->ApplyLogin(**c, v, "127.0.0.1", now, &s).ok());
    }
    auto p = sessions_->Authenticate(s.token, now + 1);
    ASSERT_TRUE(p.ok());
    auto reused = sessions_->PreparePasswordChange(**p, admin_password_, admin_password_);
    EXPECT_EQ(reused.status().fields().at("new_password"), "password_reused");
    auto wrong_old = sessions_->PreparePasswordChange(**p, "nope", "Fresh#Pass9");
    EXPECT_EQ(wrong_old.status().code(), ErrorCode::kUnauthenticated);
    EXPECT_TRUE(sessions_->PreparePasswordChange(**p, admin_password_, "Fresh#Pass9").ok());
}

}  // namespace
}  // namespace jw::auth

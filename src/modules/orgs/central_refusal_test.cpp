// The central refusal (ADR 0051) in the dispatcher itself, on SQLite and PostgreSQL: an account of an organisation
// outside the police is refused (403, one audit record each) on a route whose permission no external role holds —
// even when the database grants its role that permission — and on a route open to any logged-in police user, while
// its own session, a route shared with its role and public routes still answer. Police accounts are unaffected.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <future>

#include "audit/audit_log.hpp"
#include "auth/auth_repository.hpp"
#include "auth/seed.hpp"
#include "auth/session_service.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "http/dispatcher.hpp"
#include "orgs/orgs_module.hpp"
#include "orgs/orgs_service.hpp"
#include "storage/committer.hpp"
#include "test_support/database_test.hpp"

namespace jw::orgs {
namespace {

// A module that shares one permission with the court's role and keeps one for the police.
constexpr const char* kModuleCsv =
    "permission,module,officer,judge\ncase.read,cases,x,\nproperty.receive,property,x,x\n";

class CentralRefusalTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas(true);
        schemas.push_back({"orgs", &ModuleFiles()});
        if (!OpenDatabase("orgs_refusal", schemas)) return;
        for (const auto& [name, content] : auth::schema::EmbeddedFiles()) {
            if (name == "permissions.csv") {
                ASSERT_TRUE(registry_.AddCsv(content).ok());
            }
        }
        ASSERT_TRUE(registry_.AddCsv(ModuleFiles()[0].second).ok());
        ASSERT_TRUE(registry_.AddCsv(kModuleCsv).ok());
        const int64_t bureau = Unit("519901000000", "示范县公安局", std::nullopt, "bureau");
        const int64_t officer = User("officer", bureau, "officer");
        // The database grants the court's role a police permission too: the registry must not let it through.
        for (const char* grant : {"('officer', 'case.read')", "('officer', 'property.receive')",
                                  "('judge', 'property.receive')", "('judge', 'case.read')"})
            ASSERT_TRUE(
                c_->Exec(std::string("INSERT INTO role_permissions (role_code, permission) VALUES ") + grant).ok());
        auth::Principal seeder;
        seeder.all_units = true;
        Organisation court;
        court.kind = "court";
        court.name = "示范县人民法院";
        court.code = "115199010088020241";
        court.supervisor_unit_id = bureau;
        court.contact_name = "何正平";
        court.contact_phone = "0838-2210202";
        auto created = CreateOrg(*c_, court, seeder, NowUnix());
        ASSERT_TRUE(created.ok()) << created.status().message();
        auto judge = AddStaff(*c_, seeder, created->id, NewStaff{"judge", "880202", "韩法成", "13988020200", "judge"},
                              "hash", NowUnix());
        ASSERT_TRUE(judge.ok()) << judge.status().message();
        // Passwords current (no forced change, not past the policy's age): the gates before the permission pass.
        ASSERT_TRUE(
            c_->Exec("UPDATE users SET must_change_password = 0, password_changed_at = ?", {storage::V(NowUnix())})
                .ok());
        for (const auto& [user, token] : {std::pair{judge->id, kJudge}, std::pair{officer, kOfficer}})
            ASSERT_TRUE(
                auth::repo::InsertSession(*c_, {Sm3Hex(token), user, "csrf", NowUnix()}, "test", NowUnix()).ok());

        anchor_ = (std::filesystem::temp_directory_path() /
                   ("jw_orgs_anchor_" + GetParam() + "_" + std::to_string(::getpid())))
                      .string();
        std::filesystem::remove(anchor_);
        log_ = std::move(audit::AuditLog::Open(*db_, audit::ChainOptions{"k", anchor_})).value();
        committer_ = std::move(storage::Committer::Start(*db_, log_->CommitterHooks())).value();
        log_->Attach(committer_.get());
        sessions_ = std::make_unique<auth::SessionService>(*db_, registry_, std::string(16, 'k'));
        sessions_->Attach(committer_.get());
        auto ok = [](http::Request&) -> Result<http::Reply> { return http::Reply::Json200({{"ok", true}}); };
        router_.Add({"GET", "/api/v1/cases", "case.read", "case.list", ok});
        router_.Add({"GET", "/api/v1/devices", "", "device.list", ok});  // any logged-in police user
        router_.Add({"GET", "/api/v1/property", "property.receive", "property.list", ok});
        router_.Add({"GET", "/api/v1/session", "", "session.read", ok});
        router_.Add({"GET", "/api/v1/meta", "public", "meta.read", ok});
        dispatcher_ = std::make_unique<http::Dispatcher>(router_, *sessions_, *log_, metrics_);
    }
    void TearDown() override {
        if (committer_) committer_->Stop();
        if (!anchor_.empty()) std::filesystem::remove(anchor_);
    }
    int Answer(const std::string& token, const std::string& path) {
        http::Request req;
        req.method = "GET";
        req.path = path;
        req.client = "127.0.0.1";
        req.request_id = "t";
        req.cookies[http::kSessionCookie] = token;
        std::promise<int> status;
        dispatcher_->Handle(std::move(req), [&status](http::Outgoing out) { status.set_value(out.status); });
        return status.get_future().get();
    }

    static constexpr const char* kJudge = "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj";
    static constexpr const char* kOfficer = "oooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo";
    auth::PermissionRegistry registry_;
    std::string anchor_;
    std::unique_ptr<audit::AuditLog> log_;
    std::unique_ptr<storage::Committer> committer_;
    std::unique_ptr<auth::SessionService> sessions_;
    http::Router router_;
    http::Metrics metrics_;
    std::unique_ptr<http::Dispatcher> dispatcher_;
};

TEST_P(CentralRefusalTest, AnExternalAccountReachesOnlyWhatIsSharedWithIt) {
    EXPECT_EQ(Answer(kJudge, "/api/v1/cases"), 403);    // a police permission, though the database grants it
    EXPECT_EQ(Answer(kJudge, "/api/v1/devices"), 403);  // open to any logged-in police user
    EXPECT_EQ(Answer(kJudge, "/api/v1/property"), 200);
    EXPECT_EQ(Answer(kJudge, "/api/v1/session"), 200);
    EXPECT_EQ(Answer(kJudge, "/api/v1/meta"), 200);
    EXPECT_EQ(Answer(kOfficer, "/api/v1/cases"), 200);
    EXPECT_EQ(Answer(kOfficer, "/api/v1/devices"), 200);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE username = 'judge' AND result = 'denied'"), 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE username = 'judge' AND result = 'denied' AND action IN "
                    "('case.list', 'device.list')"),
              2);
}

INSTANTIATE_TEST_SUITE_P(Backends, CentralRefusalTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::orgs

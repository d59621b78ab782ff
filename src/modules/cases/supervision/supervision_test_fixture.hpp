#pragma once
// Test fixture for supervision: a fresh database per backend with the platform's and the cases module's
// migrations, the audited Committer, an outbox with a recording SMS gateway, a small county (bureau, a station,
// the legal brigade) with an officer, a legal reviewer and the bureau's leader, and helpers that create cases
// and take lifecycle actions through the case service at a simulated time.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/auth_repository.hpp"
#include "auth/seed.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_secrets.hpp"
#include "cases/case_service.hpp"
#include "cases/cases_module.hpp"
#include "common/civil_time.hpp"
#include "notify/outbox.hpp"
#include "test_support/database_test.hpp"

namespace jw::cases::testing {

class RecordingSms final : public notify::SmsGateway {
  public:
    explicit RecordingSms(int fail_after = -1) : fail_after_(fail_after) {}
    Status Send(int64_t user, const std::string& text) override {
        if (fail_after_ >= 0 && static_cast<int>(sent.size()) >= fail_after_)
            return Status(ErrorCode::kUnavailable, "down");
        sent.emplace_back(user, text);
        return Status::Ok();
    }
    std::vector<std::pair<int64_t, std::string>> sent;

  private:
    int fail_after_;
};

inline int64_t China(const std::string& text) { return *ParseChinaTime(text); }

class SupervisionFixture : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        url_ = storage::testing::FreshDatabaseUrl(GetParam(), "supervision");
        if (url_.empty()) GTEST_SKIP() << "JW_TEST_PG_URL is not set";
        Open(std::make_unique<RecordingSms>());
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        Status s = storage::InTransaction(**c, [&](storage::Connection& tx) -> Status { return Seed(tx); });
        ASSERT_TRUE(s.ok()) << s.message();
    }
    void TearDown() override { Close(); }

    // Opens the database (applying migrations), the audit log, the committer and the outbox.
    void Open(std::unique_ptr<RecordingSms> sms) {
        db_ = std::move(storage::Database::Open(url_)).value();
        auto schemas = test_support::PlatformSchemas(/*with_audit=*/true);
        schemas.push_back({"cases", &ModuleFiles()});
        InstallKeys(std::string(16, 'k'));  // the test key file's master key
        Status migrated = test_support::Migrate(*db_, schemas, /*seed_roles=*/false);
        ASSERT_TRUE(migrated.ok()) << migrated.message();
        audit_ = std::move(audit::AuditLog::Open(*db_)).value();
        committer_ = std::move(storage::Committer::Start(*db_, audit_->CommitterHooks())).value();
        audit_->Attach(committer_.get());
        sms_ = sms.get();
        outbox_ = std::make_unique<notify::Outbox>(*db_, std::move(sms));
    }
    void Close() {
        if (outbox_) outbox_->Stop();
        if (committer_) committer_->Stop();
        outbox_.reset();
        committer_.reset();
        audit_.reset();
        db_.reset();
    }
    Deps deps() { return Deps{*db_, *committer_, *audit_, *outbox_, "519901"}; }

    Status Seed(storage::Connection& c) {
        for (const char* role : {"officer", "legal_reviewer", "leader"}) {
            JW_RETURN_IF_ERROR(c.Exec("INSERT INTO roles (code, kind, scope) VALUES (?, 'business', ?)",
                                      {storage::V(role), storage::V(std::string(role) == "leader" ? "all" : "unit")}));
        }
        auto bureau =
            auth::repo::InsertUnit(c, {0, "519901000000", "示范县公安局", "bureau", std::nullopt, "519901", 0}, 1);
        JW_RETURN_IF_ERROR(bureau.status());
        auto station = auth::repo::InsertUnit(c, {0, "519901031000", "城关派出所", "station", *bureau, "519901", 1}, 1);
        JW_RETURN_IF_ERROR(station.status());
        auto legal = auth::repo::InsertUnit(c, {0, "519901020300", "法制大队", "brigade", *bureau, "519901", 2}, 1);
        JW_RETURN_IF_ERROR(legal.status());
        bureau_ = *bureau;
        station_ = *station;
        legal_unit_ = *legal;
        auto add = [&](const std::string& username, const std::string& name, int64_t unit, const std::string& role,
                       int64_t* id) -> Status {
            auth::User u;
            u.username = username;
            u.police_no = std::to_string(990000 + next_no_++);
            u.name = name;
            u.unit_id = unit;
            u.phone = "13900000000";
            u.status = "active";
            u.password_hash = "x";
            auto inserted = auth::repo::InsertUser(c, u, 1);
            JW_RETURN_IF_ERROR(inserted.status());
            *id = *inserted;
            return auth::repo::SetUserRoles(c, *id, {role});
        };
        JW_RETURN_IF_ERROR(add("officer", "王志强", station_, "officer", &officer_id_));
        JW_RETURN_IF_ERROR(add("other", "李明", station_, "officer", &other_officer_id_));
        JW_RETURN_IF_ERROR(add("legal", "刘文静", legal_unit_, "legal_reviewer", &reviewer_id_));
        JW_RETURN_IF_ERROR(add("leader", "赵卫国", bureau_, "leader", &leader_id_));
        officer_ = Actor(officer_id_, station_, "officer", {station_});
        other_officer_ = Actor(other_officer_id_, station_, "officer", {station_});
        reviewer_ = Actor(reviewer_id_, legal_unit_, "legal_reviewer", {legal_unit_});
        reviewer_.name = "刘文静";
        return Status::Ok();
    }

    static auth::Principal Actor(int64_t id, int64_t unit, const std::string& role, std::vector<int64_t> scope) {
        auth::Principal p;
        p.user_id = id;
        p.unit_id = unit;
        p.roles = {role};
        p.unit_scope = std::move(scope);
        return p;
    }

    // Creates an administrative case (2025 text) led by the officer, accepted at `at`.
    int64_t NewCase(int64_t at, const auth::Principal& actor) {
        cases::NewCase in;
        in.fields.case_type = kAdministrative;
        in.fields.law = "2025";
        in.fields.cause = "殴打他人";
        in.fields.source = "call_110";
        in.fields.occurred_at = at - 3600;
        in.fields.place_address = "城关镇人民路1号";
        in.fields.facts = "双方因琐事发生争执";
        in.fields.accepted_at = at;
        int64_t id = 0;
        Status s = committer_->Run([&](storage::Connection& c) -> Status {
            auto r = CreateCase(c, actor, in, "519901", at);
            if (!r.ok()) return r.status();
            id = r->kase.id;
            return Status::Ok();
        });
        EXPECT_TRUE(s.ok()) << s.message();
        return id;
    }
    // Takes a lifecycle action at `at` (also the simulated now). Returns the status.
    Status Act(int64_t case_id, const auth::Principal& actor, const std::string& action, int64_t at,
               const std::string& reason = "") {
        return committer_->Run([&](storage::Connection& c) -> Status {
            auto k = repo::GetCase(c, case_id);
            if (!k.ok()) return k.status();
            ActionInput in;
            in.action = action;
            in.expected_version = k->version;
            in.reason = reason;
            in.at = at;
            return ApplyAction(c, actor, case_id, in, at).status();
        });
    }
    int64_t Count(const std::string& sql, const storage::Params& params = {}) {
        auto c = db_->Acquire();
        auto r = (*c)->QueryOne(sql, params);
        EXPECT_TRUE(r.ok()) << r.status().message();
        return r.ok() ? r->Int(0) : -1;
    }

    std::string url_;
    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<storage::Committer> committer_;
    std::unique_ptr<notify::Outbox> outbox_;
    RecordingSms* sms_ = nullptr;
    int next_no_ = 1;
    int64_t bureau_ = 0, station_ = 0, legal_unit_ = 0;
    int64_t officer_id_ = 0, other_officer_id_ = 0, reviewer_id_ = 0, leader_id_ = 0;
    auth::Principal officer_, other_officer_, reviewer_;
};

}  // namespace jw::cases::testing

#include "audit/audit_log.hpp"

#include <gtest/gtest.h>

#include "storage/test_databases.hpp"
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "storage/migrations.hpp"

namespace jw::audit {
namespace {

using storage::V;

class AuditTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "audit");
        if (url.empty()) GTEST_SKIP() << "JW_TEST_PG_URL is not set";
        db_ = std::move(storage::Database::Open(url)).value();
        auto c = db_->Acquire();
        ASSERT_TRUE((*c)->ExecScript("DROP TABLE IF EXISTS audit_log; DROP TABLE IF EXISTS audit_head; "
                                     "DROP TABLE IF EXISTS schema_migrations; DROP TABLE IF EXISTS t_thing")
                        .ok());
        auto m = storage::MigrationsFromFiles("audit", db_->dialect(), schema::EmbeddedFiles());
        ASSERT_TRUE(storage::ApplyMigrations(**c, m).ok());
        ASSERT_TRUE((*c)->ExecScript("CREATE TABLE t_thing (name TEXT PRIMARY KEY)").ok());
        log_ = std::move(AuditLog::Open(*db_)).value();
        committer_ = std::move(storage::Committer::Start(*db_, log_->CommitterHooks())).value();
        log_->Attach(committer_.get());
    }
    void TearDown() override {
        if (committer_) committer_->Stop();
    }

    AuditEntry Entry(std::string action, std::string object = "") {
        AuditEntry e;
        e.user_id = 7;
        e.username = "zhangsan";
        e.unit = "519901000000";
        e.client = "127.0.0.1";
        e.action = std::move(action);
        e.object = std::move(object);
        return e;
    }

    VerifyReport Verify() {
        auto c = db_->Acquire();
        return std::move(AuditLog::Verify(**c)).value();
    }

    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<AuditLog> log_;
    std::unique_ptr<storage::Committer> committer_;
};

TEST_P(AuditTest, ChangeAndRecordCommitTogether) {
    Status s = log_->Run(Entry("thing.create", "thing:a"), [](storage::Connection& c, AuditEntry&) {
        return c.Exec("INSERT INTO t_thing (name) VALUES (?)", {V("a")});
    });
    ASSERT_TRUE(s.ok()) << s.message();
    // A failing job leaves no change but still leaves its record, marked with the failure.
    s = log_->Run(Entry("thing.create", "thing:a"), [](storage::Connection& c, AuditEntry&) {
        return c.Exec("INSERT INTO t_thing (name) VALUES (?)", {V("a")});
    });
    EXPECT_EQ(s.code(), ErrorCode::kConflict);
    auto c = db_->Acquire();
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM t_thing")->Int(0), 1);
    AuditFilter filter;
    filter.action = "thing.create";
    auto found = AuditLog::Search(**c, filter);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->second, 2);
    EXPECT_EQ(found->first[0].result, "invalid");  // newest first
    EXPECT_EQ(found->first[1].result, "ok");
    EXPECT_TRUE(Verify().ok);
}

// A second writer on the same database — a `jingwu` command while the server runs — appends between two of
// the server's records: neither fails, and the chain stays whole.
TEST_P(AuditTest, TwoWritersOnOneDatabaseKeepOneChain) {
    auto other_log = std::move(AuditLog::Open(*db_)).value();
    auto other = std::move(storage::Committer::Start(*db_, other_log->CommitterHooks())).value();
    other_log->Attach(other.get());
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(log_->Run(Entry("server.write", "n:" + std::to_string(i)), nullptr).ok());
        Status s = other_log->Run(Entry("cli.write", "n:" + std::to_string(i)), nullptr);
        ASSERT_TRUE(s.ok()) << s.message();
    }
    other->Stop();
    EXPECT_TRUE(Verify().ok);
    auto c = db_->Acquire();
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM audit_log")->Int(0), 6);
}

TEST_P(AuditTest, VerifyNamesTheChangedRecord) {
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(log_->Run(Entry("user.read", "user:" + std::to_string(i))).ok());
    ASSERT_TRUE(Verify().ok);
    auto c = db_->Acquire();
    ASSERT_TRUE((*c)->Exec("UPDATE audit_log SET object = ? WHERE id = ?", {V("user:99"), V(int64_t{3})}).ok());
    auto r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_id.value(), 3);
    EXPECT_EQ(r.problem, "changed");
}

TEST_P(AuditTest, VerifyNamesTheDeletedRecord) {
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(log_->Run(Entry("user.read")).ok());
    auto c = db_->Acquire();
    ASSERT_TRUE((*c)->Exec("DELETE FROM audit_log WHERE id = ?", {V(int64_t{2})}).ok());
    auto r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_id.value(), 2);
    EXPECT_EQ(r.problem, "deleted");
}

TEST_P(AuditTest, VerifyDetectsTailDeletionAndInsertion) {
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(log_->Run(Entry("user.read")).ok());
    auto c = db_->Acquire();
    ASSERT_TRUE((*c)->Exec("DELETE FROM audit_log WHERE id = ?", {V(int64_t{3})}).ok());
    EXPECT_EQ(Verify().problem, "deleted");
    // A forged record appended with a correct-looking hash but not through the log.
    AuditRecord forged;
    forged.id = 3;
    forged.action = "forged";
    forged.prev_hash = std::string(64, 'f');
    forged.hash = HashOf(forged);
    ASSERT_TRUE((*c)->Exec("INSERT INTO audit_log (id, at, user_id, username, unit, client, action, object, result, "
                           "purpose, case_no, request_id, detail, prev_hash, hash) VALUES (3, 0, 0, '', '', '', "
                           "'forged', '', '', '', '', '', '', ?, ?)",
                           {V(forged.prev_hash), V(forged.hash)})
                    .ok());
    auto r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_id.value(), 3);
    EXPECT_EQ(r.problem, "inserted");
}

TEST(AuditResult, MapsStatusToResult) {
    EXPECT_EQ(ResultOf(Status::Ok()), "ok");
    EXPECT_EQ(ResultOf(Status::Invalid("a", "b")), "invalid");
    EXPECT_EQ(ResultOf(Status::Denied()), "denied");
    EXPECT_EQ(ResultOf(Status::Internal("x")), "failed");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::audit

#include "audit/audit_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/crypto.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

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
        options_.key = DeriveKey("0123456789abcdef", "audit.chain");
        options_.anchor_path = (std::filesystem::temp_directory_path() /
                                ("jw_audit_anchor_" + GetParam() + "_" + std::to_string(::getpid())))
                                   .string();
        std::filesystem::remove(options_.anchor_path);
        log_ = std::move(AuditLog::Open(*db_, options_)).value();
        committer_ = std::move(storage::Committer::Start(*db_, log_->CommitterHooks())).value();
        log_->Attach(committer_.get());
    }
    void TearDown() override {
        if (committer_) committer_->Stop();
        if (!options_.anchor_path.empty()) std::filesystem::remove(options_.anchor_path);
    }

    // What an attacker with write access to the database (and no key) can do: rewrite rows from `from_id` on and
    // recompute the plain SM3 chain over them, marking them unkeyed (chain 1) or leaving the chain column as it
    // was, then move the head to the new end.
    void RewriteAsAttacker(int64_t from_id, bool mark_unkeyed) {
        auto c = db_->Acquire();
        auto rows = (*c)->Query(
            "SELECT id, at, user_id, username, unit, client, action, object, result, purpose, "
            "case_no, request_id, detail, prev_hash, hash, chain FROM audit_log ORDER BY id");
        ASSERT_TRUE(rows.ok());
        std::string prev;
        for (const auto& row : *rows) {
            AuditRecord r;
            r.id = row.Int(0);
            if (r.id < from_id) {
                prev = row.Str(14);
                continue;
            }
            r.at = row.Int(1);
            r.user_id = row.Int(2);
            r.username = row.Str(3);
            r.unit = row.Str(4);
            r.client = row.Str(5);
            r.action = row.Str(6);
            r.object = r.id == from_id ? "user:forged" : row.Str(7);
            r.result = row.Str(8);
            r.purpose = row.Str(9);
            r.case_no = row.Str(10);
            r.request_id = row.Str(11);
            r.detail = row.Str(12);
            r.prev_hash = prev.empty() ? row.Str(13) : prev;
            r.chain = 1;  // plain SM3: all the attacker can compute
            r.hash = HashOf(r);
            ASSERT_TRUE((*c)->Exec("UPDATE audit_log SET object = ?, prev_hash = ?, hash = ?, chain = ? WHERE id = ?",
                                   {V(r.object), V(r.prev_hash), V(r.hash), V(int64_t{mark_unkeyed ? 1 : row.Int(15)}),
                                    V(r.id)})
                            .ok());
            prev = r.hash;
        }
        ASSERT_TRUE((*c)->Exec("UPDATE audit_head SET last_hash = ? WHERE singleton = 1", {V(prev)}).ok());
    }

    // Deletes the newest `n` records and moves the head to the new newest, as an attacker would.
    void TruncateAsAttacker(int n) {
        auto c = db_->Acquire();
        const int64_t last = (*c)->QueryOne("SELECT MAX(id) FROM audit_log")->Int(0);
        ASSERT_TRUE((*c)->Exec("DELETE FROM audit_log WHERE id > ?", {V(last - n)}).ok());
        auto nl = (*c)->QueryOne("SELECT id, hash FROM audit_log WHERE id = ?", {V(last - n)});
        ASSERT_TRUE(nl.ok());
        ASSERT_TRUE((*c)->Exec("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE singleton = 1",
                               {V(nl->Int(0)), V(nl->Str(1))})
                        .ok());
    }

    std::string ReadAnchorFile() {
        std::ifstream in(options_.anchor_path);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    void WriteAnchorFile(const std::string& text) {
        std::ofstream out(options_.anchor_path, std::ios::trunc);
        out << text;
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
        return std::move(AuditLog::Verify(**c, options_)).value();
    }

    ChainOptions options_;
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
    auto other_log = std::move(AuditLog::Open(*db_, options_)).value();
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

TEST_P(AuditTest, RecordsAreKeyedAndAnchored) {
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(log_->Run(Entry("user.read")).ok());
    auto r = Verify();
    EXPECT_TRUE(r.ok) << r.problem << ": " << r.detail;
    EXPECT_EQ(r.keyed_from, 1);
    EXPECT_EQ(r.anchored_id, 4);
    EXPECT_EQ(r.head_id, 4);
    // Without the key the same records do not verify: the chain is not plain SM3 any more.
    auto c = db_->Acquire();
    ChainOptions wrong = options_;
    wrong.key = DeriveKey("fedcba9876543210", "audit.chain");
    auto w = std::move(AuditLog::Verify(**c, wrong)).value();
    EXPECT_FALSE(w.ok);
}

TEST_P(AuditTest, RewrittenRowWithRecomputedSm3ChainIsDetected) {
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(log_->Run(Entry("user.read", "user:" + std::to_string(i))).ok());
    RewriteAsAttacker(3, /*mark_unkeyed=*/false);
    auto r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_id.value(), 3);
    EXPECT_EQ(r.problem, "changed");
}

TEST_P(AuditTest, RewrittenRowPassedOffAsUnkeyedIsDetected) {
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(log_->Run(Entry("user.read", "user:" + std::to_string(i))).ok());
    RewriteAsAttacker(3, /*mark_unkeyed=*/true);
    auto r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_id.value(), 3);
    EXPECT_EQ(r.problem, "downgraded");
    // The whole chain passed off as unkeyed, from the first record: the anchor file still says where keying began.
    RewriteAsAttacker(1, true);
    r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_id.value(), 1);
    EXPECT_EQ(r.problem, "downgraded");
}

TEST_P(AuditTest, DeletedNewestRowsWithMovedHeadAreDetected) {
    for (int i = 0; i < 6; ++i) ASSERT_TRUE(log_->Run(Entry("user.read")).ok());
    TruncateAsAttacker(2);
    auto r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.problem, "truncated");
    EXPECT_EQ(r.first_bad_id.value(), 5);
    EXPECT_NE(r.detail.find("5..6"), std::string::npos) << r.detail;
}

TEST_P(AuditTest, MissingOrEditedAnchorFileIsDetected) {
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(log_->Run(Entry("user.read")).ok());
    const std::string original = ReadAnchorFile();
    ASSERT_NE(original.find("jwa1 head 3 "), std::string::npos) << original;

    std::filesystem::remove(options_.anchor_path);
    EXPECT_EQ(Verify().problem, "anchor_missing");

    // A head line moved back (to cover a truncation) without the key: its MAC no longer matches.
    std::string edited = original;
    const size_t at = edited.rfind("jwa1 head 3 ");
    edited.replace(at, 12, "jwa1 head 2 ");
    WriteAnchorFile(edited);
    auto r = Verify();
    EXPECT_EQ(r.problem, "anchor_changed");
    EXPECT_NE(r.detail.find("line"), std::string::npos);

    // The file deleted and recreated by the server: keying began before its `from` line.
    std::filesystem::remove(options_.anchor_path);
    committer_->Stop();
    log_ = std::move(AuditLog::Open(*db_, options_)).value();
    committer_ = std::move(storage::Committer::Start(*db_, log_->CommitterHooks())).value();
    log_->Attach(committer_.get());
    ASSERT_TRUE(log_->Run(Entry("user.read")).ok());
    r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.problem, "anchor_replaced");
    EXPECT_EQ(r.first_bad_id.value(), 1);

    WriteAnchorFile(original);  // the genuine file back: the record appended since is beyond its head, fine
    r = Verify();
    EXPECT_TRUE(r.ok) << r.problem << ": " << r.detail;
}

TEST_P(AuditTest, AnchorLineCutShortByACrashIsIgnored) {
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(log_->Run(Entry("user.read")).ok());
    WriteAnchorFile(ReadAnchorFile() + "jwa1 head 9 00");
    EXPECT_TRUE(Verify().ok);
}

// Records written before the key existed (chain 1) still verify as what they are, and the first keyed record
// covers them from then on.
TEST_P(AuditTest, PreUpgradeRecordsVerifyAndAreCoveredByTheFirstKeyedRecord) {
    committer_->Stop();
    std::filesystem::remove(options_.anchor_path);
    {
        auto old_log = std::move(AuditLog::Open(*db_)).value();  // the unkeyed log of before the upgrade
        auto old = std::move(storage::Committer::Start(*db_, old_log->CommitterHooks())).value();
        old_log->Attach(old.get());
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(old_log->Run(Entry("user.read", "old:" + std::to_string(i))).ok());
        old->Stop();
    }
    log_ = std::move(AuditLog::Open(*db_, options_)).value();
    committer_ = std::move(storage::Committer::Start(*db_, log_->CommitterHooks())).value();
    log_->Attach(committer_.get());
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(log_->Run(Entry("user.read", "new:" + std::to_string(i))).ok());
    auto r = Verify();
    EXPECT_TRUE(r.ok) << r.problem << ": " << r.detail;
    EXPECT_EQ(r.keyed_from, 4);
    {
        auto c = db_->Acquire();
        EXPECT_EQ((*c)->QueryOne("SELECT chain FROM audit_log WHERE id = 3")->Int(0), 1);
        EXPECT_EQ((*c)->QueryOne("SELECT chain FROM audit_log WHERE id = 4")->Int(0), 2);
    }
    // Rewriting an old record and recomputing the plain chain up to the upgrade breaks at the first keyed record.
    {
        auto c = db_->Acquire();
        AuditRecord rec;
        auto row = (*c)->QueryOne("SELECT at, prev_hash FROM audit_log WHERE id = 2");
        ASSERT_TRUE(row.ok());
        std::string prev = row->Str(1);
        for (int64_t id = 2; id <= 3; ++id) {
            auto x = (*c)->QueryOne(
                "SELECT at, user_id, username, unit, client, action, object, result, purpose, "
                "case_no, request_id, detail FROM audit_log WHERE id = ?",
                {V(id)});
            rec = AuditRecord{};
            rec.id = id;
            rec.at = x->Int(0);
            rec.user_id = x->Int(1);
            rec.username = x->Str(2);
            rec.unit = x->Str(3);
            rec.client = x->Str(4);
            rec.action = x->Str(5);
            rec.object = id == 2 ? "old:forged" : x->Str(6);
            rec.result = x->Str(7);
            rec.purpose = x->Str(8);
            rec.case_no = x->Str(9);
            rec.request_id = x->Str(10);
            rec.detail = x->Str(11);
            rec.prev_hash = prev;
            rec.hash = HashOf(rec);
            ASSERT_TRUE((*c)->Exec("UPDATE audit_log SET object = ?, prev_hash = ?, hash = ? WHERE id = ?",
                                   {V(rec.object), V(rec.prev_hash), V(rec.hash), V(id)})
                            .ok());
            prev = rec.hash;
        }
    }
    r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_id.value(), 4);
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

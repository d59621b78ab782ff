// BulkLoader on both backends (SQLite always, PostgreSQL when JW_TEST_PG_URL is set): rows arrive as given
// (text that COPY must escape, NULLs, integers, defaults for unnamed columns), across several COPY pieces and
// INSERT batches, inside the caller's transaction (rolled back: nothing), and a unique violation fails the load
// and leaves the connection able to roll back and go on.
#include "storage/bulk_load.hpp"

#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "storage/tab_text.hpp"
#include "storage/test_databases.hpp"

namespace jw::storage {
namespace {

class BulkLoadTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = testing::FreshDatabaseUrl(GetParam(), "bulk_load");
        if (url.empty()) GTEST_SKIP() << "JW_TEST_PG_URL is not set";
        auto db = Database::Open(url);
        ASSERT_TRUE(db.ok()) << db.status().message();
        db_ = std::move(db).value();
        auto lease = db_->Acquire();
        ASSERT_TRUE(lease.ok());
        lease_.emplace(std::move(*lease));
        ASSERT_TRUE(c().ExecScript("DROP TABLE IF EXISTS t_load; CREATE TABLE t_load (k TEXT NOT NULL UNIQUE, v TEXT, "
                                   "n BIGINT NOT NULL, d TEXT NOT NULL DEFAULT 'dflt')")
                        .ok());
    }
    Connection& c() { return **lease_; }
    Status Load(const std::vector<Params>& rows) {
        return InTransaction(c(), [&](Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(auto loader, BulkLoader::Start(tx, "t_load", {"k", "v", "n"}));
            for (const auto& r : rows) JW_RETURN_IF_ERROR(loader->Add(r));
            JW_RETURN_IF_ERROR(loader->Finish());
            return loader->rows() == static_cast<int64_t>(rows.size()) ? Status::Ok() : Status::Internal("count");
        });
    }
    int64_t Count() { return c().QueryOne("SELECT COUNT(*) FROM t_load")->Int(0); }
    std::unique_ptr<Database> db_;
    std::optional<Database::Lease> lease_;
};

TEST_P(BulkLoadTest, LoadsEveryRowAsGivenAcrossBatchesAndPieces) {
    // 30,000 rows of ~60 bytes: two COPY pieces of 1 MiB, and on SQLite 90 full statements and a short one.
    std::vector<Params> rows;
    const std::string awkward = "tab\there\nnew line\r\\N back\\slash 中文 'quote\" ,comma";
    for (int i = 0; i < 30000; ++i)
        rows.push_back({V("key" + std::to_string(i)),
                        i % 7 == 0 ? Null() : V(i == 5 ? awkward : "value " + std::to_string(i)),
                        V(int64_t{i} * 1000003)});
    ASSERT_TRUE(Load(rows).ok());
    EXPECT_EQ(Count(), 30000);
    auto r = c().QueryOne("SELECT v, n, d FROM t_load WHERE k = 'key5'");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->Str(0), awkward);
    EXPECT_EQ(r->Int(1), 5000015);
    EXPECT_EQ(r->Str(2), "dflt");
    EXPECT_TRUE(c().QueryOne("SELECT v FROM t_load WHERE k = 'key14'")->IsNull(0));
    EXPECT_EQ(c().QueryOne("SELECT v FROM t_load WHERE k = 'key29999'")->Str(0), "value 29999");
    EXPECT_EQ(c().QueryOne("SELECT SUM(n) FROM t_load")->Int(0), int64_t{1000003} * 29999 * 30000 / 2);
}

TEST_P(BulkLoadTest, IsPartOfTheCallersTransaction) {
    Status s = InTransaction(c(), [&](Connection& tx) -> Status {
        JW_ASSIGN_OR_RETURN(auto loader, BulkLoader::Start(tx, "t_load", {"k", "v", "n"}));
        for (int i = 0; i < 100; ++i) JW_RETURN_IF_ERROR(loader->Add({V("k" + std::to_string(i)), V("v"), V(i)}));
        JW_RETURN_IF_ERROR(loader->Finish());
        // Visible to the transaction's own statements…
        JW_ASSIGN_OR_RETURN(auto n, tx.QueryOne("SELECT COUNT(*) FROM t_load"));
        if (n.Int(0) != 100) return Status::Internal("not visible");
        return Status::Invalid("test", "roll_back");
    });
    EXPECT_EQ(s.fields().at("test"), "roll_back");
    EXPECT_EQ(Count(), 0);  // … and gone with its rollback
}

TEST_P(BulkLoadTest, AUniqueViolationFailsTheLoadAndTheConnectionGoesOn) {
    ASSERT_TRUE(c().Exec("INSERT INTO t_load (k, n) VALUES ('k1', 1)").ok());
    std::vector<Params> rows;
    for (int i = 0; i < 500; ++i) rows.push_back({V("k" + std::to_string(i)), V("v"), V(i)});
    Status s = Load(rows);
    EXPECT_EQ(s.code(), ErrorCode::kConflict) << s.message();
    EXPECT_EQ(Count(), 1);
    ASSERT_TRUE(Load({{V("a"), V("b"), V(1)}}).ok());
    EXPECT_EQ(Count(), 2);
}

TEST_P(BulkLoadTest, AnAbandonedLoadRollsBackCleanly) {
    Status s = InTransaction(c(), [&](Connection& tx) -> Status {
        JW_ASSIGN_OR_RETURN(auto loader, BulkLoader::Start(tx, "t_load", {"k", "v", "n"}));
        JW_RETURN_IF_ERROR(loader->Add({V("x"), V("y"), V(1)}));
        EXPECT_EQ(loader->Add({V("x"), V("y")}).code(), ErrorCode::kInvalidArgument);  // wrong number of values
        return Status::Invalid("test", "abandon");  // the loader is destroyed before Finish
    });
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(Count(), 0);
    EXPECT_TRUE(c().Healthy());
    ASSERT_TRUE(Load({{V("a"), V("b"), V(1)}}).ok());
    EXPECT_EQ(Count(), 1);
}

TEST_P(BulkLoadTest, UnknownTableOrColumnFailsAtStart) {
    Status s = InTransaction(c(), [&](Connection& tx) -> Status {
        return BulkLoader::Start(tx, "t_load", {"k", "nope"}).status();
    });
    EXPECT_FALSE(s.ok());
    s = InTransaction(c(), [&](Connection& tx) -> Status { return BulkLoader::Start(tx, "t_load", {}).status(); });
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
}

// The one escaping of COPY text and ClickHouse TabSeparated fields (tab_text.hpp).
TEST(TabText, EscapesBackslashTabNewlineAndCarriageReturnOnly) {
    std::string out = "x";
    AppendTabEscaped(out, "a\\b\tc\nd\re'\"川A·1");
    EXPECT_EQ(out, "xa\\\\b\\tc\\nd\\re'\"川A·1");
    out.clear();
    AppendTabEscaped(out, "");
    EXPECT_EQ(out, "");
    AppendTabEscaped(out, "\t\t");
    EXPECT_EQ(out, "\\t\\t");
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkLoadTest, ::testing::ValuesIn(testing::Backends()));

}  // namespace
}  // namespace jw::storage

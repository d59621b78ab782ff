// Storage tests run against SQLite always and against PostgreSQL when JW_TEST_PG_URL is set
// (make test starts a real PostgreSQL 15 and sets it).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "storage/committer.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

namespace jw::storage {
namespace {

class StorageTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "storage");
        if (url.empty()) GTEST_SKIP() << "JW_TEST_PG_URL is not set";
        auto db = Database::Open(url);
        ASSERT_TRUE(db.ok()) << db.status().message();
        db_ = std::move(db).value();
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        ASSERT_TRUE((*c)->ExecScript("DROP TABLE IF EXISTS t_item; DROP TABLE IF EXISTS schema_migrations").ok());
    }
    std::unique_ptr<Database> db_;
};

const std::vector<std::pair<std::string_view, std::string_view>> kFiles = {
    {"001_items.sql", "CREATE TABLE t_item (id @ID@, name TEXT NOT NULL UNIQUE, qty BIGINT);"},
    {"002_more.sqlite.sql", "ALTER TABLE t_item ADD COLUMN note TEXT;"},
    {"002_more.pg.sql", "ALTER TABLE t_item ADD COLUMN note TEXT;"},
};

TEST_P(StorageTest, MigrationsApplyOnceInOrder) {
    auto c = db_->Acquire();
    auto migrations = MigrationsFromFiles("test", db_->dialect(), kFiles);
    ASSERT_EQ(migrations.size(), 2u);
    auto first = ApplyMigrations(**c, migrations);
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(*first, 2);
    auto second = ApplyMigrations(**c, migrations);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(*second, 0);
}

TEST_P(StorageTest, BindsParametersLiterallyAndKeepsNulls) {
    auto c = db_->Acquire();
    ASSERT_TRUE(ApplyMigrations(**c, MigrationsFromFiles("test", db_->dialect(), kFiles)).ok());
    const std::string evil = "x'); DROP TABLE t_item; --";
    ASSERT_TRUE(
        (*c)->Exec("INSERT INTO t_item (name, qty, note) VALUES (?, ?, ?)", {V(evil), V(int64_t{5}), Null()}).ok());
    auto row = (*c)->QueryOne("SELECT name, qty, note FROM t_item WHERE name = ?", {V(evil)});
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->Str(0), evil);
    EXPECT_EQ(row->Int(1), 5);
    EXPECT_TRUE(row->IsNull(2));
    // A question mark inside a literal is not a placeholder.
    auto lit = (*c)->QueryOne("SELECT '?', ?", {V("a")});
    ASSERT_TRUE(lit.ok()) << lit.status().message();
    EXPECT_EQ(lit->Str(0), "?");
}

TEST_P(StorageTest, UniqueViolationIsConflict) {
    auto c = db_->Acquire();
    ASSERT_TRUE(ApplyMigrations(**c, MigrationsFromFiles("test", db_->dialect(), kFiles)).ok());
    ASSERT_TRUE((*c)->Exec("INSERT INTO t_item (name) VALUES (?)", {V("a")}).ok());
    Status s = (*c)->Exec("INSERT INTO t_item (name) VALUES (?)", {V("a")});
    EXPECT_EQ(s.code(), ErrorCode::kConflict);
}

TEST_P(StorageTest, TransactionRollsBackOnError) {
    auto c = db_->Acquire();
    ASSERT_TRUE(ApplyMigrations(**c, MigrationsFromFiles("test", db_->dialect(), kFiles)).ok());
    Status s = InTransaction(**c, [](Connection& tx) {
        JW_RETURN_IF_ERROR(tx.Exec("INSERT INTO t_item (name) VALUES (?)", {V("b")}));
        return Status::Invalid("qty", "out_of_range");
    });
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
    auto rows = (*c)->Query("SELECT id FROM t_item WHERE name = ?", {V("b")});
    ASSERT_TRUE(rows.ok());
    EXPECT_TRUE(rows->empty());
}

TEST_P(StorageTest, CommitterUndoesOnlyTheFailingJobOfABatch) {
    {
        auto c = db_->Acquire();
        ASSERT_TRUE(ApplyMigrations(**c, MigrationsFromFiles("test", db_->dialect(), kFiles)).ok());
    }
    auto committer = Committer::Start(*db_);
    ASSERT_TRUE(committer.ok());
    std::vector<std::thread> threads;
    std::atomic<int> ok{0}, failed{0};
    for (int i = 0; i < 40; ++i) {
        threads.emplace_back([&, i] {
            Status s = (*committer)->Run([i](Connection& tx) -> Status {
                JW_RETURN_IF_ERROR(
                    tx.Exec("INSERT INTO t_item (name, qty) VALUES (?, ?)", {V("item" + std::to_string(i)), V(i)}));
                if (i % 10 == 0) return Status::Invalid("qty", "rejected");
                return Status::Ok();
            });
            (s.ok() ? ok : failed)++;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok.load(), 36);
    EXPECT_EQ(failed.load(), 4);
    auto c = db_->Acquire();
    auto n = (*c)->QueryOne("SELECT COUNT(*) FROM t_item");
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->Int(0), 36);
    EXPECT_LE((*committer)->batches(), 40u);
}

TEST(StorageOpen, RejectsUnknownScheme) {
    auto db = Database::Open("mysql://x");
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().code(), ErrorCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::storage

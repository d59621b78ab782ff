// IN-list helper tests: the rows found for 0, 1, 999, 1000, 1024, 1025 and 70,000 keys, duplicates and
// string keys, on SQLite always and on PostgreSQL when JW_TEST_PG_URL is set.
#include "storage/in_list.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "storage/test_databases.hpp"

namespace jw::storage {
namespace {

// The table holds the even ids 2 … 160000, code "k<id>", grp id % 7.
constexpr int64_t kMaxId = 160000;
bool Stored(int64_t id) { return id >= 2 && id <= kMaxId && id % 2 == 0; }

// Keys 1, 4, 7, …: half of them stored, and past kMaxId none are.
std::vector<int64_t> Keys(size_t n) {
    std::vector<int64_t> keys;
    for (size_t i = 0; i < n; ++i) keys.push_back(1 + 3 * static_cast<int64_t>(i));
    return keys;
}

std::vector<int64_t> Expected(const std::vector<int64_t>& keys) {
    std::set<int64_t> found;
    for (int64_t k : keys)
        if (Stored(k)) found.insert(k);
    return {found.begin(), found.end()};
}

std::vector<int64_t> Ids(const Rows& rows) {
    std::vector<int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

class InListTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "in_list");
        if (url.empty()) GTEST_SKIP() << "JW_TEST_PG_URL is not set";
        auto db = Database::Open(url, 2);
        ASSERT_TRUE(db.ok()) << db.status().message();
        db_ = std::move(db).value();
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        ASSERT_TRUE((*c)->ExecScript("DROP TABLE IF EXISTS t_in; "
                                     "CREATE TABLE t_in (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE, grp BIGINT)")
                        .ok());
        auto filled = (*c)->Exec(
            "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ?) "
            "INSERT INTO t_in (id, code, grp) SELECT 2 * n, 'k' || CAST(2 * n AS TEXT), (2 * n) % 7 FROM s",
            {V(kMaxId / 2)});
        ASSERT_TRUE(filled.ok()) << filled.message();
    }
    Connection& conn() {
        if (!lease_) lease_.emplace(std::move(db_->Acquire()).value());
        return **lease_;
    }
    std::unique_ptr<Database> db_;
    std::optional<Database::Lease> lease_;
};

TEST_P(InListTest, QueryInFindsTheStoredKeysInOrderForEachSize) {
    for (size_t n : {0, 1, 999, 1000, 1024, 1025, 70000}) {
        const auto keys = Keys(n);
        auto rows = QueryIn(conn(), "SELECT id FROM t_in WHERE id IN @IDS@ ORDER BY id", keys);
        ASSERT_TRUE(rows.ok()) << n << ": " << rows.status().message();
        EXPECT_EQ(Ids(*rows), Expected(keys)) << n << " keys";
    }
}

TEST_P(InListTest, QueryInReturnsEachRowOnceForDuplicateKeysAcrossChunks) {
    std::vector<int64_t> keys = Keys(3000);
    const std::vector<int64_t> copy = keys;
    keys.insert(keys.end(), copy.begin(), copy.end());
    keys.insert(keys.end(), copy.begin(), copy.begin() + 1500);
    std::shuffle(keys.begin(), keys.end(), std::mt19937(12));
    auto rows = QueryIn(conn(), "SELECT id FROM t_in WHERE id IN @IDS@ ORDER BY id", keys);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    EXPECT_EQ(Ids(*rows), Expected(copy));
}

TEST_P(InListTest, QueryInTakesStringKeysAsData) {
    std::vector<std::string> keys = {"k4", "k3", "k160000", "k4", "x'); DROP TABLE t_in; --", "", "k10"};
    for (int i = 0; i < 2000; ++i) keys.push_back("k" + std::to_string(1000 + i));
    auto rows = QueryIn(conn(), "SELECT id FROM t_in WHERE code IN @IDS@", keys);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    std::vector<int64_t> expected = {4, 10, 160000};
    for (int i = 0; i < 2000; i += 2) expected.push_back(1000 + i);
    std::vector<int64_t> got = Ids(*rows);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(got, expected);
    auto still = conn().QueryOne("SELECT COUNT(*) FROM t_in");
    ASSERT_TRUE(still.ok());
    EXPECT_EQ(still->Int(0), kMaxId / 2);
}

TEST_P(InListTest, QueryInBindsTheOtherParametersAroundEveryChunk) {
    const auto keys = Keys(5000);
    auto rows = QueryIn(conn(), "SELECT id FROM t_in WHERE grp = ? AND id IN @IDS@ AND id > ? ORDER BY id", keys,
                        {V(int64_t{3})}, {V(int64_t{6000})});
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    std::vector<int64_t> expected;
    for (int64_t k : Expected(keys))
        if (k % 7 == 3 && k > 6000) expected.push_back(k);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(Ids(*rows), expected);
}

TEST_P(InListTest, ExecInUpdatesEveryListedRowAndNothingElse) {
    const auto keys = Keys(2500);
    ASSERT_TRUE(ExecIn(conn(), "UPDATE t_in SET grp = ? WHERE id IN @IDS@", keys, {V(int64_t{99})}).ok());
    auto n = conn().QueryOne("SELECT COUNT(*) FROM t_in WHERE grp = 99");
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->Int(0), static_cast<int64_t>(Expected(keys).size()));
    ASSERT_TRUE(ExecIn(conn(), "UPDATE t_in SET grp = 98 WHERE id IN @IDS@", std::vector<int64_t>{}).ok());
    auto none = conn().QueryOne("SELECT COUNT(*) FROM t_in WHERE grp = 98");
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->Int(0), 0);
}

TEST_P(InListTest, InFilterCountsAndPagesInOneStatementForEachSize) {
    for (size_t n : {0, 1, 999, 1000, 1024, 1025, 70000}) {
        const auto keys = Keys(n);
        const auto expected = Expected(keys);
        Params params{V(int64_t{0})};
        const std::string where = " WHERE id > ? AND " + InFilter(db_->dialect(), "id", keys, params);
        auto count = conn().QueryOne("SELECT COUNT(*) FROM t_in" + where, params);
        ASSERT_TRUE(count.ok()) << n << ": " << count.status().message();
        EXPECT_EQ(count->Int(0), static_cast<int64_t>(expected.size())) << n << " keys";
        params.push_back(V(int64_t{5}));
        auto page = conn().Query("SELECT id FROM t_in" + where + " ORDER BY id DESC LIMIT ?", params);
        ASSERT_TRUE(page.ok()) << n << ": " << page.status().message();
        std::vector<int64_t> last(expected.rbegin(), expected.rbegin() + std::min<size_t>(5, expected.size()));
        EXPECT_EQ(Ids(*page), last) << n << " keys";
    }
}

TEST_P(InListTest, InFilterTakesStringKeysOfAnySize) {
    for (size_t n : {0, 3, 1025, 70000}) {
        std::vector<std::string> keys;
        for (int64_t k : Keys(n)) keys.push_back("k" + std::to_string(k));
        if (n) keys.push_back("x\"'\\ ]");
        Params params;
        const std::string where = " WHERE " + InFilter(db_->dialect(), "code", keys, params);
        auto count = conn().QueryOne("SELECT COUNT(*) FROM t_in" + where, params);
        ASSERT_TRUE(count.ok()) << n << ": " << count.status().message();
        EXPECT_EQ(count->Int(0), static_cast<int64_t>(Expected(Keys(n)).size())) << n << " keys";
    }
}

TEST_P(InListTest, EmptyFilterExcludesRowsEvenUnderNot) {
    Params params;
    const std::string in = InFilter(db_->dialect(), "id", std::vector<int64_t>{}, params);
    EXPECT_TRUE(params.empty());
    auto none = conn().QueryOne("SELECT COUNT(*) FROM t_in WHERE " + in, params);
    auto all = conn().QueryOne("SELECT COUNT(*) FROM t_in WHERE NOT " + in, params);
    ASSERT_TRUE(none.ok() && all.ok());
    EXPECT_EQ(none->Int(0), 0);
    EXPECT_EQ(all->Int(0), kMaxId / 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, InListTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

// Counts statements instead of running them: what an empty list executes, and how a long one is cut.
class CountingConnection final : public Connection {
  public:
    Dialect dialect() const override { return Dialect::kSqlite; }
    Status Exec(std::string_view sql, const Params& params) override {
        Record(sql, params);
        return Status::Ok();
    }
    Result<Rows> Query(std::string_view sql, const Params& params) override {
        Record(sql, params);
        return Rows{};
    }
    Status ExecScript(std::string_view) override { return Status::Ok(); }
    Status BeginWrite() override { return Status::Ok(); }
    bool Healthy() override { return true; }

    std::vector<std::string> sql;
    std::vector<size_t> param_counts;

  private:
    void Record(std::string_view s, const Params& params) {
        sql.emplace_back(s);
        param_counts.push_back(params.size());
    }
};

TEST(InList, EmptyListRunsNoStatement) {
    CountingConnection c;
    ASSERT_TRUE(QueryIn(c, "SELECT id FROM t WHERE id IN @IDS@", std::vector<int64_t>{}).ok());
    ASSERT_TRUE(QueryIn(c, "SELECT id FROM t WHERE code IN @IDS@", std::vector<std::string>{}).ok());
    ASSERT_TRUE(ExecIn(c, "DELETE FROM t WHERE id IN @IDS@", {}).ok());
    EXPECT_TRUE(c.sql.empty());
    EXPECT_TRUE(InChunks(std::vector<int64_t>{}).empty());
}

TEST(InList, LongListsAreCutIntoChunksWithinTheParameterLimits) {
    CountingConnection c;
    ASSERT_TRUE(QueryIn(c, "SELECT id FROM t WHERE a = ? AND id IN @IDS@", Keys(70000), {V("a")}).ok());
    ASSERT_EQ(c.sql.size(), (70000 + kInChunk - 1) / kInChunk);
    for (size_t n : c.param_counts) EXPECT_LE(n, kInChunk + 1);
    // SQLite's default limit is 32766 (Debian builds 250000), PostgreSQL's 65535.
    static_assert(kInChunk + 100 < 32766);
    EXPECT_EQ(c.sql.front().find("@IDS@"), std::string::npos);
}

TEST(InList, PlaceholderCountsAreRoundedToPowersOfTwo) {
    std::set<size_t> shapes;
    for (size_t n = 1; n <= 1100; ++n)
        for (const InChunk& chunk : InChunks(Keys(n))) {
            EXPECT_EQ(chunk.params.size(), static_cast<size_t>(std::count(chunk.list.begin(), chunk.list.end(), '?')));
            shapes.insert(chunk.params.size());
        }
    EXPECT_EQ(shapes, (std::set<size_t>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}));
    const auto three = InChunks(std::vector<int64_t>{9, 7, 8, 7});
    ASSERT_EQ(three.size(), 1u);
    EXPECT_EQ(three[0].list, "(?,?,?,?)");
    EXPECT_EQ(three[0].params, (Params{V(int64_t{7}), V(int64_t{8}), V(int64_t{9}), V(int64_t{9})}));
}

TEST(InList, SqlWithoutTheTokenIsAProgrammingError) {
    CountingConnection c;
    EXPECT_THROW((void)QueryIn(c, "SELECT id FROM t WHERE id IN (?)", std::vector<int64_t>{1}), std::logic_error);
}

}  // namespace
}  // namespace jw::storage

// History queries over two restructures of a small county: a rename effective 2099-01-01, then a merge
// effective 2099-02-01 — "unit X as of date D", the structure at a date, successors and statistics mapping.
#include "units/history.hpp"

#include <gtest/gtest.h>

#include "storage/test_databases.hpp"
#include "units/restructure_service.hpp"
#include "units/restructure_test_fixture.hpp"
#include "units/units_module.hpp"

namespace jw::units {
namespace {

constexpr int64_t kBefore = 1765000000;  // 2025-12-06
constexpr int64_t kJan = 4070880000;     // 2099-01-01 00:00 China time
constexpr int64_t kFeb = 4073558400;     // 2099-02-01
constexpr int64_t kMar = 4075977600;     // 2099-03-01

class History : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        db_ = testing::OpenFresh(GetParam(), "units_history", false);
        if (!db_) GTEST_SKIP() << GetParam() << " not available";
        AddCoreParticipants(participants_);
        ASSERT_TRUE(testing::InTx(*db_, [](storage::Connection& c) -> Status {
                        JW_RETURN_IF_ERROR(
                            c.Exec("INSERT INTO units (code, name, kind, parent_id, region_code, created_at) VALUES "
                                   "('519901000000', '县局', 'bureau', NULL, '519901', 0)"));
                        JW_RETURN_IF_ERROR(
                            c.Exec("INSERT INTO units (code, name, kind, parent_id, region_code, created_at) VALUES "
                                   "('519901030100', '甲所', 'station', 1, '519901', 0)"));
                        return c.Exec(
                            "INSERT INTO units (code, name, kind, parent_id, region_code, created_at) VALUES "
                            "('519901030200', '乙所', 'station', 1, '519901', 0)");
                    }).ok());
    }
    void Apply(const std::string& text) {
        Status s = testing::InTx(*db_, [&](storage::Connection& tx) -> Status {
            return units::Apply(tx, participants_, testing::ParseOrDie(text), Actor{}, kBefore).status();
        });
        ASSERT_TRUE(s.ok()) << s.message();
    }
    std::unique_ptr<storage::Database> db_;
    Participants participants_;
};

TEST_P(History, AsOfStructureAndSuccessorsFollowTheDates) {
    Apply(
        R"({"title":"更名","effective_date":"2099-01-01","operations":[{"op":"rename","unit":"519901030100","name":"甲派出所"}]})");
    Apply(
        R"({"title":"合并","effective_date":"2099-02-01","operations":[{"op":"merge","units":["519901030100","519901030200"],
        "into":{"code":"519901030300","name":"丙派出所","kind":"station"}}]})");
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    const int64_t a = testing::UnitId(**c, "519901030100"), b = testing::UnitId(**c, "519901030200"),
                  merged = testing::UnitId(**c, "519901030300");
    EXPECT_EQ(UnitAsOf(**c, a, kBefore)->name, "甲所");
    EXPECT_EQ(UnitAsOf(**c, a, kJan)->name, "甲派出所");
    EXPECT_EQ(UnitAsOf(**c, a, kJan - 1)->name, "甲所");
    EXPECT_EQ(UnitAsOf(**c, a, kFeb).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(UnitAsOf(**c, merged, kFeb)->name, "丙派出所");
    EXPECT_EQ(UnitAsOf(**c, merged, kFeb)->parent_id, std::optional<int64_t>(1));  // the merged units' parent
    EXPECT_EQ(UnitAsOf(**c, merged, kJan).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(UnitAsOf(**c, 999, kJan).status().code(), ErrorCode::kNotFound);

    auto names = [&](int64_t at) {
        std::vector<std::string> out;
        auto tree = StructureAt(**c, at);
        EXPECT_TRUE(tree.ok());
        if (tree.ok())
            for (const auto& v : *tree) out.push_back(v.name);
        return out;
    };
    EXPECT_EQ(names(kBefore), (std::vector<std::string>{"县局", "甲所", "乙所"}));
    EXPECT_EQ(names(kJan), (std::vector<std::string>{"县局", "甲派出所", "乙所"}));
    EXPECT_EQ(names(kMar), (std::vector<std::string>{"县局", "丙派出所"}));

    EXPECT_EQ(*SuccessorsOf(**c, a, kMar), std::vector<int64_t>{merged});
    EXPECT_EQ(*SuccessorsOf(**c, b, kJan), std::vector<int64_t>{b});
    EXPECT_TRUE(SuccessorsOf(**c, merged, kJan)->empty());  // it did not exist yet
    // Statistics by the structure of a date: old records map forward, new units map back.
    EXPECT_EQ(*UnitInStructure(**c, a, kMar), merged);
    EXPECT_EQ(*UnitInStructure(**c, b, kMar), merged);
    EXPECT_EQ(*UnitInStructure(**c, a, kJan), a);
    const int64_t back = *UnitInStructure(**c, merged, kJan);
    EXPECT_TRUE(back == a || back == b);
    EXPECT_EQ(DirectPredecessors(**c, merged)->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, History, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::units

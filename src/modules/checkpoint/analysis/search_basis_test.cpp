// The basis of a search (issue 13): a range in the future is refused naming its field; search exceptions go
// pending → approved | rejected once, never by the requester, and an approval is a basis only for its user and
// number and only until it lapses (SQLite and PostgreSQL). Case visibility itself is the cases module's rule
// (cases/case_scope.hpp, tested there); the whole check over HTTP is in tests/integration/analysis_basis.test.mjs.
#include "checkpoint/analysis/search_basis.hpp"

#include <gtest/gtest.h>

#include "checkpoint/analysis/analysis_exceptions.hpp"
#include "checkpoint/checkpoint_test_fixture.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

const int64_t kNow = *ParseChinaTime("2026-12-07 12:00:00");

TEST(SearchBasis, ARangeInTheFutureIsRefusedNamingItsField) {
    Json past = {{"q", "trajectory"}, {"from", "2026-12-01 00:00:00"}, {"to", "2026-12-07 11:00:00"}};
    EXPECT_TRUE(CheckNotFuture(past, kNow).ok());
    // Up to now (and the clock slack) is the past: "until now" is a normal search.
    past["to"] = "2026-12-07 12:04:00";
    EXPECT_TRUE(CheckNotFuture(past, kNow).ok());
    Json ends_later = past;
    ends_later["to"] = "2026-12-08 00:00:00";
    Status s = CheckNotFuture(ends_later, kNow);
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.fields(), (std::map<std::string, std::string>{{"to", "in_future"}}));
    Json all_future = {{"from", "2026-12-08 00:00:00"}, {"to", "2026-12-09 00:00:00"}};
    EXPECT_EQ(CheckNotFuture(all_future, kNow).fields(),
              (std::map<std::string, std::string>{{"from", "in_future"}, {"to", "in_future"}}));
    Json collision = {{"q", "collision"}, {"conditions", Json::array({past, all_future})}};
    EXPECT_EQ(
        CheckNotFuture(collision, kNow).fields(),
        (std::map<std::string, std::string>{{"conditions[1].from", "in_future"}, {"conditions[1].to", "in_future"}}));
    // Times the engine cannot read are left for it to name.
    EXPECT_TRUE(CheckNotFuture({{"from", "soon"}, {"to", "later"}}, kNow).ok());
}

class SearchExceptionTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        if (!OpenDatabase("search_exceptions", testing::CheckpointSchemas(), /*seed_roles=*/false)) return;
    }
};

TEST_P(SearchExceptionTest, ApprovedExceptionIsABasisForItsUserAndNumberUntilItLapses) {
    auto id = RequestException(*c_, 7, "analyst", "5199012026XS00123", "外省协查，案件尚未移交", kNow);
    ASSERT_TRUE(id.ok()) << id.status().message();
    EXPECT_FALSE(*HasApprovedException(*c_, 7, "5199012026XS00123", kNow));  // pending is no basis
    auto again = RequestException(*c_, 7, "analyst", "5199012026XS00123", "再次申请", kNow);
    EXPECT_EQ(again.status().fields().at("case_no"), "already_requested");

    auto own = DecideException(*c_, *id, true, 7, "analyst", "", kNow);
    EXPECT_EQ(own.status().code(), ErrorCode::kPermissionDenied);
    auto ok = DecideException(*c_, *id, true, 9, "leader", "同意", kNow);
    ASSERT_TRUE(ok.ok()) << ok.status().message();
    EXPECT_EQ(ok->status, "approved");
    EXPECT_EQ(*ok->valid_until, kNow + kExceptionValidDays * 86400);
    auto twice = DecideException(*c_, *id, false, 9, "leader", "不同意", kNow);
    EXPECT_EQ(twice.status().fields().at("status"), "already_approved");

    EXPECT_TRUE(*HasApprovedException(*c_, 7, "5199012026XS00123", kNow + 3600));
    EXPECT_FALSE(*HasApprovedException(*c_, 8, "5199012026XS00123", kNow));              // another user
    EXPECT_FALSE(*HasApprovedException(*c_, 7, "5199012026XS00124", kNow));              // another number
    EXPECT_FALSE(*HasApprovedException(*c_, 7, "5199012026XS00123", *ok->valid_until));  // lapsed
    EXPECT_EQ(DecideException(*c_, 999, true, 9, "leader", "", kNow).status().code(), ErrorCode::kNotFound);
}

TEST_P(SearchExceptionTest, RejectedIsNoBasisAndListsFilterByUserAndStatus) {
    auto a = RequestException(*c_, 7, "analyst", "5199012026XS00001", "理由一二三四", kNow);
    auto b = RequestException(*c_, 8, "officer", "5199012026XS00002", "理由五六七八", kNow);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_TRUE(DecideException(*c_, *a, false, 9, "leader", "理由不足", kNow).ok());
    EXPECT_FALSE(*HasApprovedException(*c_, 7, "5199012026XS00001", kNow));
    // Rejected, the user may ask again.
    EXPECT_TRUE(RequestException(*c_, 7, "analyst", "5199012026XS00001", "补充理由后再申请", kNow).ok());
    auto all = ListExceptions(*c_, 0, "", 1, 20);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->second, 3);
    EXPECT_EQ(all->first.front().case_no, "5199012026XS00001");  // newest first
    EXPECT_EQ(ListExceptions(*c_, 8, "", 1, 20)->second, 1);
    auto pending = ListExceptions(*c_, 0, "pending", 1, 1);
    EXPECT_EQ(pending->second, 2);
    EXPECT_EQ(pending->first.size(), 1u);
    EXPECT_EQ(ListExceptions(*c_, 7, "rejected", 1, 20)->first.at(0).decision_note, "理由不足");
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchExceptionTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::checkpoint

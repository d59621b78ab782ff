#include "audit/audit_detail.hpp"

#include <gtest/gtest.h>

namespace jw::audit {
namespace {

// Issue 13: details were English ("account is locked") whatever the reader's language.
TEST(AuditDetail, RefusalsAreStoredAsCodesAndWordedPerLanguage) {
    const std::string d = FailureDetail(Status(ErrorCode::kLocked, "account is locked", {{"status", "locked"}}));
    EXPECT_NE(d.find("\"msg\":\"error.account_locked\""), std::string::npos) << d;
    EXPECT_EQ(DetailText(d, Lang::kZhCN), "账号已被锁定");
    EXPECT_NE(DetailText(d, Lang::kEn).find("locked"), std::string::npos);
    const std::string disabled = FailureDetail(Status(ErrorCode::kLocked, "account is disabled"));
    EXPECT_EQ(DetailText(disabled, Lang::kZhCN), "账号已停用");
}

TEST(AuditDetail, BadInputNamesEachFieldAndItsProblem) {
    Status s(ErrorCode::kInvalidArgument, "invalid user", {{"police_no", "bad_police_no"}});
    const std::string text = DetailText(FailureDetail(s), Lang::kZhCN);
    EXPECT_NE(text.find("police_no"), std::string::npos) << text;
    EXPECT_NE(text.find("警号应为6位数字"), std::string::npos) << text;
}

// The chain covers old rows: they are worded where their prose is known, else shown as stored.
TEST(AuditDetail, OlderRowsAreWordedWithoutRewriting) {
    EXPECT_EQ(DetailText("account is locked", Lang::kZhCN), "账号已被锁定");
    EXPECT_EQ(DetailText("account locked until 2026-01-02 11:04:05", Lang::kZhCN),
              "多次登录失败，账号已锁定至 2026-01-02 11:04:05");
    EXPECT_EQ(DetailText("[\"officer\"]", Lang::kZhCN), "[\"officer\"]");
    EXPECT_EQ(DetailText("rows=3", Lang::kEn), "rows=3");
    EXPECT_TRUE(DetailChange("[\"officer\"]").is_null());
}

TEST(AuditDetail, AChangeKeepsBeforeAndAfter) {
    const std::string d = EventDetail("audit.detail.roles_changed", {{"name", "王强"}, {"username", "wq"}},
                                      {{"before", {"officer"}}, {"after", {"analyst", "officer"}}});
    EXPECT_EQ(DetailText(d, Lang::kZhCN), "王强（wq）的角色变更");
    const Json c = DetailChange(d);
    EXPECT_EQ(c["before"], Json({"officer"}));
    EXPECT_EQ(c["after"], Json({"analyst", "officer"}));
    const std::string s =
        EventDetail("audit.detail.status_changed",
                    {{"name", "王强"}, {"username", "wq"}, {"before", "active"}, {"after", "locked"}});
    EXPECT_EQ(DetailText(s, Lang::kZhCN), "王强（wq）：正常 → 锁定");
}

}  // namespace
}  // namespace jw::audit

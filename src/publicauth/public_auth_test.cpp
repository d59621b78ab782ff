// The public SMS-code login (public_auth.hpp) on SQLite and PostgreSQL: a code goes out by SMS and opens once;
// wrong codes are counted and kill the code; limits per number and per client address; tokens are scoped to the
// subject and purpose and expire; nothing distinguishes a number that never asked from a wrong code.
#include "publicauth/public_auth.hpp"

#include <gtest/gtest.h>

#include "test_support/database_test.hpp"

namespace jw::publicauth {
namespace {

class PublicAuthTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        InstallKeys(std::string(32, 'k'));
        RegisterPurpose("servicedesk");
        RegisterPurpose("dispatch");
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"publicauth", &schema::EmbeddedFiles()});
        if (!OpenDatabase("publicauth", schemas)) return;
    }
    std::string Send(PublicAuth& a, const std::string& phone, const std::string& client = "10.0.0.1") {
        std::string code;
        auto s = a.RequestCode(*c_, phone, "servicedesk", client, now_, &code);
        EXPECT_TRUE(s.ok()) << s.status().message();
        if (s.ok()) {
            EXPECT_EQ(s->outcome, Outcome::kOk);
        }
        return code;
    }
    Verified Try(PublicAuth& a, const std::string& phone, const std::string& code,
                 const std::string& client = "10.0.0.1") {
        auto v = a.Verify(*c_, phone, code, "servicedesk", client, now_);
        EXPECT_TRUE(v.ok()) << v.status().message();
        return v.ok() ? *v : Verified{};
    }
    std::string Wrong(const std::string& code) { return code == "000000" ? "000001" : "000000"; }
    int64_t now_ = 1'790'000'000;
};

TEST_P(PublicAuthTest, CodeGoesBySmsHashedAndOpensOnce) {
    PublicAuth a;
    const std::string code = Send(a, "+86 138-0013-8000");
    ASSERT_EQ(code.size(), 6u);
    // The SMS waits in the outbox for the number (normalised), with the code as a parameter; the code's row holds
    // neither the number nor the digits.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE phone = '13800138000' AND code = 'publicauth.sms_code' "
                    "AND params LIKE ?",
                    {storage::V("%" + code + "%")}),
              1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM publicauth_codes WHERE code_hash LIKE ? OR subject LIKE '%13800138000%'",
                    {storage::V("%" + code + "%")}),
              0);
    Verified v = Try(a, "13800138000", code);
    ASSERT_EQ(v.outcome, Outcome::kOk);
    EXPECT_EQ(v.person.subject, SubjectOf("138 0013 8000"));
    EXPECT_EQ(v.person.expires_at, now_ + kTokenTtlSeconds);
    // Used once: the same digits again are wrong.
    EXPECT_EQ(Try(a, "13800138000", code).outcome, Outcome::kWrong);
}

TEST_P(PublicAuthTest, WrongCodesKillTheCodeAfterTheLimit) {
    PublicAuth a;
    const std::string code = Send(a, "13900139000");
    for (int i = 0; i < kMaxVerifyAttempts; ++i) EXPECT_EQ(Try(a, "13900139000", Wrong(code)).outcome, Outcome::kWrong);
    // Brute force refused: after kMaxVerifyAttempts wrong tries even the right code is wrong.
    EXPECT_EQ(Try(a, "13900139000", code).outcome, Outcome::kWrong);
}

TEST_P(PublicAuthTest, ExpiredAndReplacedCodesAreWrongLikeUnknownNumbers) {
    PublicAuth a;
    const std::string first = Send(a, "13700137000");
    const std::string second = Send(a, "13700137000");
    if (first != second) {
        EXPECT_EQ(Try(a, "13700137000", first).outcome, Outcome::kWrong);  // replaced
    }
    now_ += kCodeTtlSeconds;
    EXPECT_EQ(Try(a, "13700137000", second).outcome, Outcome::kWrong);    // expired
    EXPECT_EQ(Try(a, "13600136000", "123456").outcome, Outcome::kWrong);  // never asked: the same answer
}

TEST_P(PublicAuthTest, CodesPerNumberAreLimitedInTheDatabase) {
    for (int i = 0; i < kMaxCodesPerPhone; ++i) {
        PublicAuth fresh;  // a new server (restart): the per-number limit still counts what is stored
        Send(fresh, "13500135000", "10.0.0." + std::to_string(i));
    }
    PublicAuth a;
    auto s = a.RequestCode(*c_, "13500135000", "servicedesk", "10.0.9.9", now_);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->outcome, Outcome::kRateLimited);
    EXPECT_GT(s->retry_after, 0);
    now_ += kPhoneWindowSeconds;
    Send(a, "13500135000");
}

TEST_P(PublicAuthTest, CodesAndVerificationsPerClientAreLimited) {
    PublicAuth a;
    for (int i = 0; i < kMaxCodesPerClient; ++i) Send(a, "1340013" + std::to_string(4000 + i), "10.1.1.1");
    auto s = a.RequestCode(*c_, "13300133000", "servicedesk", "10.1.1.1", now_);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->outcome, Outcome::kRateLimited);
    for (int i = 0; i < kMaxVerifiesPerClient; ++i)
        EXPECT_EQ(Try(a, "13300133000", "123456", "10.2.2.2").outcome, Outcome::kWrong);
    EXPECT_EQ(Try(a, "13300133000", "123456", "10.2.2.2").outcome, Outcome::kRateLimited);
}

TEST_P(PublicAuthTest, BadInputNamesTheField) {
    PublicAuth a;
    auto s = a.RequestCode(*c_, "12345", "servicedesk", "10.0.0.1", now_);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().fields().count("phone"), 1u);
    auto p = a.RequestCode(*c_, "13800138000", "nobody", "10.0.0.1", now_);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().fields().count("purpose"), 1u);
}

TEST_P(PublicAuthTest, TokensAreScopedSignedAndShortLived) {
    const PublicPerson p{SubjectOf("13800138000"), "servicedesk", now_ + 60};
    const std::string t = IssueToken(p);
    auto ok = ReadToken(t, "servicedesk", now_);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->subject, p.subject);
    EXPECT_FALSE(ReadToken(t, "dispatch", now_).ok());          // another purpose
    EXPECT_FALSE(ReadToken(t, "servicedesk", now_ + 60).ok());  // expired
    std::string forged = t;
    forged[10] = forged[10] == 'a' ? 'b' : 'a';
    EXPECT_FALSE(ReadToken(forged, "servicedesk", now_).ok());
    EXPECT_FALSE(ReadToken("pa1.zz.yy", "servicedesk", now_).ok());
    EXPECT_FALSE(ReadToken("", "servicedesk", now_).ok());
}

TEST_P(PublicAuthTest, PurgeDropsOldCodes) {
    PublicAuth a;
    Send(a, "13800138000");
    auto none = PurgeExpired(*c_, now_);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none, 0);
    auto one = PurgeExpired(*c_, now_ + kCodeTtlSeconds + 86401);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(*one, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PublicAuthTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::publicauth

#include "checkpoint/viid/viid_digest.hpp"

#include <gtest/gtest.h>

namespace jw::checkpoint::viid {
namespace {

TEST(ViidDigest, Rfc2617Example) {
    // RFC 2617 § 3.5.
    EXPECT_EQ(DigestResponse("Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                             "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth"),
              "6629fae49393a05397450978507c4ef1");
}

TEST(ViidDigest, Rfc7616Md5Example) {
    // RFC 7616 § 3.9.1 (MD5).
    EXPECT_EQ(DigestResponse("Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
                             "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                             "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth"),
              "8ca523f5e9506fed4657c9700eebdbec");
}

TEST(ViidDigest, ParsesQuotedAndBareParameters) {
    auto p = ParseDigestHeader(R"(Digest username="Mufasa", realm="a, b", nonce="n1", uri="/VIID/System/Register", )"
                               R"(response="abc", qop=auth, nc=00000001, cnonce="c", algorithm=MD5)");
    EXPECT_EQ(p["username"], "Mufasa");
    EXPECT_EQ(p["realm"], "a, b");
    EXPECT_EQ(p["qop"], "auth");
    EXPECT_EQ(p["nc"], "00000001");
    EXPECT_EQ(p["algorithm"], "MD5");
    EXPECT_TRUE(ParseDigestHeader("Basic dXNlcjpwYXNz").empty());
    EXPECT_TRUE(ParseDigestHeader(R"(Digest username="unterminated)").empty());
}

TEST(ViidDigest, VerifyAcceptsTheRightResponseOnly) {
    const std::string user = "51990100002000000001";
    const std::string nonce = "0123456789abcdef0123456789abcdef";
    auto header = [&](const std::string& password) {
        const std::string resp =
            DigestResponse(user, kRealm, password, "POST", "/VIID/System/Register", nonce, "00000001", "abcd", "auth");
        return ParseDigestHeader("Digest username=\"" + user + "\", realm=\"" + kRealm + "\", nonce=\"" + nonce +
                                 "\", uri=\"/VIID/System/Register\", qop=auth, nc=00000001, cnonce=\"abcd\", "
                                 "response=\"" +
                                 resp + "\"");
    };
    EXPECT_EQ(VerifyDigest(header("Secret#123"), user, "Secret#123", "POST"), DigestCheck::kOk);
    EXPECT_EQ(VerifyDigest(header("wrong-one"), user, "Secret#123", "POST"), DigestCheck::kWrongResponse);
    EXPECT_EQ(VerifyDigest(header("Secret#123"), "51990100002000000002", "Secret#123", "POST"),
              DigestCheck::kMalformed);
    EXPECT_EQ(VerifyDigest({}, user, "Secret#123", "POST"), DigestCheck::kMissing);
    EXPECT_NE(Challenge("n", true).find("stale=true"), std::string::npos);
}

}  // namespace
}  // namespace jw::checkpoint::viid

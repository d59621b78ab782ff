#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "http/conn_guard.hpp"
#include "http/error_table.hpp"
#include "http/response_headers.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace jw::http {
namespace {

TEST(Router, MatchesParametersAndReportsWrongMethod) {
    Router r;
    r.Add(Route{"GET", "/api/v1/users/:id", "user.read", "user.read", {}});
    r.Add(Route{"POST", "/api/v1/users", "user.write", "user.create", {}});
    std::map<std::string, std::string> params;
    bool mismatch = false;
    const Route* route = r.Match("GET", "/api/v1/users/42", &params, &mismatch);
    ASSERT_NE(route, nullptr);
    EXPECT_EQ(params.at("id"), "42");
    EXPECT_EQ(r.Match("DELETE", "/api/v1/users", &params, &mismatch), nullptr);
    EXPECT_TRUE(mismatch);
    EXPECT_EQ(r.Match("GET", "/api/v1/nothing", &params, &mismatch), nullptr);
    EXPECT_FALSE(mismatch);
}

TEST(ErrorTable, MapsEveryCodeOnce) {
    EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kPasswordChangeRequired), 403);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kLocked), 423);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kPayloadTooLarge), 413);
    Json body = ErrorBody(Status::Invalid("police_no", "bad_format"), "r-1");
    EXPECT_EQ(body["code"], "invalid_argument");
    EXPECT_EQ(body["fields"]["police_no"], "bad_format");
    EXPECT_EQ(body["request_id"], "r-1");
    // Internal details never reach the client.
    EXPECT_EQ(ErrorBody(Status::Internal("sqlite: table users is corrupt"), "r", Lang::kEn)["message"],
              "Internal server error");
}

TEST(ErrorTable, MessageIsWordsFromTheCatalogueInTheRequestsLanguage) {
    const Status bad = Status::Invalid("police_no", "bad_format");
    EXPECT_EQ(ErrorBody(bad, "r", Lang::kEn)["message"],
              "Some entries are not valid; please check them: police_no (Wrong format)");
    EXPECT_EQ(ErrorBody(bad, "r", Lang::kZhCN)["message"], "填写的内容有误，请检查：police_no（格式不正确）");
    EXPECT_EQ(ErrorBody(bad, "r")["message"], ErrorBody(bad, "r", Lang::kZhCN)["message"]);  // zh-CN by default
    // A problem the catalogue has no words for is shown as its code.
    EXPECT_EQ(ErrorBody(Status::Invalid("x", "odd_problem"), "r", Lang::kEn)["message"],
              "Some entries are not valid; please check them: x (odd_problem)");
    // A detail code the catalogue knows refines the words; the handler's English prose never reaches the client.
    EXPECT_EQ(ErrorBody(Status::Conflict("already_signed"), "r", Lang::kZhCN)["message"], "已签收");
    EXPECT_EQ(ErrorBody(Status::Conflict("already_signed"), "r", Lang::kZhCN)["detail"], "already_signed");
    EXPECT_FALSE(ErrorBody(Status::NotFound("alert target"), "r", Lang::kEn).contains("detail"));
    EXPECT_EQ(ErrorBody(Status::NotFound("alert target"), "r", Lang::kEn)["message"],
              "The record does not exist or was removed");
    EXPECT_EQ(ErrorBody("rate_limited", "too many", "r", Lang::kEn)["message"],
              "Too many failed attempts; try again later");
    EXPECT_EQ(ErrorBody("no_words_yet", "as given", "r", Lang::kEn)["message"], "as given");
    EXPECT_EQ(RequestLang({{"accept-language", "en-GB,en;q=0.9"}}), Lang::kEn);
    EXPECT_EQ(RequestLang({}), Lang::kZhCN);
}

class StaticTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() / ("jw_static_" + std::to_string(getpid()));
        std::filesystem::create_directories(root_ / "assets");
        std::ofstream(root_ / "index.html") << "<html>app</html>";
        std::ofstream(root_ / "assets" / "app-1234.js") << "console.log(1)";
        std::ofstream(root_.parent_path() / "secret.txt") << "secret";
    }
    std::filesystem::path root_;
};

TEST_F(StaticTest, ServesAssetsWithLongCacheAndFallsBackToIndex) {
    auto a = ServeStatic(root_, "/assets/app-1234.js", "r");
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body, "console.log(1)");
    EXPECT_EQ(a.headers[0].second, "public, max-age=31536000, immutable");
    auto spa = ServeStatic(root_, "/system/users", "r");
    EXPECT_EQ(spa.status, 200);
    EXPECT_EQ(spa.body, "<html>app</html>");
    EXPECT_EQ(ServeStatic(root_, "/missing.js", "r").status, 404);
}

// The phone app is a second app in the same web root (web/dist/m/index.html, ADR 0039): its deep links get its
// own page, the desktop's paths (even ones starting with "m") keep the desktop's.
TEST_F(StaticTest, PhoneAppDeepLinksServeThePhoneEntry) {
    std::filesystem::create_directories(root_ / "m");
    std::ofstream(root_ / "m" / "index.html") << "<html>phone</html>";
    for (const char* p : {"/m", "/m/", "/m/tasks", "/m/tasks/5/report", "/m/people/new"}) {
        auto out = ServeStatic(root_, p, "r");
        EXPECT_EQ(out.status, 200) << p;
        EXPECT_EQ(out.body, "<html>phone</html>") << p;
        EXPECT_EQ(out.content_type, "text/html; charset=utf-8") << p;
    }
    // its kit's icon font comes inlined (data:), never from a remote host
    const auto csp = ServeStatic(root_, "/m/", "r").headers;
    const bool data_fonts = std::any_of(csp.begin(), csp.end(), [](const auto& h) {
        return h.first == "Content-Security-Policy" && h.second.find("font-src 'self' data:;") != std::string::npos;
    });
    EXPECT_TRUE(data_fonts);
    for (const char* p : {"/", "/mobile", "/map/grid", "/system/m/users", "/media"}) {
        EXPECT_EQ(ServeStatic(root_, p, "r").body, "<html>app</html>") << p;
    }
    EXPECT_EQ(ServeStatic(root_, "/m/missing.js", "r").status, 404);
    std::filesystem::remove_all(root_ / "m");
}

TEST_F(StaticTest, RefusesPathTraversal) {
    for (const char* p : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
                          "/a\\..\\secret.txt", "/%00", "/%zz"}) {
        auto out = ServeStatic(root_, p, "r");
        EXPECT_EQ(out.status, 400) << p;
        EXPECT_EQ(out.body.find("secret\""), std::string::npos);
    }
    std::string why;
    EXPECT_EQ(ServeStatic(root_, "//etc/passwd", "r", &why).status, 400);
    EXPECT_EQ(why, "empty segment");
    EXPECT_EQ(ServeStatic(root_, "/%2Fetc/passwd", "r").status, 400);
}

// A precompressed copy beside a file (the web build writes x.js.gz) goes to a client that accepts gzip, marked
// as such; a client that does not gets the plain file; a path without a copy is served as before.
TEST_F(StaticTest, SendsThePrecompressedCopyOnlyToClientsThatAcceptGzip) {
    std::ofstream(root_ / "assets" / "app-1234.js.gz") << "GZIP-BYTES";
    auto header = [](const Outgoing& o, const std::string& name) {
        for (const auto& h : o.headers) {
            if (h.first == name) return h.second;
        }
        return std::string{};
    };
    const auto gz = ServeStatic(root_, "/assets/app-1234.js", "r", nullptr, true);
    EXPECT_EQ(gz.body, "GZIP-BYTES");
    EXPECT_EQ(header(gz, "Content-Encoding"), "gzip");
    EXPECT_EQ(header(gz, "Vary"), "Accept-Encoding");
    EXPECT_EQ(gz.content_type, ServeStatic(root_, "/assets/app-1234.js", "r").content_type);
    const auto plain = ServeStatic(root_, "/assets/app-1234.js", "r", nullptr, false);
    EXPECT_EQ(plain.body, "console.log(1)");
    EXPECT_EQ(header(plain, "Content-Encoding"), "");
    const auto index = ServeStatic(root_, "/", "r", nullptr, true);
    EXPECT_EQ(index.body, "<html>app</html>");
    EXPECT_EQ(header(index, "Content-Encoding"), "");
    std::filesystem::remove(root_ / "assets" / "app-1234.js.gz");

    EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
    EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
    EXPECT_TRUE(AcceptsGzip("*"));
    EXPECT_FALSE(AcceptsGzip(""));
    EXPECT_FALSE(AcceptsGzip("br, deflate"));
    EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
    EXPECT_FALSE(AcceptsGzip("gzip; q=0.000, identity"));
}

TEST(ResponseHeaders, ValuesCannotBreakOutOfTheirHeader) {
    EXPECT_EQ(SafeHeaderValue("X-Request-Id", "a\r\nSet-Cookie: x=1"), "a  Set-Cookie: x=1");
    EXPECT_EQ(SafeHeaderValue("Content-Disposition", "attachment; filename=\"a\"b;c\\.pdf\""),
              "attachment; filename=\"a_b_c_.pdf\"");
}

TEST(ResponseHeaders, WebSocketOrigin) {
    EXPECT_TRUE(OriginAllowed("", "127.0.0.1:8080", {}));
    EXPECT_TRUE(OriginAllowed("http://127.0.0.1:8080", "127.0.0.1:8080", {}));
    EXPECT_TRUE(OriginAllowed("https://JW.example", "jw.example", {}));
    EXPECT_FALSE(OriginAllowed("http://127.0.0.1:8081", "127.0.0.1:8080", {}));
    EXPECT_FALSE(OriginAllowed("http://127.0.0.1:8080.evil.example", "127.0.0.1:8080", {}));
    EXPECT_FALSE(OriginAllowed("null", "127.0.0.1:8080", {}));
    EXPECT_TRUE(OriginAllowed("https://proxy.example", "10.0.0.5:8080", {"https://proxy.example"}));
}

TEST(ConnGuard, LimitsFollowTheFileLimitAndThePath) {
    const GuardLimits l = LimitsForFileLimit(256);
    EXPECT_EQ(l.max_connections, 192u);
    EXPECT_LT(l.low_water, l.high_water);
    EXPECT_LT(l.high_water, l.max_connections);
    EXPECT_EQ(BodyLimitFor(l, "/api/v1/session"), l.small_body);
    EXPECT_EQ(BodyLimitFor(l, "/VIID/MotorVehicles"), l.large_body);
    EXPECT_EQ(BodyLimitFor(l, "/api/v1/checkpoint/import/7/chunks?x=1"), l.large_body);
    EXPECT_EQ(BodyLimitFor(l, "/api/v1/courier/bulk"), l.large_body);
    EXPECT_EQ(BodyLimitFor(l, "/api/v1/courier/records"), l.small_body);
}

}  // namespace
}  // namespace jw::http

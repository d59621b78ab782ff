#include "checkpoint/demo/demo_http_client.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "checkpoint/viid/viid_digest.hpp"

namespace jw::checkpoint::demo {
namespace {

TEST(DemoHttpClient, ParsesUrls) {
    std::string host;
    int port = 0;
    ASSERT_TRUE(ParseHttpUrl("http://127.0.0.1:18080", &host, &port).ok());
    EXPECT_EQ(host, "127.0.0.1");
    EXPECT_EQ(port, 18080);
    ASSERT_TRUE(ParseHttpUrl("http://localhost/", &host, &port).ok());
    EXPECT_EQ(port, 80);
    EXPECT_FALSE(ParseHttpUrl("https://127.0.0.1:443", &host, &port).ok());
    EXPECT_FALSE(ParseHttpUrl("http://127.0.0.1:99999", &host, &port).ok());
    EXPECT_FALSE(ParseHttpUrl("http://:80", &host, &port).ok());
}

// RFC 2617 § 3.5's worked example (the same computation as RFC 7616 with MD5 and qop=auth).
TEST(DemoHttpClient, AnswersADigestChallenge) {
    const std::string challenge =
        "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
        "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    auto h = DigestAuthorization(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b", 1);
    ASSERT_TRUE(h.ok());
    auto p = viid::ParseDigestHeader(*h);
    EXPECT_EQ(p["response"], "6629fae49393a05397450978507c4ef1");
    EXPECT_EQ(p["qop"], "auth");
    EXPECT_EQ(p["nc"], "00000001");
    EXPECT_EQ(p["opaque"], "5ccc069c403ebaf9f0171e9517f40e41");
    EXPECT_FALSE(DigestAuthorization("Basic realm=\"x\"", "u", "p", "GET", "/", "c", 1).ok());
}

// A one-connection server answering canned replies in order, recording what it received.
class CannedServer {
  public:
    explicit CannedServer(std::vector<std::string> replies) : replies_(std::move(replies)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        ::listen(fd_, 4);
        thread_ = std::thread([this] { Run(); });
    }
    ~CannedServer() {
        thread_.join();
        ::close(fd_);
    }
    int port() const { return port_; }
    std::string received;

  private:
    void Run() {
        const int c = ::accept(fd_, nullptr, nullptr);
        std::string in;
        char buf[4096];
        for (const auto& reply : replies_) {
            // One request: headers, then a Content-Length body.
            size_t end;
            while ((end = in.find("\r\n\r\n")) == std::string::npos) {
                const ssize_t n = ::recv(c, buf, sizeof buf, 0);
                if (n <= 0) return (void)::close(c);
                in.append(buf, static_cast<size_t>(n));
            }
            const size_t cl = in.find("Content-Length: ");
            const size_t body = cl == std::string::npos ? 0 : std::stoul(in.substr(cl + 16));
            while (in.size() < end + 4 + body) {
                const ssize_t n = ::recv(c, buf, sizeof buf, 0);
                if (n <= 0) return (void)::close(c);
                in.append(buf, static_cast<size_t>(n));
            }
            received += in.substr(0, end + 4 + body);
            in.erase(0, end + 4 + body);
            ::send(c, reply.data(), reply.size(), MSG_NOSIGNAL);
        }
        ::close(c);
    }
    int fd_ = -1;
    int port_ = 0;
    std::vector<std::string> replies_;
    std::thread thread_;
};

TEST(DemoHttpClient, KeepsTheConnectionAndReadsLengthAndChunkedBodies) {
    CannedServer server(
        {"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n"
         "Content-Length: 2\r\n\r\nno",
         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n"});
    HttpClient http("127.0.0.1", server.port());
    auto first = http.Send("POST", "/VIID/System/Register", {{"User-Identify", "x"}}, "{}");
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(first->status, 401);
    EXPECT_EQ(first->headers["www-authenticate"], "Digest realm=\"r\", nonce=\"n\"");
    EXPECT_EQ(first->body, "no");
    auto second = http.Send("GET", "/x", {}, "");
    ASSERT_TRUE(second.ok()) << second.status().message();
    EXPECT_EQ(second->status, 200);
    EXPECT_EQ(second->body, "{\"a\":1}");
    EXPECT_NE(server.received.find("POST /VIID/System/Register HTTP/1.1\r\n"), std::string::npos);
    EXPECT_NE(server.received.find("User-Identify: x\r\n"), std::string::npos);
    EXPECT_NE(server.received.find("GET /x HTTP/1.1\r\n"), std::string::npos);
}

TEST(DemoHttpClient, ReportsARefusedConnection) {
    int port = 0;
    {
        CannedServer closed({});  // accepts nothing useful and goes away
        port = closed.port();
        HttpClient wake("127.0.0.1", port);
        (void)wake.Send("GET", "/", {}, "");
    }
    HttpClient http("127.0.0.1", port);
    auto r = http.Send("GET", "/", {}, "");
    EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace jw::checkpoint::demo

#include "http/watchdog.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>

namespace jw::http {

namespace {
int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Waits for `events` on fd until the deadline; false on timeout or error.
bool WaitFor(int fd, short events, int64_t deadline) {
    for (;;) {
        const int64_t left = deadline - NowMs();
        if (left <= 0) return false;
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, static_cast<int>(left));
        if (r > 0) return true;
        if (r == 0) return false;
        if (errno != EINTR) return false;
    }
}
}  // namespace

bool ProbeHealth(const std::string& host, uint16_t port, int timeout_ms) {
    const int64_t deadline = NowMs() + timeout_ms;
    const bool v6 = host.find(':') != std::string::npos;
    const std::string target = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    bool ok = false;
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (v6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        ok = ::inet_pton(AF_INET6, target.c_str(), &a->sin6_addr) == 1;
        len = sizeof(sockaddr_in6);
    } else {
        auto* a = reinterpret_cast<sockaddr_in*>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        ok = ::inet_pton(AF_INET, target.c_str(), &a->sin_addr) == 1;
        len = sizeof(sockaddr_in);
    }
    if (ok) {
        const int r = ::connect(fd, reinterpret_cast<sockaddr*>(&ss), len);
        ok = r == 0 || (errno == EINPROGRESS && WaitFor(fd, POLLOUT, deadline));
    }
    if (ok) {
        int err = 0;
        socklen_t el = sizeof err;
        ok = ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) == 0 && err == 0;
    }
    if (ok) {
        static const char kReq[] = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        ok = ::send(fd, kReq, sizeof kReq - 1, MSG_NOSIGNAL) == ssize_t(sizeof kReq - 1);
    }
    std::string got;
    while (ok && got.find("\r\n") == std::string::npos && WaitFor(fd, POLLIN, deadline)) {
        char buf[256];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        got.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return ok && got.rfind("HTTP/1.1 200", 0) == 0;
}

void NotifySystemd(const std::string& state) {
    const char* path = std::getenv("NOTIFY_SOCKET");
    if (!path || !*path) return;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const size_t n = std::strlen(path);
    if (n >= sizeof addr.sun_path) return;
    std::memcpy(addr.sun_path, path, n);
    if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';  // abstract namespace
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&addr),
             static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + n));
    ::close(fd);
}

}  // namespace jw::http

#include "checkpoint/demo/demo_http_client.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "checkpoint/viid/viid_digest.hpp"
#include "common/text.hpp"

namespace jw::checkpoint::demo {
namespace {

std::string Lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

}  // namespace

Status ParseHttpUrl(const std::string& url, std::string* host, int* port) {
    const std::string scheme = "http://";
    if (url.compare(0, scheme.size(), scheme) != 0) return Status::Invalid("url", "expected http://host:port");
    std::string rest = url.substr(scheme.size());
    rest = rest.substr(0, rest.find('/'));
    const size_t colon = rest.rfind(':');
    *host = colon == std::string::npos ? rest : rest.substr(0, colon);
    *port = 80;
    if (colon != std::string::npos) {
        const std::string p = rest.substr(colon + 1);
        if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos)
            return Status::Invalid("url", "bad port");
        *port = std::stoi(p);
    }
    if (host->empty() || *port <= 0 || *port > 65535) return Status::Invalid("url", "expected http://host:port");
    return Status::Ok();
}

HttpClient::~HttpClient() { Close(); }

void HttpClient::Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    buffer_.clear();
}

Status HttpClient::Connect() {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int e = ::getaddrinfo(host_.c_str(), std::to_string(port_).c_str(), &hints, &found); e != 0)
        return Status::Internal(host_ + ": " + ::gai_strerror(e));
    std::string error = "no address";
    for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            fd_ = fd;
            break;
        }
        error = std::strerror(errno);
        ::close(fd);
    }
    ::freeaddrinfo(found);
    if (fd_ < 0) return Status::Internal(host_ + ":" + std::to_string(port_) + ": " + error);
    return Status::Ok();
}

Status HttpClient::Fill() {
    char buf[16384];
    for (;;) {
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        if (n > 0) {
            buffer_.append(buf, static_cast<size_t>(n));
            return Status::Ok();
        }
        if (n == 0) return Status::Internal(host_ + ": connection closed");
        if (errno != EINTR) return Status::Internal(host_ + ": " + std::strerror(errno));
    }
}

Result<HttpResponse> HttpClient::SendOnce(const std::string& request) {
    if (fd_ < 0) JW_RETURN_IF_ERROR(Connect());
    for (size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Status::Internal(host_ + ": " + std::strerror(errno));
        sent += static_cast<size_t>(n);
    }
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) JW_RETURN_IF_ERROR(Fill());
    HttpResponse r;
    const std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    size_t line_end = head.find("\r\n");
    const std::string status_line = head.substr(0, line_end);
    if (status_line.compare(0, 5, "HTTP/") != 0 || status_line.size() < 12)
        return Status::Internal(host_ + ": malformed reply");
    r.status = std::atoi(status_line.c_str() + 9);
    while (line_end != std::string::npos) {
        const size_t start = line_end + 2;
        line_end = head.find("\r\n", start);
        const std::string line =
            head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
        const size_t colon = line.find(':');
        if (colon != std::string::npos) {
            const std::string_view view = line;
            r.headers[Lower(std::string(TrimAsciiSpace(view.substr(0, colon))))] =
                std::string(TrimAsciiSpace(view.substr(colon + 1)));
        }
    }
    if (auto te = r.headers.find("transfer-encoding"); te != r.headers.end() && Lower(te->second) == "chunked") {
        for (;;) {
            size_t eol;
            while ((eol = buffer_.find("\r\n")) == std::string::npos) JW_RETURN_IF_ERROR(Fill());
            const size_t size = std::strtoul(buffer_.substr(0, eol).c_str(), nullptr, 16);
            while (buffer_.size() < eol + 2 + size + 2) JW_RETURN_IF_ERROR(Fill());
            r.body.append(buffer_, eol + 2, size);
            buffer_.erase(0, eol + 2 + size + 2);
            if (size == 0) break;  // no trailers expected from our server
        }
    } else if (auto cl = r.headers.find("content-length"); cl != r.headers.end()) {
        const size_t size = std::strtoul(cl->second.c_str(), nullptr, 10);
        while (buffer_.size() < size) JW_RETURN_IF_ERROR(Fill());
        r.body = buffer_.substr(0, size);
        buffer_.erase(0, size);
    } else {
        while (Fill().ok()) {
        }
        r.body = std::move(buffer_);
        Close();
        return r;
    }
    if (auto conn = r.headers.find("connection"); conn != r.headers.end() && Lower(conn->second) == "close") Close();
    return r;
}

Result<HttpResponse> HttpClient::Send(const std::string& method, const std::string& path,
                                      const std::map<std::string, std::string>& headers, const std::string& body) {
    std::string request = method + " " + path + " HTTP/1.1\r\nHost: " + host_ + ":" + std::to_string(port_) + "\r\n";
    for (const auto& [k, v] : headers) request += k + ": " + v + "\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    const bool reused = fd_ >= 0;
    auto r = SendOnce(request);
    if (!r.ok() && reused) {  // the server may have closed an idle kept-alive connection
        Close();
        r = SendOnce(request);
    }
    if (!r.ok()) Close();
    return r;
}

Result<std::string> DigestAuthorization(const std::string& challenge, const std::string& user,
                                        const std::string& password, const std::string& method, const std::string& uri,
                                        const std::string& cnonce, int nc) {
    auto p = viid::ParseDigestHeader(challenge);
    if (p.empty() || !p.count("nonce")) return Status::Invalid("www-authenticate", "not a Digest challenge");
    const std::string realm = p["realm"], nonce = p["nonce"];
    // qop may list several options ("auth,auth-int"): we speak "auth" when offered (RFC 7616 § 3.3).
    const bool auth = p.count("qop") && Lower(p["qop"]).find("auth") != std::string::npos;
    char nc_text[9];
    std::snprintf(nc_text, sizeof nc_text, "%08x", nc);
    const std::string response =
        viid::DigestResponse(user, realm, password, method, uri, nonce, nc_text, cnonce, auth ? "auth" : "");
    std::string h = "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri +
                    "\", algorithm=MD5, response=\"" + response + "\"";
    if (auth) h += ", qop=auth, nc=" + std::string(nc_text) + ", cnonce=\"" + cnonce + "\"";
    if (p.count("opaque")) h += ", opaque=\"" + p["opaque"] + "\"";
    return h;
}

}  // namespace jw::checkpoint::demo

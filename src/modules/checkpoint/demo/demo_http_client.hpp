#pragma once
// A minimal HTTP/1.1 client over a plain POSIX TCP socket, for `jingwu demo replay` talking to a server on
// loopback or the police LAN (no TLS, no proxies, no redirects). One keep-alive connection, reopened when the
// server closes it. Not thread-safe: one per thread. Owned by the demo part.

#include <map>
#include <string>

#include "common/status.hpp"

namespace jw::checkpoint::demo {

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased; a repeated header keeps the last value
    std::string body;
};

// "http://host[:port][/…]" → host and port (80 when absent). Errors: InvalidArgument "url".
Status ParseHttpUrl(const std::string& url, std::string* host, int* port);

class HttpClient {
  public:
    HttpClient(std::string host, int port) : host_(std::move(host)), port_(port) {}
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Sends one request (Content-Length body; `headers` added as given) and reads the reply (Content-Length,
    // chunked, or until close). Retries once on a fresh connection when a kept-alive one turns out closed.
    // Errors: Internal naming the host (connect, send, receive, malformed reply).
    Result<HttpResponse> Send(const std::string& method, const std::string& path,
                              const std::map<std::string, std::string>& headers, const std::string& body);

  private:
    Status Connect();
    void Close();
    Result<HttpResponse> SendOnce(const std::string& request);
    Status Fill();  // reads more bytes into buffer_

    std::string host_;
    int port_;
    int fd_ = -1;
    std::string buffer_;
};

// The Authorization header answering a Digest challenge (the WWW-Authenticate value) per RFC 7616 (MD5,
// qop=auth when offered). Errors: InvalidArgument "www-authenticate" (not a Digest challenge, or no nonce).
Result<std::string> DigestAuthorization(const std::string& challenge, const std::string& user,
                                        const std::string& password, const std::string& method, const std::string& uri,
                                        const std::string& cnonce, int nc);

}  // namespace jw::checkpoint::demo

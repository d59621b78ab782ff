#include "http/conn_guard.hpp"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <vector>

#include "http/error_table.hpp"

namespace jw::http {

int64_t SteadyMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

size_t BodyLimitFor(const GuardLimits& limits, std::string_view target) {
    const std::string_view path = target.substr(0, target.find('?'));
    // The endpoints that take big bodies: GA/T 1400 intake (batches of records), the CSV imports, photos (the
    // shared upload and the courier counter's ID-card OCR) and the courier companies' signed batches (≤ 1,000).
    if (path.starts_with("/VIID/") || path.find("/import") != std::string_view::npos || path == "/api/v1/media" ||
        path == "/api/v1/courier/ocr" || path == "/api/v1/courier/bulk")
        return limits.large_body;
    return limits.small_body;
}

GuardLimits LimitsForFileLimit(uint64_t nofile, size_t max_connections) {
    GuardLimits l;
    const uint64_t reserve = std::max<uint64_t>(64, nofile / 8);
    const uint64_t by_files = nofile > reserve + 16 ? nofile - reserve : 16;
    l.max_connections = static_cast<size_t>(std::min<uint64_t>(by_files, max_connections ? max_connections : 65536));
    l.high_water = std::max<size_t>(8, l.max_connections * 7 / 8);
    l.low_water = std::max<size_t>(4, l.max_connections * 3 / 4);
    return l;
}

namespace {

ConnState* StateOf(http_parser* p) { return static_cast<ConnState*>(p->data); }

int OnMessageBegin(http_parser* p) {
    ConnState* s = StateOf(p);
    s->target.clear();
    s->body_seen = 0;
    s->mid_message = true;
    return 0;
}

int OnUrl(http_parser* p, const char* at, size_t len) {
    ConnState* s = StateOf(p);
    if (s->target.size() < 4096) s->target.append(at, std::min(len, 4096 - s->target.size()));
    return 0;
}

int OnHeadersComplete(http_parser* p) {
    ConnState* s = StateOf(p);
    s->limit = BodyLimitFor(s->guard->limits(), s->target);
    const uint64_t cl = p->content_length;
    if (cl == ULLONG_MAX || cl == 0) return 0;
    if (cl > s->limit) {
        s->declared = static_cast<size_t>(std::min<uint64_t>(cl, SIZE_MAX));
        s->verdict = ConnState::Verdict::kTooLarge;
        return -1;
    }
    if (!s->guard->Reserve(cl)) {
        s->verdict = ConnState::Verdict::kBusy;
        return -1;
    }
    s->reserved = cl;
    return 0;
}

int OnBody(http_parser* p, const char*, size_t len) {
    ConnState* s = StateOf(p);
    s->body_seen += len;
    if (s->body_seen > s->limit) {
        s->declared = s->body_seen;
        s->verdict = ConnState::Verdict::kTooLarge;
        return -1;
    }
    if (s->body_seen > s->reserved) {  // chunked: reserve as it comes
        const size_t more = s->body_seen - s->reserved;
        if (!s->guard->Reserve(more)) {
            s->verdict = ConnState::Verdict::kBusy;
            return -1;
        }
        s->reserved += more;
    }
    return 0;
}

int OnMessageComplete(http_parser* p) {
    ConnState* s = StateOf(p);
    s->guard->Release(s->reserved);
    s->reserved = 0;
    s->mid_message = false;
    return 0;
}

const http_parser_settings& Settings() {
    static const http_parser_settings settings = [] {
        http_parser_settings st{};
        http_parser_settings_init(&st);
        st.on_message_begin = OnMessageBegin;
        st.on_url = OnUrl;
        st.on_headers_complete = OnHeadersComplete;
        st.on_body = OnBody;
        st.on_message_complete = OnMessageComplete;
        return st;
    }();
    return settings;
}

}  // namespace

ConnState::Verdict ConnState::Feed(const char* data, size_t n) {
    last_active_ms = SteadyMillis();
    if (passthrough || verdict != Verdict::kPass) return verdict;
    size_t done = 0;
    while (done < n) {
        const size_t parsed = http_parser_execute(&parser, &Settings(), data + done, n - done);
        if (verdict != Verdict::kPass) return verdict;
        if (parser.upgrade) upgraded = true;
        if (parser.upgrade || HTTP_PARSER_ERRNO(&parser) != HPE_OK) {
            passthrough = true;  // a WebSocket from here on, or an error RESTinio reports itself
            return Verdict::kPass;
        }
        if (parsed == 0) break;
        done += parsed;
    }
    return Verdict::kPass;
}

std::string ConnState::RefusalResponse() const {
    const bool too_large = verdict == Verdict::kTooLarge;
    const std::string rid = guard->NextRequestId();
    Status st = too_large ? Status(ErrorCode::kPayloadTooLarge, "request body over " + std::to_string(limit) + " bytes")
                          : Status(ErrorCode::kUnavailable, "server busy: too many request bodies in flight, retry");
    st.mutable_fields()["body"] = too_large ? "too_large" : "busy";
    const std::string body = ErrorBody(st, rid).dump();
    std::string r =
        too_large ? "HTTP/1.1 413 Payload Too Large\r\n" : "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n";
    r += "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nX-Request-Id: " + rid +
         "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
         "Connection: close\r\n\r\n" +
         body;
    return r;
}

ConnectionGuard::ConnectionGuard(GuardLimits limits) : limits_(limits), shedder_([this] { ShedLoop(); }) {}

ConnectionGuard::~ConnectionGuard() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    shedder_.join();
}

std::unique_ptr<ConnState> ConnectionGuard::Register(int fd) {
    auto s = std::make_unique<ConnState>();
    s->guard = this;
    s->fd = fd;
    s->last_active_ms = SteadyMillis();
    http_parser_init(&s->parser, HTTP_REQUEST);
    s->parser.data = s.get();
    bool wake = false;
    {
        std::lock_guard lock(mu_);
        s->seq = next_seq_++;
        open_.emplace(s->seq, s.get());
        wake = open_.size() > limits_.high_water;
    }
    if (wake) cv_.notify_one();
    return s;
}

void ConnectionGuard::Unregister(ConnState* s) {
    if (!s) return;
    Release(s->reserved);
    s->reserved = 0;
    std::lock_guard lock(mu_);
    open_.erase(s->seq);
}

bool ConnectionGuard::Reserve(size_t bytes) {
    uint64_t cur = inflight_.load();
    do {
        if (cur + bytes > limits_.inflight_budget) return false;
    } while (!inflight_.compare_exchange_weak(cur, cur + bytes));
    return true;
}

void ConnectionGuard::Release(size_t bytes) {
    if (bytes) inflight_ -= bytes;
}

size_t ConnectionGuard::open() const {
    std::lock_guard lock(mu_);
    return open_.size();
}

void ConnectionGuard::CountRefusal(ConnState::Verdict v) {
    if (v == ConnState::Verdict::kTooLarge) ++too_large_;
    if (v == ConnState::Verdict::kBusy) ++busy_;
}

size_t ConnectionGuard::ShedOnce() {
    std::lock_guard lock(mu_);
    if (open_.size() <= limits_.high_water) return 0;
    // Waiting for (the rest of) a request, least recently active first. A socket with no read pending is
    // being answered; a WebSocket (passthrough after an upgrade) belongs to a logged-in user.
    std::vector<std::pair<int64_t, ConnState*>> idle;
    for (const auto& [seq, s] : open_) {
        if (s->read_pending && !s->upgraded) idle.emplace_back(s->last_active_ms.load(), s);
    }
    std::sort(idle.begin(), idle.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const size_t want = open_.size() - limits_.low_water;
    size_t n = 0;
    for (const auto& [at, s] : idle) {
        if (n == want) break;
        ::shutdown(s->fd, SHUT_RDWR);  // the socket's pending read ends; RESTinio closes it
        open_.erase(s->seq);           // counted once; Unregister later finds nothing
        ++n;
    }
    return n;
}

void ConnectionGuard::ShedLoop() {
    std::unique_lock lock(mu_);
    while (!stop_) {
        cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_ || open_.size() > limits_.high_water; });
        if (stop_) break;
        if (open_.size() <= limits_.high_water) continue;
        const size_t before = open_.size();
        lock.unlock();
        const size_t n = ShedOnce();
        lock.lock();
        if (n > 0) {
            shed_total_ += n;
            spdlog::warn("connections: shed {} idle connections ({} open, limit {}, {} max)", n, before,
                         limits_.high_water, limits_.max_connections);
        } else {
            spdlog::warn("connections: {} open (limit {}) and none idle to shed", before, limits_.high_water);
            cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; });
        }
    }
}

}  // namespace jw::http

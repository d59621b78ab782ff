#include "http/server.hpp"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <strings.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <restinio/all.hpp>
#include <restinio/websocket/websocket.hpp>
#include <thread>
#include <unordered_map>

#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "http/error_table.hpp"
#include "http/guarded_socket.hpp"
#include "http/params.hpp"
#include "http/response_headers.hpp"
#include "http/static_files.hpp"
#include "http/watchdog.hpp"

namespace jw::http {

namespace rws = restinio::websocket::basic;
// RESTinio with the connection guard's socket (guarded_socket.hpp) and its connection-count limiter, so that
// open connections stay below the open-file limit and the acceptor never meets EMFILE.
struct Traits : public restinio::default_traits_t {
    using stream_socket_t = GuardedSocket;
    static constexpr bool use_connection_count_limiter = true;
};
using RequestHandle = restinio::request_handle_t;

// Open WebSockets by user, each bound to the session that opened it: a socket whose session has ended
// (logout, idle expiry, password change, lock) gets nothing more and is closed — checked before each push and
// by Sweep(), which the server's watchdog runs every few seconds.
class WsHub {
  public:
    using SessionAlive = std::function<bool(const std::string& session_hash)>;
    explicit WsHub(SessionAlive alive) : alive_(std::move(alive)) {}

    void Add(int64_t user, std::string session_hash, Lang lang, rws::ws_handle_t h) {
        std::lock_guard lock(mu_);
        by_user_[user].push_back(Socket{std::move(h), std::move(session_hash), lang});
    }
    void Remove(const rws::ws_t* ws) {
        std::lock_guard lock(mu_);
        for (auto& [user, list] : by_user_) std::erase_if(list, [ws](const auto& s) { return s.h.get() == ws; });
    }
    size_t Push(int64_t user, const std::function<std::string(Lang)>& text_in) {
        std::lock_guard lock(mu_);
        auto it = by_user_.find(user);
        if (it == by_user_.end()) return 0;
        CloseEnded(it->second);
        std::map<Lang, std::string> texts;  // made once per language
        for (auto& s : it->second) {
            auto t = texts.find(s.lang);
            if (t == texts.end()) t = texts.emplace(s.lang, text_in(s.lang)).first;
            s.h->send_message(rws::final_frame, rws::opcode_t::text_frame, restinio::writable_item_t{t->second});
        }
        return it->second.size();
    }
    // Closes the sockets whose session has ended; returns how many.
    size_t Sweep() {
        std::lock_guard lock(mu_);
        size_t n = 0;
        for (auto& [u, l] : by_user_) n += CloseEnded(l);
        return n;
    }
    size_t Count() {
        std::lock_guard lock(mu_);
        size_t n = 0;
        for (auto& [u, l] : by_user_) n += l.size();
        return n;
    }
    void CloseAll() {
        std::lock_guard lock(mu_);
        for (auto& [u, l] : by_user_)
            for (auto& s : l) s.h->kill();
        by_user_.clear();
    }

  private:
    struct Socket {
        rws::ws_handle_t h;
        std::string session_hash;
        Lang lang = kDefaultLang;
    };
    size_t CloseEnded(std::vector<Socket>& list) {
        size_t n = 0;
        std::erase_if(list, [&](Socket& s) {
            if (alive_(s.session_hash)) return false;
            s.h->kill();  // not shutdown(): that waits for the peer's close frame, which a stale tab may never send
            ++n;
            return true;
        });
        return n;
    }

    SessionAlive alive_;
    std::mutex mu_;
    std::unordered_map<int64_t, std::vector<Socket>> by_user_;
};

namespace {

sigset_t StopSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}

std::map<std::string, std::string> ParseCookies(const std::string& header) {
    std::map<std::string, std::string> out;
    size_t pos = 0;
    while (pos < header.size()) {
        size_t end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        std::string part = header.substr(pos, end - pos);
        const size_t first = part.find_first_not_of(' ');
        if (first != std::string::npos) part = part.substr(first);
        const size_t eq = part.find('=');
        if (eq != std::string::npos) out[part.substr(0, eq)] = part.substr(eq + 1);
        pos = end + 1;
    }
    return out;
}

std::string ReasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Payload Too Large";
        case 423:
            return "Locked";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
    }
}

void SendOut(const RequestHandle& req, const Outgoing& out, const std::string& request_id) {
    auto resp = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(out.status)}, ReasonPhrase(out.status)});
    resp.append_header("X-Request-Id", request_id);
    if (!out.content_type.empty() && out.status != 204)
        resp.append_header(restinio::http_field::content_type, out.content_type);
    bool has_cache = false;
    for (const auto& [k, v] : out.headers) {
        // Never a CORS header: the API and the web app are one origin, and a handler must not widen that.
        if (k.size() >= 15 && strncasecmp(k.c_str(), "Access-Control-", 15) == 0) continue;
        resp.append_header(k, SafeHeaderValue(k, v));
        has_cache = has_cache || k == "Cache-Control";
    }
    for (const auto& [k, v] : CommonSecurityHeaders()) resp.append_header(k, v);
    // Personal data must never sit in a browser or proxy cache: everything but the web app's files is no-store.
    if (!has_cache) resp.append_header("Cache-Control", "no-store");
    if (out.status != 204) resp.set_body(out.body);
    resp.done();
}

}  // namespace

void BlockStopSignals() {
    const sigset_t set = StopSignals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

Server::Server(ServerOptions options, Dispatcher& dispatcher, auth::SessionService& sessions, storage::Database& db,
               Metrics& metrics, std::function<std::string()> extra_metrics)
    : options_(std::move(options)),
      dispatcher_(dispatcher),
      sessions_(sessions),
      db_(db),
      metrics_(metrics),
      extra_metrics_(std::move(extra_metrics)),
      hub_(std::make_unique<WsHub>([this](const std::string& hash) { return SessionAlive(hash); })) {}

Server::~Server() = default;

size_t Server::PushToUser(int64_t user_id, const std::function<std::string(Lang)>& text_in) {
    return hub_->Push(user_id, text_in);
}

// Without touching the session (a push must not keep it alive): its row still exists and it has not been
// idle past the policy. last_seen is written at most once a minute, hence the minute of grace.
bool Server::SessionAlive(const std::string& session_hash) {
    auto c = db_.Acquire();
    if (!c.ok()) return true;  // cannot tell now; the next check will
    auto row = auth::repo::GetSession(**c, session_hash);
    if (!row.ok())
        return row.status().code() != ErrorCode::kNotFound && row.status().code() != ErrorCode::kUnauthenticated;
    const int64_t idle = int64_t{sessions_.Policy().idle_minutes} * 60;
    return NowUnix() - row->last_seen <= idle + 60;
}

namespace {

// Raises the soft open-file limit to the hard one; returns the limit now in force.
uint64_t RaiseFileLimit() {
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return 1024;
    if (rl.rlim_cur < rl.rlim_max) {
        rlimit raised = rl;
        raised.rlim_cur = rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
    }
    return rl.rlim_cur == RLIM_INFINITY ? uint64_t{1} << 20 : static_cast<uint64_t>(rl.rlim_cur);
}

std::string Printable(std::string_view s) {
    std::string out;
    for (unsigned char c : s.substr(0, 300)) out += (c < 0x20 || c >= 0x7f) ? '?' : static_cast<char>(c);
    return out;
}

}  // namespace

Status Server::Run() {
    std::atomic<bool> draining{false};
    std::atomic<uint64_t> next_id{0};
    std::atomic<uint64_t> path_rejected{0};
    std::atomic<size_t> threads_alive{0};
    std::atomic<bool> probe_failing{false};
    const std::string id_prefix = RandomToken(4);

    const uint64_t nofile = RaiseFileLimit();
    GuardLimits limits = LimitsForFileLimit(nofile, options_.max_connections);
    ConnectionGuard guard(limits);
    guard.SetRequestIds([&] { return id_prefix + "-" + std::to_string(++next_id); });
    ActiveGuard() = &guard;
    spdlog::info("connections: open-file limit {}, at most {} connections (idle ones shed above {})", nofile,
                 limits.max_connections, limits.high_water);

    auto handler = [&](RequestHandle req) -> restinio::request_handling_status_t {
        const std::string request_id = id_prefix + "-" + std::to_string(++next_id);
        const std::string target(req->header().path());
        const std::string method(req->header().method().c_str());
        if (draining) {
            SendOut(req,
                    Outgoing{503,
                             ErrorBody("unavailable", "server is shutting down", request_id).dump(),
                             "application/json; charset=utf-8",
                             {}},
                    request_id);
            return restinio::request_accepted();
        }
        if (target == "/healthz") {
            // 200 only while every I/O thread runs and the self-probe reaches the acceptor.
            const size_t alive = threads_alive.load();
            std::string problem;
            if (alive < options_.threads)
                problem =
                    "io threads: " + std::to_string(alive) + " of " + std::to_string(options_.threads) + " running\n";
            if (probe_failing) problem += "acceptor: self-probe failing\n";
            SendOut(
                req,
                Outgoing{
                    problem.empty() ? 200 : 503, problem.empty() ? "ok\n" : problem, "text/plain; charset=utf-8", {}},
                request_id);
            return restinio::request_accepted();
        }
        if (target == "/readyz") {
            auto c = db_.Acquire();
            const bool ready = c.ok() && (*c)->Query("SELECT 1").ok();
            std::string body = ready ? "ready\n" : "database unavailable\n";
            if (options_.health_notes) body += options_.health_notes();
            SendOut(req, Outgoing{ready ? 200 : 503, body, "text/plain; charset=utf-8", {}}, request_id);
            return restinio::request_accepted();
        }
        if (target == "/metrics") {
            std::string m;
            m += "# TYPE jw_http_requests_total counter\n";
            m += "jw_http_requests_total{class=\"2xx\"} " + std::to_string(metrics_.status_2xx) + "\n";
            m += "jw_http_requests_total{class=\"4xx\"} " + std::to_string(metrics_.status_4xx) + "\n";
            m += "jw_http_requests_total{class=\"5xx\"} " + std::to_string(metrics_.status_5xx) + "\n";
            m += "# TYPE jw_http_request_duration_seconds histogram\n";
            static const char* kLe[] = {"0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "+Inf"};
            uint64_t cumulative = 0;
            for (int i = 0; i < 8; ++i) {
                cumulative += metrics_.latency_buckets[i];
                m += std::string("jw_http_request_duration_seconds_bucket{le=\"") + kLe[i] + "\"} " +
                     std::to_string(cumulative) + "\n";
            }
            m += "jw_http_request_duration_seconds_sum " + std::to_string(metrics_.latency_us_sum / 1e6) + "\n";
            m += "jw_http_request_duration_seconds_count " + std::to_string(cumulative) + "\n";
            m += "# TYPE jw_http_in_flight gauge\njw_http_in_flight " + std::to_string(metrics_.in_flight) + "\n";
            m += "# TYPE jw_audit_records_total counter\njw_audit_records_total " +
                 std::to_string(metrics_.audit_records) + "\n";
            m += "# TYPE jw_websocket_connections gauge\njw_websocket_connections " + std::to_string(hub_->Count()) +
                 "\n";
            m += "# TYPE jw_http_connections gauge\njw_http_connections " + std::to_string(guard.open()) + "\n";
            m += "# TYPE jw_http_connections_max gauge\njw_http_connections_max " +
                 std::to_string(limits.max_connections) + "\n";
            m += "# TYPE jw_http_connections_shed_total counter\njw_http_connections_shed_total " +
                 std::to_string(guard.shed_total()) + "\n";
            m += "# TYPE jw_http_body_refused_total counter\njw_http_body_refused_total{reason=\"too_large\"} " +
                 std::to_string(guard.refused_too_large()) + "\njw_http_body_refused_total{reason=\"busy\"} " +
                 std::to_string(guard.refused_busy()) + "\n";
            m += "# TYPE jw_http_body_inflight_bytes gauge\njw_http_body_inflight_bytes " +
                 std::to_string(guard.inflight_bytes()) + "\n";
            m += "# TYPE jw_http_path_rejected_total counter\njw_http_path_rejected_total " +
                 std::to_string(path_rejected.load()) + "\n";
            m += "# TYPE jw_http_io_threads_alive gauge\njw_http_io_threads_alive " +
                 std::to_string(threads_alive.load()) + "\n";
            if (extra_metrics_) m += extra_metrics_();
            SendOut(req, Outgoing{200, m, "text/plain; version=0.0.4", {}}, request_id);
            return restinio::request_accepted();
        }
        std::map<std::string, std::string> cookies;
        if (req->header().has_field(restinio::http_field::cookie))
            cookies = ParseCookies(req->header().get_field(restinio::http_field::cookie));

        if (target == "/api/v1/ws") {
            // Cross-site WebSocket hijacking: a page elsewhere would open this with the user's cookie.
            const std::string origin = req->header().get_field_or(restinio::http_field::origin, "");
            const std::string host = req->header().get_field_or(restinio::http_field::host, "");
            if (!OriginAllowed(origin, host, options_.allowed_origins)) {
                spdlog::warn("websocket: origin refused: {} (host {}) from {}", Printable(origin), Printable(host),
                             req->remote_endpoint().address().to_string());
                SendOut(req,
                        Outgoing{403,
                                 ErrorBody(Status(ErrorCode::kPermissionDenied, "WebSocket origin not allowed",
                                                  {{"origin", "not_allowed"}}),
                                           request_id)
                                     .dump(),
                                 "application/json; charset=utf-8",
                                 {}},
                        request_id);
                return restinio::request_accepted();
            }
            auto p =
                cookies.count(kSessionCookie)
                    ? sessions_.Authenticate(cookies[kSessionCookie], NowUnix())
                    : Result<std::shared_ptr<const auth::Principal>>(Status(ErrorCode::kUnauthenticated, "no session"));
            if (!p.ok() || restinio::http_connection_header_t::upgrade != req->header().connection()) {
                SendOut(req,
                        Outgoing{401,
                                 ErrorBody(p.ok() ? Status::Invalid("connection", "upgrade_required") : p.status(),
                                           request_id)
                                     .dump(),
                                 "application/json; charset=utf-8",
                                 {}},
                        request_id);
                return restinio::request_accepted();
            }
            const int64_t user_id = (*p)->user_id;
            // The language of this socket's pushes: the page's own (`?lang=`, the web sends its locale), else the
            // browser's Accept-Language.
            Lang lang = req->header().has_field("Accept-Language")
                            ? LangFromAcceptLanguage(req->header().get_field("Accept-Language"))
                            : kDefaultLang;
            try {
                const auto qp = restinio::parse_query<restinio::parse_query_traits::relaxed>(req->header().query());
                if (qp.has("lang")) lang = LangFromAcceptLanguage(std::string(qp["lang"]));
            } catch (const std::exception&) {
                // a malformed query: keep the header's language
            }
            WsHub* hub = hub_.get();
            auto wsh = rws::upgrade<Traits>(*req, rws::activation_t::immediate,
                                            [hub](rws::ws_handle_t wsh, rws::message_handle_t m) {
                                                if (m->opcode() == rws::opcode_t::connection_close_frame) {
                                                    hub->Remove(wsh.get());
                                                    wsh->shutdown();
                                                }
                                            });
            wsh->send_message(rws::final_frame, rws::opcode_t::text_frame,
                              restinio::writable_item_t{Json{{"type", "hello"}, {"user", (*p)->username}}.dump()});
            hub->Add(user_id, (*p)->session_hash, lang, std::move(wsh));
            return restinio::request_accepted();
        }

        // The API and the GA/T 1400 view-library interface (/VIID/…) go to the router; the rest is the web app.
        if (target.rfind("/api/", 0) != 0 && target.rfind("/VIID/", 0) != 0) {
            const auto m = req->header().method();
            if (m != restinio::http_method_get() && m != restinio::http_method_head()) {
                SendOut(req,
                        Outgoing{405,
                                 ErrorBody("method_not_allowed", "only GET for files", request_id).dump(),
                                 "application/json; charset=utf-8",
                                 {}},
                        request_id);
            } else {
                std::string rejected;
                const bool gzip_ok =
                    AcceptsGzip(req->header().get_field_or(restinio::http_field::accept_encoding, std::string{}));
                Outgoing out = ServeStatic(options_.web_root, target, request_id, &rejected, gzip_ok);
                if (!rejected.empty()) {
                    ++path_rejected;
                    spdlog::warn("static path rejected ({}): {} from {} [{}]", rejected, Printable(target),
                                 req->remote_endpoint().address().to_string(), request_id);
                }
                SendOut(req, out, request_id);
            }
            return restinio::request_accepted();
        }

        Request r;
        r.method = method;
        r.path = target;
        r.body = req->body();
        r.request_id = request_id;
        r.client = req->remote_endpoint().address().to_string();
        r.cookies = std::move(cookies);
        for (const auto& f : req->header()) {
            std::string name(f.name());
            for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            r.headers[name] = std::string(f.value());
        }
        Status query_ok = Status::Ok();
        try {
            // RFC 3986 lets a query carry ':' and ',' unescaped (an instant "…T08:00:00Z", an id list "3,7"); the
            // default traits refuse them. Decoding, UTF-8 checking and '&' as the only separator are the same.
            const auto qp = restinio::parse_query<restinio::parse_query_traits::relaxed>(req->header().query());
            std::vector<std::pair<std::string, std::string>> pairs;
            for (const auto& [k, v] : qp) pairs.emplace_back(std::string(k), std::string(v));
            query_ok = CollectQuery(pairs, &r.query);  // a repeated name is refused (http/params.hpp)
        } catch (const std::exception&) {
            query_ok = Status::Invalid("query", "bad_format");
        }
        if (!query_ok.ok()) {
            SendOut(req, Outgoing{400, ErrorBody(query_ok, request_id).dump(), "application/json; charset=utf-8", {}},
                    request_id);
            return restinio::request_accepted();
        }
        dispatcher_.Handle(std::move(r), [req, request_id](Outgoing out) { SendOut(req, out, request_id); });
        return restinio::request_accepted();
    };

    asio::io_context ioctx;
    auto settings =
        restinio::server_settings_t<Traits>{}
            .address(options_.host)
            .port(options_.port)
            .request_handler(handler)
            .max_parallel_connections(limits.max_connections)
            // The guard refuses bodies over their path's limit at the header; this is the backstop.
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(limits.large_body))
            .read_next_http_message_timelimit(std::chrono::seconds(60))
            // A handler's own time: the worker pool bounds how many run at once, so this only cuts off a slow
            // legitimate request (a unit merge moves every row of a station; on a loaded CI runner it passed 30 s
            // and the client saw its connection closed while the work went on).
            .handle_request_timeout(std::chrono::seconds(180));
    restinio::http_server_t<Traits> server{restinio::external_io_context(ioctx), std::move(settings)};

    // Blocked here too (threads started from here on inherit it); this thread waits for them with sigwait.
    BlockStopSignals();
    const sigset_t stop_signals = StopSignals();

    try {
        server.open_sync();
    } catch (const std::exception& e) {
        ActiveGuard() = nullptr;
        return Status(ErrorCode::kUnavailable, std::string("cannot listen: ") + e.what());
    }
    // The I/O threads never run out of work (the guard) and survive a handler's exception (logged): a pool
    // that silently shrank to nothing was finding 5.
    auto work = asio::make_work_guard(ioctx);
    std::vector<std::thread> pool;
    for (size_t i = 0; i < options_.threads; ++i) {
        pool.emplace_back([&ioctx, &threads_alive] {
            ++threads_alive;
            for (;;) {
                try {
                    ioctx.run();
                    break;  // stopped
                } catch (const std::exception& e) {
                    spdlog::error("io thread: unhandled exception: {}", e.what());
                } catch (...) {
                    spdlog::error("io thread: unhandled exception");
                }
            }
            --threads_alive;
        });
    }
    spdlog::info("listening on http://{}:{}", options_.host, options_.port);
    NotifySystemd("READY=1");

    // Watchdog: closes WebSockets whose session ended, and probes /healthz through the acceptor. Three failed
    // probes in a row mean clients cannot be served: logged, /healthz says so, systemd's watchdog is no longer
    // fed, and the server stops with an error so that a supervisor restarts it.
    std::mutex wd_mu;
    std::condition_variable wd_cv;
    bool wd_stop = false;
    std::string fatal;
    std::thread watchdog([&] {
        int failures = 0;
        for (int tick = 1;; ++tick) {
            {
                std::unique_lock lock(wd_mu);
                if (wd_cv.wait_for(lock, std::chrono::seconds(2), [&] { return wd_stop; })) return;
            }
            if (const size_t n = hub_->Sweep(); n > 0) spdlog::info("websocket: closed {} whose session ended", n);
            if (tick % 5 != 0) continue;
            if (ProbeHealth(options_.host, options_.port, 5000)) {
                if (failures > 0) spdlog::info("watchdog: self-probe answers again");
                failures = 0;
                probe_failing = false;
                NotifySystemd("WATCHDOG=1");
                continue;
            }
            ++failures;
            probe_failing = true;
            spdlog::error("watchdog: self-probe of /healthz failed ({} in a row; {} of {} io threads, {} connections)",
                          failures, threads_alive.load(), options_.threads, guard.open());
            if (failures >= 3) {
                std::lock_guard lock(wd_mu);
                fatal = "the server cannot serve: /healthz self-probe failed 3 times";
                spdlog::critical("watchdog: {}; stopping so that the supervisor restarts it", fatal);
                kill(getpid(), SIGTERM);
                return;
            }
        }
    });

    int sig = 0;
    sigwait(&stop_signals, &sig);
    spdlog::info("signal {}: draining", sig);
    draining = true;
    {
        std::lock_guard lock(wd_mu);
        wd_stop = true;
    }
    wd_cv.notify_all();
    watchdog.join();
    const auto drain_start = std::chrono::steady_clock::now();
    const auto deadline = drain_start + std::chrono::seconds(10);
    while (metrics_.in_flight > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (metrics_.in_flight > 0)
        spdlog::warn("stopping: {} requests still running after 10 s", metrics_.in_flight.load());
    hub_->CloseAll();
    server.close_sync();
    work.reset();
    ioctx.stop();
    for (auto& t : pool) t.join();
    if (const auto s = std::chrono::steady_clock::now() - drain_start; s > std::chrono::seconds(1))
        spdlog::warn("stopping: the HTTP server took {} ms",
                     std::chrono::duration_cast<std::chrono::milliseconds>(s).count());
    ActiveGuard() = nullptr;
    spdlog::info("stopped");
    if (!fatal.empty()) return Status(ErrorCode::kUnavailable, fatal);
    return Status::Ok();
}

}  // namespace jw::http

#include "http/server.hpp"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <restinio/all.hpp>
#include <restinio/websocket/websocket.hpp>
#include <spdlog/spdlog.h>
#include <thread>
#include <unordered_map>

#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "http/error_table.hpp"
#include "http/static_files.hpp"

namespace jw::http {

namespace rws = restinio::websocket::basic;
using Traits = restinio::default_traits_t;
using RequestHandle = restinio::request_handle_t;

class WsHub {
public:
    void Add(int64_t user, rws::ws_handle_t h) {
        std::lock_guard lock(mu_);
        by_user_[user].push_back(std::move(h));
    }
    void Remove(const rws::ws_t* ws) {
        std::lock_guard lock(mu_);
        for (auto& [user, list] : by_user_) std::erase_if(list, [ws](const auto& h) { return h.get() == ws; });
    }
    size_t Push(int64_t user, const std::string& text) {
        std::lock_guard lock(mu_);
        auto it = by_user_.find(user);
        if (it == by_user_.end()) return 0;
        for (auto& h : it->second) h->send_message(rws::final_frame, rws::opcode_t::text_frame, restinio::writable_item_t{text});
        return it->second.size();
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
            for (auto& h : l) h->kill();
        by_user_.clear();
    }

private:
    std::mutex mu_;
    std::unordered_map<int64_t, std::vector<rws::ws_handle_t>> by_user_;
};

namespace {

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
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 413: return "Payload Too Large";
        case 423: return "Locked";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Status";
    }
}

void SendOut(const RequestHandle& req, const Outgoing& out, const std::string& request_id) {
    auto resp = req->create_response(
        restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(out.status)},
                                     ReasonPhrase(out.status)});
    resp.append_header("X-Request-Id", request_id);
    if (!out.content_type.empty() && out.status != 204) resp.append_header(restinio::http_field::content_type, out.content_type);
    bool has_cache = false;
    for (const auto& [k, v] : out.headers) {
        resp.append_header(k, v);
        has_cache = has_cache || k == "Cache-Control";
    }
    if (!has_cache) resp.append_header("Cache-Control", "no-store");
    if (out.status != 204) resp.set_body(out.body);
    resp.done();
}

}  // namespace

Server::Server(ServerOptions options, Dispatcher& dispatcher, auth::SessionService& sessions, storage::Database& db,
               Metrics& metrics, std::function<std::string()> extra_metrics)
    : options_(std::move(options)),
      dispatcher_(dispatcher),
      sessions_(sessions),
      db_(db),
      metrics_(metrics),
      extra_metrics_(std::move(extra_metrics)),
      hub_(std::make_unique<WsHub>()) {}

Server::~Server() = default;

size_t Server::PushToUser(int64_t user_id, const std::string& json_text) { return hub_->Push(user_id, json_text); }

Status Server::Run() {
    std::atomic<bool> draining{false};
    std::atomic<uint64_t> next_id{0};
    const std::string id_prefix = RandomToken(4);

    auto handler = [&](RequestHandle req) -> restinio::request_handling_status_t {
        const std::string request_id = id_prefix + "-" + std::to_string(++next_id);
        const std::string target(req->header().path());
        const std::string method(req->header().method().c_str());
        if (draining) {
            SendOut(req, Outgoing{503, ErrorBody("unavailable", "server is shutting down", request_id).dump(),
                                "application/json; charset=utf-8", {}}, request_id);
            return restinio::request_accepted();
        }
        if (target == "/healthz") {
            SendOut(req, Outgoing{200, "ok\n", "text/plain; charset=utf-8", {}}, request_id);
            return restinio::request_accepted();
        }
        if (target == "/readyz") {
            auto c = db_.Acquire();
            const bool ready = c.ok() && (*c)->Query("SELECT 1").ok();
            SendOut(req, Outgoing{ready ? 200 : 503, ready ? "ready\n" : "database unavailable\n", "text/plain; charset=utf-8", {}},
                  request_id);
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
            m += "# TYPE jw_websocket_connections gauge\njw_websocket_connections " + std::to_string(hub_->Count()) + "\n";
            if (extra_metrics_) m += extra_metrics_();
            SendOut(req, Outgoing{200, m, "text/plain; version=0.0.4", {}}, request_id);
            return restinio::request_accepted();
        }
        std::map<std::string, std::string> cookies;
        if (req->header().has_field(restinio::http_field::cookie))
            cookies = ParseCookies(req->header().get_field(restinio::http_field::cookie));

        if (target == "/api/v1/ws") {
            auto p = cookies.count(kSessionCookie) ? sessions_.Authenticate(cookies[kSessionCookie], NowUnix())
                                                   : Result<std::shared_ptr<const auth::Principal>>(
                                                         Status(ErrorCode::kUnauthenticated, "no session"));
            if (!p.ok() || restinio::http_connection_header_t::upgrade != req->header().connection()) {
                SendOut(req, Outgoing{401, ErrorBody(p.ok() ? Status::Invalid("connection", "upgrade_required") : p.status(), request_id).dump(),
                                    "application/json; charset=utf-8", {}}, request_id);
                return restinio::request_accepted();
            }
            const int64_t user_id = (*p)->user_id;
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
            hub->Add(user_id, std::move(wsh));
            return restinio::request_accepted();
        }

        // The API and the GA/T 1400 view-library interface (/VIID/…) go to the router; the rest is the web app.
        if (target.rfind("/api/", 0) != 0 && target.rfind("/VIID/", 0) != 0) {
            const auto m = req->header().method();
            if (m != restinio::http_method_get() && m != restinio::http_method_head()) {
                SendOut(req, Outgoing{405, ErrorBody("method_not_allowed", "only GET for files", request_id).dump(),
                                    "application/json; charset=utf-8", {}}, request_id);
            } else {
                SendOut(req, ServeStatic(options_.web_root, target, request_id), request_id);
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
        try {
            const auto qp = restinio::parse_query(req->header().query());
            for (const auto& [k, v] : qp) r.query[std::string(k)] = std::string(v);
        } catch (const std::exception&) {
            SendOut(req, Outgoing{400, ErrorBody(Status::Invalid("query", "bad_format"), request_id).dump(),
                                "application/json; charset=utf-8", {}}, request_id);
            return restinio::request_accepted();
        }
        dispatcher_.Handle(std::move(r), [req, request_id](Outgoing out) { SendOut(req, out, request_id); });
        return restinio::request_accepted();
    };

    asio::io_context ioctx;
    auto settings = restinio::server_settings_t<Traits>{}
                        .address(options_.host)
                        .port(options_.port)
                        .request_handler(handler)
                        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(8u << 20))
                        .read_next_http_message_timelimit(std::chrono::seconds(60))
                        .handle_request_timeout(std::chrono::seconds(30));
    restinio::http_server_t<Traits> server{restinio::external_io_context(ioctx), std::move(settings)};

    // Block the stop signals in every thread; this thread waits for them with sigwait.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        server.open_sync();
    } catch (const std::exception& e) {
        return Status(ErrorCode::kUnavailable, std::string("cannot listen: ") + e.what());
    }
    std::vector<std::thread> pool;
    for (size_t i = 0; i < options_.threads; ++i) pool.emplace_back([&ioctx] { ioctx.run(); });
    spdlog::info("listening on http://{}:{}", options_.host, options_.port);

    int sig = 0;
    sigwait(&stop_signals, &sig);
    spdlog::info("signal {}: draining", sig);
    draining = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (metrics_.in_flight > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    hub_->CloseAll();
    server.close_sync();
    ioctx.stop();
    for (auto& t : pool) t.join();
    spdlog::info("stopped");
    return Status::Ok();
}

}  // namespace jw::http

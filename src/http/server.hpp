#pragma once
// The HTTP server: RESTinio on a thread pool, routing /api/v1 to the Dispatcher, /healthz, /readyz,
// /metrics, the WebSocket at /api/v1/ws, and the web app for everything else.
// Run() blocks until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish (up to
// 10 s), and returns; the caller then stops the Committer and closes the database.

#include <functional>
#include <memory>
#include <string>

#include "http/dispatcher.hpp"
#include "storage/database.hpp"

namespace jw::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    uint16_t port = 8080;
    size_t threads = 4;
    std::string web_root = "web/dist";
};

class WsHub;

class Server {
public:
    Server(ServerOptions options, Dispatcher& dispatcher, auth::SessionService& sessions, storage::Database& db,
           Metrics& metrics, std::function<std::string()> extra_metrics = {});
    ~Server();
    // Error: Unavailable when the address cannot be bound.
    Status Run();
    // Pushes a JSON text to every open WebSocket of the user; returns how many received it. Thread-safe.
    size_t PushToUser(int64_t user_id, const std::string& json_text);

private:
    ServerOptions options_;
    Dispatcher& dispatcher_;
    auth::SessionService& sessions_;
    storage::Database& db_;
    Metrics& metrics_;
    std::function<std::string()> extra_metrics_;
    std::unique_ptr<WsHub> hub_;
};

}  // namespace jw::http

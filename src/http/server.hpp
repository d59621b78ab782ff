#pragma once
// The HTTP server: RESTinio on a thread pool, routing /api/v1 to the Dispatcher, /healthz, /readyz,
// /metrics, the WebSocket at /api/v1/ws, and the web app for everything else. Connections pass the
// ConnectionGuard (body limits at the header, in-flight budget, shedding below the open-file limit); a
// watchdog thread closes WebSockets of ended sessions and probes /healthz through the acceptor (see Run).
// Run() blocks until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish (up to
// 10 s), and returns; the caller then stops the Committer and closes the database.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/messages.hpp"
#include "http/dispatcher.hpp"
#include "storage/database.hpp"

namespace jw::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    uint16_t port = 8080;
    size_t threads = 4;
    std::string web_root = "web/dist";
    // Open connections at most; 0: derived from the open-file limit (conn_guard.hpp).
    size_t max_connections = 0;
    // Origins besides the server's own (scheme://host[:port]) that may open the WebSocket.
    std::vector<std::string> allowed_origins;
    // Extra lines for the /readyz body (e.g. the pass log's state at start-up).
    std::function<std::string()> health_notes;
};

class WsHub;

// Blocks SIGTERM and SIGINT in the calling thread and so in every thread it starts afterwards: call it before
// the first thread starts (the committer's, the modules'), so that Server::Run's sigwait receives the stop
// signal. A thread started before it that leaves them unblocked lets the kernel deliver SIGTERM there, whose
// default action ends the process at once (exit by signal, no drain): seen in the integration tests.
void BlockStopSignals();

class Server {
  public:
    Server(ServerOptions options, Dispatcher& dispatcher, auth::SessionService& sessions, storage::Database& db,
           Metrics& metrics, std::function<std::string()> extra_metrics = {});
    ~Server();
    // Error: Unavailable when the address cannot be bound.
    // Also Unavailable when the watchdog found the server unable to serve (it stopped itself to be restarted).
    Status Run();
    // Pushes a JSON text to every open WebSocket of the user; returns how many received it. Thread-safe.
    // Sends to each of the user's open WebSockets the text made in that socket's language (from its `lang` query
    // parameter or Accept-Language when it opened); returns how many got it.
    size_t PushToUser(int64_t user_id, const std::function<std::string(Lang)>& text_in);

  private:
    bool SessionAlive(const std::string& session_hash);

    ServerOptions options_;
    Dispatcher& dispatcher_;
    auth::SessionService& sessions_;
    storage::Database& db_;
    Metrics& metrics_;
    std::function<std::string()> extra_metrics_;
    std::unique_ptr<WsHub> hub_;
};

}  // namespace jw::http

#pragma once
// Liveness of the server as a client sees it, for Server::Run's watchdog thread: a probe that opens a new
// connection to the listening address and asks GET /healthz (so it fails when the acceptor no longer accepts
// or no I/O thread answers), and the systemd notification protocol (READY=1, WATCHDOG=1) without libsystemd.

#include <cstdint>
#include <string>

namespace jw::http {

// True when GET /healthz on host:port answers 200 within timeout_ms. A host of 0.0.0.0 / :: probes loopback.
bool ProbeHealth(const std::string& host, uint16_t port, int timeout_ms);

// Sends `state` (e.g. "READY=1", "WATCHDOG=1") to $NOTIFY_SOCKET when set; does nothing otherwise.
void NotifySystemd(const std::string& state);

}  // namespace jw::http

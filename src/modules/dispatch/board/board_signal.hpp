#pragma once
// The live board's push (ADR 0063): a change of a call or a patrol unit tells the duty desks of its unit and the
// units above it (users holding dispatch.assign there or in every unit: repo::BoardWatchers) over the existing
// WebSocket path — a notification of kind "dispatch_board" through the notify outbox, written in the change's
// transaction. The message carries no personal data (the call or patrol id and the new state); the board reloads itself
// from GET /board on it.
//
// Kept cheap under load (200 open calls, many changes a minute): each desk has at most one signal row, written
// through notify's replaceable signals (notify::ReplaceSignal, ADR 0070): a new one replaces the earlier,
// in the change's own transaction, so the push that follows always comes after the change is visible (no lost
// update) and the table does not grow with the board's traffic. Signals are stored read: they never count in the
// bell or the inbox's unread (the web's notification store does not list the kind).
// Runs inside the caller's write transaction.

#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace jw::dispatch {

inline constexpr const char* kBoardSignalKind = "dispatch_board";

// `what`: "call" | "patrol"; `id` the call's or the patrol's; `state` its new state or status.
Status SignalBoard(storage::Connection& c, int64_t unit_id, const std::string& what, int64_t id,
                   const std::string& state, int64_t now);

}  // namespace jw::dispatch

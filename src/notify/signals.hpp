#pragma once
// Replaceable signals (ADR 0070): a content-free "something changed, read it again" push, such as the 110 board's.
// The user's earlier rows of `n.kind` — delivered or still waiting — are deleted and `n` is written in their place
// through the outbox (Outbox::Enqueue), stored read (read_at = `now`: it never counts in the bell or the unread
// inbox). So the table holds at most one row per user and kind however often the signal is sent, and a user with no
// page open is retried for one signal, not hundreds. Runs on the caller's connection, inside its transaction: the
// signal commits with the change it announces (a rolled-back change leaves the earlier signal as it was), and a row
// the delivery thread was pushing at that moment is replaced, never relied on — the push that follows comes after
// the change is visible. A message the reader must see goes through Outbox::Enqueue instead.

#include <cstdint>

#include "notify/outbox.hpp"

namespace jw::notify {

// Returns the new row's id. Errors: Invalid user_id / kind "required" (nothing written).
Result<int64_t> ReplaceSignal(storage::Connection& c, const Notification& n, int64_t now);

}  // namespace jw::notify

#pragma once
// Repeats in the inbox collapse into one line (issue 13: sixteen "预警超时未签收" lines for one plate are one line
// "×16" with the latest time). Notifications of the same kind and title share a group key (set by Outbox::Enqueue);
// the list shows a group's newest notification with its count, and the group expands to each of its rows.
// Functions run on the caller's connection; stateless, thread-safe.

#include <cstdint>
#include <utility>
#include <vector>

#include "notify/outbox.hpp"

namespace jw::notify {

struct RepeatGroup {
    Notification latest;  // the newest of the group
    int64_t count = 0;    // rows in the group (within the unread filter when it is on)
    int64_t unread = 0;   // unread rows in the group
};

// The user's in-app inbox, one line per group, newest group first; the total counts groups. unread_only keeps
// unread rows only (a group then counts its unread rows). Rows written before group keys are each their own group.
Result<std::pair<std::vector<RepeatGroup>, int64_t>> ListCollapsed(storage::Connection& c, int64_t user_id,
                                                                   bool unread_only, int page, int page_size);

// Every notification of the group `id` belongs to (newest first, at most `limit`). NotFound "notification" when
// `id` is not the user's.
Result<std::vector<Notification>> Repeats(storage::Connection& c, int64_t user_id, int64_t id, int limit);

// Marks the whole group of `id` read; returns how many rows changed. NotFound "notification" as Repeats.
Result<int64_t> MarkGroupRead(storage::Connection& c, int64_t user_id, int64_t id, int64_t now);

Json RepeatGroupJson(const RepeatGroup& g, Lang lang);

}  // namespace jw::notify

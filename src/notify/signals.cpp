// Replaceable signals (signals.hpp).
#include "notify/signals.hpp"

namespace jw::notify {

Result<int64_t> ReplaceSignal(storage::Connection& c, const Notification& n, int64_t now) {
    using storage::V;
    if (n.user_id <= 0 || n.kind.empty()) return Status::Invalid(n.kind.empty() ? "kind" : "user_id", "required");
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM notifications WHERE user_id = ? AND kind = ?", {V(n.user_id), V(n.kind)}));
    JW_ASSIGN_OR_RETURN(int64_t id, Outbox::Enqueue(c, n));
    JW_RETURN_IF_ERROR(c.Exec("UPDATE notifications SET read_at = ? WHERE id = ?", {V(now), V(id)}));
    return id;
}

}  // namespace jw::notify

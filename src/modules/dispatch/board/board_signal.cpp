// The live board's push (board_signal.hpp).
#include "dispatch/board/board_signal.hpp"

#include <vector>

#include "auth/auth_repository.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "notify/signals.hpp"

namespace jw::dispatch {

Status SignalBoard(storage::Connection& c, int64_t unit_id, const std::string& what, int64_t id,
                   const std::string& state, int64_t now) {
    std::vector<int64_t> chain;
    std::optional<int64_t> next = unit_id;
    while (next && chain.size() < 16) {
        auto u = auth::repo::GetUnit(c, *next);
        if (!u.ok()) break;
        chain.push_back(*next);
        next = u->parent_id;
    }
    if (chain.empty()) return Status::Ok();
    JW_ASSIGN_OR_RETURN(auto desks, repo::BoardWatchers(c, chain));
    notify::Notification n;
    n.kind = kBoardSignalKind;
    n.code = "dispatch.board";
    n.channel = "inapp";
    n.params = {{"what", what}, {"id", std::to_string(id)}, {"state", state}};
    for (int64_t user : desks) {
        n.user_id = user;
        JW_RETURN_IF_ERROR(notify::ReplaceSignal(c, n, now).status());
    }
    return Status::Ok();
}

}  // namespace jw::dispatch

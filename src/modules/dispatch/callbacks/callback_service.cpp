// Callbacks (callback_service.hpp).
#include "dispatch/callbacks/callback_service.hpp"

#include "common/json_util.hpp"
#include "dispatch/calls/call_lifecycle.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_repository.hpp"

namespace jw::dispatch {

int64_t CallbackDueSeconds(const std::string& category) {
    const Category* cat = FindCategory(category);
    return int64_t(cat ? cat->callback_hours : 72) * 3600;
}

Result<bool> OpenCallback(storage::Connection& c, int64_t call_id, std::optional<int64_t> work_order_id, int64_t now) {
    JW_ASSIGN_OR_RETURN(Call k, repo::GetCall(c, call_id));
    Callback cb;
    cb.call_id = call_id;
    cb.work_order_id = work_order_id;
    cb.unit_id = k.unit_id;
    cb.created_at = now;
    cb.due_at = now + CallbackDueSeconds(k.category);
    return repo::InsertCallbackOnce(c, cb);
}

Status RecordCallbackResult(storage::Connection& c, const auth::Principal& actor, int64_t callback_id,
                            const std::string& result, const std::string& comment, int64_t now) {
    if (!actor.Can("dispatch.callback")) return Status::Denied("dispatch.callback");
    if (result != "satisfied" && result != "basic" && result != "unsatisfied")
        return Status::Invalid("result", "invalid_enum");
    if (Utf8Length(comment).value_or(10000) > 500) return Status::Invalid("comment", "too_long");
    if (result == "unsatisfied" && comment.empty()) return Status::Invalid("comment", "required");
    JW_ASSIGN_OR_RETURN(Callback cb, repo::GetCallback(c, callback_id));
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(c, actor, cb.call_id));
    if (cb.state != "pending") return Status(ErrorCode::kConflict, "already recorded", {{"state", "already_recorded"}});
    JW_ASSIGN_OR_RETURN(const Transition* close, CheckTransition("callback", k.state, actor));
    JW_RETURN_IF_ERROR(repo::RecordCallback(c, cb.id, result, comment, actor.user_id, now));
    repo::CallChange ch;
    ch.state = close->to;
    ch.time_column = "closed_at";
    JW_RETURN_IF_ERROR(repo::UpdateCall(c, k.id, ch, now));
    JW_RETURN_IF_ERROR(RecordEvent(c, k.id, actor.user_id, "callback", k.state, close->to, result, now));
    JW_ASSIGN_OR_RETURN(auto order, repo::OpenWorkOrderOfCall(c, k.id));
    if (order) {
        repo::WorkOrderChange w;
        w.state = "closed";
        w.set_closed = true;
        JW_RETURN_IF_ERROR(repo::UpdateWorkOrder(c, order->id, w, now));
    }
    if (result == "unsatisfied") {
        JW_ASSIGN_OR_RETURN(const Transition* reopen, CheckTransition("reopen", close->to, actor));
        repo::CallChange r;
        r.state = reopen->to;
        JW_RETURN_IF_ERROR(repo::UpdateCall(c, k.id, r, now));
        JW_RETURN_IF_ERROR(RecordEvent(c, k.id, actor.user_id, "reopen", close->to, reopen->to, comment, now));
    }
    return Status::Ok();
}

Status ConcludeCallbackReview(storage::Connection& c, const auth::Principal& actor, int64_t callback_id,
                              const std::string& note, int64_t now) {
    if (!actor.Can("dispatch.review")) return Status::Denied("dispatch.review");
    if (note.empty()) return Status::Invalid("note", "required");
    JW_ASSIGN_OR_RETURN(Callback cb, repo::GetCallback(c, callback_id));
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(c, actor, cb.call_id));
    if (cb.review != "open") return Status(ErrorCode::kConflict, "no open review", {{"review", "not_open"}});
    JW_ASSIGN_OR_RETURN(const Transition* t, CheckTransition("conclude", k.state, actor));
    JW_RETURN_IF_ERROR(repo::ConcludeReview(c, cb.id, note, actor.user_id, now));
    repo::CallChange ch;
    ch.state = t->to;
    JW_RETURN_IF_ERROR(repo::UpdateCall(c, k.id, ch, now));
    return RecordEvent(c, k.id, actor.user_id, "conclude", k.state, t->to, note, now);
}

}  // namespace jw::dispatch

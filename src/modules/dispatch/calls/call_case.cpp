// A case from a call (call_case.hpp).
#include "dispatch/calls/call_case.hpp"

#include "cases/case_service.hpp"
#include "dispatch/callbacks/callback_service.hpp"
#include "dispatch/calls/call_lifecycle.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_repository.hpp"

namespace jw::dispatch {

Result<int64_t> CaseFromCall(storage::Connection& c, const auth::Principal& actor, int64_t call_id,
                             const CaseFromCallInput& in, const std::string& region, int64_t now) {
    JW_ASSIGN_OR_RETURN(Call k, CallInScope(c, actor, call_id));
    JW_ASSIGN_OR_RETURN(const Transition* t, CheckTransition("case", k.state, actor));
    if (k.case_id) return Status(ErrorCode::kConflict, "case already created", {{"case_id", "already_created"}});
    const Category* cat = FindCategory(k.category);
    cases::NewCase nc;
    cases::Case& f = nc.fields;
    f.case_type =
        !in.case_type.empty() ? in.case_type : (k.category.rfind("01", 0) == 0 ? "criminal" : "administrative");
    if (f.case_type != "criminal" && f.case_type != "administrative")
        return Status::Invalid("case_type", "invalid_enum");
    f.cause = !in.cause.empty() ? in.cause : (cat ? cat->name_zh : k.category);
    f.source = "110报警 " + k.call_no;
    f.occurred_at = k.received_at;
    f.place_address = k.place_text;
    f.place_lon = k.longitude;
    f.place_lat = k.latitude;
    if (!k.address_code.empty()) f.place_address_id = k.address_code;
    f.facts = k.summary;
    f.unit_id = k.unit_id;
    f.lead_officer_id = in.lead_officer_id;
    cases::Person reporter;
    reporter.role = "reporter";
    reporter.id_type = "none";
    if (k.caller_name.empty()) {
        reporter.name = kAnonymousCaller;  // no number either (call_case.hpp)
    } else {
        reporter.name = k.caller_name;
        reporter.phone = k.caller_phone;
    }
    f.people.push_back(reporter);
    nc.idempotency_key = "dispatch:" + k.call_no;
    JW_ASSIGN_OR_RETURN(auto created, cases::CreateCase(c, actor, nc, region, now));
    repo::CallChange ch;
    ch.state = t->to;
    ch.outcome = "case";
    ch.case_id = created.kase.id;
    if (!k.finished_at) ch.time_column = "finished_at";
    JW_RETURN_IF_ERROR(repo::UpdateCall(c, k.id, ch, now));
    if (k.patrol_id) JW_RETURN_IF_ERROR(repo::UpdatePatrol(c, *k.patrol_id, "available", std::nullopt, now));
    JW_RETURN_IF_ERROR(RecordEvent(c, k.id, actor.user_id, "case", k.state, t->to, created.kase.case_no, now));
    JW_RETURN_IF_ERROR(OpenCallback(c, k.id, std::nullopt, now).status());
    return created.kase.id;
}

}  // namespace jw::dispatch

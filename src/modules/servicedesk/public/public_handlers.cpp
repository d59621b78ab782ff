// The public's routes of the service supervision centre (public_progress.hpp, publicauth ADR 0058):
//   POST /api/v1/public/service-progress   {ticket_no, query_code}  → the minimal progress, or 404 / 429
//   GET  /api/v1/public/service-options                             → categories and units for the form
//   POST /api/v1/public/service-tickets    (X-Public-Token) {phone, name, category, title, content, unit_id?,
//                                          officer_police_no?}  → 201 {ticket_no, query_code}
//   GET  /api/v1/public/service-tickets    (X-Public-Token)      → the holder's own tickets
// The form is rate-limited per client address (in memory) and per filer (kMaxTicketsPerFiler a day, stored), and
// takes a token of purpose "servicedesk" whose subject is the form's phone number: one can file only as oneself.
#include <memory>

#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "common/rate_limiter.hpp"
#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "http/error_table.hpp"
#include "publicauth/public_auth.hpp"
#include "servicedesk/intake/intake.hpp"
#include "servicedesk/public/public_progress.hpp"
#include "servicedesk/servicedesk_handlers.hpp"
#include "servicedesk/tickets/catalogue.hpp"

namespace jw::servicedesk {
namespace {

using http::Reply;
using http::Request;

inline constexpr int kMaxFormsPerClient = 10;
inline constexpr int64_t kFormWindowSeconds = 3600;
inline constexpr int kMaxTicketsPerFiler = 5;

Result<Reply> ProgressHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"ticket_no", "query_code"});
    auto no = in.Text("ticket_no", true, 30);
    auto code = in.Text("query_code", true, 20);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "service_ticket_no:" + *no;
    r.write = [no = *no, code = *code, client = req.client, rid = req.request_id,
               lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry& e,
                                                      Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(PublicQueryOutcome o, PublicQuery(c, client, no, code, NowUnix()));
        if (o.result == PublicQueryResult::kOk) {
            out.body = std::move(o.progress);
        } else if (o.result == PublicQueryResult::kWrong) {
            out.status = 404;
            out.body = http::ErrorBody("not_found", "no ticket with this number and query code", rid, lang);
            e.result = "failed";
        } else {
            out.status = 429;
            out.body = http::ErrorBody("rate_limited", "too many failed attempts; try again later", rid, lang);
            out.headers.push_back({"Retry-After", std::to_string(kWindowSeconds)});
            e.result = "denied";
        }
        return Status::Ok();
    };
    return r;
}

Result<Reply> OptionsHandler(const Deps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto choices, auth::repo::ListUnitsInDisplayOrder(**c));
    Json units = Json::array();
    for (const auto& u : choices) units.push_back({{"id", u.id}, {"name", u.name}});
    Json categories = Json::array();
    for (const auto& cat : Categories())
        categories.push_back(
            {{"code", cat.code}, {"name_zh", cat.name_zh}, {"name_en", cat.name_en}, {"needs_unit", cat.needs_unit}});
    return Reply::Json200({{"units", units}, {"categories", categories}});
}

Result<Reply> FileHandler(const std::shared_ptr<RateLimiter>& limiter, Request& req) {
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(publicauth::PublicPerson who, publicauth::FromRequest(req, kPublicPurpose, now));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(IntakeInput in, ParseIntake(body, true));
    JW_RETURN_IF_ERROR(ValidateIntake(in, now));
    // One files only as oneself: the form's number must be the number the code went to.
    if (publicauth::SubjectOf(in.phone) != who.subject) return Status::Invalid("phone", "not_verified");
    if (!limiter->Allow(req.client, now)) return TooMany(req, kFormWindowSeconds);
    in.filer_subject = who.subject;
    Reply r;
    r.status = 201;
    r.audit_object = "servicedesk_tickets";
    r.audit_detail = "web " + in.category + " " + MaskPhone(NormalisePhone(in.phone));
    r.write = [in, rid = req.request_id, lang = http::RequestLang(req.headers)](
                  storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        const int64_t at = NowUnix();
        JW_ASSIGN_OR_RETURN(auto filed, c.QueryOne("SELECT COUNT(*) FROM servicedesk_tickets WHERE filer_subject = ? "
                                                   "AND received_at > ?",
                                                   {storage::V(in.filer_subject), storage::V(at - 86400)}));
        if (filed.Int(0) >= kMaxTicketsPerFiler) {
            out.status = 429;
            out.body = http::ErrorBody("rate_limited", "too many requests; try again later", rid, lang);
            out.headers.push_back({"Retry-After", "86400"});
            e.result = "denied";
            return Status::Ok();
        }
        JW_ASSIGN_OR_RETURN(IntakeResult res, Register(c, in, 0, at));
        e.object = "servicedesk_ticket:" + std::to_string(res.id);
        out.body = {{"ticket_no", res.ticket_no}, {"query_code", res.query_code}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> OwnHandler(const Deps& d, Request& req) {
    const int64_t now = NowUnix();
    JW_ASSIGN_OR_RETURN(publicauth::PublicPerson who, publicauth::FromRequest(req, kPublicPurpose, now));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Json items, OwnTickets(**c, who.subject, now));
    Reply r = Reply::Json200({{"items", items}});
    r.audit_object = "servicedesk_public_own";
    return r;
}

}  // namespace

http::Reply TooMany(const http::Request& req, int64_t retry_after) {
    http::Reply r;
    r.status = 429;
    r.body = http::ErrorBody("rate_limited", "too many requests; try again later", req.request_id,
                             http::RequestLang(req.headers));
    r.headers.push_back({"Retry-After", std::to_string(retry_after)});
    return r;
}

void RegisterPublicRoutes(http::Router& router, const Deps& deps) {
    publicauth::RegisterPurpose(kPublicPurpose);
    auto limiter = std::make_shared<RateLimiter>(kMaxFormsPerClient, kFormWindowSeconds);
    router.Add({"POST", "/api/v1/public/service-progress", "public", "servicedesk.public_progress",
                [](Request& r) { return ProgressHandler(r); }});
    router.Add({"GET", "/api/v1/public/service-options", "public", "servicedesk.public_options",
                [deps](Request& r) { return OptionsHandler(deps, r); }});
    router.Add({"POST", "/api/v1/public/service-tickets", "public", "servicedesk.public_file",
                [limiter](Request& r) { return FileHandler(limiter, r); }});
    router.Add({"GET", "/api/v1/public/service-tickets", "public", "servicedesk.public_own",
                [deps](Request& r) { return OwnHandler(deps, r); }});
}

}  // namespace jw::servicedesk

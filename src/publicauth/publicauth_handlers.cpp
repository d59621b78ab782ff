// The public SMS-code login's two routes (public_auth.hpp): thin — parse, call PublicAuth in the audited write,
// answer. Both are public (no session); the audit record names the masked number, never the code.
#include <memory>

#include "common/civil_time.hpp"
#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "http/error_table.hpp"
#include "http/router.hpp"
#include "publicauth/public_auth.hpp"

namespace jw::publicauth {
namespace {

using http::Reply;
using http::Request;

void RateLimited(Reply& out, audit::AuditEntry& e, const std::string& rid, Lang lang, int64_t retry_after) {
    out.status = 429;
    out.body = http::ErrorBody("rate_limited", "too many requests; try again later", rid, lang);
    out.headers.push_back({"Retry-After", std::to_string(retry_after)});
    e.result = "denied";
}

Result<Reply> CodeHandler(const std::shared_ptr<PublicAuth>& auth, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"phone", "purpose"});
    auto phone = in.Text("phone", true, 20);
    auto purpose = in.Text("purpose", true, 30);
    JW_RETURN_IF_ERROR(in.status());
    if (!IsPurpose(*purpose)) return Status::Invalid("purpose", "invalid_enum");
    JW_RETURN_IF_ERROR(CheckMobile(NormalisePhone(*phone), "phone"));
    Reply r;
    r.status = 202;
    r.audit_object = "public_phone:" + MaskPhone(NormalisePhone(*phone));
    r.audit_detail = *purpose;
    r.write = [auth, phone = *phone, purpose = *purpose, client = req.client, rid = req.request_id,
               lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry& e,
                                                      Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(CodeSent s, auth->RequestCode(c, phone, purpose, client, NowUnix()));
        if (s.outcome == Outcome::kRateLimited) {
            RateLimited(out, e, rid, lang, s.retry_after);
            return Status::Ok();
        }
        out.body = {{"sent", true}, {"expires_in", kCodeTtlSeconds}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> VerifyHandler(const std::shared_ptr<PublicAuth>& auth, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"phone", "code", "purpose"});
    auto phone = in.Text("phone", true, 20);
    auto code = in.Text("code", true, 10);
    auto purpose = in.Text("purpose", true, 30);
    JW_RETURN_IF_ERROR(in.status());
    if (!IsPurpose(*purpose)) return Status::Invalid("purpose", "invalid_enum");
    JW_RETURN_IF_ERROR(CheckMobile(NormalisePhone(*phone), "phone"));
    Reply r;
    r.audit_object = "public_phone:" + MaskPhone(NormalisePhone(*phone));
    r.audit_detail = *purpose;
    r.write = [auth, phone = *phone, code = *code, purpose = *purpose, client = req.client, rid = req.request_id,
               lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry& e,
                                                      Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Verified v, auth->Verify(c, phone, code, purpose, client, NowUnix()));
        // The wrong try is stored (it counts against the code), so the write commits even on a refusal.
        if (v.outcome == Outcome::kRateLimited) {
            RateLimited(out, e, rid, lang, v.retry_after);
        } else if (v.outcome == Outcome::kWrong) {
            out.status = 401;
            out.body = http::ErrorBody("wrong_code", "the code is wrong or no longer valid", rid, lang);
            e.result = "failed";
        } else {
            out.body = {{"token", v.token},
                        {"expires_at", FormatUtcIso(v.person.expires_at)},
                        {"phone_masked", MaskPhone(NormalisePhone(phone))}};
        }
        return Status::Ok();
    };
    return r;
}

}  // namespace

void RegisterPublicAuthRoutes(http::Router& router, std::shared_ptr<PublicAuth> auth) {
    router.Add({"POST", "/api/v1/public/auth/code", "public", "publicauth.code",
                [auth](Request& r) { return CodeHandler(auth, r); }});
    router.Add({"POST", "/api/v1/public/auth/verify", "public", "publicauth.verify",
                [auth](Request& r) { return VerifyHandler(auth, r); }});
}

Result<PublicPerson> FromRequest(const http::Request& req, std::string_view purpose, int64_t now) {
    auto it = req.headers.find(kTokenHeader);
    if (it == req.headers.end())
        return Status(ErrorCode::kUnauthenticated, "public token missing, invalid or expired", {{"token", "required"}});
    return ReadToken(it->second, purpose, now);
}

}  // namespace jw::publicauth

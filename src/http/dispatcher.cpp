#include "http/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <tuple>

#include "audit/audit_detail.hpp"
#include "auth/external.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "common/text.hpp"
#include "http/error_table.hpp"
#include "http/static_files.hpp"

namespace jw::http {

void Metrics::Observe(int status, int64_t micros) {
    ++requests;
    (status < 400 ? status_2xx : status < 500 ? status_4xx : status_5xx)++;
    static constexpr int64_t kBounds[] = {1000, 2000, 5000, 10000, 20000, 50000, 100000};
    size_t i = 0;
    while (i < 7 && micros > kBounds[i]) ++i;
    ++latency_buckets[i];
    latency_us_sum += static_cast<uint64_t>(micros);
}

std::vector<std::string> SessionCookies(const std::string& token, const std::string& csrf, bool secure) {
    // The CSRF cookie is readable by the page (not HttpOnly): the page echoes it in X-CSRF-Token.
    const std::string attrs = secure ? "; Path=/; SameSite=Strict; Secure" : "; Path=/; SameSite=Strict";
    return {std::string(kSessionCookie) + "=" + token + "; HttpOnly" + attrs,
            std::string(kCsrfCookie) + "=" + csrf + attrs};
}

std::vector<std::string> ClearedSessionCookies(bool secure) {
    const std::string attrs =
        secure ? "; Path=/; SameSite=Strict; Secure; Max-Age=0" : "; Path=/; SameSite=Strict; Max-Age=0";
    return {std::string(kSessionCookie) + "=; HttpOnly" + attrs, std::string(kCsrfCookie) + "=" + attrs};
}

void Dispatcher::Offload(WorkerPool* pool, const std::vector<std::string>& actions) {
    pool_ = pool;
    offloaded_.insert(actions.begin(), actions.end());
}

namespace {
constexpr size_t kMinPurposeChars = 4;
bool IsStateChanging(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

Outgoing ErrorOut(const Status& s, const std::string& request_id, Lang lang) {
    return Outgoing{
        HttpStatusFor(s.code()), ErrorBody(s, request_id, lang).dump(), "application/json; charset=utf-8", {}};
}
}  // namespace

void Dispatcher::Handle(Request req, Respond respond) {
    const auto started = std::chrono::steady_clock::now();
    ++metrics_.in_flight;
    Respond timed = [this, started, respond = std::move(respond)](Outgoing out) {
        const auto us =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        metrics_.Observe(out.status, us.count());
        --metrics_.in_flight;
        respond(std::move(out));
    };

    audit::AuditEntry entry;
    entry.client = req.client;
    entry.request_id = req.request_id;
    entry.action = req.method + " " + req.path;

    bool method_mismatch = false;
    const Route* route = router_.Match(req.method, req.path, &req.params, &method_mismatch);
    if (route == nullptr) {
        Status s = method_mismatch ? Status(ErrorCode::kNotFound, "method not allowed for this path")
                                   : Status::NotFound("endpoint");
        Finish(req, std::move(entry), s, std::move(timed));
        return;
    }
    entry.action = route->action;
    if (req.body.size() > kMaxBody) {
        Finish(req, std::move(entry), Status(ErrorCode::kPayloadTooLarge, "request body over 1 MiB"), std::move(timed));
        return;
    }

    std::shared_ptr<const auth::Principal> principal;
    if (auto it = req.cookies.find(kSessionCookie); it != req.cookies.end()) {
        auto p = sessions_.Authenticate(it->second, NowUnix());
        if (p.ok()) {
            principal = std::move(p).value();
        } else if (route->permission != "public") {
            Finish(req, std::move(entry), p.status(), std::move(timed));
            return;
        }
    }
    if (principal) {
        req.principal = principal.get();
        entry.user_id = principal->user_id;
        entry.username = principal->username;
        entry.unit = principal->unit_code;
    }

    auto check = [&]() -> Status {
        if (route->permission == "public") return Status::Ok();
        if (!principal) return Status(ErrorCode::kUnauthenticated, "not logged in");
        if (!route->during_password_change) {
            if (principal->must_change_password)
                return Status(ErrorCode::kPasswordChangeRequired, "change your password first");
            if (principal->totp_enrolment_required)
                return Status(ErrorCode::kPermissionDenied, "enrol a second factor first",
                              {{"totp", "enrolment_required"}});
        }
        // Accounts of organisations outside the police (ADR 0051) reach only what is shared with them, whatever
        // a module's own checks say: every route whose permission no external role holds is refused here.
        if (principal->org_id != 0 && !auth::ExternalMayUse(sessions_.registry(), route->permission, route->action))
            return Status::Denied();
        if (!route->permission.empty() && !principal->Can(route->permission)) return Status::Denied();
        if (IsStateChanging(req.method)) {
            auto h = req.headers.find("x-csrf-token");
            if (h == req.headers.end() || !ConstantTimeEquals(h->second, principal->csrf_token))
                return Status(ErrorCode::kCsrfFailed, "missing or wrong CSRF token", {{"csrf", "csrf_failed"}});
        }
        if (route->needs_purpose) {
            // Headers carry them URL-encoded (HTTP headers are not UTF-8 safe); query values arrive decoded.
            auto header = [&](const char* name) {
                bool ok = true;
                auto it = req.headers.find(name);
                std::string v = it == req.headers.end() ? "" : PercentDecode(it->second, &ok);
                return ok ? v : std::string();
            };
            // Blanks are no purpose: both are trimmed of what a person types as blanks (ASCII white space, the
            // no-break space, the ideographic space U+3000 of a Chinese input method), the purpose must say
            // something (4 characters at least) and the case number must be one in the bureau's format.
            req.purpose = std::string(TrimUnicodeBlanks(req.Query("purpose", header("x-purpose"))));
            req.case_no = std::string(TrimUnicodeBlanks(req.Query("case_no", header("x-case-no"))));
            Status s(ErrorCode::kInvalidArgument, "a sensitive search needs a purpose and a case number");
            if (req.purpose.empty())
                s.mutable_fields()["purpose"] = "required";
            else if (Utf8Length(req.purpose).value_or(0) < kMinPurposeChars)
                s.mutable_fields()["purpose"] = "too_short";
            if (req.case_no.empty())
                s.mutable_fields()["case_no"] = "required";
            else if (case_no_check_ ? !case_no_check_(req.case_no).ok() : Utf8Length(req.case_no).value_or(0) < 4)
                s.mutable_fields()["case_no"] = "bad_format";
            if (!s.fields().empty()) return s;
            entry.purpose = req.purpose;
            entry.case_no = req.case_no;
        }
        return Status::Ok();
    };
    if (Status s = check(); !s.ok()) {
        Finish(req, std::move(entry), s, std::move(timed));
        return;
    }

    auto run = [this, route](Request& r, audit::AuditEntry e, Respond done) {
        Result<Reply> reply = Status::Internal("handler did not run");
        try {
            reply = route->handler(r);
        } catch (const std::exception& ex) {
            reply = Status::Internal(std::string("handler threw: ") + ex.what());
        }
        Finish(r, std::move(e), std::move(reply), std::move(done));
    };
    if (pool_ && offloaded_.count(route->action)) {
        // argon2 work goes to the bounded pool; the request (and the principal it points to) moves with it.
        auto job =
            std::make_shared<std::tuple<Request, audit::AuditEntry, Respond, std::shared_ptr<const auth::Principal>>>(
                std::move(req), std::move(entry), std::move(timed), principal);
        const bool queued = pool_->TrySubmit([job, run] {
            auto& [r, e, done, keep] = *job;
            run(r, std::move(e), std::move(done));
        });
        if (!queued) {
            auto& [r, e, done, keep] = *job;
            Finish(r, std::move(e), Status(ErrorCode::kBusy, "too many sign-ins at once, try again shortly"),
                   std::move(done));
        }
        return;
    }
    run(req, std::move(entry), std::move(timed));
}

namespace {
// Refusals and failures are logged with the request id the user sees; internal details only here.
void LogFailure(const std::string& request_id, const std::string& method, const std::string& path, const Status& s) {
    if (s.code() == ErrorCode::kInternal || s.code() == ErrorCode::kUnavailable || s.code() == ErrorCode::kBusy)
        spdlog::error("{} {} {} -> {} {}", request_id, method, path, ErrorCodeName(s.code()), s.message());
    else
        spdlog::info("{} {} {} -> {} {}", request_id, method, path, ErrorCodeName(s.code()), s.message());
}
}  // namespace

void Dispatcher::Finish(Request& req, audit::AuditEntry entry, Result<Reply> reply, Respond respond) {
    const std::string request_id = req.request_id;
    const Lang lang = RequestLang(req.headers);  // the words of an error reply
    if (!reply.ok()) {
        Status s = reply.status();
        LogFailure(request_id, req.method, req.path, s);
        entry.result = audit::ResultOf(s);
        entry.detail = audit::FailureDetail(s);  // a code, worded when read (ADR 0045)
        ++metrics_.audit_records;
        audit_.Submit(std::move(entry), {}, [s, request_id, lang, respond = std::move(respond)](const Status& commit) {
            respond(ErrorOut(commit.ok() ? s : commit, request_id, lang));
        });
        return;
    }
    auto shared = std::make_shared<Reply>(std::move(reply).value());
    entry.object = shared->audit_object;
    entry.detail = shared->audit_detail;
    audit::AuditLog::Job job;
    if (shared->write) {
        job = [shared](storage::Connection& c, audit::AuditEntry& e) { return shared->write(c, e, *shared); };
    } else if (!shared->raw && shared->status != 204) {
        shared->raw = shared->body.dump();  // here, on a network thread, not on the single writer thread
    }
    ++metrics_.audit_records;
    audit_.Submit(std::move(entry), std::move(job),
                  [shared, request_id, lang, method = req.method, path = req.path,
                   respond = std::move(respond)](const Status& s) {
                      if (!s.ok()) {
                          LogFailure(request_id, method, path, s);
                          respond(ErrorOut(s, request_id, lang));
                          return;
                      }
                      Outgoing out;
                      out.status = shared->status;
                      out.headers = std::move(shared->headers);
                      out.content_type = shared->content_type;
                      if (shared->raw)
                          out.body = std::move(*shared->raw);
                      else if (shared->status != 204)
                          out.body = shared->body.dump();
                      respond(std::move(out));
                  });
}

}  // namespace jw::http

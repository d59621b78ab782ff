#pragma once
// What a handler sees and returns. Handlers are thin: parse the Request, call a service, return a Reply.
// A Reply may carry a `write`: it runs on the Committer inside the audited transaction, and the response
// leaves only after that transaction (with the request's audit record) is durable.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/principal.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::http {

struct Request {
    std::string method;
    std::string path;
    std::string body;
    std::string client;  // remote address
    std::string request_id;
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> params;   // from the route pattern (":id")
    std::map<std::string, std::string> headers;  // lower-case names
    std::map<std::string, std::string> cookies;
    const auth::Principal* principal = nullptr;  // null on public routes when not logged in
    std::string purpose, case_no;                // stated for sensitive reads

    std::string Query(const std::string& name, const std::string& fallback = "") const;
    // Parses page/page_size from the query (defaults 1 and 20, page_size at most 200). Error names the field.
    Status Paging(int* page, int* page_size) const;
    // Integer path parameter. Error: InvalidArgument naming it.
    Result<int64_t> IdParam(const std::string& name = "id") const;
};

struct Reply {
    int status = 200;
    Json body;  // sent as JSON unless `raw` is set
    std::optional<std::string> raw;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string audit_object;  // e.g. "user:42"; the write may refine it
    std::string audit_detail;
    std::function<Status(storage::Connection&, audit::AuditEntry&, Reply&)> write;

    static Reply Json200(Json body) {
        Reply r;
        r.body = std::move(body);
        return r;
    }
    static Reply NoContent() {
        Reply r;
        r.status = 204;
        return r;
    }
};

using Handler = std::function<Result<Reply>(Request&)>;

struct Route {
    std::string method;
    std::string pattern;     // "/api/v1/users/:id"
    std::string permission;  // required permission; "" = any logged-in user; "public" = no login
    std::string action;      // audit action name, e.g. "user.create"
    Handler handler;
    bool during_password_change = false;  // reachable while a password change or TOTP enrolment is due
    bool needs_purpose = false;           // sensitive read: purpose and case number required
};

}  // namespace jw::http

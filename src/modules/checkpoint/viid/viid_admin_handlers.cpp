// Administration of VIID clients (list, add or replace, enable, disable) and the per-source intake counters.
#include "auth/auth_repository.hpp"
#include "checkpoint/viid/viid_clients.hpp"
#include "checkpoint/viid/viid_context.hpp"
#include "common/civil_time.hpp"

namespace jw::checkpoint {
namespace {

using http::Reply;
using http::Request;

Json OptTime(const std::optional<int64_t>& t) { return t ? Json(FormatUtcIso(*t)) : Json(nullptr); }

Result<Reply> ListClientsHandler(ViidContext& ctx, Request&) {
    auto c = ctx.deps.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto clients, ListViidClients(**c));
    const int64_t now = NowUnix();
    const auto counts = ctx.deps.hub.Counts();
    Json items = Json::array();
    for (const auto& v : clients) {
        Json j = {{"id", v.id},
                  {"name", v.name},
                  {"enabled", v.enabled},
                  {"unit_id", v.unit_id ? Json(*v.unit_id) : Json(nullptr)},
                  {"unit_name", v.unit_name},
                  {"registered", v.enabled && ctx.sessions.IsRegistered(v.id, now)},
                  {"created_at", FormatUtcIso(v.created_at)},
                  {"updated_at", FormatUtcIso(v.updated_at)},
                  {"registered_at", OptTime(v.registered_at)},
                  {"last_seen", OptTime(v.last_seen)},
                  {"last_address", v.last_address}};
        auto it = counts.find(v.id);
        j["accepted"] = it == counts.end() ? 0 : it->second.accepted;
        j["rejected"] = it == counts.end() ? 0 : it->second.rejected;
        items.push_back(std::move(j));
    }
    // The units a client may be bound to (the receivers of watch orders), for the add dialog.
    JW_ASSIGN_OR_RETURN(auto unit_list, auth::repo::ListUnitsInDisplayOrder(**c));
    Json units = Json::array();
    for (const auto& u : unit_list) units.push_back({{"id", u.id}, {"name", u.name}});
    return Reply::Json200({{"items", items}, {"total", items.size()}, {"units", units}});
}

Result<Reply> AddClientHandler(ViidContext& ctx, Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"id", "name", "password", "unit_id"});
    const std::string id = in.Text("id", true, 20).value_or("");
    const std::string name = in.Text("name", false, 100).value_or("");
    const std::optional<int64_t> unit_id = in.Int("unit_id", false, 1, INT64_MAX);
    const auto password =
        body.contains("password") && body["password"].is_string() ? body["password"].get<std::string>() : std::string();
    if (password.empty()) in.Fail("password", "required");
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "viid_client:" + id;
    r.write = [&ctx, id, name, password, unit_id](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_RETURN_IF_ERROR(AddViidClient(c, ctx.deps.key, id, password, name, NowUnix(), unit_id));
        ctx.sessions.Unregister(id);  // a new secret: register again
        out.body = {
            {"id", id}, {"name", name}, {"enabled", true}, {"unit_id", unit_id ? Json(*unit_id) : Json(nullptr)}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> SetEnabled(ViidContext& ctx, Request& req, bool enabled) {
    const std::string id = req.params["id"];
    if (!viid::IsViidId(id)) return Status::Invalid("id", "bad_format");
    Reply r;
    r.audit_object = "viid_client:" + id;
    r.audit_detail = enabled ? "enabled" : "disabled";
    r.write = [&ctx, id, enabled](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_RETURN_IF_ERROR(SetViidClientEnabled(c, id, enabled, NowUnix()));
        if (!enabled) ctx.sessions.Unregister(id);
        out.body = {{"id", id}, {"enabled", enabled}};
        return Status::Ok();
    };
    return r;
}
Result<Reply> DisableHandler(ViidContext& ctx, Request& req) { return SetEnabled(ctx, req, false); }
Result<Reply> EnableHandler(ViidContext& ctx, Request& req) { return SetEnabled(ctx, req, true); }

Result<Reply> SourcesHandler(ViidContext& ctx, Request& req) {
    if (!req.principal->Can("checkpoint.admin") && !req.principal->Can("checkpoint.stats")) return Status::Denied();
    Json items = Json::array();
    uint64_t accepted = 0, rejected = 0;
    for (const auto& [source, n] : ctx.deps.hub.Counts()) {
        items.push_back({{"source", source},
                         {"kind", source.rfind("import:", 0) == 0 ? "import" : "viid"},
                         {"accepted", n.accepted},
                         {"rejected", n.rejected},
                         {"last_at", n.last_at ? Json(FormatUtcIso(n.last_at)) : Json(nullptr)}});
        accepted += n.accepted;
        rejected += n.rejected;
    }
    return Reply::Json200(
        {{"items", items}, {"accepted", accepted}, {"rejected", rejected}, {"appended", ctx.deps.hub.appended()}});
}

}  // namespace

void AddAdminRoutes(http::Router& router, const std::shared_ptr<ViidContext>& ctx) {
    auto bind = [ctx](Result<Reply> (*fn)(ViidContext&, Request&)) {
        return [ctx, fn](Request& req) { return fn(*ctx, req); };
    };
    const std::string base = "/api/v1/checkpoint/viid/clients";
    router.Add({"GET", base, "checkpoint.admin", "viid.client_list", bind(ListClientsHandler)});
    router.Add({"POST", base, "checkpoint.admin", "viid.client_add", bind(AddClientHandler)});
    router.Add({"POST", base + "/:id/disable", "checkpoint.admin", "viid.client_disable", bind(DisableHandler)});
    router.Add({"POST", base + "/:id/enable", "checkpoint.admin", "viid.client_enable", bind(EnableHandler)});
    router.Add({"GET", "/api/v1/checkpoint/intake/sources", "", "checkpoint.intake_sources", bind(SourcesHandler)});
}

}  // namespace jw::checkpoint

#include "community/dossier/dossier_handlers.hpp"

#include "common/civil_time.hpp"

namespace jw::community::dossier {
namespace {

using http::Reply;
using http::Request;

Result<Reply> DossierHandler(storage::Database& db, const Registry& registry, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Json page, BuildDossier(**c, registry, id, *req.principal, NowUnix()));
    Json counts = Json::object();
    for (const auto& s : page["sections"]) counts[s["name"].get<std::string>()] = s["items"].size();
    Reply r = Reply::Json200(std::move(page));
    r.audit_object = "person:" + std::to_string(id);
    r.audit_detail = Json{{"sections", counts}}.dump();
    return r;
}

}  // namespace

void RegisterDossierRoutes(http::Router& router, storage::Database& db, const Registry& registry) {
    storage::Database* d = &db;
    const Registry* reg = &registry;
    http::Route route{"GET", "/api/v1/community/people/:id/dossier", "community.person.dossier",
                      "community.person.dossier", [d, reg](Request& req) { return DossierHandler(*d, *reg, req); }};
    route.needs_purpose = true;
    router.Add(std::move(route));
}

}  // namespace jw::community::dossier

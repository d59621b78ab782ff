// Benchmark edition endpoints for the legal office (draft, edit, submit), the leadership (publish, return), the
// officers (read) and the public (the published edition, 行政处罚法 §34). Thin: parse → edition_service → JSON.
#include "common/civil_time.hpp"
#include "discretion/edition_json.hpp"
#include "discretion/edition_repository.hpp"
#include "discretion/edition_service.hpp"
#include "discretion/handlers_internal.hpp"
#include "http/params.hpp"

namespace jw::discretion::internal {
namespace {

using http::Reply;
using http::Request;

Result<Reply> ListEditionsHandler(const HandlerDeps& d, Request&) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto editions, repo::ListEditions(**c));
    JW_ASSIGN_OR_RETURN(auto current, repo::CurrentPublishedId(**c));
    Json items = Json::array();
    for (const auto& e : editions) items.push_back(EditionToJson(e));
    return Reply::Json200({{"items", items}, {"current_id", current ? Json(*current) : Json(nullptr)}});
}

Result<Reply> GetEditionHandler(const HandlerDeps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Edition e, repo::GetEdition(**c, id));
    JW_ASSIGN_OR_RETURN(EditionContent content, repo::LoadContent(**c, id));
    Json factors = Json::array();
    for (const auto& f : Catalogue::Embedded().factors()) {
        auto it = content.factor_percents.find({f.law, f.code});
        Json j = FactorToJson(f);
        j["percent"] = it == content.factor_percents.end() ? f.percent : it->second;
        factors.push_back(std::move(j));
    }
    Json body = EditionToJson(e);
    body["factors"] = std::move(factors);
    return Reply::Json200(std::move(body));
}

Result<Reply> CircumstancesOf(storage::Connection& c, int64_t id, const Request& req) {
    repo::CircumstanceQuery q;
    JW_RETURN_IF_ERROR(req.Paging(&q.page, &q.page_size));
    q.q = req.Query("q");
    if (q.q.size() > 100) return Status::Invalid("q", "too_long");
    JW_ASSIGN_OR_RETURN(q.law, http::QueryEnum(req, "law", {"2012", "2025"}));
    JW_ASSIGN_OR_RETURN(auto article, http::QueryInt(req, "article", 1, 500));
    if (article) q.article = static_cast<int>(*article);
    JW_ASSIGN_OR_RETURN(auto page, repo::ListCircumstances(c, id, q));
    Json items = Json::array();
    for (const auto& ci : page.first) items.push_back(CircumstanceToJson(ci));
    return Reply::Json200({{"items", items}, {"total", page.second}});
}

Result<Reply> ListCircumstancesHandler(const HandlerDeps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_RETURN_IF_ERROR(repo::GetEdition(**c, id).status());
    return CircumstancesOf(**c, id, req);
}

// The public page: the current published edition and its circumstances (no login).
Result<Reply> PublicEditionHandler(const HandlerDeps& d, Request& req) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(auto current, repo::CurrentPublishedId(**c));
    if (!current) return Status::NotFound("published edition");
    JW_ASSIGN_OR_RETURN(Edition e, repo::GetEdition(**c, *current));
    JW_ASSIGN_OR_RETURN(Reply r, CircumstancesOf(**c, *current, req));
    Json edition = {{"code", e.code},     {"version", e.version},           {"title", e.title},
                    {"sample", e.sample}, {"published_at", e.published_at}, {"content_hash", e.content_hash}};
    r.body["edition"] = std::move(edition);
    return r;
}

// Wraps a service call returning an Edition into an audited write answering the edition's JSON.
Reply EditionWrite(int64_t id, int status, std::function<Result<Edition>(storage::Connection&)> fn) {
    Reply r;
    r.status = status;
    r.audit_object = "discretion_edition:" + std::to_string(id);
    r.write = [fn = std::move(fn)](storage::Connection& c, audit::AuditEntry& e, Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(Edition ed, fn(c));
        e.object = "discretion_edition:" + std::to_string(ed.id);
        out.body = EditionToJson(ed);
        return Status::Ok();
    };
    return r;
}

Result<Reply> CreateDraftHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"from", "code", "title"});
    auto from = in.Int("from", true, 1, INT64_MAX);
    auto code = in.Text("code", false, 20).value_or("");
    auto title = in.Text("title", true, 100);
    JW_RETURN_IF_ERROR(in.status());
    const int64_t user = req.principal->user_id;
    return EditionWrite(*from, 201, [=, title = *title](storage::Connection& c) {
        return CreateDraft(c, *from, code, title, user, NowUnix());
    });
}

Result<Reply> UpdateDraftHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"title", "sample"});
    auto title = in.Text("title", false, 100);
    auto sample = in.Bool("sample", false);
    JW_RETURN_IF_ERROR(in.status());
    return EditionWrite(id, 200, [=](storage::Connection& c) { return UpdateDraft(c, id, title, sample); });
}

Result<Reply> PutCircumstanceHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Circumstance ci, ParseCircumstance(req.params["cid"], req.body));
    Reply r;
    r.audit_object = "discretion_edition:" + std::to_string(id) + "/circumstance:" + ci.id;
    r.write = [id, ci](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_RETURN_IF_ERROR(PutCircumstance(c, id, ci));
        out.body = CircumstanceToJson(ci);
        return Status::Ok();
    };
    return r;
}

Result<Reply> DeleteCircumstanceHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    const std::string cid = req.params["cid"];
    Reply r = Reply::NoContent();
    r.audit_object = "discretion_edition:" + std::to_string(id) + "/circumstance:" + cid;
    r.write = [id, cid](storage::Connection& c, audit::AuditEntry&, Reply&) { return RemoveCircumstance(c, id, cid); };
    return r;
}

Result<Reply> PutFactorHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"percent"});
    auto percent = in.Int("percent", true, -100, 100);
    JW_RETURN_IF_ERROR(in.status());
    const std::string law = req.params["law"], code = req.params["code"];
    Reply r;
    r.audit_object = "discretion_edition:" + std::to_string(id) + "/factor:" + law + "." + code;
    r.write = [=](storage::Connection& c, audit::AuditEntry&, Reply& out) -> Status {
        JW_RETURN_IF_ERROR(PutFactorPercent(c, id, law, code, static_cast<int>(*percent)));
        out.body = {{"law", law}, {"code", code}, {"percent", *percent}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> TransitionHandler(Request& req, const std::string& what) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    const int64_t user = req.principal->user_id;
    if (what == "return") {
        JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body.empty() ? "{}" : req.body));
        JsonReader in(body, {"note"});
        auto note = in.Text("note", true, 500);
        JW_RETURN_IF_ERROR(in.status());
        return EditionWrite(id, 200,
                            [=, note = *note](storage::Connection& c) { return Return(c, id, user, note, NowUnix()); });
    }
    if (what == "submit") {
        return EditionWrite(id, 200, [=](storage::Connection& c) { return Submit(c, id, user, NowUnix()); });
    }
    return EditionWrite(id, 200, [=](storage::Connection& c) { return Publish(c, id, user, NowUnix()); });
}

}  // namespace

void RegisterEditionRoutes(http::Router& router, const HandlerDeps& d) {
    const std::string base = "/api/v1/discretion/editions";
    router.Add({"GET", base, "discretion.edition.read", "discretion.edition.list",
                [d](Request& r) { return ListEditionsHandler(d, r); }});
    router.Add({"GET", base + "/:id", "discretion.edition.read", "discretion.edition.read",
                [d](Request& r) { return GetEditionHandler(d, r); }});
    router.Add({"GET", base + "/:id/circumstances", "discretion.edition.read", "discretion.edition.read",
                [d](Request& r) { return ListCircumstancesHandler(d, r); }});
    router.Add({"POST", base, "discretion.edition.draft", "discretion.edition.create", CreateDraftHandler});
    router.Add({"PATCH", base + "/:id", "discretion.edition.draft", "discretion.edition.update", UpdateDraftHandler});
    router.Add({"PUT", base + "/:id/circumstances/:cid", "discretion.edition.draft", "discretion.edition.edit",
                PutCircumstanceHandler});
    router.Add({"DELETE", base + "/:id/circumstances/:cid", "discretion.edition.draft", "discretion.edition.edit",
                DeleteCircumstanceHandler});
    router.Add({"PUT", base + "/:id/factors/:law/:code", "discretion.edition.draft", "discretion.edition.edit",
                PutFactorHandler});
    router.Add({"POST", base + "/:id/submit", "discretion.edition.draft", "discretion.edition.submit",
                [](Request& r) { return TransitionHandler(r, "submit"); }});
    router.Add({"POST", base + "/:id/publish", "discretion.edition.publish", "discretion.edition.publish",
                [](Request& r) { return TransitionHandler(r, "publish"); }});
    router.Add({"POST", base + "/:id/return", "discretion.edition.publish", "discretion.edition.return",
                [](Request& r) { return TransitionHandler(r, "return"); }});
    router.Add({"GET", "/api/v1/discretion/public/edition", "public", "discretion.public.edition",
                [d](Request& r) { return PublicEditionHandler(d, r); }});
}

}  // namespace jw::discretion::internal

// Decide, catalogue and factor reads, and the two documents. Thin: parse → engine / renderer → reply.
#include <algorithm>

#include "common/civil_time.hpp"
#include "discretion/decision_json.hpp"
#include "discretion/discretion_module.hpp"
#include "discretion/document_request.hpp"
#include "discretion/edition_json.hpp"
#include "discretion/edition_service.hpp"
#include "discretion/handlers_internal.hpp"
#include "http/params.hpp"

namespace jw::discretion {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace internal {

Result<std::shared_ptr<const Catalogue>> CatalogueFor(const HandlerDeps& d, std::optional<int64_t> edition) {
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    return d.catalogues->ForDecision(**c, edition);
}

}  // namespace internal

namespace {

using http::Reply;
using http::Request;
using internal::HandlerDeps;

Result<Reply> DecideHandler(const HandlerDeps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(DecisionRequest request, ParseDecisionRequest(req.body));
    JW_ASSIGN_OR_RETURN(auto catalogue, internal::CatalogueFor(d, request.edition_id));
    JW_ASSIGN_OR_RETURN(Decision decision, Decide(*catalogue, request));
    Reply r = Reply::Json200(DecisionToJson(decision));
    r.audit_object = "discretion:decide";
    return r;
}

Result<std::string> LawQuery(const Request& req) { return http::QueryEnum(req, "law", {"2012", "2025"}); }

// GET /catalogue?law=&q=&article=&page=&page_size=: tiers with their clause text. `q` matches the clause text
// or the citation; a number in `q` also matches the article.
Result<Reply> CatalogueHandler(Request& req) {
    int page = 1, page_size = 20;
    JW_RETURN_IF_ERROR(req.Paging(&page, &page_size));
    JW_ASSIGN_OR_RETURN(std::string law, LawQuery(req));
    JW_ASSIGN_OR_RETURN(const int64_t article, http::QueryInt(req, "article", 1, 500, 0));
    const std::string q = req.Query("q");
    if (q.size() > 100) return Status::Invalid("q", "too_long");
    Json items = Json::array();
    int64_t total = 0;
    for (const auto& t : Catalogue::Embedded().tiers()) {
        if (!law.empty() && t.key.law != law) continue;
        if (article > 0 && t.key.article != article) continue;
        if (!q.empty()) {
            const std::string cite = Citation("治安管理处罚法（" + t.key.law + "）", t.key.article, t.key.paragraph);
            const bool number = q == std::to_string(t.key.article);
            if (!number && t.clause.find(q) == std::string::npos && cite.find(q) == std::string::npos) continue;
        }
        ++total;
        if (total > static_cast<int64_t>(page - 1) * page_size && items.size() < static_cast<size_t>(page_size)) {
            items.push_back(TierToJson(t));
        }
    }
    return Reply::Json200({{"items", items}, {"total", total}, {"page", page}, {"page_size", page_size}});
}

// GET /factors?law=&edition_id=: the factors with the percentages of the edition (default: current published).
Result<Reply> FactorsHandler(const HandlerDeps& d, Request& req) {
    JW_ASSIGN_OR_RETURN(std::string law, LawQuery(req));
    JW_ASSIGN_OR_RETURN(const std::optional<int64_t> edition, http::QueryId(req, "edition_id"));
    JW_ASSIGN_OR_RETURN(auto catalogue, internal::CatalogueFor(d, edition));
    Json items = Json::array();
    for (const auto& f : catalogue->factors()) {
        if (law.empty() || f.law == law) items.push_back(FactorToJson(f));
    }
    return Reply::Json200({{"items", items}, {"edition", EditionRefToJson(catalogue->edition())}});
}

// GET /aggravations?law=: the aggravating paragraphs and the facts they test (ADR 0022), for the form.
Result<Reply> AggravationsHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(std::string law, LawQuery(req));
    return Reply::Json200(AggravationRulesToJson(Catalogue::Embedded(), law));
}

// POST /documents/:kind?format=html|pdf: the approval report or the decision for a decision request.
Result<Reply> DocumentHandler(const HandlerDeps& d, Request& req) {
    const std::string kind = req.params["kind"];
    if (kind != "approval_report" && kind != "decision") return Status::NotFound("document kind");
    JW_ASSIGN_OR_RETURN(std::string format, http::QueryEnum(req, "format", {"html", "pdf"}));
    if (format.empty()) format = "html";
    JW_ASSIGN_OR_RETURN(DocumentRequest doc_req, ParseDocumentRequest(req.body));
    JW_ASSIGN_OR_RETURN(auto catalogue, internal::CatalogueFor(d, doc_req.decision.edition_id));
    JW_ASSIGN_OR_RETURN(RenderedDocument out, RenderDocument(*catalogue, doc_req, kind, format));
    Reply r;
    r.raw = std::move(out.bytes);
    r.content_type = out.content_type;
    if (format == "pdf") {
        r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + kind + ".pdf\""});
    }
    // The documents carry the offender's personal data: the audit records which case they were printed for.
    r.audit_object = "discretion:document:" + kind;
    r.audit_detail = doc_req.facts.case_no;
    return r;
}

}  // namespace

void RegisterRoutes(jw::http::Router& router, Deps deps) {
    HandlerDeps d{deps.db, std::make_shared<EditionCatalogues>()};
    router.Add({"POST", "/api/v1/discretion/decide", "discretion.decide", "discretion.decide",
                [d](Request& r) { return DecideHandler(d, r); }});
    router.Add({"GET", "/api/v1/discretion/catalogue", "discretion.decide", "discretion.catalogue", CatalogueHandler});
    router.Add({"GET", "/api/v1/discretion/factors", "discretion.decide", "discretion.factors",
                [d](Request& r) { return FactorsHandler(d, r); }});
    router.Add({"GET", "/api/v1/discretion/aggravations", "discretion.decide", "discretion.aggravations",
                AggravationsHandler});
    router.Add({"POST", "/api/v1/discretion/documents/:kind", "discretion.decide", "discretion.document",
                [d](Request& r) { return DocumentHandler(d, r); }});
    internal::RegisterEditionRoutes(router, d);
}

Status SeedEditions(storage::Connection& tx) { return SeedSampleEdition(tx, NowUnix()); }

std::string_view PermissionsCsv() {
    for (const auto& [name, content] : data::EmbeddedFiles()) {
        if (name == "permissions.csv") return content;
    }
    return {};
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

}  // namespace jw::discretion

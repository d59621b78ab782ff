// Cases: people (masked, and the full record with a stated purpose), penalty, query codes, documents and the
// public progress page.
#include <algorithm>

#include "cases/case_documents.hpp"
#include "cases/case_handlers.hpp"
#include "cases/case_json.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_service.hpp"
#include "cases/document_register.hpp"
#include "cases/evidence.hpp"
#include "cases/public_progress.hpp"
#include "common/civil_time.hpp"
#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"
#include "http/error_table.hpp"

namespace jw::cases {

using http::Reply;
using http::Request;

namespace {

Result<int64_t> ExpectedVersion(const Json& body) {
    if (!body.contains("expected_version")) return Status::Invalid("expected_version", "required");
    if (!body["expected_version"].is_number_integer() || body["expected_version"].get<int64_t>() < 1)
        return Status::Invalid("expected_version", "must_be_integer");
    return body["expected_version"].get<int64_t>();
}

Result<Reply> AddPersonHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"expected_version", "person"});
    JW_RETURN_IF_ERROR(in.status());
    JW_ASSIGN_OR_RETURN(int64_t version, ExpectedVersion(body));
    if (!body.contains("person")) return Status::Invalid("person", "required");
    JW_ASSIGN_OR_RETURN(Person p, ParsePerson(body["person"], "person.", false, Person{}));
    JW_RETURN_IF_ERROR(ValidatePerson(p, "person."));
    Reply r;
    r.status = 201;
    r.audit_object = "case:" + std::to_string(id);
    r.write = [id, version, p, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                       Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(Case k, AddPerson(c, actor, id, version, p, now));
        JW_ASSIGN_OR_RETURN(out.body, FullCaseJson(c, actor, k, now));
        return Status::Ok();
    };
    return r;
}

Result<Reply> EditPersonHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(int64_t pid, req.IdParam("pid"));
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JW_ASSIGN_OR_RETURN(int64_t version, ExpectedVersion(body));
    JW_RETURN_IF_ERROR(ParsePerson(body, "", true, Person{}).status());  // shape and unknown fields, before the write
    Reply r;
    r.audit_object = "case:" + std::to_string(id) + "/person:" + std::to_string(pid);
    r.write = [id, pid, version, body, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                               Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(auto people, repo::ListPeople(c, id));
        auto it = std::find_if(people.begin(), people.end(), [&](const Person& x) { return x.id == pid; });
        if (it == people.end()) return Status::NotFound("person");
        JW_ASSIGN_OR_RETURN(Person p, ParsePerson(body, "", true, *it));
        JW_ASSIGN_OR_RETURN(Case k, EditPerson(c, actor, id, version, p, now));
        JW_ASSIGN_OR_RETURN(out.body, FullCaseJson(c, actor, k, now));
        return Status::Ok();
    };
    return r;
}

// The whole record of one person: the dispatcher has required and audited a purpose and a case number.
Result<Reply> GetPersonHandler(Deps d, Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(int64_t pid, req.IdParam("pid"));
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(Case k, LoadCase(**c, *req.principal, id));
    auto it = std::find_if(k.people.begin(), k.people.end(), [&](const Person& x) { return x.id == pid; });
    if (it == k.people.end()) return Status::NotFound("person");
    Reply r = Reply::Json200(PersonFullJson(*it));
    r.audit_object = "case:" + std::to_string(id) + "/person:" + std::to_string(pid);
    r.audit_detail = "full record";
    return r;
}

Result<Reply> PenaltyHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"expected_version", "source", "penalty", "decision"});
    const std::string source = in.Text("source", true, 20).value_or("");
    JW_RETURN_IF_ERROR(in.status());
    JW_ASSIGN_OR_RETURN(int64_t version, ExpectedVersion(body));
    Json penalty;
    if (source == "manual") {
        if (!body.contains("penalty") || !body["penalty"].is_object()) return Status::Invalid("penalty", "required");
        JsonReader pr(body["penalty"], {"kind", "amount_yuan", "days", "text", "article", "paragraph", "item"});
        const std::string kind = pr.Text("kind", true, 30).value_or("");
        auto amount = pr.Int("amount_yuan", false, 0, 1000000);
        auto days = pr.Int("days", false, 1, 20);
        const std::string text = pr.Text("text", true, 500).value_or("");
        // The article the decision cites (the documents print it): 治安管理处罚法 has 119 articles (2012 text) and
        // 144 (2025 text); the case's law text is checked where the case is at hand (SetPenalty).
        auto article = pr.Int("article", true, 1, 144);
        auto paragraph = pr.Int("paragraph", false, 0, 9);
        auto item = pr.Int("item", false, 0, 20);
        if (!kind.empty() && kind != "warning" && kind != "fine" && kind != "detention" &&
            kind != "fine_and_detention" && kind != "other")
            pr.Fail("kind", "bad_value");
        Status s = pr.status();
        if (!s.ok()) {
            Status out(s.code(), s.message());
            for (const auto& [k, v] : s.fields()) out.mutable_fields()["penalty." + k] = v;
            return out;
        }
        penalty = {{"kind", kind}, {"text", text}, {"article", article.value_or(0)}};
        if (paragraph && *paragraph > 0) penalty["paragraph"] = *paragraph;
        if (item && *item > 0) penalty["item"] = *item;
        if (amount) penalty["amount_yuan"] = *amount;
        if (days) penalty["days"] = *days;
    } else if (source == "discretion") {
        // A decision is recorded only as the server recomputes it from the case (PUT /cases/:id/penalty/discretion).
        return Status::Invalid("source", "use_case_calculation");
    } else {
        return Status::Invalid("source", "bad_value");
    }
    Reply r;
    r.audit_object = "case:" + std::to_string(id);
    r.audit_detail = "penalty " + source;
    r.write = [id, version, source, penalty, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                                     Reply& out) -> Status {
        const int64_t now = NowUnix();
        JW_ASSIGN_OR_RETURN(Case k, SetPenalty(c, actor, id, version, source, penalty, now));
        JW_ASSIGN_OR_RETURN(out.body, FullCaseJson(c, actor, k, now));
        return Status::Ok();
    };
    return r;
}

Result<Reply> IssueCodeHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"person_id"});
    auto person = in.Int("person_id", true, 1, INT64_MAX);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.status = 201;
    r.audit_object = "case:" + std::to_string(id) + "/person:" + std::to_string(*person);
    r.write = [id, pid = *person, actor = *req.principal](storage::Connection& c, audit::AuditEntry&,
                                                          Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(QueryCode q, IssueQueryCode(c, actor, id, pid, NowUnix()));
        out.body = {{"id", q.id},
                    {"person_id", q.person_id},
                    {"created_at", FormatUtcIso(q.created_at)},
                    {"revoked_at", nullptr}};
        return Status::Ok();
    };
    return r;
}

Result<Reply> RevokeCodeHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    JW_ASSIGN_OR_RETURN(int64_t qid, req.IdParam("qid"));
    Reply r = Reply::NoContent();
    r.audit_object = "case:" + std::to_string(id) + "/query_code:" + std::to_string(qid);
    r.write = [id, qid, actor = *req.principal](storage::Connection& c, audit::AuditEntry&, Reply&) -> Status {
        return RevokeQueryCode(c, actor, id, qid, NowUnix());
    };
    return r;
}

// What a document of the case is made of, read on `c`: the case (scope checked), its events, its evidence, the
// names of the users in its events and the bureau.
struct DocumentSource {
    Case kase;
    std::vector<CaseEvent> events;
    std::string bureau;
    DocumentInputs inputs;
};

Result<DocumentSource> ReadDocumentSource(storage::Connection& c, const auth::Principal& actor, int64_t id) {
    DocumentSource s;
    JW_ASSIGN_OR_RETURN(s.kase, LoadCase(c, actor, id));
    JW_ASSIGN_OR_RETURN(s.events, repo::ListEvents(c, id));
    JW_ASSIGN_OR_RETURN(s.bureau, repo::BureauName(c, s.kase.unit_id));
    JW_ASSIGN_OR_RETURN(s.inputs.evidence, repo::ListEvidence(c, id));
    for (const auto& e : s.events) {
        if (s.inputs.user_names.count(e.actor_id)) continue;
        auto officer = repo::GetOfficer(c, e.actor_id);
        s.inputs.user_names[e.actor_id] = officer.ok() ? officer->name : "";
    }
    return s;
}

Status Render(Reply& r, const docs::Document& doc, const Case& k, const std::string& name, const std::string& ext) {
    if (ext == "html") {
        r.raw = docs::RenderHtml(doc);
        r.content_type = "text/html; charset=utf-8";
        return Status::Ok();
    }
    JW_ASSIGN_OR_RETURN(r.raw, docs::RenderPdf(doc));
    r.content_type = "application/pdf";
    r.headers.push_back({"Content-Disposition", "inline; filename=\"" + k.case_no + "_" + name + ".pdf\""});
    return Status::Ok();
}

// One document of the case as `ext` (html | pdf). The route decided who may print it: a document that prints
// people needs case.person.read and a stated purpose and case number (the dispatcher required and audited
// them); the record also names the document, the case, the people printed (ids, never their data) and the
// number. A numbered document not issued yet is issued by this request: the number is taken from the register
// in the audited write, after every check passed on a read (document_register.hpp); a re-print only reads.
Result<Reply> DocumentHandler(Deps d, Request& req, const std::string& name, const std::string& ext) {
    JW_ASSIGN_OR_RETURN(int64_t id, req.IdParam());
    auto c = d.db.Acquire();
    if (!c.ok()) return c.status();
    JW_ASSIGN_OR_RETURN(DocumentSource src, ReadDocumentSource(**c, *req.principal, id));
    std::optional<IssuedNumber> issued;
    if (NumberedDocument(name)) {
        JW_ASSIGN_OR_RETURN(issued, FindIssuedNumber(**c, id, name));
    }
    if (issued) src.inputs.number = issued->number;
    // Every refusal (not yet, no evidence…) comes before a number is taken.
    JW_ASSIGN_OR_RETURN(docs::Document doc, BuildCaseDocument(name, src.kase, src.events, src.bureau, src.inputs));
    Reply r;
    r.audit_object = "case:" + std::to_string(id) + "/document:" + name + "." + ext;
    Json detail{
        {"document", name}, {"format", ext}, {"case_no", src.kase.case_no}, {"people", PeoplePrinted(name, src.kase)}};
    if (!NumberedDocument(name) || issued) {
        if (issued) detail["number"] = issued->number;
        r.audit_detail = detail.dump();
        JW_RETURN_IF_ERROR(Render(r, doc, src.kase, name, ext));
        return r;
    }
    r.write = [id, name, ext, detail, actor = *req.principal](storage::Connection& w, audit::AuditEntry& e,
                                                              Reply& out) mutable -> Status {
        // Read again on the writer: the number and the document it is printed on come from one state.
        JW_ASSIGN_OR_RETURN(DocumentSource s, ReadDocumentSource(w, actor, id));
        JW_ASSIGN_OR_RETURN(IssuedNumber n, IssueNumber(w, s.kase, name, actor.user_id, NowUnix()));
        s.inputs.number = n.number;
        JW_ASSIGN_OR_RETURN(docs::Document fresh, BuildCaseDocument(name, s.kase, s.events, s.bureau, s.inputs));
        detail["number"] = n.number;
        detail["issued"] = true;
        e.detail = detail.dump();
        return Render(out, fresh, s.kase, name, ext);
    };
    return r;
}

// Each document and format has its own route, so that the route carries the document's permission and purpose
// rule; this one answers every other name, for a case or not.
Result<Reply> UnknownDocumentHandler(Request&) { return Status::NotFound("document"); }

Result<Reply> PublicProgressHandler(Request& req) {
    JW_ASSIGN_OR_RETURN(Json body, ParseJsonObject(req.body));
    JsonReader in(body, {"case_no", "query_code"});
    auto case_no = in.Text("case_no", true, 40);
    auto code = in.Text("query_code", true, 20);
    JW_RETURN_IF_ERROR(in.status());
    Reply r;
    r.audit_object = "case_no:" + *case_no;
    r.write = [no = *case_no, code = *code, client = req.client, rid = req.request_id,
               lang = http::RequestLang(req.headers)](storage::Connection& c, audit::AuditEntry& e,
                                                      Reply& out) -> Status {
        JW_ASSIGN_OR_RETURN(PublicQueryOutcome o, PublicQuery(c, client, no, code, NowUnix()));
        e.case_no = no;
        // The attempt is stored (the rate limit counts it) and audited, so the write succeeds even when the
        // answer is a refusal: the refusal is the reply, not a rolled-back job.
        if (o.result == PublicQueryResult::kOk) {
            out.body = std::move(o.progress);
            return Status::Ok();
        }
        if (o.result == PublicQueryResult::kWrong) {
            out.status = 404;
            out.body = http::ErrorBody("not_found", "no case with this number and query code", rid, lang);
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

}  // namespace

void RegisterCaseRecordRoutes(http::Router& router, Deps d) {
    router.Add({"POST", "/api/v1/cases/:id/people", "case.write", "case.person_add",
                [](Request& r) { return AddPersonHandler(r); }});
    router.Add({"PUT", "/api/v1/cases/:id/people/:pid", "case.write", "case.person_update",
                [](Request& r) { return EditPersonHandler(r); }});
    router.Add({"GET", "/api/v1/cases/:id/people/:pid", "case.person.read", "case.person_read",
                [d](Request& r) { return GetPersonHandler(d, r); }, false, true});
    router.Add({"PUT", "/api/v1/cases/:id/penalty", "case.write", "case.penalty",
                [](Request& r) { return PenaltyHandler(r); }});
    router.Add({"POST", "/api/v1/cases/:id/query-codes", "case.write", "case.query_code_issue",
                [](Request& r) { return IssueCodeHandler(r); }});
    router.Add({"POST", "/api/v1/cases/:id/query-codes/:qid/revoke", "case.write", "case.query_code_revoke",
                [](Request& r) { return RevokeCodeHandler(r); }});
    for (const std::string& name : CaseDocumentNames()) {
        const bool people = PrintsPeople(name);
        for (const std::string ext : {"html", "pdf"}) {
            router.Add({"GET", "/api/v1/cases/:id/documents/" + name + "." + ext,
                        people ? "case.person.read" : "case.read", "case.document",
                        [d, name, ext](Request& r) { return DocumentHandler(d, r, name, ext); }, false, people});
        }
    }
    router.Add({"GET", "/api/v1/cases/:id/documents/:doc", "case.read", "case.document", UnknownDocumentHandler});
    RegisterEvidenceRoutes(router, d);
    router.Add({"POST", "/api/v1/public/case-progress", "public", "case.public_progress",
                [](Request& r) { return PublicProgressHandler(r); }});
}

}  // namespace jw::cases

#include "discretion/document_request.hpp"

#include "discretion/decision_json.hpp"
#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"

namespace jw::discretion {
namespace {

Status Prefixed(const std::string& prefix, const Status& s) {
    if (s.ok() || s.code() != ErrorCode::kInvalidArgument) return s;
    std::map<std::string, std::string> fields;
    for (const auto& [k, v] : s.fields()) fields[prefix + k] = v;
    return Status(s.code(), s.message(), std::move(fields));
}

void ParseFacts(JsonReader& top, const Json& j, CaseFacts* f) {
    if (!j.is_object()) {
        top.Fail("facts", "must_be_object");
        return;
    }
    JsonReader r(j, {"case_no", "authority", "offender_name", "gender", "id_document", "address", "facts", "evidence",
                     "officer_opinion", "reviewer_opinion", "reconsideration_body", "court"});
    f->case_no = r.Text("case_no", true, 60).value_or("");
    f->authority = r.Text("authority", true, 60).value_or("");
    f->offender_name = r.Text("offender_name", true, 40).value_or("");
    f->gender = r.Text("gender", false, 4).value_or("");
    f->id_document = r.Text("id_document", false, 60).value_or("");
    f->address = r.Text("address", false, 100).value_or("");
    f->facts = r.Text("facts", true, 4000).value_or("");
    f->evidence = r.TextList("evidence", false, 50, 200).value_or(std::vector<std::string>{});
    f->officer_opinion = r.Text("officer_opinion", false, 2000).value_or("");
    f->reviewer_opinion = r.Text("reviewer_opinion", false, 2000).value_or("");
    f->reconsideration_body = r.Text("reconsideration_body", true, 60).value_or("");
    f->court = r.Text("court", true, 60).value_or("");
    const Status r_status = r.status();
    for (const auto& [k, v] : r_status.fields()) top.Fail("facts." + k, v);
}

}  // namespace

Result<DocumentRequest> ParseDocumentRequest(std::string_view body) {
    JW_ASSIGN_OR_RETURN(Json root, ParseJsonObject(body));
    JsonReader r(root, {"request", "facts", "number"});
    DocumentRequest out;
    Status request_status = Status::Ok();
    if (!r.Has("request")) {
        r.Fail("request", "required");
    } else {
        auto parsed = ParseDecisionRequest(root["request"].dump());
        if (parsed.ok())
            out.decision = std::move(parsed).value();
        else
            request_status = Prefixed("request.", parsed.status());
    }
    if (!r.Has("facts"))
        r.Fail("facts", "required");
    else
        ParseFacts(r, root["facts"], &out.facts);
    if (r.Has("number")) {
        if (!root["number"].is_object()) {
            r.Fail("number", "must_be_object");
        } else {
            JsonReader n(root["number"], {"scheme", "seq"});
            out.number_scheme = n.Text("scheme", false, 60).value_or(out.number_scheme);
            if (out.number_scheme.find("{seq}") == std::string::npos) n.Fail("scheme", "must_contain_{seq}");
            out.number_seq = static_cast<int>(n.Int("seq", false, 1, 999999).value_or(0));
            const Status n_status = n.status();
            for (const auto& [k, v] : n_status.fields()) r.Fail("number." + k, v);
        }
    }
    r.Merge(request_status);
    JW_RETURN_IF_ERROR(request_status.ok() || request_status.code() == ErrorCode::kInvalidArgument ? r.status()
                                                                                                   : request_status);
    out.facts.decision_date = out.decision.decision_date;
    return out;
}

Result<RenderedDocument> RenderDocument(const Catalogue& catalogue, const DocumentRequest& request,
                                        const std::string& kind, const std::string& format) {
    if (kind == "decision" && request.facts.evidence.empty()) return Status::Invalid("facts.evidence", "required");
    auto decided = Decide(catalogue, request.decision);
    if (!decided.ok()) return Prefixed("request.", decided.status());
    const std::string number =
        request.number_seq > 0
            ? DecisionNumber(request.number_scheme, request.decision.decision_date.year, request.number_seq)
            : "";
    const docs::Document doc = kind == "approval_report"
                                   ? ApprovalReport(request.facts, request.decision, *decided, catalogue)
                                   : DecisionDocument(request.facts, *decided, catalogue, number);
    if (format == "pdf") {
        JW_ASSIGN_OR_RETURN(std::string pdf, docs::RenderPdf(doc));
        return RenderedDocument{std::move(pdf), "application/pdf"};
    }
    return RenderedDocument{docs::RenderHtml(doc), "text/html; charset=utf-8"};
}

}  // namespace jw::discretion

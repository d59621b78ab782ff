#pragma once
// The body of POST /api/v1/discretion/documents/:kind — a decision request plus the case facts and the decision
// number — and rendering one of the two documents as print HTML or PDF. Pure apart from the font file RenderPdf
// reads; thread-safe.

#include <string>
#include <string_view>

#include "discretion/documents.hpp"

namespace jw::discretion {

struct DocumentRequest {
    DecisionRequest decision;
    CaseFacts facts;  // decision_date comes from the decision request
    std::string number_scheme = "行罚决字〔{year}〕{seq}号";
    int number_seq = 0;  // 0: no number given — the decision is a draft with a blank number (a case's decision
                         // takes its number from the register, cases/document_register.hpp)
};

// {"request": <decision request>, "facts": {case_no, authority, offender_name, gender, id_document, address,
// facts, evidence[], officer_opinion, reviewer_opinion, reconsideration_body, court},
// "number": {"scheme": "...{year}...{seq}...", "seq": 12}}. Errors: InvalidArgument naming each field
// ("request.offender.birth_date", "facts.offender_name", "number.scheme").
Result<DocumentRequest> ParseDocumentRequest(std::string_view body);

struct RenderedDocument {
    std::string bytes;
    std::string content_type;
};

// kind "approval_report" | "decision"; format "html" | "pdf". Errors: InvalidArgument {facts.evidence: required}
// for a decision without evidence (行政处罚法 §59(2): the decision states the evidence); those of Decide (fields
// prefixed "request."), and of docs::RenderPdf (Unavailable without the CJK font).
Result<RenderedDocument> RenderDocument(const Catalogue& catalogue, const DocumentRequest& request,
                                        const std::string& kind, const std::string& format);

}  // namespace jw::discretion

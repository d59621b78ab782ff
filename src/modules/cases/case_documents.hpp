#pragma once
// The case documents as docs::Document (rendered to print HTML and PDF by src/docs): 受案登记表 (acceptance
// form), 立案决定书 (filing decision), 不予立案通知书 (notice of not filing), and for an administrative penalty the
// 呈请行政处罚审批报告 (approval report) and the 行政处罚决定书 (penalty decision) (penalty_documents.hpp). The
// numbered ones (filing decision, notice, penalty decision) carry the number of the register
// (document_register.hpp), taken by the caller when the document is first issued. Printed documents carry the
// people's data whole (they are official papers handed to the people named): a document that prints people is
// read like a person's full record — case.person.read, a stated purpose and case number — and every print is
// audited with the people printed (case_record_handlers.cpp, ADR 0018). Pure; thread-safe.

#include <map>
#include <string>
#include <vector>

#include "cases/case.hpp"
#include "cases/evidence.hpp"
#include "common/status.hpp"
#include "docs/document.hpp"

namespace jw::cases {

// "acceptance_form" | "filing_decision" | "not_filed_notice" | "approval_report" | "penalty_decision"
bool IsCaseDocument(const std::string& name);
// Every document name, in the order a case reaches them.
const std::vector<std::string>& CaseDocumentNames();
// Whether the document prints people's personal data (name, ID number, phone, address).
bool PrintsPeople(const std::string& name);
// The ids of the people the document prints for the case (empty when it prints none), for the audit record.
std::vector<int64_t> PeoplePrinted(const std::string& name, const Case& k);

// Whether the document carries a number of the register (its doc_type there is its name).
bool NumberedDocument(const std::string& name);

// What the documents take from outside the case row: the evidence list, the register's number ("" while not
// issued: the document shows blanks), and the names of the users who acted in the events (sign-off boxes).
struct DocumentInputs {
    std::vector<Evidence> evidence;
    std::string number;
    std::map<int64_t, std::string> user_names;
};

// The document for the case. Errors: NotFound "document" for an unknown name; Conflict {document: not_yet}
// when the case has not reached the step (filing decision: a `file` event; notice: a `not_file` event).
// The penalty papers add PenaltyDocument's errors (penalty_documents.hpp).
// `bureau_name` is the issuing bureau (立案, 不予立案 and the penalty are decided in its name).
Result<docs::Document> BuildCaseDocument(const std::string& name, const Case& k, const std::vector<CaseEvent>& events,
                                         const std::string& bureau_name, const DocumentInputs& inputs);

}  // namespace jw::cases

#pragma once
// The case documents as docs::Document (rendered to print HTML and PDF by src/docs): 受案登记表 (acceptance
// form), 立案决定书 (filing decision) and 不予立案通知书 (notice of not filing). Printed documents carry the
// people's data whole (they are official papers handed to the people named): a document that prints people is
// read like a person's full record — case.person.read, a stated purpose and case number — and every print is
// audited with the people printed (case_record_handlers.cpp, ADR 0018). Pure; thread-safe.

#include <string>
#include <vector>

#include "cases/case.hpp"
#include "common/status.hpp"
#include "docs/document.hpp"

namespace jw::cases {

// "acceptance_form" | "filing_decision" | "not_filed_notice"
bool IsCaseDocument(const std::string& name);
// Every document name, in the order a case reaches them.
const std::vector<std::string>& CaseDocumentNames();
// Whether the document prints people's personal data (name, ID number, phone, address).
bool PrintsPeople(const std::string& name);
// The ids of the people the document prints for the case (empty when it prints none), for the audit record.
std::vector<int64_t> PeoplePrinted(const std::string& name, const Case& k);

// The document for the case. Errors: NotFound "document" for an unknown name; Conflict {document: not_yet}
// when the case has not reached the step (filing decision: a `file` event; notice: a `not_file` event).
// `bureau_name` is the issuing bureau (立案 and 不予立案 are decided in its name).
Result<docs::Document> BuildCaseDocument(const std::string& name, const Case& k, const std::vector<CaseEvent>& events,
                                         const std::string& bureau_name);

}  // namespace jw::cases

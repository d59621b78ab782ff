#pragma once
// The two printed documents of supervision, as docs::Document (print with docs::RenderHtml / RenderPdf):
//  - 执法建议书 (enforcement suggestion letter) to a unit whose case ran past its time limit: the problem, the
//    rule and its legal basis, and the date by which the unit must fix it and report back;
//  - 延长办案期限审批表 (approval form for extending a case's time limit): the case, the clock with its basis,
//    start, current deadline and the extension asked for, the reason, and blank opinion rows for the unit head
//    and the approving bureau.
// Pure functions; thread-safe.

#include <string>

#include "cases/case.hpp"
#include "cases/deadlines/deadline_engine.hpp"
#include "cases/supervision/supervision_repository.hpp"
#include "docs/document.hpp"

namespace jw::cases::supervision {

// `issuer` is the bureau's name (发文机关), e.g. "示范县公安局".
docs::Document SuggestionLetterDocument(const Letter& letter, const std::string& issuer);

struct ExtensionRequest {
    std::string reason;        // from the extension_requested event
    std::string requested_on;  // YYYY-MM-DD
    std::string applicant;     // officer's name
};
docs::Document ExtensionFormDocument(const Case& k, const deadlines::Clock& clock, const ExtensionRequest& request,
                                     const std::string& issuer);

std::string ChineseDate(const std::string& iso_date);  // "2026-03-01" → "2026年3月1日"

}  // namespace jw::cases::supervision

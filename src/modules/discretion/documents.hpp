#pragma once
// The two documents the discretion module writes from a decision and the case facts, as docs::Document (print
// them with docs::RenderHtml / docs::RenderPdf): the 呈请行政处罚审批报告 (approval report, with every factor,
// its article and percentage and the full trace) and the 行政处罚决定书 (2012 §96 / 2025 §115 contents).
// Pure functions; thread-safe.

#include <string>
#include <vector>

#include "discretion/engine.hpp"
#include "docs/document.hpp"

namespace jw::discretion {

struct CaseFacts {
    std::string case_no;    // 案件编号
    std::string authority;  // 作出决定的公安机关, e.g. "示范县公安局"
    std::string offender_name, gender, id_document, address;
    std::string facts;  // 违法事实
    std::vector<std::string> evidence;
    std::string officer_opinion, reviewer_opinion;
    std::string reconsideration_body;  // 行政复议机关, e.g. "示范县人民政府"
    std::string court;                 // 人民法院
    CivilDate decision_date;
};

// `scheme` holds "{year}" and "{seq}", e.g. "示公(城关)行罚决字〔{year}〕{seq}号".
std::string DecisionNumber(const std::string& scheme, int year, int seq);

docs::Document ApprovalReport(const CaseFacts& facts, const DecisionRequest& request, const Decision& decision,
                              const Catalogue& catalogue);
docs::Document DecisionDocument(const CaseFacts& facts, const Decision& decision, const Catalogue& catalogue,
                                const std::string& number);

}  // namespace jw::discretion

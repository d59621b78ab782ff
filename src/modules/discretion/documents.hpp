#pragma once
// The two documents of an administrative penalty, as docs::Document (print them with docs::RenderHtml /
// docs::RenderPdf), laid out as the 公安行政法律文书式样: the 呈请行政处罚审批报告 (approval report: party, facts,
// evidence, the discretion with every factor, its article and percentage, the proposal, and the four sign-off
// boxes 承办人 / 审核人（法制） / 部门负责人 / 局领导 with opinion and date) and the 行政处罚决定书 (contents of
// 治安管理处罚法 2012 §96 / 2025 §115 and 行政处罚法 §59: party with sex, age and ID document, facts and evidence,
// kind and basis of the penalty, execution, the remedy notice — 复议 within 60 days, 诉讼 within 6 months —,
// the bureau with its seal and the date). The cases module fills them from a case (cases/penalty_documents.hpp);
// POST /discretion/documents fills them from a form (a draft, no number). Pure functions; thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "common/json_util.hpp"
#include "discretion/engine.hpp"
#include "docs/document.hpp"

namespace jw::discretion {

// One sign-off box of the approval report: "承办人意见" with the opinion written, who wrote it and when ("" for a
// box still to be signed by hand).
struct SignOff {
    std::string title;
    std::string opinion, signer, date;
};

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
    // Added for the case-based papers (issue 13); empty keeps the older form-based behaviour.
    std::optional<CivilDate> birth_date;  // the party's; else the decision request's
    std::vector<SignOff> signoffs;        // the approval report's boxes, in order; empty: four blank boxes
    std::string verification;             // the approval report's footer line ("" = derived from the edition)
};

// `scheme` holds "{year}" and "{seq}", e.g. "示公(城关)行罚决字〔{year}〕{seq}号".
std::string DecisionNumber(const std::string& scheme, int year, int seq);

// The decision in the words of the documents: one sentence per violation ("根据《…》第…条之规定，对张三决定…。"),
// the combined execution when it differs, and what the execution paragraph needs.
struct DecisionWording {
    std::vector<std::string> decisions;
    std::string combined;
    int executed_detention_days = 0;
    int64_t fine_yuan = 0;
};
DecisionWording WordingOf(const CaseFacts& facts, const Decision& decision, const Catalogue& catalogue);

// The four boxes with the standard titles, blank.
std::vector<SignOff> BlankSignOffs();
// The short verification code of a discretion edition printed in the report's footer: the first 8 hex digits of
// its SM3 content hash, upper case, as "XXXX-XXXX" ("" without a hash).
std::string VerificationCode(const std::string& content_hash);

// With the discretion (request, decision): the report shows the law version, every factor and the combination.
docs::Document ApprovalReport(const CaseFacts& facts, const DecisionRequest& request, const Decision& decision,
                              const Catalogue& catalogue);
// Without one (a penalty recorded by hand): the proposal only.
docs::Document ApprovalReport(const CaseFacts& facts, const DecisionWording& wording);
// `number` "" prints the number line with blanks (a draft: numbers come from the register of the case).
docs::Document DecisionDocument(const CaseFacts& facts, const Decision& decision, const Catalogue& catalogue,
                                const std::string& number);
docs::Document DecisionDocument(const CaseFacts& facts, const DecisionWording& wording, const std::string& number);

// A decision as DecisionToJson wrote it (stored on a case), back to the fields the documents use: violations
// (tier, aggravations' basis and tier, outcome, days, fine, warning, execution, trace), combined, law, edition
// and trace. Error: InvalidArgument {decision: bad_format}.
Result<Decision> DecisionFromJson(const Json& decision);

}  // namespace jw::discretion

#pragma once
// The papers of an administrative penalty filled from the case (issue 13): the 呈请行政处罚审批报告 and the
// 行政处罚决定书, laid out by discretion/documents.hpp (one layout for the calculator's drafts and the case's
// papers). From the case: the party (the first suspect: name, sex and birth date from a resident ID, the ID
// document, the address), the facts, the evidence list (evidence.hpp), the penalty (the calculator's stored
// decision with its articles, or a penalty recorded by hand), the sign-off boxes from the case's events
// (承办人: propose_penalty; 审核人（法制）: the last review_approved / return_review; 局领导: decide_penalty;
// 部门负责人: no event records it, so the box is left to be signed by hand), and the date of the decision.
// Pure; thread-safe.

#include <string>
#include <vector>

#include "cases/case_documents.hpp"

namespace jw::cases {

// The person the penalty is for: the first suspect, or nullptr.
const Person* PenaltyOffender(const Case& k);

// `name` "approval_report" | "penalty_decision". Errors, in this order: Conflict {document: not_yet} when no
// penalty is recorded (report) or the case is not decided with a penalty (decision); Conflict {offender:
// required} without a suspect; Conflict "evidence_required" {evidence: required} when the evidence list is
// empty (行政处罚法 §59(2), 治安管理处罚法 2012 §96(2) / 2025 §115(2): the decision states the evidence).
Result<docs::Document> PenaltyDocument(const std::string& name, const Case& k, const std::vector<CaseEvent>& events,
                                       const std::string& bureau_name, const DocumentInputs& inputs);

}  // namespace jw::cases

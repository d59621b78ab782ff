#include "cases/penalty_documents.hpp"

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "common/validators.hpp"
#include "discretion/catalogue.hpp"
#include "discretion/documents.hpp"

namespace jw::cases {

namespace {

std::string ChineseDate(CivilDate d) {
    return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}
CivilDate DateOf(int64_t t) { return ChinaDateOf(t); }

const CaseEvent* LastEvent(const std::vector<CaseEvent>& events, std::initializer_list<const char*> actions) {
    const CaseEvent* found = nullptr;
    for (const auto& e : events)
        for (const char* a : actions)
            if (e.action == a) found = &e;
    return found;
}

// "示范县公安局" → "示范县" + suffix: the county's government (行政复议 of a county bureau's decision) and court.
std::string CountyBody(const std::string& bureau, const std::string& suffix) {
    const std::string police = "公安局";
    if (bureau.size() > police.size() && bureau.compare(bureau.size() - police.size(), police.size(), police) == 0)
        return bureau.substr(0, bureau.size() - police.size()) + suffix;
    return bureau + "所在地" + suffix;
}

discretion::SignOff Box(const std::string& title, const CaseEvent* e, const DocumentInputs& in,
                        const std::string& fallback_opinion) {
    discretion::SignOff box{title, "", "", ""};
    if (e == nullptr) return box;
    box.opinion = e->reason.empty() ? fallback_opinion : e->reason;
    auto name = in.user_names.find(e->actor_id);
    box.signer = name == in.user_names.end() ? "" : name->second;
    box.date = ChineseDate(DateOf(e->at));
    return box;
}

discretion::CaseFacts FactsOf(const Case& k, const Person& offender, const std::vector<CaseEvent>& events,
                              const std::string& bureau, const DocumentInputs& in, CivilDate decided) {
    discretion::CaseFacts f;
    f.case_no = k.case_no;
    f.authority = bureau;
    f.offender_name = offender.name;
    if (offender.id_type == "resident_id" && offender.id_number.size() == 18) {
        f.gender = IdIsMale(offender.id_number) ? "男" : "女";
        f.birth_date = IdBirthDate(offender.id_number);
    }
    const std::string kind = offender.id_type == "resident_id" ? "居民身份证"
                             : offender.id_type == "passport"  ? "护照"
                                                               : "其他证件";
    f.id_document = offender.id_type == "none" || offender.id_number.empty() ? "无" : kind + " " + offender.id_number;
    f.address = offender.address;
    f.facts = k.facts;
    for (const auto& e : in.evidence) f.evidence.push_back(EvidenceKindText(e.kind) + "（" + e.description + "）");
    f.reconsideration_body = CountyBody(bureau, "人民政府");
    f.court = CountyBody(bureau, "人民法院");
    f.decision_date = decided;
    // The events record who approved what; a box without its event stays blank for a hand signature.
    const CaseEvent* review = LastEvent(events, {"review_approved", "return_review"});
    const CaseEvent* proposal = LastEvent(events, {"propose_penalty"});
    // The department head approves the proposal as it stands: an approval of an earlier proposal (withdrawn or
    // returned since) is not this one's, and the box stays blank until the head approves again.
    const CaseEvent* dept = LastEvent(events, {"dept_approve"});
    if (dept != nullptr && proposal != nullptr && dept->seq < proposal->seq) dept = nullptr;
    f.signoffs = {
        Box("承办人意见", proposal, in, ""),
        Box("审核人（法制）意见", review, in, review && review->action == "review_approved" ? "审核通过。" : ""),
        Box("部门负责人意见", dept, in, "同意。"),
        Box("局领导审批意见", LastEvent(events, {"decide_penalty"}), in, "批准。")};
    return f;
}

// A penalty recorded by hand: its text is the decision, under the article the officer recorded with it (older
// records without one name the law only).
discretion::DecisionWording ManualWording(const Json& p, const std::string& offender) {
    discretion::DecisionWording w;
    const std::string text = p.value("text", std::string());
    const int article = p.value("article", 0);
    const std::string basis =
        article > 0 ? discretion::Citation("治安管理处罚法", article, p.value("paragraph", 0), p.value("item", 0))
                    : "《中华人民共和国治安管理处罚法》";
    w.decisions.push_back("根据" + basis + "之规定，对" + offender + "决定" + text + "。");
    const std::string kind = p.value("kind", std::string());
    if (kind == "fine" || kind == "fine_and_detention") w.fine_yuan = p.value("amount_yuan", int64_t{0});
    if (kind == "detention" || kind == "fine_and_detention") w.executed_detention_days = p.value("days", 0);
    return w;
}

}  // namespace

const Person* PenaltyOffender(const Case& k) {
    for (const auto& p : k.people)
        if (p.role == "suspect") return &p;
    return nullptr;
}

Result<docs::Document> PenaltyDocument(const std::string& name, const Case& k, const std::vector<CaseEvent>& events,
                                       const std::string& bureau_name, const DocumentInputs& inputs) {
    const Status not_yet(ErrorCode::kConflict, "the case has not reached this step", {{"document", "not_yet"}});
    const bool decision = name == "penalty_decision";
    if (k.case_type != kAdministrative || k.penalty_json.empty()) return not_yet;
    const CaseEvent* decided = LastEvent(events, {"decide_penalty"});
    if (decision && (decided == nullptr || k.outcome != "penalty")) return not_yet;
    const Person* offender = PenaltyOffender(k);
    if (offender == nullptr) return Status(ErrorCode::kConflict, "offender_required", {{"offender", "required"}});
    if (inputs.evidence.empty()) return Status(ErrorCode::kConflict, "evidence_required", {{"evidence", "required"}});
    const CivilDate date = DateOf(decided ? decided->at : k.updated_at);
    discretion::CaseFacts f = FactsOf(k, *offender, events, bureau_name, inputs, date);
    const Json penalty = Json::parse(k.penalty_json, nullptr, false);
    if (k.penalty_source == "discretion") {
        JW_ASSIGN_OR_RETURN(discretion::Decision d, discretion::DecisionFromJson(penalty));
        const auto& catalogue = discretion::Catalogue::Embedded();
        if (decision) return discretion::DecisionDocument(f, d, catalogue, inputs.number);
        discretion::DecisionRequest request;
        request.decision_date = date;
        request.offender.birth_date = f.birth_date.value_or(CivilDate{0, 1, 1});  // year 0: not printed
        request.prior_restraint_days = d.combined.capped_detention_days - d.combined.executed_detention_days;
        return discretion::ApprovalReport(f, request, d, catalogue);
    }
    const auto wording = ManualWording(penalty.is_object() ? penalty : Json::object(), offender->name);
    return decision ? discretion::DecisionDocument(f, wording, inputs.number) : discretion::ApprovalReport(f, wording);
}

}  // namespace jw::cases

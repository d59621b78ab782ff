#include <algorithm>

#include "discretion/engine_internal.hpp"

namespace jw::discretion::internal {

void CombineAndProcedure(const Catalogue& c, const DecisionRequest& req, Computation* comp_ptr) {
    Computation& comp = *comp_ptr;
    const std::string& law = comp.law;
    // Step 8: combined execution.
    const std::string src = Source(law);
    int executable = 0;
    bool any_minor_detained = false;
    bool revoke = false;
    const int age = AgeOn(req.offender.birth_date, req.act_end_date);  // minors: 2025 §117¶2
    for (size_t i = 0; i < comp.violations.size(); ++i) {
        const auto& d = comp.violations[i];
        comp.combined.detention_days += d.detention_days;
        if (d.detention_executed) executable += d.detention_days;
        if (d.executed_by_exception && age < 18) any_minor_detained = true;
        comp.combined.fine_yuan += d.fine_yuan;
        comp.combined.warning = comp.combined.warning || d.warning;
        const Tier* t = c.Find(d.tier);
        if (t && t->other.find("revoke_licence") != std::string::npos && d.outcome == Outcome::kPenalty) revoke = true;
    }
    comp.combined.capped_detention_days = std::min(executable, 20);
    if (comp.violations.size() > 1) {
        comp.trace.push_back(Step(
            "combine", "应执行拘留合计" + Days(executable), Days(comp.combined.capped_detention_days), src, law, 16, 1,
            "有两种以上违反治安管理行为的，分别决定，合并执行；行政拘留合并执行最长不超过二十日。罚款合计" +
                Yuan(comp.combined.fine_yuan) + "。"));
    }
    // Step 9: deduction (cap first, then deduct).
    comp.combined.executed_detention_days = std::max(0, comp.combined.capped_detention_days - req.prior_restraint_days);
    if (req.prior_restraint_days > 0 && comp.combined.capped_detention_days > 0) {
        comp.trace.push_back(
            Step("deduct", "先行限制人身自由" + Days(req.prior_restraint_days),
                 "实际执行" + Days(comp.combined.executed_detention_days), src, law, law == "2012" ? 92 : 110, 1,
                 "处罚前已经采取强制措施限制人身自由的时间，一日折抵行政拘留一日（先合并封顶，后折抵）。"));
    }
    // Step 10: procedure.
    const bool old = law == "2012";
    const int64_t station_max = old ? 500 : 1000, spot_max = old ? 200 : 500, hearing_min = old ? 2000 : 4000;
    const bool any_detention = comp.combined.detention_days > 0;
    auto& p = comp.procedure;
    p.decided_by = (!any_detention && !revoke && comp.combined.fine_yuan <= station_max) ? "station" : "bureau";
    comp.trace.push_back(
        Step("procedure", "拘留" + Days(comp.combined.detention_days) + "，罚款" + Yuan(comp.combined.fine_yuan),
             p.decided_by == "station" ? "公安派出所可以决定" : "由县级以上公安机关决定", src, law, old ? 91 : 109, 1,
             "警告、" + Yuan(station_max) + "以下罚款可以由公安派出所决定，其他由县级以上公安机关决定。"));
    p.on_the_spot_allowed = !any_detention && !revoke && comp.combined.fine_yuan <= spot_max &&
                            std::any_of(comp.violations.begin(), comp.violations.end(),
                                        [](const auto& d) { return d.outcome == Outcome::kPenalty; });
    comp.trace.push_back(
        Step("procedure", "警告或者罚款" + Yuan(comp.combined.fine_yuan),
             p.on_the_spot_allowed ? "可以当场处罚" : "不适用当场处罚", src, law, old ? 100 : 119, 1,
             "事实清楚、证据确凿，处警告或者" + Yuan(spot_max) + "以下罚款的，可以当场作出处罚决定。"));
    p.hearing_right = revoke || comp.combined.fine_yuan >= hearing_min || (!old && any_minor_detained);
    comp.trace.push_back(Step("procedure", "罚款" + Yuan(comp.combined.fine_yuan) + (revoke ? "，吊销许可证" : ""),
                              p.hearing_right ? "告知听证权利" : "无须告知听证", src, law, old ? 98 : 117,
                              any_minor_detained && !old ? 2 : 1,
                              "吊销许可证或者处" + Yuan(hearing_min) + "以上罚款" +
                                  (old ? "" : "、对可能执行拘留的未成年人") + "，应当告知有权要求听证。"));
    // 2025 §114(二): decisions that went through a hearing need legal review; we flag it wherever a hearing right
    // arises, since the hearing is the offender's choice and is not known yet.
    p.legal_review_required = !old && p.hearing_right;
    if (!old) {
        comp.trace.push_back(Step("procedure", p.hearing_right ? "可能经过听证程序" : "未经过听证程序",
                                  p.legal_review_required ? "需要法制审核" : "本规则未触发法制审核", src, law, 114, 1,
                                  "直接关系当事人重大权益、经过听证程序的，作出决定前应当法制审核；重大公共利益、疑难复"
                                  "杂案件由办案人员判断。"));
    }
}

}  // namespace jw::discretion::internal

// The whole decision: input checks, step 1 (law version: 从旧兼从轻) and the per-text computations
// (steps 2–7 in ViolationRun, steps 8–10 in CombineAndProcedure).
#include "discretion/engine.hpp"

#include <tuple>

#include "discretion/engine_internal.hpp"

namespace jw::discretion {

const char* OutcomeName(Outcome o) {
    switch (o) {
        case Outcome::kPenalty:
            return "penalty";
        case Outcome::kNotPunished:
            return "not_punished";
        case Outcome::kNoLongerPunished:
            return "no_longer_punished";
    }
    return "?";
}

int AgeOn(CivilDate birth, CivilDate on) {
    int age = on.year - birth.year;
    // 周岁 are complete from the day after the birthday.
    if (std::tie(on.month, on.day) <= std::tie(birth.month, birth.day)) --age;
    return age;
}

namespace {

using namespace internal;

constexpr CivilDate kNewLawStart{2026, 1, 1};

// Finds the tier of `v` under `law`, mapping between the texts where needed.
Result<const Tier*> TierUnder(const Catalogue& c, const ViolationRequest& v, const std::string& law, size_t i) {
    const std::string field = "violations[" + std::to_string(i) + "].tier";
    const Tier* own = c.Find(v.tier);
    if (own == nullptr) return Status::Invalid(field, "unknown_tier");
    if (v.tier.law == law) return own;
    if (law == "2025") {
        const Tier* t = c.MapTo2025(v.tier);
        if (t == nullptr) return Status::Invalid(field, "no_corresponding_tier_in_2025");
        return t;
    }
    for (const auto& t : c.tiers()) {
        if (t.key.law == "2012" && c.MapTo2025(t.key) == own) return &t;
    }
    return Status::Invalid(field, "no_corresponding_tier_in_2012");
}

Result<Computation> ComputeUnder(const Catalogue& c, const DecisionRequest& req, const std::string& law) {
    Computation comp;
    comp.law = law;
    for (size_t i = 0; i < req.violations.size(); ++i) {
        ViolationRequest v = req.violations[i];
        std::vector<AppliedAggravation> applied;
        std::vector<TraceStep> steps;
        if (v.tier.law != law) {
            if (auto from = FactsBaseTier(c, req, v)) {
                steps.push_back(Step(
                    "aggravation", Citation(Source(v.tier.law), v.tier.article, v.tier.paragraph),
                    "按" + law + "年文本依事实重新判断", Source(v.tier.law), v.tier.law, from->article, from->paragraph,
                    "所选" + v.tier.law + "年文本" + Citation(Source(v.tier.law), v.tier.article, v.tier.paragraph) +
                        "系依所录事实适用的加重条款；按" + law + "年文本计算时，自" + v.tier.law + "年文本" +
                        Citation(Source(v.tier.law), from->article, from->paragraph) +
                        "的对应条款起，依该文本的加重条款重新判断。"));
                v.tier = *from;
            }
        }
        JW_ASSIGN_OR_RETURN(const Tier* asked, TierUnder(c, v, law, i));
        const Tier& tier = ApplyAggravations(c, req, *asked, &v, &applied, &steps);
        ViolationRun run(c, req, v, tier, i);
        JW_ASSIGN_OR_RETURN(ViolationDecision d, run.Run());
        d.requested_tier = asked->key;
        d.aggravations = std::move(applied);
        d.trace.insert(d.trace.begin(), steps.begin(), steps.end());
        comp.violations.push_back(std::move(d));
    }
    CombineAndProcedure(c, req, &comp);
    return comp;
}

// "Lighter" per DISCRETION.md step 1: executed detention, then decided detention, then fine, then warning.
std::tuple<int, int, int64_t, int> Weight(const Computation& c) {
    return {c.combined.executed_detention_days, c.combined.detention_days, c.combined.fine_yuan,
            c.combined.warning ? 1 : 0};
}

Decision ToDecision(Computation c, std::vector<TraceStep> head, const std::string& edition, const EditionRef& ref) {
    Decision d;
    d.benchmark_edition = edition;
    d.edition = ref;
    d.law_applied = c.law;
    d.violations = std::move(c.violations);
    d.combined = c.combined;
    d.procedure = c.procedure;
    d.trace = std::move(head);
    for (auto& s : c.trace) d.trace.push_back(std::move(s));
    return d;
}

}  // namespace

Result<Decision> Decide(const Catalogue& catalogue, const DecisionRequest& request) {
    DecisionRequest req = request;
    for (size_t i = 0; i < req.violations.size(); ++i) {
        auto& v = req.violations[i];
        if (v.circumstance.empty() || !v.tier.law.empty()) continue;
        const Circumstance* c = catalogue.FindCircumstance(v.circumstance);
        if (c == nullptr)
            return Status::Invalid("violations[" + std::to_string(i) + "].circumstance", "unknown_circumstance");
        v.tier = c->tier;
    }
    if (req.decision_date < req.act_end_date) return Status::Invalid("decision_date", "before_act_end_date");
    if (req.discovered_date && *req.discovered_date < req.act_end_date) {
        return Status::Invalid("discovered_date", "before_act_end_date");
    }
    if (req.discovered_date && req.decision_date < *req.discovered_date) {
        return Status::Invalid("decision_date", "before_discovered_date");
    }
    if (req.offender.birth_date > req.act_end_date) return Status::Invalid("offender.birth_date", "after_act_end_date");
    if (req.violations.empty()) return Status::Invalid("violations", "required");
    std::string edition;
    for (size_t i = 0; i < req.violations.size(); ++i) {
        if (!req.violations[i].circumstance.empty()) {
            const Circumstance* c = catalogue.FindCircumstance(req.violations[i].circumstance);
            if (c == nullptr || !(c->tier == req.violations[i].tier)) {
                return Status::Invalid("violations[" + std::to_string(i) + "].circumstance", "unknown_circumstance");
            }
            edition = c->edition;
        }
        if (catalogue.Find(req.violations[i].tier) == nullptr) {
            return Status::Invalid("violations[" + std::to_string(i) + "].tier", "unknown_tier");
        }
        for (size_t k = 0; k < req.violations[i].facts.victims.size(); ++k) {
            const auto& dates = req.violations[i].facts.victims[k].dates;
            auto birth = dates.find("victim.birth_date");
            if (birth != dates.end() && birth->second > req.act_end_date) {
                return Status::Invalid(
                    "violations[" + std::to_string(i) + "].facts.victims[" + std::to_string(k) + "].birth_date",
                    "after_act_end_date");
            }
        }
        for (size_t k = 0; k < req.violations[i].factors.size(); ++k) {
            if (!catalogue.KnownFactorCode(req.violations[i].factors[k]) ||
                req.violations[i].factors[k].rfind("offender.", 0) == 0) {
                return Status::Invalid("violations[" + std::to_string(i) + "].factors[" + std::to_string(k) + "]",
                                       "unknown_factor");
            }
        }
    }
    const bool act_old = req.act_end_date < kNewLawStart;
    const bool decided_new = !(req.decision_date < kNewLawStart);
    std::vector<TraceStep> head;
    auto law_step = [&](const std::string& law, const std::string& detail) {
        head.push_back(Step("law_version",
                            "行为终了" + FormatDate(req.act_end_date) + "，决定" + FormatDate(req.decision_date),
                            "适用" + law + "年文本", kXzcf, "", 37, 1, detail));
    };
    if (req.law == "2012" && !act_old) return Status::Invalid("law", "2012_text_not_in_force_at_act");
    if (req.law == "2025" && !decided_new) return Status::Invalid("law", "2025_text_not_in_force_at_decision");
    if (req.law != "auto") {
        JW_ASSIGN_OR_RETURN(Computation c, ComputeUnder(catalogue, req, req.law));
        law_step(req.law, "按请求指定的" + req.law + "年文本计算。");
        return ToDecision(std::move(c), std::move(head), edition, catalogue.edition());
    }
    if (!act_old) {
        JW_ASSIGN_OR_RETURN(Computation c, ComputeUnder(catalogue, req, "2025"));
        law_step("2025", "行为发生在2026年1月1日修订后的《治安管理处罚法》施行之后，适用新法。");
        return ToDecision(std::move(c), std::move(head), edition, catalogue.edition());
    }
    JW_ASSIGN_OR_RETURN(Computation old_c, ComputeUnder(catalogue, req, "2012"));
    if (!decided_new) {
        law_step("2012", "行为和决定均在2025年12月31日以前，适用2012年文本。");
        return ToDecision(std::move(old_c), std::move(head), edition, catalogue.edition());
    }
    auto new_c = ComputeUnder(catalogue, req, "2025");
    if (!new_c.ok()) {
        if (new_c.status().code() != ErrorCode::kInvalidArgument) return new_c.status();
        // A missing correspondence is not the user's fault; the old text applies.
        const Status status = new_c.status();
        const auto& f = status.fields();
        bool mapping = !f.empty() && f.begin()->second == "no_corresponding_tier_in_2025";
        if (!mapping) return new_c.status();
        law_step("2012", "行为发生在旧法施行期间；新法对应条款未收录于目录，适用旧法。");
        return ToDecision(std::move(old_c), std::move(head), edition, catalogue.edition());
    }
    auto wo = Weight(old_c), wn = Weight(*new_c);
    auto summary = [](const Computation& c) {
        return std::to_string(c.law == "2012" ? 2012 : 2025) + "年文本：执行拘留" +
               Days(c.combined.executed_detention_days) + "，决定拘留" + Days(c.combined.detention_days) + "，罚款" +
               Yuan(c.combined.fine_yuan) + (c.combined.warning ? "，警告" : "");
    };
    std::string cmp = summary(old_c) + "；" + summary(*new_c) + "。";
    if (wn < wo) {
        law_step("2025", "行为发生在旧法施行期间，决定时新法已施行且处罚较轻（" + cmp + "），从旧兼从轻，适用新法。");
        return ToDecision(std::move(new_c).value(), std::move(head), edition, catalogue.edition());
    }
    law_step("2012", "行为发生在旧法施行期间，新法处罚不轻于旧法（" + cmp + "），适用旧法。");
    return ToDecision(std::move(old_c), std::move(head), edition, catalogue.edition());
}

}  // namespace jw::discretion

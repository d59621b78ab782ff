// Before step 3 of DISCRETION.md: the aggravating paragraphs the facts of the act meet (data/aggravations.csv,
// ADR 0022). A paragraph that sets a higher range replaces the tier asked for; a paragraph that orders 从重 adds
// its aggravating factor. Each rule met is recorded with the facts that met it.
#include "discretion/engine_internal.hpp"

namespace jw::discretion::internal {

const Tier& ApplyAggravations(const Catalogue& c, const DecisionRequest& req, const Tier& tier, ViolationRequest* v,
                              std::vector<AppliedAggravation>* applied, std::vector<TraceStep>* steps) {
    const std::string& law = tier.key.law;
    const Facts facts = DeriveFacts(v->facts, req.act_end_date);
    const Tier* result = &tier;
    for (const auto& rule : c.aggravations()) {
        if (rule.law != law || rule.from_article != tier.key.article || rule.from_paragraph != tier.key.paragraph) {
            continue;
        }
        const TierKey target{law, rule.article, rule.paragraph, rule.kind, 1};
        // The officer already chose the aggravated tier: nothing to raise.
        if (rule.RaisesTier() && tier.key == target) continue;
        auto met = MatchAggravation(rule, facts, req.act_end_date, c.fact_defs());
        if (!met) continue;
        const std::string cite = Citation(Source(law), rule.article, rule.paragraph, rule.item);
        AppliedAggravation a{rule.code, law,  rule.article, rule.paragraph, rule.item, cite,
                             rule.name, *met, rule.note,    std::nullopt,   ""};
        const std::string note = rule.note.empty() ? "" : "（" + rule.note + "）";
        if (rule.RaisesTier()) {
            const Tier* to = c.Find(target);
            a.tier = target;
            std::string detail = "事实（" + *met + "）符合“" + rule.name + "”" + note + "，依照" + cite +
                                 "，适用该款的处罚幅度：" + to->clause + "。";
            if (result != &tier) {
                detail += "该幅度已由前一事实适用。";
            } else {
                if (tier.key.kind == "light") detail += "所选“情节较轻”的幅度不再适用。";
                if (!v->circumstance.empty()) detail += "所选裁量情形属于原幅度，不予适用。";
                result = to;
            }
            steps->push_back(Step("aggravation", *met, "适用" + cite, Source(law), law, rule.article, rule.paragraph,
                                  detail, rule.item));
        } else {
            a.factor = rule.factor;
            bool listed = false;
            for (const auto& f : v->factors) listed = listed || f == rule.factor;
            if (!listed) v->factors.push_back(rule.factor);
            steps->push_back(Step(
                "aggravation", *met, "从重处罚", Source(law), law, rule.article, rule.paragraph,
                "事实（" + *met + "）符合“" + rule.name + "”" + note + "，依照" + cite + "应当从重处罚，列为从重情节。",
                rule.item));
        }
        applied->push_back(std::move(a));
    }
    return *result;
}

std::optional<TierKey> FactsBaseTier(const Catalogue& c, const DecisionRequest& req, const ViolationRequest& v) {
    const Facts facts = DeriveFacts(v.facts, req.act_end_date);
    for (const auto& rule : c.aggravations()) {
        if (!rule.RaisesTier() || rule.law != v.tier.law) continue;
        if (!(TierKey{rule.law, rule.article, rule.paragraph, rule.kind, 1} == v.tier)) continue;
        if (!MatchAggravation(rule, facts, req.act_end_date, c.fact_defs())) continue;
        const TierKey from{rule.law, rule.from_article, rule.from_paragraph, "base", 1};
        if (c.Find(from) != nullptr) return from;
    }
    return std::nullopt;
}

}  // namespace jw::discretion::internal

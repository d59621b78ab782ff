#pragma once
// Shared pieces of the engine's translation units: engine.cpp (step 1 and the whole decision), engine_gates.cpp
// (steps 2–3), engine_factors.cpp (steps 5–6), engine_compute.cpp (steps 4–7), engine_case.cpp (steps 8–10).
// Internal to the module: not part of its contract.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "discretion/engine.hpp"

namespace jw::discretion::internal {

inline std::string Source(const std::string& law) { return "治安管理处罚法（" + law + "）"; }
inline std::string Days(int d) { return std::to_string(d) + "日"; }
inline std::string Yuan(int64_t y) { return std::to_string(y) + "元"; }
inline TraceStep Step(std::string step, std::string input, std::string output, const std::string& source,
                      const std::string& law, int article, int paragraph, std::string detail, int item = 0) {
    return {std::move(step), std::move(input), std::move(output), Citation(source, article, paragraph, item), law,
            article,         paragraph,        std::move(detail)};
}

struct Computation {
    std::string law;
    std::vector<ViolationDecision> violations;
    Combined combined;
    Procedure procedure;
    std::vector<TraceStep> trace;
};

// Steps 8–10 on the per-violation decisions already in `comp`: combined execution with the 20-day cap,
// deduction of prior restraint, procedure flags.
void CombineAndProcedure(const Catalogue& c, const DecisionRequest& req, Computation* comp);

inline const std::string kXzcf = "行政处罚法（2021）";

inline std::string TierText(const Tier& t) {
    static const std::map<std::string, std::string> kKinds = {
        {"light", "情节较轻"}, {"base", "基本幅度"}, {"heavy", "情节较重/严重"}};
    return Citation(Source(t.key.law), t.key.article, t.key.paragraph) + kKinds.at(t.key.kind) + "（" +
           CombinationName(t.combination) + "）：" + t.clause;
}

inline int DetentionBase(int lo, int hi) { return (lo + hi) / 2; }
inline int64_t FineBase(int64_t lo, int64_t hi) { return (lo + hi + 10) / 20 * 10; }
inline int AdjustDays(int base, int percent) {
    int64_t x = static_cast<int64_t>(base) * (100 + percent);
    return x <= 0 ? 0 : static_cast<int>((x + 50) / 100);
}
inline int64_t AdjustFine(int64_t base, int percent) {
    int64_t x = base * (100 + percent);
    return x <= 0 ? 0 : (x + 500) / 1000 * 10;
}

inline CivilDate AddMonths(CivilDate d, int months) {
    int m = d.month - 1 + months;
    CivilDate out{d.year + m / 12, m % 12 + 1, d.day};
    while (!IsValidDate(out)) --out.day;  // 31 Aug + 6 months → 28/29 Feb
    return out;
}

// How the trace names the benchmark in force: "样本裁量基准" for a sample edition, else "裁量基准（CODE第N版）".
inline std::string BenchmarkName(const Catalogue& c) {
    if (c.edition().sample) return "样本裁量基准";
    return "裁量基准（" + c.edition().code + "第" + std::to_string(c.edition().version) + "版）";
}
// "样本比例" or "基准比例" before a factor's percentage.
inline std::string PercentName(const Catalogue& c) { return c.edition().sample ? "样本比例" : "基准比例"; }

// The aggravating paragraphs of data/aggravations.csv that `v`'s facts meet under `tier`'s law text: returns the
// tier to compute with (raised, or `tier`), adds the 从重 factors to v->factors, records each rule met in
// `applied` and explains it in `steps` (engine_aggravations.cpp).
const Tier& ApplyAggravations(const Catalogue& c, const DecisionRequest& req, const Tier& tier, ViolationRequest* v,
                              std::vector<AppliedAggravation>* applied, std::vector<TraceStep>* steps);

// When `v` asks directly for a paragraph that aggravating rows of its own law text raise to, and its facts meet one
// of them, the paragraph those rows watch (base kind): computing under the other text then starts from there and
// lets that text's own rows decide (2012 §43¶2 for a victim of 65 is 2025 §51¶1, not §51¶2). Else nullopt.
std::optional<TierKey> FactsBaseTier(const Catalogue& c, const DecisionRequest& req, const ViolationRequest& v);

struct Ground {
    const Factor* factor;
    std::string label;
};

// Steps 2–7 for one violation under one law text. Its methods live in engine_gates.cpp (steps 2–3),
// engine_factors.cpp (steps 5–6) and engine_compute.cpp (steps 4–7).
class ViolationRun {
  public:
    ViolationRun(const Catalogue& c, const DecisionRequest& req, const ViolationRequest& v, const Tier& tier, size_t i)
        : cat_(c), req_(req), v_(v), tier_(tier), index_(i), law_(tier.key.law) {}

    Result<ViolationDecision> Run();

  private:
    void Add(TraceStep s) { out_.trace.push_back(std::move(s)); }
    std::string Field(const std::string& name) const { return "violations[" + std::to_string(index_) + "]." + name; }
    bool Stop(Outcome o, TraceStep s);
    bool Gate();                // step 2: no-punishment gates
    Status ChooseType();        // step 3: tier and type of penalty
    Status CollectFactors();    // steps 5–6: factors and statutory grounds
    Status ChooseMitigation();  // step 6: 从轻 / 减轻 / 不予处罚
    void Compute();             // steps 4–6: base point, adjustment, 减轻 by combination
    void Execution();           // step 7: non-execution of detention

    const Catalogue& cat_;
    const DecisionRequest& req_;
    const ViolationRequest& v_;
    const Tier& tier_;
    size_t index_;
    std::string law_;
    int age_ = 0;
    Pick type_ = Pick::kNone;
    bool with_fine_ = false;
    int percent_ = 0;
    std::vector<Ground> grounds_;
    std::optional<Mitigation> mode_;
    std::set<std::string> exec_exceptions_;
    const Circumstance* circ_ = nullptr;
    ViolationDecision out_;
};

}  // namespace jw::discretion::internal

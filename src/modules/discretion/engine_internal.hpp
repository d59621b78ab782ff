#pragma once
// Shared pieces of the engine's translation units (engine.cpp: steps 1–7; engine_case.cpp: steps 8–10).
// Internal to the module: not part of its contract.

#include <string>
#include <vector>

#include "discretion/engine.hpp"

namespace jw::discretion::internal {

inline std::string Source(const std::string& law) { return "治安管理处罚法（" + law + "）"; }
inline std::string Days(int d) { return std::to_string(d) + "日"; }
inline std::string Yuan(int64_t y) { return std::to_string(y) + "元"; }
inline TraceStep Step(std::string step, std::string input, std::string output, const std::string& source,
               const std::string& law, int article, int paragraph, std::string detail, int item = 0) {
    return {std::move(step), std::move(input),  std::move(output), Citation(source, article, paragraph, item),
            law,             article,           paragraph,         std::move(detail)};
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

}  // namespace jw::discretion::internal

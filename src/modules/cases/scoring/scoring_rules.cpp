#include "cases/scoring/scoring_rules.hpp"

#include <stdexcept>

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

Result<ScoreRules> ScoreRules::Parse(std::string_view csv) {
    ScoreRules r;
    JW_ASSIGN_OR_RETURN(r.edition_, scoring::Edition::Parse(csv, "score_rules.csv"));
    if (!r.edition_.has_base()) return Status::Invalid("base", "missing");
    r.edition_.code = "cases";
    r.edition_.effective_month = "2020-01";
    r.base_ = r.edition_.base();
    for (const auto& e : r.edition_.rules()) {
        r.index_[e.code] = r.rules_.size();
        r.rules_.push_back({e.code, e.kind, e.points, e.Extra("review_problem") == "1", e.name_zh, e.name_en, e.basis});
    }
    return r;
}

const ScoreRules& ScoreRules::Default() {
    static const ScoreRules rules = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name != "score_rules.csv") continue;
            auto parsed = Parse(content);
            if (!parsed.ok()) throw std::logic_error("score_rules.csv: " + parsed.status().message());
            return std::move(parsed).value();
        }
        throw std::logic_error("score_rules.csv is not embedded");
    }();
    return rules;
}

const ScoreRule* ScoreRules::Find(const std::string& code) const {
    auto it = index_.find(code);
    return it == index_.end() ? nullptr : &rules_[it->second];
}

int ScoreRules::Signed(const std::string& code) const {
    const ScoreRule* r = Find(code);
    if (r == nullptr || r->kind == "base") return 0;
    return r->kind == "deduct" ? -r->points : r->points;
}

bool ScoreRules::IsReviewProblem(const std::string& code) const {
    const ScoreRule* r = Find(code);
    return r != nullptr && r->review_problem;
}

}  // namespace jw::cases

#pragma once
// Enforcement scoring rules as data (data/score_rules.csv): each problem type deducts points, each quality
// measure adds points, one `base` row gives the monthly starting score. Rows flagged review_problem are the
// problem types a legal reviewer may raise. Parsed once; read-only and thread-safe afterwards.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::cases {

struct ScoreRule {
    std::string code;  // overdue, review_returned, problem_evidence, …
    std::string kind;  // base | deduct | add
    int points = 0;    // always positive; `kind` gives the sign
    bool review_problem = false;
    std::string name_zh, name_en;
    std::string basis;  // the article(s) the rule rests on
};

class ScoreRules {
  public:
    // Parses the CSV (header code,kind,points,review_problem,name_zh,name_en,basis). Error: InvalidArgument
    // naming the line for a malformed row, an unknown kind, a duplicate code or a missing base row.
    static Result<ScoreRules> Parse(std::string_view csv);
    // The embedded data/score_rules.csv (parsed once; a broken file is a build bug and throws).
    static const ScoreRules& Default();

    const ScoreRule* Find(const std::string& code) const;
    int base() const { return base_; }
    // Signed points of one item of `code` (negative for deductions); 0 for an unknown code.
    int Signed(const std::string& code) const;
    const std::vector<ScoreRule>& rules() const { return rules_; }
    bool IsReviewProblem(const std::string& code) const;

  private:
    std::vector<ScoreRule> rules_;
    std::map<std::string, size_t> index_;
    int base_ = 100;
};

}  // namespace jw::cases

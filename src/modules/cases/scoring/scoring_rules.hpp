#pragma once
// Enforcement scoring rules as data (data/score_rules.csv): each problem type deducts points, each quality
// measure adds points, one `base` row gives the monthly starting score. Rows flagged review_problem are the
// problem types a legal reviewer may raise. The file is an edition of the platform's scoring engine
// (scoring/edition.hpp, ADR 0036; its own column review_problem); this class keeps the cases' view of it.
// Parsed once; read-only and thread-safe afterwards.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"
#include "scoring/edition.hpp"

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
    // Parses the CSV (header code,kind,points,review_problem,name_zh,name_en,basis) as an engine edition. Error:
    // InvalidArgument naming the line for a malformed row, an unknown kind, a duplicate code; "base" when the base
    // row is missing.
    static Result<ScoreRules> Parse(std::string_view csv);
    // The embedded data/score_rules.csv (parsed once; a broken file is a build bug and throws).
    static const ScoreRules& Default();

    const ScoreRule* Find(const std::string& code) const;
    int base() const { return base_; }
    // Signed points of one item of `code` (negative for deductions); 0 for an unknown code.
    int Signed(const std::string& code) const;
    const std::vector<ScoreRule>& rules() const { return rules_; }
    bool IsReviewProblem(const std::string& code) const;
    // The same rules as the engine's edition (code "cases", in force since 2020-01).
    const scoring::Edition& edition() const { return edition_; }

  private:
    std::vector<ScoreRule> rules_;
    std::map<std::string, size_t> index_;
    int base_ = 100;
    scoring::Edition edition_;
};

}  // namespace jw::cases

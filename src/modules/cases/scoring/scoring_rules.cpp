#include "cases/scoring/scoring_rules.hpp"

#include <stdexcept>

#include "common/csv_reader.hpp"

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

Result<ScoreRules> ScoreRules::Parse(std::string_view csv) {
    ScoreRules r;
    bool has_base = false;
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = "score_rules.csv"}));
    for (const auto& f : rows) {
        if (f.line == 1) continue;  // header
        const std::string where = "line " + std::to_string(f.line);
        if (f.size() != 7) return CsvInvalid(where, "expected 7 fields", f.Where(0));
        ScoreRule rule{f[0], f[1], 0, f[3] == "1", f[4], f[5], f[6]};
        try {
            rule.points = std::stoi(f[2]);
        } catch (const std::exception&) {
            return CsvInvalid(where, "bad points", f.Where(2));
        }
        if (rule.code.empty() || rule.points < 0) return CsvInvalid(where, "bad code or points", f.Where(0));
        if (rule.kind != "base" && rule.kind != "deduct" && rule.kind != "add")
            return CsvInvalid(where, "bad kind", f.Where(1));
        if (r.index_.count(rule.code)) return CsvInvalid(where, "duplicate code", f.Where(0));
        if (rule.kind == "base") {
            has_base = true;
            r.base_ = rule.points;
        }
        r.index_[rule.code] = r.rules_.size();
        r.rules_.push_back(std::move(rule));
    }
    if (!has_base) return Status::Invalid("base", "missing");
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

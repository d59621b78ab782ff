#include "cases/scoring_rules.hpp"

#include <stdexcept>

namespace jw::cases {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

std::vector<std::string> SplitCsvLine(std::string_view line) {
    std::vector<std::string> out(1);
    for (char ch : line) {
        if (ch == ',') out.emplace_back();
        else if (ch != '\r') out.back() += ch;
    }
    return out;
}

}  // namespace

Result<ScoreRules> ScoreRules::Parse(std::string_view csv) {
    ScoreRules r;
    bool has_base = false;
    size_t line_no = 0;
    size_t pos = 0;
    while (pos < csv.size()) {
        size_t end = csv.find('\n', pos);
        if (end == std::string_view::npos) end = csv.size();
        std::string_view line = csv.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line_no == 1 || line.empty() || line == "\r") continue;
        const std::string where = "line " + std::to_string(line_no);
        auto f = SplitCsvLine(line);
        if (f.size() != 7) return Status::Invalid(where, "expected 7 fields");
        ScoreRule rule{f[0], f[1], 0, f[3] == "1", f[4], f[5], f[6]};
        try {
            rule.points = std::stoi(f[2]);
        } catch (const std::exception&) {
            return Status::Invalid(where, "bad points");
        }
        if (rule.code.empty() || rule.points < 0) return Status::Invalid(where, "bad code or points");
        if (rule.kind != "base" && rule.kind != "deduct" && rule.kind != "add") return Status::Invalid(where, "bad kind");
        if (r.index_.count(rule.code)) return Status::Invalid(where, "duplicate code");
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

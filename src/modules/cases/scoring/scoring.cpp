#include "cases/scoring/scoring.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/china_day.hpp"

namespace jw::cases {

std::string MonthOf(int64_t unix_seconds) { return FormatChinaDate(unix_seconds).substr(0, 7); }

std::vector<ScoreItem> DeriveScoreItems(const ScoringCase& c, const ScoreRules& rules) {
    std::vector<ScoreItem> out;
    auto add = [&](const std::string& code, int64_t at, const std::string& detail) {
        if (rules.Find(code) == nullptr) return;
        out.push_back(
            {c.officer_id, c.unit_id, c.case_id, c.case_no, code, rules.Signed(code), at, MonthOf(at), detail});
    };
    for (const auto& e : c.events) {
        if (e.recorded_at - e.at > kLateEntrySeconds) add("late_entry", e.recorded_at, e.action);
        if (e.action == "complaint_upheld") add("complaint_upheld", e.at, e.action);
    }
    bool returned_before = false;
    for (const auto& r : c.reviews) {
        if (r.opinion == "return") {
            returned_before = true;
            add("review_returned", r.at, "");
            for (const auto& type : r.problem_types) {
                if (rules.IsReviewProblem(type)) add(type, r.at, type);
            }
        } else if (r.opinion == "approve" && !returned_before) {
            add("review_passed_first", r.at, "");
            returned_before = true;  // one bonus per case, not per later round
        }
    }
    static const std::map<std::string, std::string> kStageRule = {
        {"overdue", "overdue"}, {"escalate_unit_head", "escalated"}, {"suggestion_letter", "suggestion_letter"}};
    std::set<std::pair<std::string, std::string>> seen;
    bool ever_overdue = false;
    for (const auto& s : c.supervision) {
        auto rule = kStageRule.find(s.stage);
        if (rule == kStageRule.end()) continue;
        ever_overdue = true;
        if (seen.insert({rule->second, s.clock}).second) add(rule->second, s.at, s.clock);
    }
    if (c.closed_at > 0 && !ever_overdue) add("closed_in_time", c.closed_at, "");
    std::stable_sort(out.begin(), out.end(), [](const ScoreItem& a, const ScoreItem& b) { return a.at < b.at; });
    return out;
}

std::vector<MonthlyScore> MonthlyScores(const std::vector<ScoreItem>& items, const ScoreRules& rules) {
    std::map<std::pair<int64_t, std::string>, MonthlyScore> by_key;
    std::map<std::pair<int64_t, std::string>, int64_t> latest;
    for (const auto& it : items) {
        auto key = std::make_pair(it.officer_id, it.month);
        auto [pos, inserted] = by_key.try_emplace(key);
        MonthlyScore& m = pos->second;
        if (inserted) {
            m.officer_id = it.officer_id;
            m.month = it.month;
            m.score = rules.base();
        }
        m.score += it.points;
        (it.points < 0 ? m.deducted : m.added) += it.points < 0 ? -it.points : it.points;
        ++m.items;
        if (it.at >= latest[key]) {
            latest[key] = it.at;
            m.unit_id = it.unit_id;
        }
    }
    std::vector<MonthlyScore> out;
    for (auto& [key, m] : by_key) out.push_back(std::move(m));
    return out;
}

std::vector<RankedScore> RankMonth(const std::vector<MonthlyScore>& scores, const std::string& month) {
    std::vector<RankedScore> out;
    for (const auto& s : scores) {
        if (s.month == month) out.push_back({s, 0});
    }
    std::sort(out.begin(), out.end(), [](const RankedScore& a, const RankedScore& b) {
        return a.score.score != b.score.score ? a.score.score > b.score.score : a.score.officer_id < b.score.officer_id;
    });
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].rank =
            (i > 0 && out[i].score.score == out[i - 1].score.score) ? out[i - 1].rank : static_cast<int>(i) + 1;
    }
    return out;
}

}  // namespace jw::cases

#include "cases/scoring/scoring.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "scoring/engine.hpp"

namespace jw::cases {

std::string MonthOf(int64_t unix_seconds) { return scoring::MonthOf(unix_seconds); }

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

namespace {

scoring::Item EngineItem(const ScoreItem& it, size_t index) {
    return {static_cast<int64_t>(index),          it.officer_id, it.unit_id, it.code, it.points, it.at,
            "case:" + std::to_string(it.case_id), it.month};
}

}  // namespace

// Folded by the platform's engine: the cases edition has no caps, so a month's score is base + the items' points.
std::vector<MonthlyScore> MonthlyScores(const std::vector<ScoreItem>& items, const ScoreRules& rules) {
    std::vector<scoring::Item> engine_items;
    engine_items.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) engine_items.push_back(EngineItem(items[i], i));
    std::vector<MonthlyScore> out;
    for (const auto& m : scoring::MonthlyScores(engine_items, scoring::Fixed(rules.edition())))
        out.push_back({m.officer_id, m.unit_id, m.month, m.score, m.deducted, m.added, m.items});
    return out;
}

std::vector<RankedScore> RankMonth(const std::vector<MonthlyScore>& scores, const std::string& month) {
    std::vector<scoring::MonthlyScore> of_month;
    for (const auto& s : scores) {
        if (s.month != month) continue;
        scoring::MonthlyScore e;
        e.officer_id = s.officer_id;
        e.unit_id = s.unit_id;
        e.month = s.month;
        e.score = s.score;
        e.deducted = s.deducted;
        e.added = s.added;
        e.items = s.items;
        of_month.push_back(std::move(e));
    }
    std::vector<RankedScore> out;
    for (const auto& r : scoring::Rank(std::move(of_month)))
        out.push_back({{r.score.officer_id, r.score.unit_id, r.score.month, r.score.score, r.score.deducted,
                        r.score.added, r.score.items},
                       r.rank});
    return out;
}

}  // namespace jw::cases

#include "scoring/engine.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace jw::scoring {

EditionPicker Fixed(const Edition& e) {
    return [&e](const std::string&) { return &e; };
}

EditionPicker InForce(const std::vector<Edition>& editions) {
    return [&editions](const std::string& month) { return EditionFor(editions, month); };
}

std::vector<CountedItem> ApplyCaps(std::vector<Item> items, const EditionPicker& edition) {
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
    std::map<std::string, const Edition*> editions;                     // per month, picked once
    std::map<std::tuple<int64_t, std::string, std::string>, int> used;  // (officer, month, code) → |points| so far
    std::vector<CountedItem> out;
    out.reserve(items.size());
    for (auto& it : items) {
        std::string month = it.month.empty() ? MonthOf(it.at) : it.month;
        CountedItem c{std::move(it), std::move(month), 0};
        auto [pos, fresh] = editions.try_emplace(c.month, nullptr);
        if (fresh) pos->second = edition(c.month);
        const Rule* rule = pos->second ? pos->second->Find(c.item.code) : nullptr;
        c.counted = c.item.points;
        if (rule != nullptr && rule->cap > 0) {
            int& so_far = used[{c.item.officer_id, c.month, c.item.code}];
            const int left = std::max(0, rule->cap - so_far);
            const int magnitude = std::min(std::abs(c.item.points), left);
            so_far += magnitude;
            c.counted = c.item.points < 0 ? -magnitude : magnitude;
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<MonthlyScore> MonthlyScores(const std::vector<Item>& items, const EditionPicker& edition) {
    std::map<std::pair<int64_t, std::string>, MonthlyScore> by_key;
    std::map<std::pair<int64_t, std::string>, int64_t> latest;
    for (const auto& c : ApplyCaps(items, edition)) {
        auto key = std::make_pair(c.item.officer_id, c.month);
        auto [pos, inserted] = by_key.try_emplace(key);
        MonthlyScore& m = pos->second;
        if (inserted) {
            m.officer_id = c.item.officer_id;
            m.month = c.month;
            const Edition* e = edition(c.month);
            m.score = e ? e->base() : 0;
        }
        m.score += c.counted;
        (c.counted < 0 ? m.deducted : m.added) += std::abs(c.counted);
        m.capped += std::abs(c.item.points - c.counted);
        m.by_code[c.item.code] += c.counted;
        ++m.items;
        auto [l, first] = latest.try_emplace(key, c.item.at);
        if (first || c.item.at >= l->second) {
            l->second = c.item.at;
            m.unit_id = c.item.unit_id;
        }
    }
    std::vector<MonthlyScore> out;
    out.reserve(by_key.size());
    for (auto& [key, m] : by_key) out.push_back(std::move(m));
    return out;
}

std::vector<RankedScore> Rank(std::vector<MonthlyScore> scores) {
    std::sort(scores.begin(), scores.end(), [](const MonthlyScore& a, const MonthlyScore& b) {
        return a.score != b.score ? a.score > b.score : a.officer_id < b.officer_id;
    });
    std::vector<int> values;
    values.reserve(scores.size());
    for (const auto& s : scores) values.push_back(s.score);
    const auto ranks = CompetitionRanks(values);
    std::vector<RankedScore> out;
    out.reserve(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) out.push_back({std::move(scores[i]), ranks[i]});
    return out;
}

std::vector<UnitTotal> UnitTotals(const std::vector<MonthlyScore>& scores) {
    std::map<int64_t, UnitTotal> by_unit;
    for (const auto& s : scores) {
        UnitTotal& u = by_unit[s.unit_id];
        u.unit_id = s.unit_id;
        ++u.officers;
        u.total += s.score;
    }
    std::vector<UnitTotal> out;
    for (auto& [id, u] : by_unit) {
        u.average = u.officers ? static_cast<double>(u.total) / u.officers : 0;
        out.push_back(u);
    }
    std::sort(out.begin(), out.end(), [](const UnitTotal& a, const UnitTotal& b) {
        return a.average != b.average ? a.average > b.average : a.unit_id < b.unit_id;
    });
    std::vector<double> values;
    for (const auto& u : out) values.push_back(u.average);
    const auto ranks = CompetitionRanks(values);
    for (size_t i = 0; i < out.size(); ++i) out[i].rank = ranks[i];
    return out;
}

}  // namespace jw::scoring

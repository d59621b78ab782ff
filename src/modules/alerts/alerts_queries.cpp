#include "alerts/alerts_queries.hpp"

#include <algorithm>
#include <map>

#include "auth/auth_repository.hpp"
#include "units/history.hpp"

namespace jw::alerts {

Result<std::pair<std::vector<ListItem>, int64_t>> List(storage::Connection& c, const ListFilter& f) {
    return repo::ListAlerts(c, f);
}

Result<std::vector<auth::Unit>> UnitChoices(storage::Connection& c) { return auth::repo::ListUnitsInDisplayOrder(c); }

Stats Summarise(const Policy& policy, const std::vector<repo::TargetFact>& facts) {
    std::map<std::string, ColourStats> colours;
    std::map<std::string, std::pair<double, double>> sums;  // colour → (sign seconds, close seconds)
    std::map<int64_t, UnitStats> units;
    std::map<int64_t, double> unit_sign_sum;
    int64_t last_alert = 0;
    for (const auto& f : facts) {
        ColourStats& cs = colours[f.colour];
        cs.colour = f.colour;
        if (f.alert_id != last_alert) {
            last_alert = f.alert_id;
            ++cs.alerts;
            if (f.closed_at) {
                ++cs.closed;
                sums[f.colour].second += static_cast<double>(*f.closed_at - f.raised_at);
            }
        }
        UnitStats& us = units[f.unit_id];
        us.unit_id = f.unit_id;
        us.unit_name = f.unit_name;
        ++cs.targets;
        ++us.targets;
        if (f.signed_at) {
            ++cs.signed_count;
            ++us.signed_count;
            sums[f.colour].first += static_cast<double>(*f.signed_at - f.raised_at);
            unit_sign_sum[us.unit_id] += static_cast<double>(*f.signed_at - f.raised_at);
            if (*f.signed_at > f.sign_due_at) {
                ++cs.signed_late;
                ++us.signed_late;
            }
        }
        if (f.escalated_at) {
            ++cs.escalated;
            ++us.escalated;
        }
        if (f.feedback_at) ++us.reported;
    }
    Stats out;
    for (const auto& rule : policy.rules()) {
        ColourStats cs = colours.count(rule.colour) ? colours[rule.colour] : ColourStats{rule.colour};
        if (cs.signed_count) cs.avg_sign_s = sums[rule.colour].first / static_cast<double>(cs.signed_count);
        if (cs.closed) cs.avg_close_s = sums[rule.colour].second / static_cast<double>(cs.closed);
        out.by_colour.push_back(cs);
    }
    for (auto& [id, us] : units) {
        if (us.signed_count) us.avg_sign_s = unit_sign_sum[id] / static_cast<double>(us.signed_count);
        out.by_unit.push_back(us);
    }
    std::stable_sort(out.by_unit.begin(), out.by_unit.end(),
                     [](const UnitStats& a, const UnitStats& b) { return a.targets > b.targets; });
    return out;
}

Result<Stats> Statistics(storage::Connection& c, const Policy& policy, int64_t from, int64_t to,
                         const std::optional<std::vector<int64_t>>& unit_scope, std::optional<int64_t> structure_at) {
    JW_ASSIGN_OR_RETURN(auto facts, repo::ListTargetFacts(c, from, to, unit_scope));
    if (structure_at) {
        JW_ASSIGN_OR_RETURN(const units::StructureMap places, units::PlacesAt(c, *structure_at));
        for (auto& f : facts) {
            units::UnitPlace p = units::PlaceOf(places, f.unit_id, f.unit_name);
            f.unit_id = p.unit_id;
            f.unit_name = std::move(p.name);
        }
    }
    return Summarise(policy, facts);
}

}  // namespace jw::alerts

#include "alerts/alerts_queries.hpp"

#include <map>

#include "storage/in_list.hpp"

namespace jw::alerts {
namespace {

using storage::V;

std::optional<int64_t> Opt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

}  // namespace

Result<std::pair<std::vector<ListItem>, int64_t>> List(storage::Connection& c, const ListFilter& f) {
    std::string where = " WHERE 1=1";
    storage::Params params;
    if (!f.colour.empty()) {
        where += " AND a.colour = ?";
        params.push_back(V(f.colour));
    }
    if (f.state == "open" || f.state == "closed") {
        where += " AND a.status = ?";
        params.push_back(V(f.state));
    } else if (f.state == "unsigned") {
        where += " AND a.status = 'open' AND EXISTS (SELECT 1 FROM alert_targets t WHERE t.alert_id = a.id AND "
                 "t.signed_at IS NULL)";
    } else if (f.state == "escalated") {
        where += " AND EXISTS (SELECT 1 FROM alert_targets t WHERE t.alert_id = a.id AND t.escalated_at IS NOT NULL)";
    }
    if (f.from) {
        where += " AND a.raised_at >= ?";
        params.push_back(V(f.from));
    }
    if (f.to) {
        where += " AND a.raised_at < ?";
        params.push_back(V(f.to));
    }
    if (!f.text.empty()) {
        where += " AND (a.subject LIKE ? OR a.title LIKE ? OR a.case_no LIKE ?)";
        const std::string like = "%" + f.text + "%";
        params.insert(params.end(), {V(like), V(like), V(like)});
    }
    if (f.unit_id || f.unit_scope) {
        where += " AND EXISTS (SELECT 1 FROM alert_targets s WHERE s.alert_id = a.id";
        if (f.unit_id) {
            where += " AND s.unit_id = ?";
            params.push_back(V(*f.unit_id));
        }
        if (f.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "s.unit_id", *f.unit_scope, params);
        where += ")";
    }
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM alerts a" + where, params));
    // The viewer's own target row (sign-by time, signed …) comes with the page in one LEFT JOIN.
    storage::Params page_params{V(f.viewer_unit)};
    page_params.insert(page_params.end(), params.begin(), params.end());
    page_params.push_back(V(int64_t{f.page_size}));
    page_params.push_back(V(int64_t{(f.page - 1) * f.page_size}));
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT a.id, a.source, a.source_ref, a.colour, a.subject, a.title, a.case_no, a.status, a.raised_at, "
                "a.closed_at, (SELECT COUNT(*) FROM alert_targets t WHERE t.alert_id = a.id), "
                "(SELECT COUNT(*) FROM alert_targets t WHERE t.alert_id = a.id AND t.signed_at IS NOT NULL), "
                "(SELECT COUNT(*) FROM alert_targets t WHERE t.alert_id = a.id AND t.feedback_at IS NOT NULL), "
                "(SELECT COUNT(*) FROM alert_targets t WHERE t.alert_id = a.id AND t.escalated_at IS NOT NULL), "
                "m.sign_due_at, m.signed_at, m.escalated_at, m.feedback_at "
                "FROM alerts a LEFT JOIN alert_targets m ON m.alert_id = a.id AND m.unit_id = ?" + where + " ORDER BY a.raised_at DESC, a.id DESC LIMIT ? OFFSET ?",
                page_params));
    std::vector<ListItem> items;
    for (const auto& r : rows) {
        ListItem it;
        it.alert.id = r.Int(0);
        it.alert.source = r.Str(1);
        it.alert.source_ref = r.Str(2);
        it.alert.colour = r.Str(3);
        it.alert.subject = r.Str(4);
        it.alert.title = r.Str(5);
        it.alert.case_no = r.Str(6);
        it.alert.status = r.Str(7);
        it.alert.raised_at = r.Int(8);
        it.alert.closed_at = Opt(r, 9);
        it.targets = static_cast<int>(r.Int(10));
        it.signed_count = static_cast<int>(r.Int(11));
        it.reported = static_cast<int>(r.Int(12));
        it.escalated = static_cast<int>(r.Int(13));
        if (f.viewer_unit && !r.IsNull(14)) {
            Target t;
            t.unit_id = f.viewer_unit;
            t.sign_due_at = r.Int(14);
            t.signed_at = Opt(r, 15);
            t.escalated_at = Opt(r, 16);
            t.feedback_at = Opt(r, 17);
            it.mine = t;
        }
        items.push_back(std::move(it));
    }
    return std::make_pair(std::move(items), total.Int(0));
}

Result<Stats> Statistics(storage::Connection& c, const Policy& policy, int64_t from, int64_t to,
                         const std::optional<std::vector<int64_t>>& unit_scope) {
    std::string sql =
        "SELECT a.id, a.colour, a.raised_at, a.closed_at, t.unit_id, u.name, t.sign_due_at, t.signed_at, "
        "t.escalated_at, t.feedback_at FROM alerts a JOIN alert_targets t ON t.alert_id = a.id "
        "JOIN units u ON u.id = t.unit_id WHERE a.raised_at >= ? AND a.raised_at < ?";
    storage::Params params{V(from), V(to)};
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "t.unit_id", *unit_scope, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY a.id", params));
    std::map<std::string, ColourStats> colours;
    std::map<std::string, std::pair<double, double>> sums;  // colour → (sign seconds, close seconds)
    std::map<int64_t, UnitStats> units;
    std::map<int64_t, double> unit_sign_sum;
    int64_t last_alert = 0;
    for (const auto& r : rows) {
        const std::string colour = r.Str(1);
        ColourStats& cs = colours[colour];
        cs.colour = colour;
        const int64_t raised = r.Int(2);
        if (r.Int(0) != last_alert) {
            last_alert = r.Int(0);
            ++cs.alerts;
            if (!r.IsNull(3)) {
                ++cs.closed;
                sums[colour].second += static_cast<double>(r.Int(3) - raised);
            }
        }
        UnitStats& us = units[r.Int(4)];
        us.unit_id = r.Int(4);
        us.unit_name = r.Str(5);
        ++cs.targets;
        ++us.targets;
        if (!r.IsNull(7)) {
            const int64_t signed_at = r.Int(7);
            ++cs.signed_count;
            ++us.signed_count;
            sums[colour].first += static_cast<double>(signed_at - raised);
            unit_sign_sum[us.unit_id] += static_cast<double>(signed_at - raised);
            if (signed_at > r.Int(6)) {
                ++cs.signed_late;
                ++us.signed_late;
            }
        }
        if (!r.IsNull(8)) {
            ++cs.escalated;
            ++us.escalated;
        }
        if (!r.IsNull(9)) ++us.reported;
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

}  // namespace jw::alerts

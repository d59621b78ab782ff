#include "alerts/alerts_repository.hpp"

#include "storage/in_list.hpp"

namespace jw::alerts::repo {
namespace {

using storage::V;

std::optional<int64_t> Opt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

}  // namespace

Result<std::optional<int64_t>> FindByDedupKey(storage::Connection& c, const std::string& dedup_key) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM alerts WHERE dedup_key = ?", {V(dedup_key)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows.front().Int(0));
}

Result<int64_t> InsertAlert(storage::Connection& c, const RaiseInput& in, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto id_row,
        c.QueryOne(
            "INSERT INTO alerts (source, source_ref, dedup_key, colour, subject, title, payload, links, case_no, "
            "raised_by, raised_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,'open') RETURNING id",
            {V(in.source), V(in.source_ref), in.dedup_key.empty() ? storage::Null() : V(in.dedup_key), V(in.colour),
             V(in.subject), V(in.title), V(in.payload.dump()), V(in.links.dump()), V(in.case_no),
             in.raised_by ? V(*in.raised_by) : storage::Null(), V(now)}));
    return id_row.Int(0);
}

Status InsertTarget(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t sign_due_at) {
    return c.Exec("INSERT INTO alert_targets (alert_id, unit_id, sign_due_at) VALUES (?,?,?)",
                  {V(alert_id), V(unit_id), V(sign_due_at)});
}

Result<Alert> GetAlert(storage::Connection& c, int64_t alert_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, source, source_ref, colour, subject, title, case_no, status, "
                                           "payload, links, raised_by, raised_at, closed_at FROM alerts WHERE id = ?",
                                           {V(alert_id)}));
    if (rows.empty()) return Status::NotFound("alert");
    const auto& r = rows.front();
    Alert a;
    a.id = r.Int(0);
    a.source = r.Str(1);
    a.source_ref = r.Str(2);
    a.colour = r.Str(3);
    a.subject = r.Str(4);
    a.title = r.Str(5);
    a.case_no = r.Str(6);
    a.status = r.Str(7);
    a.payload = Json::parse(r.Str(8), nullptr, false);
    a.links = Json::parse(r.Str(9), nullptr, false);
    a.raised_by = Opt(r, 10);
    a.raised_at = r.Int(11);
    a.closed_at = Opt(r, 12);
    JW_ASSIGN_OR_RETURN(auto targets,
                        c.Query("SELECT t.unit_id, u.name, t.sign_due_at, t.signed_at, t.signed_by, t.escalated_at, "
                                "t.feedback_at, t.feedback_by, t.outcome, t.officer, t.notes FROM alert_targets t "
                                "JOIN units u ON u.id = t.unit_id WHERE t.alert_id = ? ORDER BY u.sort_order, u.id",
                                {V(alert_id)}));
    for (const auto& t : targets) {
        a.targets.push_back(Target{t.Int(0), t.Str(1), t.Int(2), Opt(t, 3), Opt(t, 4), Opt(t, 5), Opt(t, 6), Opt(t, 7),
                                   t.Str(8), t.Str(9), t.Str(10)});
    }
    return a;
}

Result<std::optional<TargetState>> GetTargetState(storage::Connection& c, int64_t alert_id, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT signed_at, feedback_at FROM alert_targets WHERE alert_id = ? AND unit_id = ?",
                                {V(alert_id), V(unit_id)}));
    if (rows.empty()) return std::optional<TargetState>();
    return std::optional<TargetState>(TargetState{Opt(rows.front(), 0), Opt(rows.front(), 1)});
}

Status MarkSigned(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t user_id, int64_t now) {
    return c.Exec("UPDATE alert_targets SET signed_at = ?, signed_by = ? WHERE alert_id = ? AND unit_id = ?",
                  {V(now), V(user_id), V(alert_id), V(unit_id)});
}

Status RecordFeedback(storage::Connection& c, int64_t alert_id, int64_t unit_id, const FeedbackInput& in,
                      int64_t user_id, int64_t now) {
    return c.Exec(
        "UPDATE alert_targets SET feedback_at = ?, feedback_by = ?, outcome = ?, officer = ?, notes = ? "
        "WHERE alert_id = ? AND unit_id = ?",
        {V(now), V(user_id), V(in.outcome), V(in.officer), V(in.notes), V(alert_id), V(unit_id)});
}

Result<int64_t> CountUnreported(storage::Connection& c, int64_t alert_id) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM alert_targets WHERE alert_id = ? AND feedback_at "
                                             "IS NULL",
                                             {V(alert_id)}));
    return row.Int(0);
}

Status CloseAlert(storage::Connection& c, int64_t alert_id, int64_t now) {
    return c.Exec("UPDATE alerts SET status = 'closed', closed_at = ? WHERE id = ?", {V(now), V(alert_id)});
}

Result<std::vector<OverdueTarget>> ListOverdueTargets(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT t.alert_id, t.unit_id, a.colour, a.title, a.subject, u.name "
                                           "FROM alert_targets t JOIN alerts a ON a.id = t.alert_id "
                                           "JOIN units u ON u.id = t.unit_id WHERE t.signed_at IS NULL AND "
                                           "t.escalated_at IS NULL AND t.sign_due_at <= ? AND a.status = 'open' "
                                           "ORDER BY t.sign_due_at, t.alert_id, t.unit_id",
                                           {V(now)}));
    std::vector<OverdueTarget> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5)});
    return out;
}

Status MarkEscalated(storage::Connection& c, int64_t alert_id, int64_t unit_id, int64_t now) {
    return c.Exec("UPDATE alert_targets SET escalated_at = ? WHERE alert_id = ? AND unit_id = ?",
                  {V(now), V(alert_id), V(unit_id)});
}

Result<std::pair<std::vector<ListItem>, int64_t>> ListAlerts(storage::Connection& c, const ListFilter& f) {
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
        where +=
            " AND a.status = 'open' AND EXISTS (SELECT 1 FROM alert_targets t WHERE t.alert_id = a.id AND "
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
                "m.sign_due_at, m.signed_at, m.escalated_at, m.feedback_at, a.payload "
                "FROM alerts a LEFT JOIN alert_targets m ON m.alert_id = a.id AND m.unit_id = ?" +
                    where + " ORDER BY a.raised_at DESC, a.id DESC LIMIT ? OFFSET ?",
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
        it.alert.payload = Json::parse(r.Str(18), nullptr, false);
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

Result<std::vector<TargetFact>> ListTargetFacts(storage::Connection& c, int64_t from, int64_t to,
                                                const std::optional<std::vector<int64_t>>& unit_scope) {
    std::string sql =
        "SELECT a.id, a.colour, a.raised_at, a.closed_at, t.unit_id, u.name, t.sign_due_at, t.signed_at, "
        "t.escalated_at, t.feedback_at FROM alerts a JOIN alert_targets t ON t.alert_id = a.id "
        "JOIN units u ON u.id = t.unit_id WHERE a.raised_at >= ? AND a.raised_at < ?";
    storage::Params params{V(from), V(to)};
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "t.unit_id", *unit_scope, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY a.id", params));
    std::vector<TargetFact> out;
    for (const auto& r : rows)
        out.push_back(
            {r.Int(0), r.Str(1), r.Int(2), Opt(r, 3), r.Int(4), r.Str(5), r.Int(6), Opt(r, 7), Opt(r, 8), Opt(r, 9)});
    return out;
}

}  // namespace jw::alerts::repo

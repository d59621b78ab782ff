#include "assessment/assessment_repository.hpp"

#include "storage/in_list.hpp"

namespace jw::assessment::repo {

using storage::Null;
using storage::V;

Result<std::vector<EditionRow>> ListEditions(Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, version, effective_month, rules_csv, note, created_by, "
                                           "created_at FROM assessment_editions ORDER BY version"));
    std::vector<EditionRow> out;
    for (const auto& r : rows)
        out.push_back({r.Int(0), static_cast<int>(r.Int(1)), r.Str(2), r.Str(3), r.Str(4), r.Int(5), r.Int(6)});
    return out;
}

Result<int64_t> InsertEdition(Connection& c, const EditionRow& e) {
    JW_ASSIGN_OR_RETURN(auto top, c.QueryOne("SELECT COALESCE(MAX(version), 0) FROM assessment_editions"));
    const int64_t version = top.Int(0) + 1;
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO assessment_editions (version, effective_month, rules_csv, note, created_by, created_at) "
               "VALUES (?,?,?,?,?,?)",
               {V(version), V(e.effective_month), V(e.rules_csv), V(e.note), V(e.created_by), V(e.created_at)}));
    return version;
}

Result<int64_t> LastImported(Connection& c) {
    JW_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT last_audit_id FROM assessment_import WHERE singleton = 1"));
    return r.Int(0);
}

Status SetLastImported(Connection& c, int64_t id) {
    return c.Exec("UPDATE assessment_import SET last_audit_id = ? WHERE singleton = 1", {V(id)});
}

Result<int64_t> MaxAuditId(Connection& c) {
    JW_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT COALESCE(MAX(id), 0) FROM audit_log"));
    return r.Int(0);
}

Result<std::vector<AuditRow>> AuditRowsAfter(Connection& c, int64_t after_id, int64_t upto_id,
                                             const std::vector<std::string>& actions, int limit) {
    std::vector<AuditRow> out;
    if (actions.empty()) return out;
    storage::Params p{V(after_id), V(upto_id)};
    const std::string in = storage::InFilter(c.dialect(), "action", actions, p);
    p.push_back(V(limit));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, at, user_id, unit, action, object, detail FROM audit_log "
                                           "WHERE id > ? AND id <= ? AND result = 'ok' AND user_id > 0 AND " +
                                               in + " ORDER BY id LIMIT ?",
                                           p));
    for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Str(3), r.Str(4), r.Str(5), r.Str(6)});
    return out;
}

Result<std::optional<int64_t>> UnitIdByCode(Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM units WHERE code = ?", {V(code)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Result<int64_t> UserUnit(Connection& c, int64_t user_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT unit_id FROM users WHERE id = ?", {V(user_id)}));
    return rows.empty() ? 0 : rows[0].Int(0);
}

Result<bool> InsertItem(Connection& c, const ItemRow& i, int64_t now) {
    const storage::Value audit = i.audit_id ? V(*i.audit_id) : Null();
    if (i.audit_id) {
        JW_ASSIGN_OR_RETURN(
            auto seen, c.Query("SELECT 1 FROM assessment_items WHERE audit_id = ? AND code = ?", {audit, V(i.code)}));
        if (!seen.empty()) return false;
    }
    JW_RETURN_IF_ERROR(c.Exec(
        "INSERT INTO assessment_items (officer_id, unit_id, code, at, month, audit_id, event, "
        "object, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        {V(i.officer_id), V(i.unit_id), V(i.code), V(i.at), V(i.month), audit, V(i.event), V(i.object), V(now)}));
    return true;
}

namespace {

const char* kItemColumns =
    "SELECT i.id, i.officer_id, i.unit_id, i.code, i.at, i.month, i.audit_id, i.event, i.object, i.voided_at, "
    "COALESCE((SELECT a.status FROM assessment_appeals a WHERE a.item_id = i.id ORDER BY a.id DESC LIMIT 1), ''), "
    "COALESCE((SELECT MAX(a.id) FROM assessment_appeals a WHERE a.item_id = i.id), 0) FROM assessment_items i";
const char* kItemColumnsLight =
    "SELECT i.id, i.officer_id, i.unit_id, i.code, i.at, i.month, i.audit_id, i.event, i.object, i.voided_at, '', 0 "
    "FROM assessment_items i";

ItemRow ItemOf(const storage::Row& r) {
    ItemRow i;
    i.id = r.Int(0);
    i.officer_id = r.Int(1);
    i.unit_id = r.Int(2);
    i.code = r.Str(3);
    i.at = r.Int(4);
    i.month = r.Str(5);
    if (!r.IsNull(6)) i.audit_id = r.Int(6);
    i.event = r.Str(7);
    i.object = r.Str(8);
    i.voided_at = r.Int(9);
    i.appeal_status = r.Str(10);
    i.appeal_id = r.Int(11);
    return i;
}

}  // namespace

Result<std::vector<ItemRow>> Items(Connection& c, const std::string& month, std::optional<int64_t> officer_id,
                                   const std::optional<std::vector<int64_t>>& unit_scope, bool with_appeals) {
    storage::Params p{V(month)};
    std::string sql = std::string(with_appeals ? kItemColumns : kItemColumnsLight) + " WHERE i.month = ?";
    if (officer_id) {
        sql += " AND i.officer_id = ?";
        p.push_back(V(*officer_id));
    }
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "i.unit_id", *unit_scope, p);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY i.at, i.id", p));
    std::vector<ItemRow> out;
    for (const auto& r : rows) out.push_back(ItemOf(r));
    return out;
}

Result<ItemRow> GetItem(Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kItemColumns) + " WHERE i.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("item");
    return ItemOf(rows[0]);
}

Status VoidItem(Connection& c, int64_t id, int64_t now) {
    return c.Exec("UPDATE assessment_items SET voided_at = ? WHERE id = ? AND voided_at = 0", {V(now), V(id)});
}

Result<int64_t> InsertAppeal(Connection& c, const AppealRow& a) {
    JW_ASSIGN_OR_RETURN(auto r,
                        c.QueryOne("INSERT INTO assessment_appeals (item_id, officer_id, unit_id, reason, "
                                   "status, created_at) VALUES (?,?,?,?,'pending',?) RETURNING id",
                                   {V(a.item_id), V(a.officer_id), V(a.unit_id), V(a.reason), V(a.created_at)}));
    return r.Int(0);
}

Result<bool> HasPendingAppeal(Connection& c, int64_t item_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM assessment_appeals WHERE item_id = ? AND status = "
                                           "'pending'",
                                           {V(item_id)}));
    return !rows.empty();
}

namespace {

const char* kAppealColumns =
    "SELECT a.id, a.item_id, a.officer_id, a.unit_id, a.reason, a.status, a.opinion, a.decided_by, a.decided_at, "
    "a.created_at, i.code, i.month, i.event, i.object, i.at, i.audit_id FROM assessment_appeals a JOIN "
    "assessment_items i ON i.id = a.item_id";

AppealRow AppealOf(const storage::Row& r) {
    AppealRow a;
    a.id = r.Int(0);
    a.item_id = r.Int(1);
    a.officer_id = r.Int(2);
    a.unit_id = r.Int(3);
    a.reason = r.Str(4);
    a.status = r.Str(5);
    a.opinion = r.Str(6);
    a.decided_by = r.Int(7);
    a.decided_at = r.Int(8);
    a.created_at = r.Int(9);
    a.item_code = r.Str(10);
    a.item_month = r.Str(11);
    a.item_event = r.Str(12);
    a.item_object = r.Str(13);
    a.item_at = r.Int(14);
    if (!r.IsNull(15)) a.item_audit_id = r.Int(15);
    return a;
}

}  // namespace

Result<AppealRow> GetAppeal(Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kAppealColumns) + " WHERE a.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("appeal");
    return AppealOf(rows[0]);
}

Status DecideAppeal(Connection& c, int64_t id, const std::string& status, const std::string& opinion, int64_t by,
                    int64_t now) {
    return c.Exec("UPDATE assessment_appeals SET status = ?, opinion = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                  {V(status), V(opinion), V(by), V(now), V(id)});
}

Result<std::vector<AppealRow>> Appeals(Connection& c, const std::string& status,
                                       const std::optional<std::vector<int64_t>>& unit_scope) {
    storage::Params p;
    std::string sql = std::string(kAppealColumns) + " WHERE 1 = 1";
    if (!status.empty()) {
        sql += " AND a.status = ?";
        p.push_back(V(status));
    }
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "a.unit_id", *unit_scope, p);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY a.id DESC LIMIT 500", p));
    std::vector<AppealRow> out;
    for (const auto& r : rows) out.push_back(AppealOf(r));
    return out;
}

Result<std::vector<Person>> Users(Connection& c, const std::vector<int64_t>& ids) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        storage::QueryIn(c, "SELECT id, name, police_no, unit_id FROM users WHERE id IN @IDS@", ids));
    std::vector<Person> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Int(3)});
    return out;
}

Result<std::vector<std::pair<int64_t, std::string>>> UnitNames(Connection& c, const std::vector<int64_t>& ids) {
    JW_ASSIGN_OR_RETURN(auto rows, storage::QueryIn(c, "SELECT id, name FROM units WHERE id IN @IDS@", ids));
    std::vector<std::pair<int64_t, std::string>> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1)});
    return out;
}

Result<std::vector<Person>> StationOfficers(Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT u.id, u.name, u.police_no, u.unit_id FROM users u JOIN user_roles "
                                           "r ON r.user_id = u.id JOIN units n ON n.id = u.unit_id WHERE r.role_code "
                                           "= 'officer' AND n.kind = 'station' ORDER BY u.id"));
    std::vector<Person> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Int(3)});
    return out;
}

Result<std::vector<GridOfficer>> GridOfficers(Connection& c) {
    // community comes before assessment (JW_MODULES): its grids are always migrated.
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT m.grid_code, COALESCE(g.name, m.grid_code), m.user_id FROM "
                                           "community_grid_members m LEFT JOIN community_grids g ON g.code = "
                                           "m.grid_code WHERE m.role = 'community_officer' AND m.user_id IS NOT "
                                           "NULL ORDER BY m.grid_code"));
    std::vector<GridOfficer> out;
    for (const auto& r : rows) out.push_back({r.Str(0), r.Str(1), r.Int(2)});
    return out;
}

}  // namespace jw::assessment::repo

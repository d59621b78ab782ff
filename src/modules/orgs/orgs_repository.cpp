#include "orgs/orgs_repository.hpp"

#include "storage/in_list.hpp"

namespace jw::orgs::repo {

using storage::Null;
using storage::Row;
using storage::V;

namespace {

constexpr const char* kColumns =
    "o.id, o.kind, o.name, o.code, o.parent_id, p.name, o.supervisor_unit_id, n.name, o.contact_name, "
    "o.contact_phone, o.status, o.created_at, o.updated_at, "
    "(SELECT COUNT(*) FROM users s WHERE s.org_id = o.id AND s.status = 'active')";
constexpr const char* kFrom =
    " FROM organisations o JOIN units n ON n.id = o.supervisor_unit_id LEFT JOIN organisations p ON p.id = o.parent_id";

Organisation FromRow(const Row& r) {
    Organisation o;
    o.id = r.Int(0);
    o.kind = r.Str(1);
    o.name = r.Str(2);
    o.code = r.Str(3);
    if (!r.IsNull(4)) {
        o.parent_id = r.Int(4);
        o.parent_name = r.Str(5);
    }
    o.supervisor_unit_id = r.Int(6);
    o.supervisor_unit_name = r.Str(7);
    o.contact_name = r.Str(8);
    o.contact_phone = r.Str(9);
    o.status = r.Str(10);
    o.created_at = r.Int(11);
    o.updated_at = r.Int(12);
    o.staff = r.Int(13);
    return o;
}

}  // namespace

Result<int64_t> InsertOrg(Connection& c, const Organisation& o, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO organisations (kind, name, code, parent_id, supervisor_unit_id, contact_name, "
                   "contact_phone, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {V(o.kind), V(o.name), V(o.code), o.parent_id ? V(*o.parent_id) : Null(), V(o.supervisor_unit_id),
                    V(o.contact_name), V(o.contact_phone), V(o.status), V(now), V(now)}));
    return row.Int(0);
}

Status UpdateOrg(Connection& c, const Organisation& o, int64_t now) {
    return c.Exec(
        "UPDATE organisations SET name = ?, supervisor_unit_id = ?, contact_name = ?, contact_phone = ?, status = ?, "
        "updated_at = ? WHERE id = ?",
        {V(o.name), V(o.supervisor_unit_id), V(o.contact_name), V(o.contact_phone), V(o.status), V(now), V(o.id)});
}

Result<Organisation> GetOrg(Connection& c, int64_t id) {
    auto r = c.QueryOne(std::string("SELECT ") + kColumns + kFrom + " WHERE o.id = ?", {V(id)});
    if (!r.ok()) return r.status().code() == ErrorCode::kNotFound ? Status::NotFound("organisation") : r.status();
    return FromRow(*r);
}

Result<std::pair<std::vector<Organisation>, int64_t>> ListOrgs(Connection& c, const OrgQuery& q) {
    std::string where = "1 = 1";
    storage::Params params;
    if (!q.q.empty()) {
        where += " AND (o.name LIKE ? OR o.code LIKE ?)";
        const std::string like = "%" + q.q + "%";
        params.insert(params.end(), {V(like), V(like)});
    }
    if (!q.kind.empty()) {
        where += " AND o.kind = ?";
        params.push_back(V(q.kind));
    }
    if (!q.status.empty()) {
        where += " AND o.status = ?";
        params.push_back(V(q.status));
    }
    if (q.parent_id) {
        where += " AND o.parent_id = ?";
        params.push_back(V(*q.parent_id));
    }
    if (q.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "o.supervisor_unit_id", *q.unit_scope, params);
    if (q.org_ids) where += " AND " + storage::InFilter(c.dialect(), "o.id", *q.org_ids, params);
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM organisations o WHERE " + where, params));
    params.push_back(V(static_cast<int64_t>(q.page_size)));
    params.push_back(V(static_cast<int64_t>((q.page - 1) * q.page_size)));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE " + where +
                                               " ORDER BY o.kind, o.name, o.id LIMIT ? OFFSET ?",
                                           params));
    std::vector<Organisation> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return std::make_pair(std::move(out), total.Int(0));
}

Status InsertChange(Connection& c, const OrgChange& change, int64_t org_id) {
    return c.Exec(
        "INSERT INTO organisation_history (org_id, at, by_user, change, before_json, after_json) VALUES (?, ?, ?, ?, "
        "?, ?)",
        {V(org_id), V(change.at), V(change.by_user), V(change.change), V(change.before.dump()),
         V(change.after.dump())});
}

Result<std::vector<OrgChange>> ListChanges(Connection& c, int64_t org_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT h.id, h.at, h.by_user, COALESCE(u.name, ''), h.change, "
                                           "h.before_json, h.after_json FROM organisation_history h LEFT JOIN users u "
                                           "ON u.id = h.by_user WHERE h.org_id = ? ORDER BY h.id",
                                           {V(org_id)}));
    std::vector<OrgChange> out;
    for (const auto& r : rows) {
        OrgChange ch{r.Int(0),
                     r.Int(1),
                     r.Int(2),
                     r.Str(3),
                     r.Str(4),
                     Json::parse(r.Str(5), nullptr, false),
                     Json::parse(r.Str(6), nullptr, false)};
        out.push_back(std::move(ch));
    }
    return out;
}

Result<std::string> NextAccountNo(Connection& c, int from, int to) {
    // Six-digit numbers sort as text like numbers: the largest taken in the range, plus one.
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT MAX(police_no) FROM users WHERE police_no >= ? AND police_no <= ?",
                                             {V(std::to_string(from)), V(std::to_string(to))}));
    const int next = row.IsNull(0) ? from : std::stoi(row.Str(0)) + 1;
    if (next > to) return Status::Invalid("account_no", "exhausted");
    return std::to_string(next);
}

Status DeleteOrgSessions(Connection& c, int64_t org_id) {
    return c.Exec("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE org_id = ?)", {V(org_id)});
}

}  // namespace jw::orgs::repo

// Visits, patrols, mediations and the register look-ups (tasks: task_repository.cpp).
#include "community/work/work_repository.hpp"

#include "common/json_util.hpp"
#include "community/work/repository_util.hpp"
#include "community/work/work_secrets.hpp"
#include "storage/in_list.hpp"

namespace jw::community {

using storage::Null;
using storage::V;

// --- register look-ups ---

Result<std::string> GridOfAddress(storage::Connection& c, const std::string& address_code) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT grid_id FROM community_addresses WHERE code = ?", {V(address_code)}));
    if (rows.empty()) return Status::Invalid("address_id", "not_found");
    return rows[0].Str(0);
}

Result<std::vector<int64_t>> GridTeamUsers(storage::Connection& c, const std::string& grid_code) {
    std::vector<int64_t> out;
    if (grid_code.empty()) return out;
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT DISTINCT user_id FROM community_grid_members WHERE grid_code = ? "
                                           "AND user_id IS NOT NULL ORDER BY user_id",
                                           {V(grid_code)}));
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

Result<std::vector<std::string>> GridsOfUser(storage::Connection& c, int64_t user_id) {
    std::vector<std::string> out;
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT DISTINCT grid_code FROM community_grid_members WHERE user_id = ? "
                                           "ORDER BY grid_code",
                                           {V(user_id)}));
    for (const auto& r : rows) out.push_back(r.Str(0));
    return out;
}

Result<std::vector<int64_t>> UnitUsersWithRole(storage::Connection& c, int64_t unit_id, const std::string& role) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
                                           "WHERE u.unit_id = ? AND r.role_code = ? AND u.status = 'active' "
                                           "ORDER BY u.id",
                                           {V(unit_id), V(role)}));
    std::vector<int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

Result<std::map<int64_t, std::string>> PeopleNames(storage::Connection& c, const std::vector<int64_t>& ids) {
    JW_ASSIGN_OR_RETURN(
        auto rows, storage::QueryIn(c, "SELECT id, name FROM community_people WHERE id IN @IDS@ ORDER BY id", ids));
    std::map<int64_t, std::string> out;
    for (const auto& r : rows) out[r.Int(0)] = r.Str(1);
    return out;
}

Result<std::vector<OfficerRow>> ListOfficers(storage::Connection& c, const std::optional<std::vector<int64_t>>& units,
                                             const std::string& q) {
    work_sql::Where w(c.dialect());
    w.Add("u.status = 'active' AND r.role_code = 'officer'", {});
    w.Scope("u.unit_id", units);
    if (!q.empty()) w.Add("(u.name LIKE ? OR u.police_no LIKE ?)", {V("%" + q + "%"), V("%" + q + "%")});
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT u.id, u.name, u.police_no, u.unit_id, n.name FROM users u "
                                           "JOIN user_roles r ON r.user_id = u.id JOIN units n ON n.id = u.unit_id" +
                                               w.Sql() + " ORDER BY n.code, u.name, u.id LIMIT 200",
                                           w.params()));
    std::vector<OfficerRow> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Int(3), r.Str(4)});
    return out;
}

// --- visits ---

namespace {

constexpr const char* kVisitColumns =
    "v.id, v.client_key, v.officer_id, COALESCE(u.name, ''), v.unit_id, v.grid_id, v.person_ids, v.address_code, "
    "COALESCE(a.full_name, ''), v.house_id, v.org_id, v.visited_at, v.place, v.kind, v.findings, v.follow_up, "
    "v.follow_up_note, v.created_at FROM community_visits v LEFT JOIN users u ON u.id = v.officer_id "
    "LEFT JOIN community_addresses a ON a.code = v.address_code";

Visit VisitFrom(const storage::Row& r) {
    Visit v;
    v.id = r.Int(0);
    v.client_key = r.Str(1);
    v.officer_id = r.Int(2);
    v.officer_name = r.Str(3);
    v.unit_id = r.Int(4);
    v.grid_id = r.Str(5);
    v.person_ids = work_sql::ParseIds(r.Str(6));
    v.address_code = r.Str(7);
    v.address_name = r.Str(8);
    if (!r.IsNull(9)) v.house_id = r.Int(9);
    if (!r.IsNull(10)) v.org_id = r.Int(10);
    v.visited_at = r.Int(11);
    v.place = r.Str(12);
    v.kind = r.Str(13);
    v.findings = r.Str(14);
    v.follow_up = r.Bool(15);
    v.follow_up_note = r.Str(16);
    v.created_at = r.Int(17);
    return v;
}

storage::Value OptId(const std::optional<int64_t>& id) { return id ? V(*id) : Null(); }
storage::Value Key(const std::string& key) { return key.empty() ? Null() : V(key); }

}  // namespace

Result<int64_t> InsertVisit(storage::Connection& c, const Visit& v) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO community_visits (client_key, officer_id, unit_id, grid_id, person_ids, "
                   "address_code, house_id, org_id, visited_at, place, kind, findings, follow_up, "
                   "follow_up_note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                   {Key(v.client_key), V(v.officer_id), V(v.unit_id), V(v.grid_id), V(work_sql::JoinIds(v.person_ids)),
                    V(v.address_code), OptId(v.house_id), OptId(v.org_id), V(v.visited_at), V(v.place), V(v.kind),
                    V(v.findings), V(v.follow_up), V(v.follow_up_note), V(v.created_at)}));
    return row.Int(0);
}

Result<std::optional<int64_t>> VisitIdByKey(storage::Connection& c, int64_t officer_id, const std::string& key) {
    return work_sql::IdByKey(c, "SELECT id FROM community_visits WHERE officer_id = ? AND client_key = ?", officer_id,
                             key);
}

Result<Visit> GetVisit(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kVisitColumns + " WHERE v.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("visit");
    return VisitFrom(rows[0]);
}

Result<Page<Visit>> ListVisits(storage::Connection& c, const WorkFilter& f) {
    work_sql::Where w(c.dialect());
    w.Scope("v.unit_id", f.unit_scope);
    w.Eq("v.grid_id", f.grid_id);
    w.Eq("v.address_code", f.address_code);
    if (f.officer_id) w.Add("v.officer_id = ?", {V(*f.officer_id)});
    if (f.person_id) w.Add("v.person_ids LIKE ?", {V("%," + std::to_string(*f.person_id) + ",%")});
    if (f.from) w.Add("v.visited_at >= ?", {V(*f.from)});
    if (f.to) w.Add("v.visited_at < ?", {V(*f.to)});
    if (f.follow_up_only) w.Add("v.follow_up = 1", {});
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM community_visits v" + w.Sql(), w.params()));
    storage::Params p = w.params();
    p.push_back(V(int64_t{f.page_size}));
    p.push_back(V(int64_t{(f.page - 1) * f.page_size}));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kVisitColumns + w.Sql() +
                                               " ORDER BY v.visited_at DESC, v.id DESC LIMIT ? OFFSET ?",
                                           p));
    Page<Visit> out{{}, total.Int(0)};
    for (const auto& r : rows) out.first.push_back(VisitFrom(r));
    return out;
}

// --- patrols ---

namespace {

constexpr const char* kPatrolColumns =
    "p.id, p.client_key, p.officer_id, COALESCE(u.name, ''), p.unit_id, p.grid_id, p.started_at, p.ended_at, "
    "p.route, p.notes, p.findings, p.created_at FROM community_patrols p LEFT JOIN users u ON u.id = p.officer_id";

Patrol PatrolFrom(const storage::Row& r) {
    Patrol p;
    p.id = r.Int(0);
    p.client_key = r.Str(1);
    p.officer_id = r.Int(2);
    p.officer_name = r.Str(3);
    p.unit_id = r.Int(4);
    p.grid_id = r.Str(5);
    p.started_at = r.Int(6);
    p.ended_at = r.Int(7);
    p.route = r.Str(8);
    p.notes = r.Str(9);
    p.findings = r.Str(10);
    p.created_at = r.Int(11);
    return p;
}

}  // namespace

Result<int64_t> InsertPatrol(storage::Connection& c, const Patrol& p) {
    JW_ASSIGN_OR_RETURN(auto row,
                        c.QueryOne("INSERT INTO community_patrols (client_key, officer_id, unit_id, grid_id, "
                                   "started_at, ended_at, route, notes, findings, created_at) "
                                   "VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
                                   {Key(p.client_key), V(p.officer_id), V(p.unit_id), V(p.grid_id), V(p.started_at),
                                    V(p.ended_at), V(p.route), V(p.notes), V(p.findings), V(p.created_at)}));
    return row.Int(0);
}

Result<std::optional<int64_t>> PatrolIdByKey(storage::Connection& c, int64_t officer_id, const std::string& key) {
    return work_sql::IdByKey(c, "SELECT id FROM community_patrols WHERE officer_id = ? AND client_key = ?", officer_id,
                             key);
}

Result<Patrol> GetPatrol(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kPatrolColumns + " WHERE p.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("patrol");
    return PatrolFrom(rows[0]);
}

Result<Page<Patrol>> ListPatrols(storage::Connection& c, const WorkFilter& f) {
    work_sql::Where w(c.dialect());
    w.Scope("p.unit_id", f.unit_scope);
    w.Eq("p.grid_id", f.grid_id);
    if (f.officer_id) w.Add("p.officer_id = ?", {V(*f.officer_id)});
    if (f.from) w.Add("p.started_at >= ?", {V(*f.from)});
    if (f.to) w.Add("p.started_at < ?", {V(*f.to)});
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM community_patrols p" + w.Sql(), w.params()));
    storage::Params p = w.params();
    p.push_back(V(int64_t{f.page_size}));
    p.push_back(V(int64_t{(f.page - 1) * f.page_size}));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kPatrolColumns + w.Sql() +
                                               " ORDER BY p.started_at DESC, p.id DESC LIMIT ? OFFSET ?",
                                           p));
    Page<Patrol> out{{}, total.Int(0)};
    for (const auto& r : rows) out.first.push_back(PatrolFrom(r));
    return out;
}

}  // namespace jw::community

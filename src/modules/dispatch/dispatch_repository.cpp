// SQL of 110 dispatch (dispatch_repository.hpp).
#include "dispatch/dispatch_repository.hpp"

#include <cstdio>
#include <map>

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "dispatch/dispatch_keys.hpp"
#include "storage/in_list.hpp"

namespace jw::dispatch::repo {
namespace {

using storage::Null;
using storage::V;

std::optional<int64_t> OptInt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}
std::optional<double> OptDouble(const storage::Row& r, size_t i) {
    if (r.IsNull(i)) return std::nullopt;
    try {
        return std::stod(r.Str(i));
    } catch (...) {
        return std::nullopt;
    }
}
storage::Value OptV(const std::optional<int64_t>& v) { return v ? V(*v) : Null(); }
storage::Value Coord(const std::optional<double>& v) {
    if (!v) return Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7f", *v);
    return V(std::string(buf));
}

const char* kCallColumns =
    "SELECT k.id, k.call_no, k.received_at, k.caller_phone, k.caller_name, k.summary, k.place_text, k.address_id, "
    "k.address_code, k.latitude, k.longitude, k.category, k.police, k.priority, k.source, k.external_ref, k.unit_id, "
    "COALESCE(u.name, ''), k.patrol_id, COALESCE(p.name, ''), k.state, k.outcome, k.case_id, k.dispatched_at, "
    "k.accepted_at, k.arrived_at, k.finished_at, k.closed_at, k.escalated_at, k.dispatch_due_at, k.arrival_due_at, "
    "k.taken_by, k.version, k.created_at, k.updated_at "
    "FROM dispatch_calls k LEFT JOIN units u ON u.id = k.unit_id LEFT JOIN dispatch_patrols p ON p.id = k.patrol_id";

Result<Call> CallFromRow(const storage::Row& r) {
    Call k;
    k.id = r.Int(0);
    k.call_no = r.Str(1);
    k.received_at = r.Int(2);
    JW_ASSIGN_OR_RETURN(k.caller_phone, Sealer().Open(r.Str(3)));
    JW_ASSIGN_OR_RETURN(k.caller_name, Sealer().Open(r.Str(4)));
    k.summary = r.Str(5);
    k.place_text = r.Str(6);
    k.address_id = OptInt(r, 7);
    k.address_code = r.Str(8);
    k.latitude = OptDouble(r, 9);
    k.longitude = OptDouble(r, 10);
    k.category = r.Str(11);
    k.police = r.Bool(12);
    k.priority = static_cast<int>(r.Int(13));
    k.source = r.Str(14);
    k.external_ref = r.Str(15);
    k.unit_id = r.Int(16);
    k.unit_name = r.Str(17);
    k.patrol_id = OptInt(r, 18);
    k.patrol_name = r.Str(19);
    k.state = r.Str(20);
    k.outcome = r.Str(21);
    k.case_id = OptInt(r, 22);
    k.dispatched_at = OptInt(r, 23);
    k.accepted_at = OptInt(r, 24);
    k.arrived_at = OptInt(r, 25);
    k.finished_at = OptInt(r, 26);
    k.closed_at = OptInt(r, 27);
    k.escalated_at = OptInt(r, 28);
    k.dispatch_due_at = r.Int(29);
    k.arrival_due_at = r.Int(30);
    k.taken_by = OptInt(r, 31);
    k.version = r.Int(32);
    k.created_at = r.Int(33);
    k.updated_at = r.Int(34);
    return k;
}

Result<std::vector<Call>> CallsOf(storage::Connection& c, const std::string& sql, const storage::Params& params) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
    std::vector<Call> out;
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Call k, CallFromRow(r));
        out.push_back(std::move(k));
    }
    return out;
}

const char* kOrderColumns =
    "SELECT w.id, w.order_no, w.call_id, k.call_no, k.summary, k.place_text, k.category, w.department_code, "
    "COALESCE(d.name, ''), w.org_id, w.state, w.due_at, w.note, w.accepted_at, w.accepted_by, w.reported_at, "
    "w.reported_by, w.closed_at, w.report, w.external_ref, w.version, w.created_at, w.updated_at "
    "FROM dispatch_work_orders w JOIN dispatch_calls k ON k.id = w.call_id "
    "LEFT JOIN dispatch_departments d ON d.code = w.department_code";

WorkOrder OrderFromRow(const storage::Row& r) {
    WorkOrder w;
    w.id = r.Int(0);
    w.order_no = r.Str(1);
    w.call_id = r.Int(2);
    w.call_no = r.Str(3);
    w.summary = r.Str(4);
    w.place_text = r.Str(5);
    w.category = r.Str(6);
    w.department_code = r.Str(7);
    w.department_name = r.Str(8);
    w.org_id = OptInt(r, 9);
    w.state = r.Str(10);
    w.due_at = r.Int(11);
    w.note = r.Str(12);
    w.accepted_at = OptInt(r, 13);
    w.accepted_by = OptInt(r, 14);
    w.reported_at = OptInt(r, 15);
    w.reported_by = OptInt(r, 16);
    w.closed_at = OptInt(r, 17);
    w.report = r.Str(18);
    w.external_ref = r.Str(19);
    w.version = r.Int(20);
    w.created_at = r.Int(21);
    w.updated_at = r.Int(22);
    return w;
}

const char* kCallbackColumns =
    "SELECT b.id, b.call_id, k.call_no, b.work_order_id, b.unit_id, b.created_at, b.due_at, b.state, b.result, "
    "b.comment, b.done_by, b.done_at, b.review, b.review_note FROM dispatch_callbacks b "
    "JOIN dispatch_calls k ON k.id = b.call_id";

Callback CallbackFromRow(const storage::Row& r) {
    Callback b;
    b.id = r.Int(0);
    b.call_id = r.Int(1);
    b.call_no = r.Str(2);
    b.work_order_id = OptInt(r, 3);
    b.unit_id = r.Int(4);
    b.created_at = r.Int(5);
    b.due_at = r.Int(6);
    b.state = r.Str(7);
    b.result = r.Str(8);
    b.comment = r.Str(9);
    b.done_by = OptInt(r, 10);
    b.done_at = OptInt(r, 11);
    b.review = r.Str(12);
    b.review_note = r.Str(13);
    return b;
}

std::string Paging(int page, int page_size) {
    return " LIMIT " + std::to_string(page_size) + " OFFSET " + std::to_string((page - 1) * page_size);
}

Status VersionCheck(storage::Connection& c, const char* table, int64_t id, std::optional<int64_t> expected) {
    if (!expected) return Status::Ok();
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string("SELECT version FROM ") + table + " WHERE id = ?", {V(id)}));
    if (row.Int(0) != *expected)
        return Status(ErrorCode::kConflict, "changed since read", {{"expected_version", "version_mismatch"}});
    return Status::Ok();
}

}  // namespace

Result<int64_t> InsertCall(storage::Connection& c, const NewCallRow& row) {
    const Call& k = row.call;
    const FieldSealer& s = Sealer();
    JW_ASSIGN_OR_RETURN(
        auto r,
        c.QueryOne(
            "INSERT INTO dispatch_calls (call_no, received_at, caller_phone, caller_index, caller_name, summary, "
            "place_text, address_id, address_code, place_key, latitude, longitude, category, police, priority, "
            "source, external_ref, unit_id, state, outcome, dispatch_due_at, arrival_due_at, taken_by, version, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?) RETURNING id",
            {V(k.call_no),
             V(k.received_at),
             V(s.Seal(k.caller_phone)),
             V(CallerIndex(k.caller_phone)),
             V(s.Seal(k.caller_name)),
             V(k.summary),
             V(k.place_text),
             OptV(k.address_id),
             V(k.address_code),
             V(row.place_key),
             Coord(k.latitude),
             Coord(k.longitude),
             V(k.category),
             V(k.police),
             V(k.priority),
             V(k.source),
             V(k.external_ref),
             V(k.unit_id),
             V(k.state),
             V(k.outcome),
             V(k.dispatch_due_at),
             V(k.arrival_due_at),
             OptV(k.taken_by),
             V(k.created_at),
             V(k.updated_at)}));
    return r.Int(0);
}

Result<std::string> NextCallNo(storage::Connection& c, int64_t t) {
    std::string date = FormatChinaDate(t);
    std::string prefix = "JJ" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    JW_ASSIGN_OR_RETURN(auto row,
                        c.QueryOne("SELECT COUNT(*) FROM dispatch_calls WHERE call_no LIKE ?", {V(prefix + "%")}));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(row.Int(0) + 1));
    return prefix + buf;
}

Result<Call> GetCall(storage::Connection& c, int64_t id, const std::optional<std::vector<int64_t>>& scope) {
    storage::Params params{V(id)};
    std::string sql = std::string(kCallColumns) + " WHERE k.id = ?";
    if (scope) sql += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *scope, params);
    JW_ASSIGN_OR_RETURN(auto calls, CallsOf(c, sql, params));
    if (calls.empty()) return Status::NotFound("call");
    return calls.front();
}

Result<std::pair<std::vector<Call>, int64_t>> ListCalls(storage::Connection& c, const CallFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params params;
    if (!f.states.empty()) where += " AND " + storage::InFilter(c.dialect(), "k.state", f.states, params);
    if (!f.category.empty()) {
        where += " AND (k.category = ? OR k.category LIKE ?)";
        params.push_back(V(f.category));
        params.push_back(V(f.category + "%"));
    }
    if (!f.call_no.empty()) {
        where += " AND k.call_no = ?";
        params.push_back(V(f.call_no));
    }
    if (f.unit_id) {
        where += " AND k.unit_id = ?";
        params.push_back(V(*f.unit_id));
    }
    if (f.from) {
        where += " AND k.received_at >= ?";
        params.push_back(V(*f.from));
    }
    if (f.to) {
        where += " AND k.received_at < ?";
        params.push_back(V(*f.to));
    }
    if (f.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *f.unit_scope, params);
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM dispatch_calls k" + where, params));
    JW_ASSIGN_OR_RETURN(auto calls, CallsOf(c,
                                            std::string(kCallColumns) + where +
                                                " ORDER BY k.received_at DESC, k.id DESC" + Paging(f.page, f.page_size),
                                            params));
    return std::make_pair(std::move(calls), total.Int(0));
}

Result<std::vector<Call>> RelatedCalls(storage::Connection& c, const std::string& caller_index,
                                       std::optional<int64_t> address_id, const std::string& place_key, int64_t since,
                                       int64_t before, int64_t except_id, int limit) {
    storage::Params params{V(caller_index), V(place_key)};
    std::string place = "k.place_key = ?";
    if (address_id) {
        place = "(k.place_key = ? OR k.address_id = ?)";
        params.push_back(V(*address_id));
    }
    params.push_back(V(since));
    params.push_back(V(before));
    params.push_back(V(except_id));
    return CallsOf(c,
                   std::string(kCallColumns) + " WHERE (k.caller_index = ? OR " + place +
                       ") AND k.received_at >= ? AND k.received_at < ? AND k.id <> ? ORDER BY k.received_at DESC "
                       "LIMIT " +
                       std::to_string(limit),
                   params);
}

Status UpdateCall(storage::Connection& c, int64_t id, const CallChange& ch, int64_t now,
                  std::optional<int64_t> expected_version) {
    JW_RETURN_IF_ERROR(VersionCheck(c, "dispatch_calls", id, expected_version));
    std::string sql = "UPDATE dispatch_calls SET version = version + 1, updated_at = ?";
    storage::Params params{V(now)};
    auto set = [&](const char* col, storage::Value v) {
        sql += std::string(", ") + col + " = ?";
        params.push_back(std::move(v));
    };
    if (ch.state) set("state", V(*ch.state));
    if (ch.outcome) set("outcome", V(*ch.outcome));
    if (ch.patrol_id) set("patrol_id", V(*ch.patrol_id));
    if (ch.clear_patrol) sql += ", patrol_id = NULL";
    if (ch.case_id) set("case_id", V(*ch.case_id));
    if (ch.unit_id) set("unit_id", V(*ch.unit_id));
    if (ch.category) set("category", V(*ch.category));
    if (ch.police) set("police", V(*ch.police));
    static const char* const kTimes[] = {"dispatched_at", "accepted_at", "arrived_at",
                                         "finished_at",   "closed_at",   "escalated_at"};
    for (const char* t : kTimes)
        if (ch.time_column == t) set(t, V(now));
    sql += " WHERE id = ?";
    params.push_back(V(id));
    return c.Exec(sql, params);
}

Status InsertEvent(storage::Connection& c, const CallEvent& e) {
    return c.Exec(
        "INSERT INTO dispatch_call_events (call_id, at, user_id, action, from_state, to_state, detail) "
        "VALUES (?,?,?,?,?,?,?)",
        {V(e.call_id), V(e.at), OptV(e.user_id), V(e.action), V(e.from_state), V(e.to_state), V(e.detail)});
}

Result<std::vector<CallEvent>> ListEvents(storage::Connection& c, int64_t call_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT e.id, e.call_id, e.at, e.user_id, COALESCE(u.name, ''), e.action, "
                                           "e.from_state, e.to_state, e.detail FROM dispatch_call_events e "
                                           "LEFT JOIN users u ON u.id = e.user_id WHERE e.call_id = ? ORDER BY e.id",
                                           {V(call_id)}));
    std::vector<CallEvent> out;
    for (const auto& r : rows)
        out.push_back(
            CallEvent{r.Int(0), r.Int(1), r.Int(2), OptInt(r, 3), r.Str(4), r.Str(5), r.Str(6), r.Str(7), r.Str(8)});
    return out;
}

Result<std::vector<Call>> OverdueCalls(storage::Connection& c, int64_t now, int limit) {
    return CallsOf(c,
                   std::string(kCallColumns) +
                       " WHERE k.escalated_at IS NULL AND k.police = 1 AND ((k.state = 'received' AND "
                       "k.dispatch_due_at < ?) OR (k.state IN ('dispatched', 'accepted') AND k.arrival_due_at < ?)) "
                       "ORDER BY k.id LIMIT " +
                       std::to_string(limit),
                   {V(now), V(now)});
}

Result<int64_t> InsertPatrol(storage::Connection& c, const Patrol& p) {
    JW_ASSIGN_OR_RETURN(auto r, c.QueryOne("INSERT INTO dispatch_patrols (code, name, unit_id, leader_user_id, status, "
                                           "status_at, call_id) VALUES (?,?,?,?,?,?,?) RETURNING id",
                                           {V(p.code), V(p.name), V(p.unit_id), OptV(p.leader_user_id), V(p.status),
                                            V(p.status_at), OptV(p.call_id)}));
    return r.Int(0);
}

namespace {
const char* kPatrolColumns =
    "SELECT p.id, p.code, p.name, p.unit_id, COALESCE(u.name, ''), p.leader_user_id, p.status, p.status_at, "
    "p.call_id, p.latitude, p.longitude, COALESCE(p.position_at, 0) FROM dispatch_patrols p LEFT JOIN units u ON "
    "u.id = p.unit_id";
Patrol PatrolFromRow(const storage::Row& r) {
    return Patrol{r.Int(0), r.Str(1), r.Str(2),     r.Int(3),        r.Str(4),         OptInt(r, 5),
                  r.Str(6), r.Int(7), OptInt(r, 8), OptDouble(r, 9), OptDouble(r, 10), r.Int(11)};
}
}  // namespace

Result<Patrol> GetPatrol(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kPatrolColumns) + " WHERE p.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("patrol");
    return PatrolFromRow(rows.front());
}

Result<std::vector<Patrol>> ListPatrols(storage::Connection& c, const std::optional<std::vector<int64_t>>& scope) {
    storage::Params params;
    std::string sql = std::string(kPatrolColumns) + " WHERE 1 = 1";
    if (scope) sql += " AND " + storage::InFilter(c.dialect(), "p.unit_id", *scope, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY p.unit_id, p.code", params));
    std::vector<Patrol> out;
    for (const auto& r : rows) out.push_back(PatrolFromRow(r));
    return out;
}

Status UpdatePatrol(storage::Connection& c, int64_t id, const std::string& status, std::optional<int64_t> call_id,
                    int64_t now) {
    return c.Exec("UPDATE dispatch_patrols SET status = ?, call_id = ?, status_at = ? WHERE id = ?",
                  {V(status), OptV(call_id), V(now), V(id)});
}

Status SetPatrolPosition(storage::Connection& c, int64_t id, double latitude, double longitude, int64_t now) {
    return c.Exec("UPDATE dispatch_patrols SET latitude = ?, longitude = ?, position_at = ? WHERE id = ?",
                  {Coord(latitude), Coord(longitude), V(now), V(id)});
}

Result<std::optional<Patrol>> PatrolLedBy(storage::Connection& c, int64_t user_id) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string(kPatrolColumns) + " WHERE p.leader_user_id = ? ORDER BY p.id", {V(user_id)}));
    if (rows.empty()) return std::optional<Patrol>();
    return std::optional<Patrol>(PatrolFromRow(rows.front()));
}

Result<std::optional<int64_t>> UnitOfCall(storage::Connection& c, int64_t call_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT unit_id FROM dispatch_calls WHERE id = ?", {V(call_id)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows.front().Int(0));
}

Result<std::vector<int64_t>> BoardWatchers(storage::Connection& c, const std::vector<int64_t>& unit_chain) {
    // As auth's session scoping reads it: a role of scope "all" sees every unit, else the user's unit and below.
    storage::Params params;
    std::string sql =
        "SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN role_permissions rp ON "
        "rp.role_code = ur.role_code WHERE rp.permission = 'dispatch.assign' AND u.status = 'active' AND "
        "COALESCE(u.org_id, 0) = 0 AND (EXISTS (SELECT 1 FROM user_roles ar JOIN roles r ON r.code = ar.role_code "
        "WHERE ar.user_id = u.id AND r.scope = 'all') OR ";
    sql += storage::InFilter(c.dialect(), "u.unit_id", unit_chain, params) + ")";
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY u.id", params));
    std::vector<int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.Int(0));
    return ids;
}

Status UpsertDepartment(storage::Connection& c, const Department& d) {
    std::string topics;
    for (const auto& t : d.topics) topics += (topics.empty() ? "" : ";") + t;
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT code FROM dispatch_departments WHERE code = ?", {V(d.code)}));
    if (rows.empty())
        return c.Exec(
            "INSERT INTO dispatch_departments (code, name, org_id, contact_name, contact_phone, limit_hours, "
            "channel, topics) VALUES (?,?,?,?,?,?,?,?)",
            {V(d.code), V(d.name), OptV(d.org_id), V(d.contact_name), V(d.contact_phone), V(d.limit_hours),
             V(d.channel), V(topics)});
    return c.Exec(
        "UPDATE dispatch_departments SET name = ?, org_id = COALESCE(?, org_id), contact_name = ?, "
        "contact_phone = ?, limit_hours = ?, channel = ?, topics = ? WHERE code = ?",
        {V(d.name), OptV(d.org_id), V(d.contact_name), V(d.contact_phone), V(d.limit_hours), V(d.channel), V(topics),
         V(d.code)});
}

namespace {
Department DepartmentFromRow(const storage::Row& r) {
    Department d;
    d.code = r.Str(0);
    d.name = r.Str(1);
    d.org_id = OptInt(r, 2);
    d.contact_name = r.Str(3);
    d.contact_phone = r.Str(4);
    d.limit_hours = static_cast<int>(r.Int(5));
    d.channel = r.Str(6);
    std::string topics = r.Str(7);
    size_t start = 0;
    while (start < topics.size()) {
        size_t end = topics.find(';', start);
        if (end == std::string::npos) end = topics.size();
        if (end > start) d.topics.push_back(topics.substr(start, end - start));
        start = end + 1;
    }
    return d;
}
const char* kDepartmentColumns =
    "SELECT code, name, org_id, contact_name, contact_phone, limit_hours, channel, topics FROM dispatch_departments";
}  // namespace

Result<std::vector<Department>> ListDepartments(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kDepartmentColumns) + " ORDER BY code"));
    std::vector<Department> out;
    for (const auto& r : rows) out.push_back(DepartmentFromRow(r));
    return out;
}

Result<std::optional<Department>> GetDepartment(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kDepartmentColumns) + " WHERE code = ?", {V(code)}));
    if (rows.empty()) return std::optional<Department>();
    return std::optional<Department>(DepartmentFromRow(rows.front()));
}

Result<int64_t> InsertWorkOrder(storage::Connection& c, const WorkOrder& w) {
    JW_ASSIGN_OR_RETURN(
        auto r,
        c.QueryOne("INSERT INTO dispatch_work_orders (order_no, call_id, department_code, org_id, state, due_at, "
                   "note, external_ref, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,1,?,?) "
                   "RETURNING id",
                   {V(w.order_no), V(w.call_id), V(w.department_code), OptV(w.org_id), V(w.state), V(w.due_at),
                    V(w.note), V(w.external_ref), V(w.created_at), V(w.updated_at)}));
    return r.Int(0);
}

Result<WorkOrder> GetWorkOrder(storage::Connection& c, int64_t id, const std::optional<std::vector<int64_t>>& org_ids) {
    storage::Params params{V(id)};
    std::string sql = std::string(kOrderColumns) + " WHERE w.id = ?";
    if (org_ids) sql += " AND " + storage::InFilter(c.dialect(), "w.org_id", *org_ids, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
    if (rows.empty()) return Status::NotFound("work_order");
    return OrderFromRow(rows.front());
}

Result<std::pair<std::vector<WorkOrder>, int64_t>> ListWorkOrders(storage::Connection& c, const WorkOrderFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params params;
    if (!f.state.empty()) {
        where += " AND w.state = ?";
        params.push_back(V(f.state));
    }
    if (!f.department_code.empty()) {
        where += " AND w.department_code = ?";
        params.push_back(V(f.department_code));
    }
    if (f.call_id) {
        where += " AND w.call_id = ?";
        params.push_back(V(*f.call_id));
    }
    if (f.org_ids) where += " AND " + storage::InFilter(c.dialect(), "w.org_id", *f.org_ids, params);
    if (f.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *f.unit_scope, params);
    if (f.from) {
        where += " AND w.created_at >= ?";
        params.push_back(V(*f.from));
    }
    if (f.to) {
        where += " AND w.created_at < ?";
        params.push_back(V(*f.to));
    }
    if (f.overdue_at) {
        where += " AND w.state IN ('sent', 'accepted') AND w.due_at < ?";
        params.push_back(V(*f.overdue_at));
    }
    if (!f.order_no.empty()) {
        where += " AND (w.order_no LIKE ? OR k.call_no LIKE ?)";
        params.push_back(V(f.order_no + "%"));
        params.push_back(V(f.order_no + "%"));
    }
    JW_ASSIGN_OR_RETURN(auto total,
                        c.QueryOne("SELECT COUNT(*) FROM dispatch_work_orders w JOIN dispatch_calls k ON k.id = "
                                   "w.call_id" +
                                       where,
                                   params));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kOrderColumns) + where +
                                               " ORDER BY w.created_at DESC, w.id DESC" + Paging(f.page, f.page_size),
                                           params));
    std::vector<WorkOrder> out;
    for (const auto& r : rows) out.push_back(OrderFromRow(r));
    return std::make_pair(std::move(out), total.Int(0));
}

Status UpdateWorkOrder(storage::Connection& c, int64_t id, const WorkOrderChange& ch, int64_t now,
                       std::optional<int64_t> expected_version) {
    JW_RETURN_IF_ERROR(VersionCheck(c, "dispatch_work_orders", id, expected_version));
    std::string sql = "UPDATE dispatch_work_orders SET version = version + 1, updated_at = ?, state = ?";
    storage::Params params{V(now), V(ch.state)};
    if (ch.set_accepted) {
        sql += ", accepted_at = ?, accepted_by = ?";
        params.push_back(V(now));
        params.push_back(OptV(ch.accepted_by));
    }
    if (ch.set_reported) {
        sql += ", reported_at = ?, reported_by = ?";
        params.push_back(V(now));
        params.push_back(OptV(ch.reported_by));
    }
    if (ch.report) {
        sql += ", report = ?";
        params.push_back(V(*ch.report));
    }
    if (ch.set_closed) {
        sql += ", closed_at = ?";
        params.push_back(V(now));
    }
    sql += " WHERE id = ?";
    params.push_back(V(id));
    return c.Exec(sql, params);
}

Result<std::optional<WorkOrder>> OpenWorkOrderOfCall(storage::Connection& c, int64_t call_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kOrderColumns) +
                                               " WHERE w.call_id = ? AND w.state <> 'closed' ORDER BY w.id DESC",
                                           {V(call_id)}));
    if (rows.empty()) return std::optional<WorkOrder>();
    return std::optional<WorkOrder>(OrderFromRow(rows.front()));
}

Result<bool> InsertCallbackOnce(storage::Connection& c, const Callback& cb) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM dispatch_callbacks WHERE call_id = ?", {V(cb.call_id)}));
    if (!rows.empty()) return false;
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO dispatch_callbacks (call_id, work_order_id, unit_id, created_at, due_at, "
               "state) VALUES (?,?,?,?,?,'pending')",
               {V(cb.call_id), OptV(cb.work_order_id), V(cb.unit_id), V(cb.created_at), V(cb.due_at)}));
    return true;
}

Result<Callback> GetCallback(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kCallbackColumns) + " WHERE b.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("callback");
    return CallbackFromRow(rows.front());
}

Result<std::optional<Callback>> CallbackOfCall(storage::Connection& c, int64_t call_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kCallbackColumns) + " WHERE b.call_id = ?", {V(call_id)}));
    if (rows.empty()) return std::optional<Callback>();
    return std::optional<Callback>(CallbackFromRow(rows.front()));
}

Result<std::pair<std::vector<Callback>, int64_t>> ListCallbacks(storage::Connection& c, const CallbackFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params params;
    if (!f.state.empty()) {
        where += " AND b.state = ?";
        params.push_back(V(f.state));
    }
    if (!f.review.empty()) {
        where += " AND b.review = ?";
        params.push_back(V(f.review));
    }
    if (f.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "b.unit_id", *f.unit_scope, params);
    if (!f.result.empty()) {
        where += " AND b.result = ?";
        params.push_back(V(f.result));
    }
    if (f.from) {
        where += " AND b.created_at >= ?";
        params.push_back(V(*f.from));
    }
    if (f.to) {
        where += " AND b.created_at < ?";
        params.push_back(V(*f.to));
    }
    if (f.overdue_at) {
        where += " AND b.state = 'pending' AND b.due_at < ?";
        params.push_back(V(*f.overdue_at));
    }
    if (!f.call_no.empty()) {
        where += " AND k.call_no LIKE ?";
        params.push_back(V(f.call_no + "%"));
    }
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM dispatch_callbacks b JOIN dispatch_calls k ON "
                                               "k.id = b.call_id" +
                                                   where,
                                               params));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kCallbackColumns) + where + " ORDER BY b.due_at, b.id" +
                                               Paging(f.page, f.page_size),
                                           params));
    std::vector<Callback> out;
    for (const auto& r : rows) out.push_back(CallbackFromRow(r));
    return std::make_pair(std::move(out), total.Int(0));
}

Status RecordCallback(storage::Connection& c, int64_t id, const std::string& result, const std::string& comment,
                      int64_t user_id, int64_t now) {
    return c.Exec(
        "UPDATE dispatch_callbacks SET state = 'done', result = ?, comment = ?, done_by = ?, done_at = ?, "
        "review = ? WHERE id = ?",
        {V(result), V(comment), V(user_id), V(now), V(result == "unsatisfied" ? "open" : ""), V(id)});
}

Status ConcludeReview(storage::Connection& c, int64_t id, const std::string& note, int64_t user_id, int64_t now) {
    return c.Exec(
        "UPDATE dispatch_callbacks SET review = 'done', review_note = ?, review_by = ?, review_at = ? "
        "WHERE id = ?",
        {V(note), V(user_id), V(now), V(id)});
}

Status EnqueueWebhook(storage::Connection& c, int64_t work_order_id, const std::string& event, const std::string& body,
                      int64_t now) {
    return c.Exec("INSERT INTO dispatch_webhook_out (work_order_id, event, body, created_at) VALUES (?,?,?,?)",
                  {V(work_order_id), V(event), V(body), V(now)});
}

Result<std::vector<WebhookMessage>> PendingWebhooks(storage::Connection& c, int limit) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id, work_order_id, event, body, attempts FROM dispatch_webhook_out "
                                "WHERE delivered_at IS NULL AND attempts < 100 ORDER BY attempts, id LIMIT " +
                                std::to_string(limit)));
    std::vector<WebhookMessage> out;
    for (const auto& r : rows)
        out.push_back(WebhookMessage{r.Int(0), r.Int(1), r.Str(2), r.Str(3), static_cast<int>(r.Int(4))});
    return out;
}

Status MarkWebhook(storage::Connection& c, int64_t id, bool delivered, const std::string& error, int64_t now) {
    if (delivered)
        return c.Exec(
            "UPDATE dispatch_webhook_out SET delivered_at = ?, attempts = attempts + 1, last_error = '' "
            "WHERE id = ?",
            {V(now), V(id)});
    return c.Exec("UPDATE dispatch_webhook_out SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                  {V(error), V(id)});
}

Result<std::vector<UnitMonth>> Figures(storage::Connection& c, int64_t from, int64_t to,
                                       const std::optional<std::vector<int64_t>>& scope) {
    storage::Params params{V(from), V(to)};
    std::string sql =
        "SELECT k.unit_id, COALESCE(u.name, ''), k.received_at, k.outcome, COALESCE(b.result, '') "
        "FROM dispatch_calls k LEFT JOIN units u ON u.id = k.unit_id "
        "LEFT JOIN dispatch_callbacks b ON b.call_id = k.id AND b.state = 'done' "
        "WHERE k.received_at >= ? AND k.received_at < ?";
    if (scope) sql += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *scope, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
    std::map<std::pair<std::string, int64_t>, UnitMonth> acc;
    for (const auto& r : rows) {
        const std::string month = FormatChinaDate(r.Int(2)).substr(0, 7);
        UnitMonth& m = acc[{month, r.Int(0)}];
        m.unit_id = r.Int(0);
        m.unit_name = r.Str(1);
        m.month = month;
        ++m.calls;
        if (r.Str(3) == "diverted") ++m.diverted;
        const std::string result = r.Str(4);
        if (!result.empty()) ++m.callbacks;
        if (result == "satisfied") ++m.satisfied;
        if (result == "basic") ++m.basic;
        if (result == "unsatisfied") ++m.unsatisfied;
    }
    std::vector<UnitMonth> out;
    for (auto& [k, v] : acc) out.push_back(std::move(v));
    return out;
}

}  // namespace jw::dispatch::repo

#include "cases/case_repository.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "cases/case_secrets.hpp"
#include "storage/in_list.hpp"

namespace jw::cases::repo {

using storage::Null;
using storage::Params;
using storage::Row;
using storage::V;

namespace {

storage::Value OptDouble(const std::optional<double>& d) {
    if (!d) return Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", *d);
    return V(std::string(buf));
}

std::optional<double> ReadDouble(const Row& r, size_t i) {
    if (r.IsNull(i)) return std::nullopt;
    return std::strtod(r.Str(i).c_str(), nullptr);
}

storage::Value OptInt(const std::optional<int64_t>& n) { return n ? V(*n) : Null(); }

constexpr const char* kCaseColumns =
    "k.id, k.case_no, k.case_type, k.law, k.cause, k.cause_code, k.source, k.occurred_at, k.place_address, "
    "k.place_lon, k.place_lat, k.facts, k.unit_id, k.lead_officer_id, k.state, k.outcome, k.penalty_source, "
    "k.penalty_json, k.accepted_at, k.filed_at, k.closed_at, k.last_event_at, k.created_by, k.created_at, "
    "k.updated_at, k.version, u.name, o.name, o.police_no, k.place_address_id, k.place_match_score";
constexpr const char* kCaseFrom =
    " FROM cases k JOIN units u ON u.id = k.unit_id JOIN users o ON o.id = k.lead_officer_id";

Case ReadCase(const Row& r) {
    Case k;
    k.id = r.Int(0);
    k.case_no = r.Str(1);
    k.case_type = r.Str(2);
    k.law = r.Str(3);
    k.cause = r.Str(4);
    k.cause_code = r.Str(5);
    k.source = r.Str(6);
    k.occurred_at = r.Int(7);
    k.place_address = r.Str(8);
    k.place_lon = ReadDouble(r, 9);
    k.place_lat = ReadDouble(r, 10);
    k.facts = r.Str(11);
    k.unit_id = r.Int(12);
    k.lead_officer_id = r.Int(13);
    k.state = r.Str(14);
    k.outcome = r.Str(15);
    k.penalty_source = r.Str(16);
    k.penalty_json = r.Str(17);
    k.accepted_at = r.Int(18);
    k.filed_at = r.Int(19);
    k.closed_at = r.Int(20);
    k.last_event_at = r.Int(21);
    k.created_by = r.Int(22);
    k.created_at = r.Int(23);
    k.updated_at = r.Int(24);
    k.version = r.Int(25);
    k.unit_name = r.Str(26);
    k.lead_officer_name = r.Str(27);
    k.lead_officer_police_no = r.Str(28);
    if (!r.IsNull(29)) k.place_address_id = r.Str(29);
    k.place_match_score = ReadDouble(r, 30);
    return k;
}

constexpr const char* kEventColumns =
    "id, case_id, seq, kind, action, from_state, to_state, at, recorded_at, actor_id, actor_unit_id, person_id, "
    "reason, attachments, data, idempotency_key, case_version";

CaseEvent ReadEvent(const Row& r) {
    CaseEvent e;
    e.id = r.Int(0);
    e.case_id = r.Int(1);
    e.seq = static_cast<int>(r.Int(2));
    e.kind = r.Str(3);
    e.action = r.Str(4);
    e.from_state = r.Str(5);
    e.to_state = r.Str(6);
    e.at = r.Int(7);
    e.recorded_at = r.Int(8);
    e.actor_id = r.Int(9);
    e.actor_unit_id = r.Int(10);
    if (!r.IsNull(11)) e.person_id = r.Int(11);
    e.reason = r.Str(12);
    auto att = nlohmann::json::parse(r.Str(13), nullptr, false);
    if (att.is_array())
        for (const auto& a : att) e.attachments.push_back({a.value("name", ""), a.value("ref", "")});
    e.data_json = r.Str(14);
    if (!r.IsNull(15)) e.idempotency_key = r.Str(15);
    e.case_version = r.Int(16);
    return e;
}

Status LoadDetails(storage::Connection& c, Case& k) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT user_id FROM case_assistants WHERE case_id = ? ORDER BY user_id", {V(k.id)}));
    k.assistant_ids.clear();
    for (const auto& r : rows) k.assistant_ids.push_back(r.Int(0));
    JW_ASSIGN_OR_RETURN(k.people, ListPeople(c, k.id));
    return Status::Ok();
}

}  // namespace

Result<std::string> Setting(storage::Connection& c, const std::string& name) {
    JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("SELECT value FROM case_settings WHERE name = ?", {V(name)}));
    return r.Str(0);
}

Status PutSetting(storage::Connection& c, const std::string& name, const std::string& value) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM case_settings WHERE name = ?", {V(name)}));
    return c.Exec("INSERT INTO case_settings (name, value) VALUES (?, ?)", {V(name), V(value)});
}

Result<int64_t> NextSeq(storage::Connection& c, const std::string& prefix) {
    // One statement takes the number: the row lock (PostgreSQL) or the write lock (SQLite) makes two writers
    // queue instead of both reading the same last_seq.
    JW_RETURN_IF_ERROR(c.Exec(
        "INSERT INTO case_number_seq (prefix, last_seq) VALUES (?, 0) ON CONFLICT (prefix) DO NOTHING", {V(prefix)}));
    JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("UPDATE case_number_seq SET last_seq = last_seq + 1 WHERE prefix = ? "
                                          "RETURNING last_seq",
                                          {V(prefix)}));
    return r.Int(0);
}

Result<int64_t> InsertCase(storage::Connection& c, Case& k, const std::optional<std::string>& create_key) {
    JW_ASSIGN_OR_RETURN(
        Row r,
        c.QueryOne(
            "INSERT INTO cases (case_no, case_type, law, cause, cause_code, source, occurred_at, place_address, "
            "place_lon, place_lat, facts, unit_id, lead_officer_id, state, outcome, penalty_source, penalty_json, "
            "accepted_at, filed_at, closed_at, last_event_at, created_by, create_key, created_at, updated_at, "
            "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
            "RETURNING id",
            {V(k.case_no),
             V(k.case_type),
             V(k.law),
             V(k.cause),
             V(k.cause_code),
             V(k.source),
             V(k.occurred_at),
             V(k.place_address),
             OptDouble(k.place_lon),
             OptDouble(k.place_lat),
             V(k.facts),
             V(k.unit_id),
             V(k.lead_officer_id),
             V(k.state),
             V(k.outcome),
             V(k.penalty_source),
             V(k.penalty_json),
             V(k.accepted_at),
             V(k.filed_at),
             V(k.closed_at),
             V(k.last_event_at),
             V(k.created_by),
             V(create_key),
             V(k.created_at),
             V(k.updated_at)}));
    k.id = r.Int(0);
    k.version = 1;
    for (int64_t uid : k.assistant_ids)
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO case_assistants (case_id, user_id) VALUES (?, ?)", {V(k.id), V(uid)}));
    for (auto& p : k.people) {
        p.case_id = k.id;
        JW_ASSIGN_OR_RETURN(p.id, InsertPerson(c, p));
    }
    return k.id;
}

Result<std::optional<int64_t>> FindByCreateKey(storage::Connection& c, int64_t created_by, const std::string& key) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT id FROM cases WHERE created_by = ? AND create_key = ?", {V(created_by), V(key)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Result<Case> GetCase(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kCaseColumns + kCaseFrom + " WHERE k.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("case");
    Case k = ReadCase(rows[0]);
    JW_RETURN_IF_ERROR(LoadDetails(c, k));
    return k;
}

Result<Case> GetCaseByNumber(storage::Connection& c, const std::string& case_no) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string("SELECT ") + kCaseColumns + kCaseFrom + " WHERE k.case_no = ?", {V(case_no)}));
    if (rows.empty()) return Status::NotFound("case");
    Case k = ReadCase(rows[0]);
    JW_RETURN_IF_ERROR(LoadDetails(c, k));
    return k;
}

Status UpdateCase(storage::Connection& c, Case& k, int64_t expected_version) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("UPDATE cases SET law = ?, cause = ?, cause_code = ?, source = ?, occurred_at = ?, place_address = ?, "
                "place_lon = ?, place_lat = ?, facts = ?, unit_id = ?, lead_officer_id = ?, state = ?, outcome = ?, "
                "penalty_source = ?, penalty_json = ?, filed_at = ?, closed_at = ?, last_event_at = ?, updated_at = ?, "
                "version = version + 1 WHERE id = ? AND version = ? RETURNING version",
                {V(k.law),           V(k.cause),          V(k.cause_code),        V(k.source),
                 V(k.occurred_at),   V(k.place_address),  OptDouble(k.place_lon), OptDouble(k.place_lat),
                 V(k.facts),         V(k.unit_id),        V(k.lead_officer_id),   V(k.state),
                 V(k.outcome),       V(k.penalty_source), V(k.penalty_json),      V(k.filed_at),
                 V(k.closed_at),     V(k.last_event_at),  V(k.updated_at),        V(k.id),
                 V(expected_version)}));
    if (rows.empty())
        return Status(ErrorCode::kConflict, "the case was changed by someone else; reload it",
                      {{"expected_version", "stale"}});
    k.version = rows[0].Int(0);
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM case_assistants WHERE case_id = ?", {V(k.id)}));
    for (int64_t uid : k.assistant_ids)
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO case_assistants (case_id, user_id) VALUES (?, ?)", {V(k.id), V(uid)}));
    return Status::Ok();
}

Result<std::pair<std::vector<Case>, int64_t>> ListCases(storage::Connection& c, const CaseQuery& q) {
    std::string where = " WHERE 1 = 1";
    Params params;
    if (!q.q.empty()) {
        where += " AND (k.case_no LIKE ? OR k.cause LIKE ?)";
        params.push_back(V("%" + q.q + "%"));
        params.push_back(V("%" + q.q + "%"));
    }
    if (!q.id_number.empty()) {
        where += " AND k.id IN (SELECT case_id FROM case_people WHERE id_number_index = ?)";
        params.push_back(V(IdNumberIndex(q.id_number)));
    }
    if (!q.phone.empty()) {
        where += " AND k.id IN (SELECT case_id FROM case_people WHERE phone_index = ?)";
        params.push_back(V(PhoneIndex(q.phone)));
    }
    if (!q.case_type.empty()) {
        where += " AND k.case_type = ?";
        params.push_back(V(q.case_type));
    }
    if (!q.state.empty()) {
        where += " AND k.state = ?";
        params.push_back(V(q.state));
    }
    if (q.open_only) where += " AND k.state <> 'closed'";
    if (q.unit_id) {
        where += " AND k.unit_id = ?";
        params.push_back(V(*q.unit_id));
    }
    if (q.officer_id) {
        where += " AND (k.lead_officer_id = ? OR k.id IN (SELECT case_id FROM case_assistants WHERE user_id = ?))";
        params.push_back(V(*q.officer_id));
        params.push_back(V(*q.officer_id));
    }
    if (q.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *q.unit_scope, params);
    JW_ASSIGN_OR_RETURN(Row total, c.QueryOne(std::string("SELECT COUNT(*)") + kCaseFrom + where, params));
    params.push_back(V(static_cast<int64_t>(q.page_size)));
    params.push_back(V(static_cast<int64_t>((q.page - 1) * q.page_size)));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kCaseColumns + kCaseFrom + where +
                                               " ORDER BY k.accepted_at DESC, k.id DESC LIMIT ? OFFSET ?",
                                           params));
    std::vector<Case> out;
    for (const auto& r : rows) out.push_back(ReadCase(r));
    return std::make_pair(std::move(out), total.Int(0));
}

// ID number, phone and address are stored sealed (case_secrets.hpp) with their blind indexes.
Result<int64_t> InsertPerson(storage::Connection& c, Person& p) {
    JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("INSERT INTO case_people (case_id, role, name, id_type, id_number, phone, "
                                          "address, created_at, id_number_index, phone_index, sealed) VALUES (?, ?, ?, "
                                          "?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
                                          {V(p.case_id), V(p.role), V(p.name), V(p.id_type), V(SealField(p.id_number)),
                                           V(SealField(p.phone)), V(SealField(p.address)), V(p.created_at),
                                           V(IdNumberIndex(p.id_number)), V(PhoneIndex(p.phone))}));
    p.id = r.Int(0);
    return p.id;
}

Status UpdatePerson(storage::Connection& c, const Person& p) {
    return c.Exec(
        "UPDATE case_people SET role = ?, name = ?, id_type = ?, id_number = ?, phone = ?, address = ?, "
        "id_number_index = ?, phone_index = ?, sealed = 1 WHERE id = ? AND case_id = ?",
        {V(p.role), V(p.name), V(p.id_type), V(SealField(p.id_number)), V(SealField(p.phone)), V(SealField(p.address)),
         V(IdNumberIndex(p.id_number)), V(PhoneIndex(p.phone)), V(p.id), V(p.case_id)});
}

Result<std::vector<Person>> ListPeople(storage::Connection& c, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id, case_id, role, name, id_type, id_number, phone, address, "
                                "created_at, sealed, person_id FROM case_people WHERE case_id = ? ORDER BY id",
                                {V(case_id)}));
    std::vector<Person> out;
    for (const auto& r : rows) {
        Person p{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4),
                 r.Str(5), r.Str(6), r.Str(7), r.Int(8), std::nullopt};
        if (!r.IsNull(10)) p.index_person_id = r.Int(10);
        // A row not sealed yet (written by an older server, before SealPlainRecords ran) is read as it is.
        if (r.Int(9) == 1) {
            JW_ASSIGN_OR_RETURN(p.id_number, OpenField(p.id_number));
            JW_ASSIGN_OR_RETURN(p.phone, OpenField(p.phone));
            JW_ASSIGN_OR_RETURN(p.address, OpenField(p.address));
        }
        out.push_back(std::move(p));
    }
    return out;
}

Result<int64_t> InsertEvent(storage::Connection& c, CaseEvent& e) {
    JW_ASSIGN_OR_RETURN(Row last,
                        c.QueryOne("SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE case_id = ?", {V(e.case_id)}));
    e.seq = static_cast<int>(last.Int(0)) + 1;
    nlohmann::json att = nlohmann::json::array();
    for (const auto& a : e.attachments) att.push_back({{"name", a.name}, {"ref", a.ref}});
    JW_ASSIGN_OR_RETURN(
        Row r,
        c.QueryOne("INSERT INTO case_events (case_id, seq, kind, action, from_state, to_state, at, recorded_at, "
                   "actor_id, actor_unit_id, person_id, reason, attachments, data, idempotency_key, case_version) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {V(e.case_id), V(static_cast<int64_t>(e.seq)), V(e.kind), V(e.action), V(e.from_state),
                    V(e.to_state), V(e.at), V(e.recorded_at), V(e.actor_id), V(e.actor_unit_id), OptInt(e.person_id),
                    V(e.reason), V(att.dump()), V(e.data_json), V(e.idempotency_key), V(e.case_version)}));
    e.id = r.Int(0);
    return e.id;
}

Result<std::vector<CaseEvent>> ListEvents(storage::Connection& c, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string("SELECT ") + kEventColumns + " FROM case_events WHERE case_id = ? ORDER BY seq",
                           {V(case_id)}));
    std::vector<CaseEvent> out;
    for (const auto& r : rows) out.push_back(ReadEvent(r));
    return out;
}

Result<std::vector<CaseEvent>> ListEventsOfCases(storage::Connection& c, const std::vector<int64_t>& case_ids) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        storage::QueryIn(c,
                                         std::string("SELECT ") + kEventColumns +
                                             " FROM case_events WHERE case_id IN @IDS@ ORDER BY case_id, seq",
                                         case_ids));
    std::vector<CaseEvent> out;
    for (const auto& r : rows) out.push_back(ReadEvent(r));
    return out;
}

Result<std::optional<CaseEvent>> FindEventByKey(storage::Connection& c, int64_t case_id, const std::string& key) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kEventColumns +
                                               " FROM case_events WHERE case_id = ? AND idempotency_key = ?",
                                           {V(case_id), V(key)}));
    if (rows.empty()) return std::optional<CaseEvent>();
    return std::optional<CaseEvent>(ReadEvent(rows[0]));
}

Result<int64_t> UnansweredReviewProblems(storage::Connection& c, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM review_problems WHERE case_id = ? AND "
                                             "answered_at = 0",
                                             {storage::V(case_id)}));
    return row.Int(0);
}

Result<int64_t> InsertQueryCode(storage::Connection& c, const QueryCode& q) {
    JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("INSERT INTO case_query_codes (case_id, person_id, code_hash, created_at, "
                                          "keyed) VALUES (?, ?, ?, ?, 1) RETURNING id",
                                          {V(q.case_id), V(q.person_id), V(q.code_hash), V(q.created_at)}));
    return r.Int(0);
}

Result<std::vector<QueryCode>> ListQueryCodes(storage::Connection& c, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id, case_id, person_id, code_hash, created_at, revoked_at, revoked_by, "
                                "last_used_at, keyed FROM case_query_codes WHERE case_id = ? ORDER BY id",
                                {V(case_id)}));
    std::vector<QueryCode> out;
    for (const auto& r : rows)
        out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Str(3), r.Int(4), r.Int(5), r.Int(6), r.Int(7), r.Int(8) == 1});
    return out;
}

Result<int64_t> RevokeQueryCodes(storage::Connection& c, int64_t case_id, std::optional<int64_t> person_id,
                                 std::optional<int64_t> code_id, int64_t by, int64_t now) {
    std::string sql = "UPDATE case_query_codes SET revoked_at = ?, revoked_by = ? WHERE case_id = ? AND revoked_at = 0";
    Params params{V(now), V(by), V(case_id)};
    if (person_id) {
        sql += " AND person_id = ?";
        params.push_back(V(*person_id));
    }
    if (code_id) {
        sql += " AND id = ?";
        params.push_back(V(*code_id));
    }
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " RETURNING id", params));
    return static_cast<int64_t>(rows.size());
}

Status TouchQueryCode(storage::Connection& c, int64_t code_id, int64_t now) {
    return c.Exec("UPDATE case_query_codes SET last_used_at = ? WHERE id = ?", {V(now), V(code_id)});
}

Status InsertAttempt(storage::Connection& c, const std::string& client, const std::string& case_no, int64_t at,
                     AttemptResult result) {
    return c.Exec("INSERT INTO case_query_attempts (client, case_no, at, ok) VALUES (?, ?, ?, ?)",
                  {V(client), V(case_no), V(at), V(static_cast<int64_t>(result))});
}

Result<int64_t> CountFailures(storage::Connection& c, const std::string& client, int64_t since) {
    JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("SELECT COUNT(*) FROM case_query_attempts WHERE client = ? AND at >= ? AND "
                                          "ok <> 1",
                                          {V(client), V(since)}));
    return r.Int(0);
}

Result<int64_t> CountCaseFailures(storage::Connection& c, const std::string& case_no, int64_t since) {
    JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("SELECT COUNT(*) FROM case_query_attempts WHERE case_no = ? AND at >= ? AND "
                                          "ok = 0",
                                          {V(case_no), V(since)}));
    return r.Int(0);
}

Result<Officer> GetOfficer(storage::Connection& c, int64_t user_id) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT id, name, police_no, phone, unit_id, status FROM users WHERE id = ?", {V(user_id)}));
    if (rows.empty()) return Status::NotFound("user");
    const auto& r = rows[0];
    return Officer{r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Int(4), r.Str(5)};
}

Result<std::string> UnitName(storage::Connection& c, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("SELECT name FROM units WHERE id = ?", {V(unit_id)}));
    return r.Str(0);
}

Result<std::string> BureauName(storage::Connection& c, int64_t unit_id) {
    int64_t id = unit_id;
    for (int depth = 0; depth < 16; ++depth) {
        JW_ASSIGN_OR_RETURN(Row r, c.QueryOne("SELECT name, parent_id FROM units WHERE id = ?", {V(id)}));
        if (r.IsNull(1)) return r.Str(0);
        id = r.Int(1);
    }
    return Status::Internal("unit tree deeper than 16 levels");
}

}  // namespace jw::cases::repo

// community_mediations (work_repository.hpp). The parties are sealed here on the way in and opened on the way out.
#include "common/json_util.hpp"
#include "community/work/repository_util.hpp"
#include "community/work/work_repository.hpp"
#include "community/work/work_secrets.hpp"

namespace jw::community {

using storage::Null;
using storage::V;

namespace {

constexpr const char* kColumns =
    "m.id, m.client_key, m.created_by, COALESCE(u.name, ''), m.unit_id, m.grid_id, m.address_code, "
    "COALESCE(a.full_name, ''), m.dispute_type, m.parties, m.parties_index, m.summary, m.occurred_at, m.status, "
    "m.outcome, m.agreement, m.transferred_to, m.repeat_of, m.repeat_count, m.closed_at, m.closed_by, m.created_at, "
    "m.updated_at, m.version FROM community_mediations m LEFT JOIN users u ON u.id = m.created_by "
    "LEFT JOIN community_addresses a ON a.code = m.address_code";

std::string PartiesJson(const std::vector<Party>& parties) {
    Json list = Json::array();
    for (const auto& p : parties)
        list.push_back({{"person_id", p.person_id ? Json(*p.person_id) : Json(nullptr)}, {"name", p.name}});
    return list.dump();
}

Result<std::vector<Party>> PartiesFrom(const std::string& sealed) {
    JW_ASSIGN_OR_RETURN(std::string text, OpenWorkText(sealed));
    std::vector<Party> out;
    const Json list = Json::parse(text, nullptr, false);
    if (!list.is_array()) return Status::Internal("community_mediations: parties are not a JSON list");
    for (const auto& j : list) {
        Party p;
        if (j.contains("person_id") && j["person_id"].is_number_integer()) p.person_id = j["person_id"].get<int64_t>();
        if (j.contains("name") && j["name"].is_string()) p.name = j["name"].get<std::string>();
        out.push_back(std::move(p));
    }
    return out;
}

Result<Mediation> MediationFrom(const storage::Row& r) {
    Mediation m;
    m.id = r.Int(0);
    m.client_key = r.Str(1);
    m.created_by = r.Int(2);
    m.created_by_name = r.Str(3);
    m.unit_id = r.Int(4);
    m.grid_id = r.Str(5);
    m.address_code = r.Str(6);
    m.address_name = r.Str(7);
    m.dispute_type = r.Str(8);
    JW_ASSIGN_OR_RETURN(m.parties, PartiesFrom(r.Str(9)));
    m.parties_index = r.Str(10);
    JW_ASSIGN_OR_RETURN(m.summary, OpenWorkText(r.Str(11)));
    m.occurred_at = r.Int(12);
    m.status = r.Str(13);
    m.outcome = r.Str(14);
    JW_ASSIGN_OR_RETURN(m.agreement, OpenWorkText(r.Str(15)));
    m.transferred_to = r.Str(16);
    if (!r.IsNull(17)) m.repeat_of = r.Int(17);
    m.repeat_count = static_cast<int>(r.Int(18));
    if (!r.IsNull(19)) m.closed_at = r.Int(19);
    if (!r.IsNull(20)) m.closed_by = r.Int(20);
    m.created_at = r.Int(21);
    m.updated_at = r.Int(22);
    m.version = static_cast<int>(r.Int(23));
    return m;
}

}  // namespace

Result<int64_t> InsertMediation(storage::Connection& c, const Mediation& m) {
    std::vector<int64_t> person_ids;
    for (const auto& p : m.parties)
        if (p.person_id) person_ids.push_back(*p.person_id);
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne(
            "INSERT INTO community_mediations (client_key, created_by, unit_id, grid_id, address_code, "
            "dispute_type, parties, person_ids, parties_index, summary, occurred_at, status, outcome, agreement, "
            "transferred_to, repeat_of, repeat_count, created_at, updated_at, version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1) RETURNING id",
            {m.client_key.empty() ? Null() : V(m.client_key), V(m.created_by), V(m.unit_id), V(m.grid_id),
             V(m.address_code), V(m.dispute_type), V(SealWorkText(PartiesJson(m.parties))),
             V(work_sql::JoinIds(person_ids)), V(m.parties_index), V(SealWorkText(m.summary)), V(m.occurred_at),
             V(m.status), V(m.outcome), V(SealWorkText(m.agreement)), V(m.transferred_to),
             m.repeat_of ? V(*m.repeat_of) : Null(), V(int64_t{m.repeat_count}), V(m.created_at), V(m.updated_at)}));
    return row.Int(0);
}

Result<std::optional<int64_t>> MediationIdByKey(storage::Connection& c, int64_t author, const std::string& key) {
    return work_sql::IdByKey(c, "SELECT id FROM community_mediations WHERE created_by = ? AND client_key = ?", author,
                             key);
}

Result<Mediation> GetMediation(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + " WHERE m.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("mediation");
    return MediationFrom(rows[0]);
}

Result<Page<Mediation>> ListMediations(storage::Connection& c, const WorkFilter& f) {
    work_sql::Where w(c.dialect());
    w.Scope("m.unit_id", f.unit_scope);
    w.Eq("m.grid_id", f.grid_id);
    w.Eq("m.address_code", f.address_code);
    w.Eq("m.status", f.status);
    w.Eq("m.dispute_type", f.dispute_type);
    if (f.officer_id) w.Add("m.created_by = ?", {V(*f.officer_id)});
    if (f.person_id) w.Add("m.person_ids LIKE ?", {V("%," + std::to_string(*f.person_id) + ",%")});
    if (f.from) w.Add("m.occurred_at >= ?", {V(*f.from)});
    if (f.to) w.Add("m.occurred_at < ?", {V(*f.to)});
    if (f.repeats_only) w.Add("m.repeat_count > 0", {});
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM community_mediations m" + w.Sql(), w.params()));
    storage::Params p = w.params();
    p.push_back(V(int64_t{f.page_size}));
    p.push_back(V(int64_t{(f.page - 1) * f.page_size}));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + w.Sql() +
                                               " ORDER BY m.occurred_at DESC, m.id DESC LIMIT ? OFFSET ?",
                                           p));
    Page<Mediation> out{{}, total.Int(0)};
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Mediation m, MediationFrom(r));
        out.first.push_back(std::move(m));
    }
    return out;
}

Result<std::pair<int, std::optional<int64_t>>> EarlierDisputes(storage::Connection& c, const std::string& address_code,
                                                               const std::string& parties_index, int64_t since,
                                                               int64_t before) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM community_mediations WHERE occurred_at >= ? AND "
                                           "occurred_at < ? AND ((address_code <> '' AND address_code = ?) OR "
                                           "parties_index = ?) ORDER BY occurred_at DESC, id DESC",
                                           {V(since), V(before), V(address_code), V(parties_index)}));
    std::pair<int, std::optional<int64_t>> out{static_cast<int>(rows.size()), std::nullopt};
    if (!rows.empty()) out.second = rows[0].Int(0);
    return out;
}

Status UpdateMediationState(storage::Connection& c, const Mediation& m, int expected_version) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("UPDATE community_mediations SET status = ?, outcome = ?, agreement = ?, "
                           "transferred_to = ?, closed_at = ?, closed_by = ?, updated_at = ?, version = version + 1 "
                           "WHERE id = ? AND version = ? RETURNING id",
                           {V(m.status), V(m.outcome), V(SealWorkText(m.agreement)), V(m.transferred_to),
                            m.closed_at ? V(*m.closed_at) : Null(), m.closed_by ? V(*m.closed_by) : Null(),
                            V(m.updated_at), V(m.id), V(int64_t{expected_version})}));
    if (rows.empty()) return Status(ErrorCode::kConflict, "the mediation changed meanwhile", {{"version", "stale"}});
    return Status::Ok();
}

}  // namespace jw::community

#include "community/orgs/orgs_repository.hpp"

#include "community/community_keys.hpp"
#include "community/houses/houses_repository.hpp"
#include "storage/in_list.hpp"

namespace jw::community {
namespace {

using storage::Null;
using storage::V;

storage::Value OptInt(const std::optional<int64_t>& v) { return v ? V(*v) : Null(); }
std::optional<int64_t> IntOpt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

constexpr const char* kSelect =
    "SELECT o.id, o.name, o.credit_code, o.address_code, o.kind, o.legal_rep_person_id, "
    "o.security_contact_person_id, o.phone, o.photo_media_id, o.created_by, o.unit_id, o.created_at, o.updated_at, "
    "o.version, COALESCE(a.full_name, ''), COALESCE(l.name, ''), COALESCE(s.name, '') FROM community_orgs o "
    "LEFT JOIN community_addresses a ON a.code = o.address_code "
    "LEFT JOIN community_people l ON l.id = o.legal_rep_person_id "
    "LEFT JOIN community_people s ON s.id = o.security_contact_person_id";

Result<Org> FromRow(const storage::Row& r) {
    Org o;
    o.id = r.Int(0);
    o.name = r.Str(1);
    o.credit_code = r.Str(2);
    o.address_id = r.Str(3);
    o.kind = r.Str(4);
    o.legal_rep_person_id = IntOpt(r, 5);
    o.security_contact_person_id = IntOpt(r, 6);
    JW_ASSIGN_OR_RETURN(o.phone, Sealer().Open(r.Str(7)));
    o.photo_media_id = r.Opt(8);
    o.created_by = r.Int(9);
    o.unit_id = r.Int(10);
    o.created_at = r.Int(11);
    o.updated_at = r.Int(12);
    o.version = r.Int(13);
    o.address_name = r.Str(14);
    o.legal_rep_name = r.Str(15);
    o.security_contact_name = r.Str(16);
    return o;
}

Result<std::vector<Org>> FromRows(const storage::Rows& rows) {
    std::vector<Org> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Org o, FromRow(r));
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace

Result<int64_t> InsertOrg(storage::Connection& c, const Org& o) {
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO community_orgs (name, credit_code, address_code, kind, legal_rep_person_id, "
               "security_contact_person_id, phone, photo_media_id, created_by, unit_id, created_at, updated_at, "
               "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
               {V(o.name), V(o.credit_code), V(o.address_id), V(o.kind), OptInt(o.legal_rep_person_id),
                OptInt(o.security_contact_person_id), V(Sealer().Seal(o.phone)), V(o.photo_media_id), V(o.created_by),
                V(o.unit_id), V(o.created_at), V(o.updated_at)}));
    auto row = c.QueryOne("SELECT MAX(id) FROM community_orgs WHERE created_by = ? AND name = ?",
                          {V(o.created_by), V(o.name)});
    if (!row.ok()) return row.status();
    return row->Int(0);
}

Status UpdateOrgRow(storage::Connection& c, const Org& o, int64_t now) {
    return c.Exec(
        "UPDATE community_orgs SET name = ?, credit_code = ?, address_code = ?, kind = ?, legal_rep_person_id = ?, "
        "security_contact_person_id = ?, phone = ?, photo_media_id = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ?",
        {V(o.name), V(o.credit_code), V(o.address_id), V(o.kind), OptInt(o.legal_rep_person_id),
         OptInt(o.security_contact_person_id), V(Sealer().Seal(o.phone)), V(o.photo_media_id), V(now), V(o.id)});
}

Status SetOrgPhoto(storage::Connection& c, int64_t org_id, const std::string& media_id) {
    return c.Exec("UPDATE community_orgs SET photo_media_id = ? WHERE id = ?", {V(media_id), V(org_id)});
}

Result<Org> GetOrg(storage::Connection& c, int64_t id) {
    auto rows = c.Query(std::string(kSelect) + " WHERE o.id = ?", {V(id)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("org");
    return FromRow(rows->front());
}

Result<std::optional<int64_t>> OrgIdByCreditCode(storage::Connection& c, const std::string& credit_code) {
    auto rows = c.Query("SELECT id FROM community_orgs WHERE credit_code = ? ORDER BY id LIMIT 1", {V(credit_code)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows->front().Int(0));
}

Result<std::pair<std::vector<Org>, int64_t>> ListOrgs(storage::Connection& c, const OrgFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params p;
    if (!f.q.empty()) {
        where += " AND (o.name LIKE ? ESCAPE '\\' OR o.credit_code = ?)";
        p.push_back(V("%" + LikeEscaped(f.q) + "%"));
        p.push_back(V(f.q));
    }
    if (!f.kind.empty()) {
        where += " AND o.kind = ?";
        p.push_back(V(f.kind));
    }
    if (!f.address_prefix.empty()) {
        where += " AND (o.address_code = ? OR o.address_code LIKE ? ESCAPE '\\')";
        p.push_back(V(f.address_prefix));
        p.push_back(V(LikeEscaped(f.address_prefix) + "-%"));
    }
    if (!f.grid_id.empty()) {
        where += " AND a.grid_id = ?";
        p.push_back(V(f.grid_id));
    }
    if (f.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "o.unit_id", *f.unit_scope, p);
    auto total = c.QueryOne(
        "SELECT COUNT(*) FROM community_orgs o LEFT JOIN community_addresses a ON a.code = o.address_code" + where, p);
    if (!total.ok()) return total.status();
    p.push_back(V(int64_t(f.page_size)));
    p.push_back(V(int64_t(f.page - 1) * f.page_size));
    auto rows = c.Query(std::string(kSelect) + where + " ORDER BY o.id DESC LIMIT ? OFFSET ?", p);
    if (!rows.ok()) return rows.status();
    JW_ASSIGN_OR_RETURN(auto items, FromRows(*rows));
    return std::make_pair(std::move(items), total->Int(0));
}

Result<std::vector<Org>> AllOrgs(storage::Connection& c) {
    auto rows = c.Query(std::string(kSelect) + " ORDER BY o.id");
    if (!rows.ok()) return rows.status();
    return FromRows(*rows);
}

}  // namespace jw::community

#include "community/houses/houses_repository.hpp"

#include <algorithm>
#include <cstdlib>

#include "storage/in_list.hpp"

namespace jw::community {
namespace {

using storage::Null;
using storage::V;

storage::Value OptInt(const std::optional<int64_t>& v) { return v ? V(*v) : Null(); }
storage::Value OptReal(const std::optional<double>& v) {
    if (!v) return Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", *v);
    return V(buf);
}
std::optional<int64_t> IntOpt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

// The house columns, the address and owner names, and the counts of current and unreported tenants (the two
// dates bound first: today, today, today, today).
constexpr const char* kSelect =
    "SELECT h.id, h.address_code, h.owner_person_id, h.use, h.area_m2, h.photo_media_id, h.notes, h.checked_at, "
    "h.created_by, h.unit_id, h.created_at, h.updated_at, h.version, COALESCE(a.full_name, ''), "
    "COALESCE(p.name, ''), "
    "(SELECT COUNT(*) FROM community_house_tenants t WHERE t.house_id = h.id AND t.from_date <= ? "
    "AND (t.to_date IS NULL OR t.to_date >= ?)), "
    "(SELECT COUNT(*) FROM community_house_tenants t WHERE t.house_id = h.id AND t.from_date <= ? "
    "AND (t.to_date IS NULL OR t.to_date >= ?) AND t.reported_at IS NULL) "
    "FROM community_houses h LEFT JOIN community_addresses a ON a.code = h.address_code "
    "LEFT JOIN community_people p ON p.id = h.owner_person_id";

House FromRow(const storage::Row& r) {
    House h;
    h.id = r.Int(0);
    h.address_id = r.Str(1);
    h.owner_person_id = IntOpt(r, 2);
    h.use = r.Str(3);
    if (!r.IsNull(4)) h.area_m2 = std::strtod(r.Str(4).c_str(), nullptr);
    h.photo_media_id = r.Opt(5);
    h.notes = r.Str(6);
    h.checked_at = IntOpt(r, 7);
    h.created_by = r.Int(8);
    h.unit_id = r.Int(9);
    h.created_at = r.Int(10);
    h.updated_at = r.Int(11);
    h.version = r.Int(12);
    h.address_name = r.Str(13);
    h.owner_name = r.Str(14);
    h.tenants_current = r.Int(15);
    h.tenants_unreported = r.Int(16);
    return h;
}

storage::Params Today(const std::string& today) { return {V(today), V(today), V(today), V(today)}; }

}  // namespace

std::string LikeEscaped(const std::string& s) {
    std::string out;
    for (char ch : s) {
        if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
        out.push_back(ch);
    }
    return out;
}

Result<int64_t> InsertHouse(storage::Connection& c, const House& h) {
    JW_RETURN_IF_ERROR(c.Exec(
        "INSERT INTO community_houses (address_code, owner_person_id, use, area_m2, photo_media_id, notes, checked_at, "
        "created_by, unit_id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        {V(h.address_id), OptInt(h.owner_person_id), V(h.use), OptReal(h.area_m2), V(h.photo_media_id), V(h.notes),
         OptInt(h.checked_at), V(h.created_by), V(h.unit_id), V(h.created_at), V(h.updated_at)}));
    auto row = c.QueryOne("SELECT id FROM community_houses WHERE address_code = ?", {V(h.address_id)});
    if (!row.ok()) return row.status();
    return row->Int(0);
}

Status InsertHouses(storage::Connection& c, const std::vector<House>& houses) {
    constexpr size_t kBatch = 200;  // 11 parameters a row: well under every backend's limit
    for (size_t at = 0; at < houses.size(); at += kBatch) {
        std::string sql =
            "INSERT INTO community_houses (address_code, owner_person_id, use, area_m2, photo_media_id, notes, "
            "checked_at, created_by, unit_id, created_at, updated_at, version) VALUES ";
        storage::Params p;
        for (size_t i = at; i < std::min(houses.size(), at + kBatch); ++i) {
            const House& h = houses[i];
            sql += (i == at ? "" : ", ");
            sql += "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
            for (auto v :
                 {V(h.address_id), OptInt(h.owner_person_id), V(h.use), OptReal(h.area_m2), V(h.photo_media_id),
                  V(h.notes), OptInt(h.checked_at), V(h.created_by), V(h.unit_id), V(h.created_at), V(h.updated_at)})
                p.push_back(std::move(v));
        }
        JW_RETURN_IF_ERROR(c.Exec(sql, p));
    }
    return Status::Ok();
}

Result<std::vector<std::pair<std::string, int64_t>>> HouseIdsByUse(storage::Connection& c, const std::string& use) {
    auto rows = c.Query("SELECT address_code, id FROM community_houses WHERE use = ? ORDER BY address_code", {V(use)});
    if (!rows.ok()) return rows.status();
    std::vector<std::pair<std::string, int64_t>> out;
    for (const auto& r : *rows) out.emplace_back(r.Str(0), r.Int(1));
    return out;
}

Status UpdateHouseRow(storage::Connection& c, const House& h, int64_t now) {
    return c.Exec(
        "UPDATE community_houses SET owner_person_id = ?, use = ?, area_m2 = ?, photo_media_id = ?, notes = ?, "
        "updated_at = ?, version = version + 1 WHERE id = ?",
        {OptInt(h.owner_person_id), V(h.use), OptReal(h.area_m2), V(h.photo_media_id), V(h.notes), V(now), V(h.id)});
}

Result<House> GetHouse(storage::Connection& c, int64_t id, const std::string& today) {
    storage::Params p = Today(today);
    p.push_back(V(id));
    auto rows = c.Query(std::string(kSelect) + " WHERE h.id = ?", p);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("house");
    return FromRow(rows->front());
}

Result<std::optional<int64_t>> HouseIdAtAddress(storage::Connection& c, const std::string& address_id) {
    auto rows = c.Query("SELECT id FROM community_houses WHERE address_code = ?", {V(address_id)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows->front().Int(0));
}

Result<std::pair<std::vector<House>, int64_t>> ListHouses(storage::Connection& c, const HouseFilter& f) {
    std::string where = " WHERE 1 = 1";
    storage::Params p;
    if (!f.q.empty()) {
        where += " AND a.full_name LIKE ? ESCAPE '\\'";
        p.push_back(V("%" + LikeEscaped(f.q) + "%"));
    }
    if (!f.address_prefix.empty()) {
        where += " AND (h.address_code = ? OR h.address_code LIKE ? ESCAPE '\\')";
        p.push_back(V(f.address_prefix));
        p.push_back(V(LikeEscaped(f.address_prefix) + "-%"));
    }
    if (!f.use.empty()) {
        where += " AND h.use = ?";
        p.push_back(V(f.use));
    }
    if (!f.grid_id.empty()) {
        where += " AND a.grid_id = ?";
        p.push_back(V(f.grid_id));
    }
    if (f.unreported) {
        where +=
            " AND EXISTS (SELECT 1 FROM community_house_tenants t WHERE t.house_id = h.id AND t.from_date <= ? AND "
            "(t.to_date IS NULL OR t.to_date >= ?) AND t.reported_at IS NULL)";
        p.push_back(V(f.today));
        p.push_back(V(f.today));
    }
    if (f.unit_scope) where += " AND " + storage::InFilter(c.dialect(), "h.unit_id", *f.unit_scope, p);
    auto total = c.QueryOne(
        "SELECT COUNT(*) FROM community_houses h LEFT JOIN community_addresses a ON a.code = h.address_code" + where,
        p);
    if (!total.ok()) return total.status();
    storage::Params all = Today(f.today);
    all.insert(all.end(), p.begin(), p.end());
    all.push_back(V(int64_t(f.page_size)));
    all.push_back(V(int64_t(f.page - 1) * f.page_size));
    auto rows = c.Query(std::string(kSelect) + where + " ORDER BY h.id DESC LIMIT ? OFFSET ?", all);
    if (!rows.ok()) return rows.status();
    std::vector<House> out;
    for (const auto& r : *rows) out.push_back(FromRow(r));
    return std::make_pair(std::move(out), total->Int(0));
}

Result<std::vector<House>> AllHouses(storage::Connection& c) {
    auto rows = c.Query(std::string(kSelect) + " ORDER BY h.address_code", Today("0000-00-00"));
    if (!rows.ok()) return rows.status();
    std::vector<House> out;
    for (const auto& r : *rows) out.push_back(FromRow(r));
    return out;
}

Status SetHousePhoto(storage::Connection& c, int64_t house_id, const std::string& media_id) {
    return c.Exec("UPDATE community_houses SET photo_media_id = ? WHERE id = ?", {V(media_id), V(house_id)});
}

Status SetCheckedAt(storage::Connection& c, int64_t house_id, int64_t at) {
    return c.Exec("UPDATE community_houses SET checked_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                  {V(at), V(at), V(house_id)});
}

Result<int64_t> InsertTenant(storage::Connection& c, const Tenant& t) {
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO community_house_tenants (house_id, person_id, from_date, to_date, reported_at, "
               "recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
               {V(t.house_id), V(t.person_id), V(t.from_date), V(t.to_date), OptInt(t.reported_at), V(t.recorded_by),
                V(t.at)}));
    auto row = c.QueryOne("SELECT MAX(id) FROM community_house_tenants WHERE house_id = ? AND person_id = ?",
                          {V(t.house_id), V(t.person_id)});
    if (!row.ok()) return row.status();
    return row->Int(0);
}

Status UpdateTenant(storage::Connection& c, const Tenant& t) {
    return c.Exec("UPDATE community_house_tenants SET to_date = ?, reported_at = ? WHERE id = ? AND house_id = ?",
                  {V(t.to_date), OptInt(t.reported_at), V(t.id), V(t.house_id)});
}

Result<std::vector<Tenant>> ListTenants(storage::Connection& c, int64_t house_id) {
    auto rows = c.Query(
        "SELECT t.id, t.house_id, t.person_id, t.from_date, t.to_date, t.reported_at, t.recorded_by, t.at, "
        "COALESCE(p.name, '') FROM community_house_tenants t LEFT JOIN community_people p ON p.id = t.person_id "
        "WHERE t.house_id = ? ORDER BY t.from_date DESC, t.id DESC",
        {V(house_id)});
    if (!rows.ok()) return rows.status();
    std::vector<Tenant> out;
    for (const auto& r : *rows) {
        Tenant t;
        t.id = r.Int(0);
        t.house_id = r.Int(1);
        t.person_id = r.Int(2);
        t.from_date = r.Str(3);
        t.to_date = r.Opt(4);
        t.reported_at = IntOpt(r, 5);
        t.recorded_by = r.Int(6);
        t.at = r.Int(7);
        t.name = r.Str(8);
        out.push_back(std::move(t));
    }
    return out;
}

Result<int64_t> InsertCheck(storage::Connection& c, const HouseCheck& k) {
    JW_RETURN_IF_ERROR(
        c.Exec("INSERT INTO community_house_checks (house_id, result, notes, checked_by, at) VALUES (?, ?, ?, ?, ?)",
               {V(k.house_id), V(k.result), V(k.notes), V(k.checked_by), V(k.at)}));
    auto row = c.QueryOne("SELECT MAX(id) FROM community_house_checks WHERE house_id = ?", {V(k.house_id)});
    if (!row.ok()) return row.status();
    return row->Int(0);
}

Result<std::vector<HouseCheck>> ListChecks(storage::Connection& c, int64_t house_id, int limit) {
    auto rows = c.Query(
        "SELECT id, house_id, result, notes, checked_by, at FROM community_house_checks WHERE house_id = ? "
        "ORDER BY at DESC, id DESC LIMIT ?",
        {V(house_id), V(limit)});
    if (!rows.ok()) return rows.status();
    std::vector<HouseCheck> out;
    for (const auto& r : *rows) out.push_back(HouseCheck{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Int(4), r.Int(5)});
    return out;
}

Result<std::optional<AddressRef>> FindAddressRef(storage::Connection& c, const std::string& code) {
    auto rows = c.Query("SELECT full_name, level FROM community_addresses WHERE code = ?", {V(code)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<AddressRef>();
    return std::optional<AddressRef>(AddressRef{rows->front().Str(0), rows->front().Str(1)});
}

Result<std::optional<std::string>> PersonName(storage::Connection& c, int64_t person_id) {
    auto rows = c.Query("SELECT name FROM community_people WHERE id = ?", {V(person_id)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows->front().Str(0));
}

}  // namespace jw::community

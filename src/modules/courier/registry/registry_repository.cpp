#include "courier/registry/registry_repository.hpp"

#include "common/sealed_fields.hpp"
#include "courier/courier_keys.hpp"

namespace jw::courier {
namespace {
using storage::Null;
using storage::V;

Outlet OutletFrom(const storage::Row& r) {
    Outlet o;
    o.id = r.Int(0), o.company_id = r.Int(1), o.code = r.Str(2), o.name = r.Str(3), o.licence_no = r.Str(4);
    o.manager_name = r.Str(5);
    auto phone = Sealer().Open(r.Str(6));
    o.manager_phone = phone.ok() ? *phone : "";
    if (!r.IsNull(7)) o.address_id = r.Int(7);
    o.address_text = r.Str(8), o.township = r.Str(9), o.station_unit_id = r.Int(10);
    if (!r.IsNull(11)) o.org_id = r.Int(11);
    return o;
}
constexpr const char* kOutletCols =
    "id, company_id, code, name, licence_no, manager_name, manager_phone_sealed, address_id, address_text, township, "
    "station_unit_id, org_id";

}  // namespace

Result<int64_t> InsertCompany(storage::Connection& c, const Company& co, const std::string& api_secret, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("INSERT INTO courier_companies (org_id, code, name, licence_no, "
                                             "api_secret_sealed, created_at) VALUES (?,?,?,?,?,?) RETURNING id",
                                             {co.org_id ? V(*co.org_id) : Null(), V(co.code), V(co.name),
                                              V(co.licence_no), V(ApiKeySealer().Seal(api_secret)), V(now)}));
    return row.Int(0);
}

Result<int64_t> InsertOutlet(storage::Connection& c, const Outlet& o, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO courier_outlets (org_id, company_id, code, name, licence_no, manager_name, "
                   "manager_phone_sealed, address_id, address_text, township, station_unit_id, created_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                   {o.org_id ? V(*o.org_id) : Null(), V(o.company_id), V(o.code), V(o.name), V(o.licence_no),
                    V(o.manager_name), V(Sealer().Seal(o.manager_phone)), o.address_id ? V(*o.address_id) : Null(),
                    V(o.address_text), V(o.township), V(o.station_unit_id), V(now)}));
    return row.Int(0);
}

Result<Company> LoadCompanyByCode(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT id, code, name, licence_no FROM courier_companies WHERE code = ?", {V(code)}));
    if (rows.empty()) return Status::NotFound("company");
    return Company{rows[0].Int(0), rows[0].Str(1), rows[0].Str(2), rows[0].Str(3)};
}

Result<std::vector<Company>> ListCompanies(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, code, name, licence_no FROM courier_companies ORDER BY id", {}));
    std::vector<Company> out;
    for (const auto& r : rows) out.push_back(Company{r.Int(0), r.Str(1), r.Str(2), r.Str(3)});
    return out;
}

Result<std::string> CompanyApiSecret(storage::Connection& c, int64_t company_id) {
    JW_ASSIGN_OR_RETURN(auto row,
                        c.QueryOne("SELECT api_secret_sealed FROM courier_companies WHERE id = ?", {V(company_id)}));
    return ApiKeySealer().Open(row.Str(0));
}

Result<Outlet> LoadOutlet(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kOutletCols + " FROM courier_outlets WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("outlet");
    return OutletFrom(rows[0]);
}

Result<Outlet> LoadOutletByCode(storage::Connection& c, int64_t company_id, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kOutletCols +
                                               " FROM courier_outlets WHERE company_id = ? AND code = ?",
                                           {V(company_id), V(code)}));
    if (rows.empty()) return Status::NotFound("outlet");
    return OutletFrom(rows[0]);
}

Result<std::vector<Outlet>> OutletsOfOrgs(storage::Connection& c, const std::vector<int64_t>& org_ids) {
    std::vector<Outlet> out;
    for (int64_t org : org_ids) {
        JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kOutletCols +
                                                   " FROM courier_outlets WHERE org_id = ? OR company_id IN "
                                                   "(SELECT id FROM courier_companies WHERE org_id = ?) ORDER BY id",
                                               {V(org), V(org)}));
        for (const auto& r : rows) out.push_back(OutletFrom(r));
    }
    return out;
}

Result<std::vector<Outlet>> ListOutlets(storage::Connection& c, std::optional<int64_t> company_id) {
    std::string sql = std::string("SELECT ") + kOutletCols + " FROM courier_outlets";
    storage::Params p;
    if (company_id) sql += " WHERE company_id = ?", p.push_back(V(*company_id));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY id", p));
    std::vector<Outlet> out;
    for (const auto& r : rows) out.push_back(OutletFrom(r));
    return out;
}

Result<int64_t> InsertStaff(storage::Connection& c, const Staff& s, int64_t now) {
    const auto& k = Sealer();
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO courier_staff (outlet_id, user_id, role, name, id_sealed, id_index, phone_sealed, "
                   "person_id, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
                   {V(s.outlet_id), s.user_id ? V(*s.user_id) : Null(), V(s.role), V(s.name), V(k.Seal(s.id_number)),
                    V(k.BlindIndex("id", NormaliseIdNumber(s.id_number))), V(k.Seal(s.phone)),
                    s.person_id ? V(*s.person_id) : Null(), V(s.status), V(now)}));
    return row.Int(0);
}

namespace {
constexpr const char* kStaffCols = "id, outlet_id, user_id, person_id, role, name, id_sealed, phone_sealed, status";
Staff StaffFrom(const storage::Row& r) {
    Staff s;
    s.id = r.Int(0), s.outlet_id = r.Int(1);
    if (!r.IsNull(2)) s.user_id = r.Int(2);
    if (!r.IsNull(3)) s.person_id = r.Int(3);
    s.role = r.Str(4), s.name = r.Str(5);
    auto id = Sealer().Open(r.Str(6));
    auto ph = Sealer().Open(r.Str(7));
    s.id_number = id.ok() ? *id : "", s.phone = ph.ok() ? *ph : "", s.status = r.Str(8);
    return s;
}
}  // namespace

Result<std::optional<Staff>> StaffOfUser(storage::Connection& c, int64_t user_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kStaffCols +
                                               " FROM courier_staff WHERE user_id = ? AND status <> 'left'",
                                           {V(user_id)}));
    if (rows.empty()) return std::optional<Staff>();
    return std::optional<Staff>(StaffFrom(rows[0]));
}

Result<Staff> LoadStaff(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kStaffCols + " FROM courier_staff WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("staff");
    return StaffFrom(rows[0]);
}

Status UpdateStaff(storage::Connection& c, const Staff& s) {
    const auto& k = Sealer();
    return c.Exec(
        "UPDATE courier_staff SET role = ?, name = ?, id_sealed = ?, id_index = ?, phone_sealed = ?, "
        "person_id = ?, status = ? WHERE id = ?",
        {V(s.role), V(s.name), V(k.Seal(s.id_number)), V(k.BlindIndex("id", NormaliseIdNumber(s.id_number))),
         V(k.Seal(s.phone)), s.person_id ? V(*s.person_id) : Null(), V(s.status), V(s.id)});
}

Status UnlinkStaffAccount(storage::Connection& c, int64_t id) {
    return c.Exec("UPDATE courier_staff SET user_id = NULL WHERE id = ?", {V(id)});
}

Result<std::vector<Staff>> ListStaff(storage::Connection& c, int64_t outlet_id) {
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string("SELECT ") + kStaffCols + " FROM courier_staff WHERE outlet_id = ? ORDER BY id",
                           {V(outlet_id)}));
    std::vector<Staff> out;
    for (const auto& r : rows) out.push_back(StaffFrom(r));
    return out;
}

Status RememberNonce(storage::Connection& c, int64_t company_id, const std::string& nonce, int64_t now,
                     int64_t older_than) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM courier_api_nonces WHERE seen_at < ?", {V(older_than)}));
    return c.Exec("INSERT INTO courier_api_nonces (company_id, nonce, seen_at) VALUES (?,?,?)",
                  {V(company_id), V(nonce), V(now)});
}

}  // namespace jw::courier

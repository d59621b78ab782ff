#include "community/dossier/dossier_repository.hpp"

namespace jw::community::dossier::repo {

using storage::V;

Result<std::vector<Move>> MovesOf(storage::Connection& c, int64_t person_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT m.id, m.kind, m.address_code, COALESCE(a.full_name, ''), m.on_date, "
                                           "m.reason, m.recorded_by, m.at FROM community_person_moves m "
                                           "LEFT JOIN community_addresses a ON a.code = m.address_code "
                                           "WHERE m.person_id = ? ORDER BY m.on_date DESC, m.id DESC",
                                           {V(person_id)}));
    std::vector<Move> out;
    for (const auto& r : rows)
        out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Int(6), r.Int(7)});
    return out;
}

Result<std::optional<Residence>> ResidenceOf(storage::Connection& c, int64_t person_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT p.residence_code, COALESCE(a.full_name, ''), "
                                           "COALESCE(a.grid_id, '') FROM community_people p "
                                           "LEFT JOIN community_addresses a ON a.code = p.residence_code "
                                           "WHERE p.id = ? AND p.residence_code IS NOT NULL AND p.residence_code <> ''",
                                           {V(person_id)}));
    if (rows.empty()) return std::optional<Residence>();
    return std::optional<Residence>(Residence{rows[0].Str(0), rows[0].Str(1), rows[0].Str(2)});
}

Result<std::vector<HouseLink>> HousesOf(storage::Connection& c, int64_t person_id) {
    std::vector<HouseLink> out;
    JW_ASSIGN_OR_RETURN(auto owned, c.Query("SELECT h.id, h.address_code, COALESCE(a.full_name, ''), h.use, h.unit_id "
                                            "FROM community_houses h LEFT JOIN community_addresses a ON "
                                            "a.code = h.address_code WHERE h.owner_person_id = ? ORDER BY h.id",
                                            {V(person_id)}));
    for (const auto& r : owned) {
        HouseLink h;
        h.house_id = r.Int(0);
        h.relation = "owner";
        h.address_code = r.Str(1);
        h.address_name = r.Str(2);
        h.use = r.Str(3);
        h.unit_id = r.Int(4);
        out.push_back(std::move(h));
    }
    JW_ASSIGN_OR_RETURN(auto rented,
                        c.Query("SELECT h.id, h.address_code, COALESCE(a.full_name, ''), h.use, h.unit_id, "
                                "t.from_date, COALESCE(t.to_date, ''), t.reported_at FROM community_house_tenants t "
                                "JOIN community_houses h ON h.id = t.house_id LEFT JOIN community_addresses a ON "
                                "a.code = h.address_code WHERE t.person_id = ? ORDER BY t.from_date DESC, t.id DESC",
                                {V(person_id)}));
    for (const auto& r : rented) {
        HouseLink h;
        h.house_id = r.Int(0);
        h.relation = "tenant";
        h.address_code = r.Str(1);
        h.address_name = r.Str(2);
        h.use = r.Str(3);
        h.unit_id = r.Int(4);
        h.from_date = r.Str(5);
        h.to_date = r.Str(6);
        if (!r.IsNull(7)) h.reported_at = r.Int(7);
        out.push_back(std::move(h));
    }
    return out;
}

Result<std::vector<OrgLink>> OrgsOf(storage::Connection& c, int64_t person_id) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT o.id, 'legal_rep', o.name, o.kind, o.credit_code, o.address_code, "
                                "COALESCE(a.full_name, ''), o.unit_id FROM community_orgs o LEFT JOIN "
                                "community_addresses a ON a.code = o.address_code WHERE o.legal_rep_person_id = ? "
                                "UNION ALL SELECT o.id, 'security_contact', o.name, o.kind, o.credit_code, "
                                "o.address_code, COALESCE(a.full_name, ''), o.unit_id FROM community_orgs o LEFT JOIN "
                                "community_addresses a ON a.code = o.address_code WHERE "
                                "o.security_contact_person_id = ? ORDER BY 1, 2",
                                {V(person_id), V(person_id)}));
    std::vector<OrgLink> out;
    for (const auto& r : rows)
        out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Str(6), r.Int(7)});
    return out;
}

}  // namespace jw::community::dossier::repo

// The master index links of case people and places (case_repository.hpp, "master index links").
#include <cstdio>

#include "cases/case_repository.hpp"
#include "cases/case_secrets.hpp"

namespace jw::cases::repo {

using storage::Null;
using storage::V;

namespace {

storage::Value OptDouble(std::optional<double> d) {
    if (!d) return Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", *d);
    return V(std::string(buf));
}

// A row of case_people read as ListPeople reads it (sealed fields opened).
constexpr const char* kPersonColumns =
    "p.id, p.case_id, p.role, p.name, p.id_type, p.id_number, p.phone, p.address, p.created_at, p.sealed, p.person_id";

Result<Person> ReadPerson(const storage::Row& r) {
    Person p{r.Int(0), r.Int(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Str(6), r.Str(7), r.Int(8), std::nullopt};
    if (r.Int(9) == 1) {
        JW_ASSIGN_OR_RETURN(p.id_number, OpenField(p.id_number));
        JW_ASSIGN_OR_RETURN(p.phone, OpenField(p.phone));
        JW_ASSIGN_OR_RETURN(p.address, OpenField(p.address));
    }
    if (!r.IsNull(10)) p.index_person_id = r.Int(10);
    return p;
}

}  // namespace

Status SetPersonLink(storage::Connection& c, int64_t case_person_id, std::optional<int64_t> index_person_id) {
    return c.Exec("UPDATE case_people SET person_id = ?, linked = 1 WHERE id = ?",
                  {index_person_id ? V(*index_person_id) : Null(), V(case_person_id)});
}

Status SetPlaceLink(storage::Connection& c, int64_t case_id, const std::optional<std::string>& address_id,
                    std::optional<double> score) {
    return c.Exec("UPDATE cases SET place_address_id = ?, place_match_score = ?, place_linked = 1 WHERE id = ?",
                  {address_id ? V(*address_id) : Null(), OptDouble(score), V(case_id)});
}

Result<std::vector<UnlinkedPerson>> UnlinkedPeople(storage::Connection& c, int limit) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kPersonColumns +
                                               ", k.created_by, k.unit_id FROM case_people p JOIN cases k ON "
                                               "k.id = p.case_id WHERE p.linked = 0 ORDER BY p.id LIMIT ?",
                                           {V(static_cast<int64_t>(limit))}));
    std::vector<UnlinkedPerson> out;
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Person p, ReadPerson(r));
        out.push_back({std::move(p), r.Int(11), r.Int(12)});
    }
    return out;
}

Result<std::vector<std::pair<int64_t, std::string>>> UnlinkedPlaces(storage::Connection& c, int limit) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, place_address FROM cases WHERE place_linked = 0 ORDER BY id "
                                           "LIMIT ?",
                                           {V(static_cast<int64_t>(limit))}));
    std::vector<std::pair<int64_t, std::string>> out;
    for (const auto& r : rows) out.emplace_back(r.Int(0), r.Str(1));
    return out;
}

Result<std::vector<Person>> PartiesOfIndexPerson(storage::Connection& c, int64_t index_person_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kPersonColumns +
                                               " FROM case_people p WHERE p.person_id = ? ORDER BY p.case_id, p.id",
                                           {V(index_person_id)}));
    std::vector<Person> out;
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Person p, ReadPerson(r));
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<EarlierPenalty>> EarlierPenalties(storage::Connection& c, int64_t index_person_id, int64_t case_id,
                                                     int64_t act_before) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT DISTINCT k.id, k.case_no, k.occurred_at FROM case_people p JOIN cases k ON k.id = p.case_id "
                "WHERE p.person_id = ? AND p.role = 'suspect' AND k.id <> ? AND k.outcome = 'penalty' "
                "AND k.state IN ('decided', 'executed', 'closed') AND k.occurred_at < ? ORDER BY k.occurred_at, k.id",
                {V(index_person_id), V(case_id), V(act_before)}));
    std::vector<EarlierPenalty> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1), r.Int(2)});
    return out;
}

}  // namespace jw::cases::repo

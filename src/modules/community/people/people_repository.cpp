#include "community/people/people_repository.hpp"

#include <algorithm>

#include "common/json_util.hpp"
#include "community/community_keys.hpp"

namespace jw::community {
namespace {

using storage::V;

storage::Value Opt(const std::optional<std::string>& s) { return s ? V(*s) : storage::Null(); }

std::string SealPhones(const std::vector<std::string>& phones) {
    if (phones.empty()) return "";
    return Sealer().Seal(Json(phones).dump());
}

}  // namespace

storage::Params PersonRowValues(const Person& p, const std::string& id_index) {
    return {V(p.id_kind),
            V(Sealer().Seal(p.id_number)),
            V(id_index),
            V(p.nationality),
            V(p.name),
            V(p.sex),
            V(p.birth_date),
            V(p.ethnicity),
            V(Sealer().Seal(p.hukou_address)),
            Opt(p.residence_address_id),
            V(p.category),
            V(SealPhones(p.phones)),
            Opt(p.photo_media_id),
            V(p.permit_no),
            Opt(p.permit_expires),
            V(p.status),
            V(p.collected_by),
            V(p.unit_id),
            V(p.created_at),
            V(p.updated_at)};
}

const char* kPersonSelect =
    "SELECT p.id, p.id_kind, p.id_number, p.nationality, p.name, p.sex, p.birth_date, p.ethnicity, p.hukou_address, "
    "p.residence_code, p.category, p.phones, p.photo_media_id, p.permit_no, p.permit_expires, p.status, "
    "p.collected_by, p.unit_id, p.created_at, p.updated_at, p.version FROM community_people p";

Result<Person> PersonFromRow(const storage::Row& r) {
    Person p;
    p.id = r.Int(0);
    p.id_kind = r.Str(1);
    JW_ASSIGN_OR_RETURN(p.id_number, Sealer().Open(r.Str(2)));
    p.nationality = r.Str(3);
    p.name = r.Str(4);
    p.sex = r.Str(5);
    p.birth_date = r.Str(6);
    p.ethnicity = r.Str(7);
    JW_ASSIGN_OR_RETURN(p.hukou_address, Sealer().Open(r.Str(8)));
    p.residence_address_id = r.Opt(9);
    p.category = r.Str(10);
    JW_ASSIGN_OR_RETURN(std::string phones, Sealer().Open(r.Str(11)));
    if (!phones.empty()) {
        const Json j = Json::parse(phones, nullptr, false);
        if (j.is_array())
            for (const auto& x : j)
                if (x.is_string()) p.phones.push_back(x.get<std::string>());
    }
    p.photo_media_id = r.Opt(12);
    p.permit_no = r.Str(13);
    p.permit_expires = r.Opt(14);
    p.status = r.Str(15);
    p.collected_by = r.Int(16);
    p.unit_id = r.Int(17);
    p.created_at = r.Int(18);
    p.updated_at = r.Int(19);
    p.version = static_cast<int>(r.Int(20));
    return p;
}

Result<std::optional<int64_t>> InsertPersonIfNew(storage::Connection& c, const Person& p, const std::string& id_index) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("INSERT INTO community_people (id_kind, id_number, id_index, nationality, name, sex, birth_date, "
                "ethnicity, hukou_address, residence_code, category, phones, photo_media_id, permit_no, "
                "permit_expires, status, collected_by, unit_id, created_at, updated_at, version) VALUES (?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id_index) DO NOTHING RETURNING id",
                PersonRowValues(p, id_index)));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::optional<Person>> FindPersonByIndex(storage::Connection& c, const std::string& id_index) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kPersonSelect) + " WHERE p.id_index = ?", {V(id_index)}));
    if (rows.empty()) return std::optional<Person>();
    JW_ASSIGN_OR_RETURN(Person p, PersonFromRow(rows[0]));
    return std::optional<Person>(std::move(p));
}

Result<Person> LoadPerson(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kPersonSelect) + " WHERE p.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("person");
    return PersonFromRow(rows[0]);
}

Status UpdatePerson(storage::Connection& c, const Person& p, int expected_version, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("UPDATE community_people SET name = ?, sex = ?, birth_date = ?, ethnicity = ?, hukou_address = ?, "
                "residence_code = ?, category = ?, phones = ?, photo_media_id = ?, permit_no = ?, permit_expires = ?, "
                "status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING id",
                {V(p.name), V(p.sex), V(p.birth_date), V(p.ethnicity), V(Sealer().Seal(p.hukou_address)),
                 Opt(p.residence_address_id), V(p.category), V(SealPhones(p.phones)), Opt(p.photo_media_id),
                 V(p.permit_no), Opt(p.permit_expires), V(p.status), V(now), V(p.id), V(expected_version)}));
    if (!rows.empty()) return Status::Ok();
    JW_ASSIGN_OR_RETURN(auto exists, c.Query("SELECT 1 FROM community_people WHERE id = ?", {V(p.id)}));
    return exists.empty() ? Status::NotFound("person") : Status::Conflict("person version");
}

Result<bool> AddressExists(storage::Connection& c, const std::string& code) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM community_addresses WHERE code = ?", {V(code)}));
    return !rows.empty();
}

Result<std::vector<std::string>> InsertPeopleBulk(storage::Connection& c, const std::vector<Person>& people,
                                                  const std::vector<std::string>& indexes, bool skip_existing) {
    std::vector<std::string> inserted;
    constexpr size_t kRows = 40;  // 20 parameters a row: under SQLite's oldest limit of 999 per statement
    const std::string head =
        "INSERT INTO community_people (id_kind, id_number, id_index, nationality, name, sex, birth_date, ethnicity, "
        "hukou_address, residence_code, category, phones, photo_media_id, permit_no, permit_expires, status, "
        "collected_by, unit_id, created_at, updated_at) VALUES ";
    const std::string one = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    for (size_t start = 0; start < people.size(); start += kRows) {
        const size_t end = std::min(people.size(), start + kRows);
        std::string sql = head;
        storage::Params params;
        params.reserve((end - start) * 20);
        for (size_t i = start; i < end; ++i) {
            const Person& p = people[i];
            sql += i == start ? one : ", " + one;
            for (auto v : {V(p.id_kind),
                           V(Sealer().Seal(p.id_number)),
                           V(indexes[i]),
                           V(p.nationality),
                           V(p.name),
                           V(p.sex),
                           V(p.birth_date),
                           V(p.ethnicity),
                           V(Sealer().Seal(p.hukou_address)),
                           Opt(p.residence_address_id),
                           V(p.category),
                           V(SealPhones(p.phones)),
                           Opt(p.photo_media_id),
                           V(p.permit_no),
                           Opt(p.permit_expires),
                           V(p.status),
                           V(p.collected_by),
                           V(p.unit_id),
                           V(p.created_at),
                           V(p.updated_at)})
                params.push_back(std::move(v));
        }
        if (!skip_existing) {
            JW_RETURN_IF_ERROR(c.Exec(sql, params));
            continue;
        }
        JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ON CONFLICT (id_index) DO NOTHING RETURNING id_index", params));
        for (const auto& r : rows) inserted.push_back(r.Str(0));
    }
    return inserted;
}

}  // namespace jw::community

#include "community/people/people_changes.hpp"

#include <algorithm>

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "community/people/people_repository.hpp"
#include "community/people/people_service.hpp"
#include "community/people/person_identity.hpp"

namespace jw::community {
namespace {

using storage::V;

Status CheckResidence(storage::Connection& c, const std::optional<std::string>& code) {
    if (!code) return Status::Ok();
    JW_ASSIGN_OR_RETURN(bool known, AddressExists(c, *code));
    return known ? Status::Ok() : Status::Invalid("residence_address_id", "unknown_address");
}

}  // namespace

Result<int> EditPerson(storage::Connection& tx, int64_t person_id, const PersonEdit& edit, int expected_version,
                       int64_t now, int64_t by) {
    JW_ASSIGN_OR_RETURN(Person p, LoadPerson(tx, person_id));
    if (p.version != expected_version) return Status::Conflict("person version");
    // The edited person is checked by the same rules as a new one (NormalisePersonInput).
    PersonInput in;
    in.id_kind = p.id_kind;
    in.id_number = p.id_number;
    in.nationality = p.nationality;
    in.name = edit.name.value_or(p.name);
    in.sex = edit.sex.value_or(p.sex);
    in.birth_date = edit.birth_date.value_or(p.birth_date);
    in.ethnicity = edit.ethnicity.value_or(p.ethnicity);
    in.hukou_address = edit.hukou_address.value_or(p.hukou_address);
    in.category = edit.category.value_or(p.category);
    in.permit_no = edit.permit_no.value_or(p.permit_no);
    in.residence_address_id = edit.residence_address_id.value_or(p.residence_address_id);
    in.photo_media_id = edit.photo_media_id.value_or(p.photo_media_id);
    in.permit_expires = edit.permit_expires.value_or(p.permit_expires);
    in.phones = edit.phones.value_or(p.phones);
    if (in.category.empty()) return Status::Invalid("category", "required");
    JW_RETURN_IF_ERROR(NormalisePersonInput(in));
    const std::string status = edit.status.value_or(p.status);
    if (std::none_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* s) { return status == s; }))
        return Status::Invalid("status", "invalid_enum");
    if (edit.residence_address_id) JW_RETURN_IF_ERROR(CheckResidence(tx, in.residence_address_id));
    if (in.photo_media_id && in.photo_media_id != p.photo_media_id)
        JW_RETURN_IF_ERROR(AttachPersonPhoto(tx, p.id, *in.photo_media_id, by));
    p.name = in.name;
    p.sex = in.sex;
    p.birth_date = in.birth_date;
    p.ethnicity = in.ethnicity;
    p.hukou_address = in.hukou_address;
    p.category = in.category;
    p.permit_no = in.permit_no;
    p.residence_address_id = in.residence_address_id;
    p.photo_media_id = in.photo_media_id;
    p.permit_expires = in.permit_expires;
    p.phones = in.phones;
    p.status = status;
    JW_RETURN_IF_ERROR(UpdatePerson(tx, p, expected_version, now));
    return expected_version + 1;
}

Result<MoveResult> RecordMove(storage::Connection& tx, int64_t person_id, const MoveInput& move,
                              const auth::Principal& actor, int64_t now) {
    if (move.kind != "in" && move.kind != "out") return Status::Invalid("kind", "invalid_enum");
    if (move.kind == "in" && move.address_id.empty()) return Status::Invalid("address_id", "required");
    if (!move.address_id.empty()) JW_RETURN_IF_ERROR(CheckResidence(tx, move.address_id));
    auto date = ParseDate(move.on_date);
    if (!date || !IsValidDate(*date) || move.on_date.size() != 10) return Status::Invalid("on_date", "bad_date");
    if (*date > ChinaDateOf(now)) return Status::Invalid("on_date", "future_date");
    JW_ASSIGN_OR_RETURN(Person p, LoadPerson(tx, person_id));
    if (move.kind == "in") {
        p.residence_address_id = move.address_id;
        p.status = "present";
    } else {
        p.status = "moved_out";
    }
    JW_RETURN_IF_ERROR(UpdatePerson(tx, p, p.version, now));
    JW_ASSIGN_OR_RETURN(storage::Row r,
                        tx.QueryOne("INSERT INTO community_person_moves (person_id, kind, address_code, on_date, "
                                    "reason, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                    {V(person_id), V(move.kind), V(move.address_id), V(move.on_date), V(move.reason),
                                     V(actor.user_id), V(now)}));
    return MoveResult{r.Int(0), p.version + 1};
}

Result<std::vector<Move>> ListMoves(storage::Connection& c, int64_t person_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, kind, address_code, on_date, reason, recorded_by, at FROM "
                                           "community_person_moves WHERE person_id = ? ORDER BY on_date DESC, id DESC",
                                           {V(person_id)}));
    std::vector<Move> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Int(5), r.Int(6)});
    return out;
}

}  // namespace jw::community

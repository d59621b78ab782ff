#include "field/field_service.hpp"

#include <algorithm>

#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "community/community_keys.hpp"
#include "community/people/people_queries.hpp"
#include "community/people/people_service.hpp"
#include "personwatch/check/identity_check.hpp"
#include "storage/in_list.hpp"

namespace jw::field {

namespace {
using storage::V;

storage::Value Coordinate(const std::optional<double>& v) {
    return v ? storage::Value(std::to_string(*v)) : storage::Null();
}
std::optional<double> ReadDouble(const storage::Row& r, size_t i) {
    if (r.IsNull(i)) return std::nullopt;
    return std::stod(r.Str(i));
}

// The master index's answer: the person with this ID number, or the one with this name and birth date.
Result<std::optional<community::Person>> FindInMasterIndex(storage::Connection& c, const CheckInput& in) {
    if (!in.id_number.empty()) return community::FindPersonByIdNumber(c, "resident_id", in.id_number);
    community::PeopleFilter f;
    f.q = in.name;
    f.page_size = 200;
    JW_ASSIGN_OR_RETURN(auto page, community::ListPeople(c, f));
    for (const auto& row : page.first)
        if (row.person.name == in.name && row.person.birth_date == in.birth_date)
            return std::optional<community::Person>(row.person);
    return std::optional<community::Person>();
}

Status Validate(const CheckInput& in) {
    if (!in.id_number.empty()) return Status::Ok();  // FindPersonByIdNumber names a bad number
    Status s(ErrorCode::kInvalidArgument, "an ID number, or a name and a birth date");
    if (in.name.empty()) s.mutable_fields()["name"] = "required";
    if (in.birth_date.empty())
        s.mutable_fields()["birth_date"] = "required";
    else if (!ParseDate(in.birth_date))
        s.mutable_fields()["birth_date"] = "bad_format";
    return s.fields().empty() ? Status::Ok() : s;
}

Result<std::optional<CheckResult>> EarlierCheck(storage::Connection& c, int64_t officer, const std::string& key) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, outcome, person_id, checked_at FROM field_checks "
                                           "WHERE officer_id = ? AND client_key = ?",
                                           {V(officer), V(key)}));
    if (rows.empty()) return std::optional<CheckResult>();
    CheckResult r;
    r.id = rows[0].Int(0);
    r.outcome = rows[0].Str(1);  // as first answered (the list may have changed since)
    if (!rows[0].IsNull(2)) r.person_id = rows[0].Int(2);
    r.checked_at = rows[0].Int(3);
    r.replay = true;
    return std::optional<CheckResult>(r);
}

// The watch list's answer for this check (raising the alert on a hit, once per event_ref).
Status AskWatchList(storage::Connection& c, const auth::Principal& officer, const CheckInput& in, int64_t now,
                    CheckResult& r) {
    personwatch::CheckSubject who;
    who.id_number = in.id_number;
    who.name = in.id_number.empty() ? in.name : "";
    who.birth_date = in.id_number.empty() ? in.birth_date : "";
    personwatch::CheckContext ctx;
    ctx.source = "mobile_check";
    ctx.event_ref = "field:" + std::to_string(officer.user_id) + ":" + in.client_key;
    ctx.latitude = in.latitude;
    ctx.longitude = in.longitude;
    JW_ASSIGN_OR_RETURN(auto answer, personwatch::CheckIdentity(c, officer, who, ctx, now));
    for (const auto& h : answer.hits)
        r.hits.push_back(WatchHit{h.kind, h.kind_name_zh, h.kind_name_en, h.masked_name, h.case_no, h.instruction,
                                  h.colour, h.alert_id});
    if (!r.hits.empty()) {
        const bool wanted = std::any_of(r.hits.begin(), r.hits.end(), [](const auto& h) { return h.kind == "wanted"; });
        r.outcome = wanted ? "wanted" : "watched";
    }
    return Status::Ok();
}

void Describe(const community::Person& p, CheckResult& r) {
    r.person_id = p.id;
    r.masked_name = MaskName(p.name);
    r.masked_id = MaskIdNumber(p.id_number);
    r.category = p.category;
}
}  // namespace

Result<CheckResult> RecordCheck(storage::Connection& c, const auth::Principal& officer, const CheckInput& in,
                                int64_t now) {
    if (in.client_key.empty()) return Status::Invalid("client_key", "required");
    JW_RETURN_IF_ERROR(Validate(in));
    JW_ASSIGN_OR_RETURN(auto earlier, EarlierCheck(c, officer.user_id, in.client_key));
    if (earlier) {
        if (earlier->person_id) {
            JW_ASSIGN_OR_RETURN(auto p, community::GetPerson(c, *earlier->person_id));
            Describe(p, *earlier);
        }
        // The same event again: the same hits, nothing raised twice.
        JW_RETURN_IF_ERROR(AskWatchList(c, officer, in, now, *earlier));
        return *earlier;
    }
    JW_ASSIGN_OR_RETURN(auto person, FindInMasterIndex(c, in));
    CheckResult r;
    r.outcome = person ? "known" : "nothing";
    if (person) Describe(*person, r);
    JW_RETURN_IF_ERROR(AskWatchList(c, officer, in, now, r));
    r.checked_at = std::min(in.checked_at.value_or(now), now);
    const auto& sealer = community::Sealer();
    const std::string subject = in.id_number.empty() ? in.name + " " + in.birth_date : in.id_number;
    const std::string index =
        person && !in.id_number.empty() ? sealer.BlindIndex("check", person->id_number) : std::string();
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO field_checks (client_key, officer_id, unit_id, kind, subject, subject_index, outcome, "
                   "person_id, longitude, latitude, checked_at, received_at, offline) "
                   "VALUES (?, ?, ?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {V(in.client_key), V(officer.user_id), V(officer.unit_id), V(sealer.Seal(subject)), V(index),
                    V(r.outcome), person ? V(person->id) : storage::Null(), Coordinate(in.longitude),
                    Coordinate(in.latitude), V(r.checked_at), V(now), V(in.offline)}));
    r.id = row.Int(0);
    return r;
}

Result<std::vector<CheckRow>> ListChecks(storage::Connection& c, std::optional<int64_t> officer_id,
                                         const std::optional<std::vector<int64_t>>& unit_scope, int limit) {
    std::string sql =
        "SELECT k.id, k.officer_id, COALESCE(u.name, ''), k.outcome, k.subject, k.person_id, k.longitude, "
        "k.latitude, k.checked_at, k.received_at, k.offline FROM field_checks k LEFT JOIN users u ON u.id = "
        "k.officer_id WHERE 1 = 1";
    storage::Params params;
    if (officer_id) {
        sql += " AND k.officer_id = ?";
        params.push_back(V(*officer_id));
    }
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *unit_scope, params);
    sql += " ORDER BY k.checked_at DESC, k.id DESC LIMIT ?";
    params.push_back(V(limit));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
    std::vector<CheckRow> out;
    const auto& sealer = community::Sealer();
    for (const auto& r : rows) {
        CheckRow k;
        k.id = r.Int(0);
        k.officer_id = r.Int(1);
        k.officer_name = r.Str(2);
        k.outcome = r.Str(3);
        JW_ASSIGN_OR_RETURN(std::string subject, sealer.Open(r.Str(4)));
        // An ID number shows its first 6 and last 4; a name + birth date its first character and the date.
        const auto space = subject.find(' ');
        k.subject_masked = space == std::string::npos
                               ? MaskIdNumber(subject)
                               : MaskName(subject.substr(0, space)) + " " + subject.substr(space + 1);
        if (!r.IsNull(5)) k.person_id = r.Int(5);
        k.longitude = ReadDouble(r, 6);
        k.latitude = ReadDouble(r, 7);
        k.checked_at = r.Int(8);
        k.received_at = r.Int(9);
        k.offline = r.Bool(10);
        out.push_back(std::move(k));
    }
    return out;
}

Result<std::optional<std::string>> GridOfMember(storage::Connection& c, int64_t user_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT grid_code FROM community_grid_members WHERE user_id = ? "
                                           "ORDER BY grid_code LIMIT 1",
                                           {storage::V(user_id)}));
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows[0].Str(0));
}

}  // namespace jw::field

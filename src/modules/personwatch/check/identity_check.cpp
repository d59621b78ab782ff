// The identity check (identity_check.hpp): look-up by blind index, then one alert per hit and event.
#include "personwatch/check/identity_check.hpp"

#include <cmath>
#include <set>

#include "alerts/alerts_service.hpp"
#include "alerts/sightings.hpp"
#include "auth/auth_repository.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "common/json_util.hpp"
#include "common/validators.hpp"
#include "community/people/people_service.hpp"
#include "community/people/person_identity.hpp"
#include "http/params.hpp"
#include "personwatch/catalogue.hpp"
#include "personwatch/personwatch_keys.hpp"
#include "personwatch/personwatch_repository.hpp"

namespace jw::personwatch {
namespace {

Status ValidateContext(storage::Connection& c, const CheckContext& ctx) {
    if (Utf8Length(ctx.event_ref).value_or(999) > 100) return Status::Invalid("event_ref", "too_long");
    if (Utf8Length(ctx.place).value_or(999) > 100) return Status::Invalid("place", "too_long");
    if (ctx.latitude.has_value() != ctx.longitude.has_value())
        return Status::Invalid(ctx.latitude ? "longitude" : "latitude", "required");
    if (ctx.latitude && !(std::abs(*ctx.latitude) <= 90)) return Status::Invalid("latitude", "out_of_range");
    if (ctx.longitude && !(std::abs(*ctx.longitude) <= 180)) return Status::Invalid("longitude", "out_of_range");
    if (ctx.station_unit_id) {
        auto unit = auth::repo::GetUnit(c, *ctx.station_unit_id);
        if (!unit.ok() && unit.status().code() != ErrorCode::kNotFound) return unit.status();
        if (!unit.ok()) return Status::Invalid("station_unit_id", "not_found");
        if (unit->dissolved_at) return Status::Invalid("station_unit_id", "dissolved");
    }
    return Status::Ok();
}

// The alert of one hit: on the board for the entry's units and the context's station, with the position as the
// alert's one sighting (the board's map), exactly once per (entry, source, event) through the sighting's ref.
Result<int64_t> RaiseHit(storage::Connection& c, const auth::Principal& caller, const ActiveEntry& e,
                         const std::string& subject, const CheckContext& ctx, const std::string& event_ref,
                         int64_t now) {
    const std::string masked = MaskName(e.name);
    const Kind* kind = FindKind(e.kind);
    const std::string place = ctx.place.empty() ? Message("personwatch.source." + ctx.source, Lang::kZhCN) : ctx.place;
    alerts::RaiseInput in;
    in.source = "personwatch";
    in.source_ref = "personwatch_entry:" + std::to_string(e.id);
    in.dedup_key = "personwatch:" + std::to_string(e.id) + ":" + ctx.source + ":" + event_ref;
    in.colour = e.colour;
    in.subject = subject;
    in.title = (kind ? kind->name_zh : e.kind) + " " + masked + " 被核查：" + place;  // zh-CN words for search
    in.title_code = std::string(MessageCode("personwatch.alert_title"));
    in.title_params = {{"kind", e.kind}, {"name", masked}, {"source", ctx.source}};
    in.notify_code = std::string(MessageCode("personwatch.hit"));
    in.case_no = e.case_no;
    std::set<int64_t> units(e.units.begin(), e.units.end());
    if (ctx.station_unit_id) units.insert(*ctx.station_unit_id);
    in.unit_ids.assign(units.begin(), units.end());
    in.raised_by = caller.user_id;
    auto coordinate = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    in.payload = {{"entry_id", e.id},
                  {"kind", e.kind},
                  {"check_source", ctx.source},
                  {"event_ref", event_ref},
                  {"latitude", coordinate(ctx.latitude)},
                  {"longitude", coordinate(ctx.longitude)},
                  {"place", place},
                  {"instruction", e.instruction},
                  {"priority", e.priority},
                  {"checked_by", caller.name},
                  {"checked_by_unit", caller.unit_name},
                  {"checked_at", FormatUtcIso(now)}};
    in.links = Json::array({{{"label", "人员布控"}, {"href", "/personwatch/entries?entry=" + std::to_string(e.id)}}});
    alerts::SightingInput s;
    s.ref = in.dedup_key;
    s.seen_at = now;
    s.place = place;
    s.place_id = ctx.source;
    s.latitude = ctx.latitude.value_or(NAN);
    s.longitude = ctx.longitude.value_or(NAN);
    return alerts::RaiseOrGrow(c, alerts::Policy::Default(), std::move(in),
                               "personwatch:" + std::to_string(e.id) + ":" + event_ref, s, now);
}

}  // namespace

Result<CheckAnswer> CheckIdentity(storage::Connection& tx, const auth::Principal& caller, const CheckSubject& who,
                                  const CheckContext& ctx, int64_t now) {
    const CheckSource* source = FindCheckSource(ctx.source);
    if (!source) return Status::Invalid("source", "invalid_enum");
    JW_RETURN_IF_ERROR(ValidateContext(tx, ctx));
    CheckAnswer answer;
    answer.reveal = source->reveal;
    answer.event_ref = ctx.event_ref.empty() ? RandomToken(12) : ctx.event_ref;
    std::string index, subject;
    bool by_name_birth = false;
    if (!who.id_number.empty()) {
        JW_ASSIGN_OR_RETURN(const community::Identity id,
                            community::NormaliseIdentity(who.id_kind, who.id_number, who.nationality));
        index = IdIndex(id.id_kind, id.nationality, id.number);
        subject = MaskIdNumber(id.number);
        JW_ASSIGN_OR_RETURN(auto person, community::FindPersonByIdNumber(tx, id.id_kind, id.number, id.nationality));
        if (person) {
            answer.person_id = person->id;
            answer.person_masked_name = MaskName(person->name);
        }
    } else {
        if (who.name.empty() || who.birth_date.empty())
            return Status::Invalid(who.name.empty() ? "name" : "birth_date", "required");
        JW_RETURN_IF_ERROR(http::ParseDateText("birth_date", who.birth_date).status());
        index = NameBirthIndex(who.name, who.birth_date);
        subject = MaskName(who.name) + " " + who.birth_date.substr(0, 4);
        by_name_birth = true;
    }
    JW_ASSIGN_OR_RETURN(auto entries, FindActive(tx, index, by_name_birth, now));
    for (const auto& e : entries) {
        CheckHit h;
        h.entry_id = e.id;
        h.kind = e.kind;
        if (const Kind* k = FindKind(e.kind)) {
            h.kind_name_zh = k->name_zh;
            h.kind_name_en = k->name_en;
        }
        h.masked_name = MaskName(e.name);
        h.case_no = e.case_no;
        h.instruction = e.instruction;
        h.colour = e.colour;
        h.priority = e.priority;
        JW_ASSIGN_OR_RETURN(auto seen, FindHitAlert(tx, e.id, ctx.source, answer.event_ref));
        if (seen) {
            h.alert_id = *seen;
        } else {
            JW_ASSIGN_OR_RETURN(h.alert_id, RaiseHit(tx, caller, e, subject, ctx, answer.event_ref, now));
            HitRow row;
            row.entry_id = e.id;
            row.source = ctx.source;
            row.event_ref = answer.event_ref;
            row.alert_id = h.alert_id;
            row.checked_by = caller.user_id > 0 ? std::optional<int64_t>(caller.user_id) : std::nullopt;
            row.station_unit_id = ctx.station_unit_id;
            row.latitude = ctx.latitude;
            row.longitude = ctx.longitude;
            row.place = ctx.place;
            row.checked_at = now;
            JW_RETURN_IF_ERROR(InsertHit(tx, row));
        }
        answer.hits.push_back(std::move(h));
    }
    answer.hit = !answer.hits.empty();
    if (answer.hit) {
        answer.public_instruction_zh = source->neutral_zh;
        answer.public_instruction_en = source->neutral_en;
    }
    return answer;
}

}  // namespace jw::personwatch

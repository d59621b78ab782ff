// JSON of the person watch list (personwatch_json.hpp).
#include "personwatch/personwatch_json.hpp"

#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "watchlist/form_fields.hpp"

namespace jw::personwatch {
namespace {

Json OptTime(const std::optional<int64_t>& v) { return v ? Json(FormatUtcIso(*v)) : Json(nullptr); }
Json OptId(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json OptDouble(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Json EntryJson(const Entry& e, bool full) {
    Json units = Json::array();
    for (size_t i = 0; i < e.notify_units.size(); ++i)
        units.push_back({{"id", e.notify_units[i]},
                         {"name", i < e.notify_unit_names.size() ? e.notify_unit_names[i] : std::string()}});
    Json j = {{"id", e.id},
              {"kind", e.kind},
              {"id_kind", e.id_kind},
              {"id_number", full ? e.id_number : MaskIdNumber(e.id_number)},
              {"name", full ? e.name : MaskName(e.name)},
              {"sex", e.sex},
              {"in_master_index", e.person_id.has_value()},
              {"has_photo", e.photo_media_id.has_value()},
              {"case_no", e.case_no},
              {"reason", e.reason},
              {"instruction", e.instruction},
              {"applicant_id", e.applicant_id},
              {"applicant_name", e.applicant_name},
              {"unit_id", e.unit_id},
              {"unit_name", e.unit_name},
              {"approver_id", OptId(e.approver_id)},
              {"approver_name", e.approver_name},
              {"approved_at", OptTime(e.approved_at)},
              {"valid_from", FormatUtcIso(e.valid_from)},
              {"valid_to", FormatUtcIso(e.valid_to)},
              {"priority", e.priority},
              {"colour", e.colour},
              {"status", e.status},
              {"version", e.version},
              {"created_at", FormatUtcIso(e.created_at)},
              {"updated_at", FormatUtcIso(e.updated_at)},
              {"units", units},
              {"masked", !full}};
    if (full) {
        j["nationality"] = e.nationality;
        j["birth_date"] = e.birth_date;
        j["photo_media_id"] = e.photo_media_id ? Json(*e.photo_media_id) : Json(nullptr);
        j["person_id"] = OptId(e.person_id);
    }
    return j;
}

Json EventJson(const EntryEvent& e) {
    return {{"id", e.id},         {"at", FormatUtcIso(e.at)}, {"user_id", OptId(e.user_id)}, {"user_name", e.user_name},
            {"action", e.action}, {"reason", e.reason},       {"detail", e.detail}};
}

Json HitJson(const HitRow& h) {
    return {{"id", h.id},
            {"entry_id", h.entry_id},
            {"source", h.source},
            {"alert_id", OptId(h.alert_id)},
            {"checked_by", OptId(h.checked_by)},
            {"checked_by_name", h.checked_by_name},
            {"station_unit_id", OptId(h.station_unit_id)},
            {"station_name", h.station_name},
            {"place", h.place},
            {"latitude", OptDouble(h.latitude)},
            {"longitude", OptDouble(h.longitude)},
            {"checked_at", FormatUtcIso(h.checked_at)},
            {"kind", h.kind},
            {"case_no", h.case_no},
            {"colour", h.colour}};
}

Json CheckAnswerJson(const CheckAnswer& a) {
    Json hits = Json::array();
    for (const auto& h : a.hits)
        hits.push_back({{"entry_id", h.entry_id},
                        {"kind", h.kind},
                        {"kind_name_zh", h.kind_name_zh},
                        {"kind_name_en", h.kind_name_en},
                        {"name", h.masked_name},
                        {"case_no", h.case_no},
                        {"instruction", h.instruction},
                        {"colour", h.colour},
                        {"priority", h.priority},
                        {"alert_id", h.alert_id}});
    Json person = nullptr;
    if (a.person_id) person = {{"person_id", *a.person_id}, {"name", a.person_masked_name}};
    return {{"hit", a.hit},
            {"hits", hits},
            {"public_instruction_zh", a.public_instruction_zh},
            {"public_instruction_en", a.public_instruction_en},
            {"master_index", person},
            {"event_ref", a.event_ref}};
}

Json OfflineListJson(const OfflineList& l) {
    return {{"version", l.version},
            {"issue", l.issue},
            {"issued_at", FormatUtcIso(l.issued_at)},
            {"expires_at", FormatUtcIso(l.expires_at)},
            {"alg", "HMAC-SM3"},
            {"input", "id_kind|nationality|number"},
            {"key", l.key_hex},
            {"count", l.hashes.size()},
            {"hashes", l.hashes}};
}

Result<EntryInput> ParseEntryInput(const Json& body) {
    JsonReader in(body, {"kind", "id_kind", "id_number", "nationality", "name", "photo_media_id", "case_no", "reason",
                         "instruction", "colour", "priority", "valid_from", "valid_to", "unit_ids"});
    EntryInput e;
    e.kind = in.Text("kind", true, 20).value_or("");
    e.id_kind = in.Text("id_kind", false, 20).value_or("resident_id");
    e.id_number = in.Text("id_number", true, 30).value_or("");
    e.nationality = in.Text("nationality", false, 3).value_or("");
    e.name = in.Text("name", true, 50).value_or("");
    e.photo_media_id = in.Text("photo_media_id", false, 40);
    e.case_no = in.Text("case_no", true, 40).value_or("");
    e.reason = in.Text("reason", true, 200).value_or("");
    e.instruction = in.Text("instruction", true, 200).value_or("");
    e.colour = in.Text("colour", false, 10).value_or("");
    e.priority = static_cast<int>(in.Int("priority", false, 1, 4).value_or(0));
    e.valid_from = watchlist::TimeField(in, "valid_from", true).value_or(0);
    e.valid_to = watchlist::TimeField(in, "valid_to", true).value_or(0);
    e.unit_ids = watchlist::UnitIdsField(in, body, true).value_or(std::vector<int64_t>{});
    JW_RETURN_IF_ERROR(in.status());
    return e;
}

}  // namespace jw::personwatch

#include "courier/records/record_json.hpp"

namespace jw::courier {
namespace {

Status Str(const Json& j, const char* key, std::string& out) {
    if (!j.contains(key) || j[key].is_null()) return Status::Ok();
    if (!j[key].is_string()) return Status::Invalid(key, "bad_type");
    out = j[key].get<std::string>();
    return Status::Ok();
}

}  // namespace

Result<RecordInput> RecordFromJson(const Json& j) {
    if (!j.is_object()) return Status::Invalid("record", "bad_type");
    RecordInput in;
    for (auto [key, field] :
         std::initializer_list<std::pair<const char*, std::string*>>{{"waybill_no", &in.waybill_no},
                                                                     {"sender_doc_type", &in.sender_doc_type},
                                                                     {"sender_name", &in.sender_name},
                                                                     {"sender_id", &in.sender_id},
                                                                     {"sender_phone", &in.sender_phone},
                                                                     {"receiver_name", &in.receiver_name},
                                                                     {"receiver_phone", &in.receiver_phone},
                                                                     {"receiver_address", &in.receiver_address},
                                                                     {"category", &in.category},
                                                                     {"declared_content", &in.declared_content}})
        JW_RETURN_IF_ERROR(Str(j, key, *field));
    if (j.contains("declared_value_cents")) {
        if (!j["declared_value_cents"].is_number_integer()) return Status::Invalid("declared_value_cents", "bad_type");
        in.declared_value_cents = j["declared_value_cents"].get<int64_t>();
    }
    if (j.contains("inspected")) {
        if (!j["inspected"].is_boolean()) return Status::Invalid("inspected", "bad_type");
        in.inspected = j["inspected"].get<bool>();
    }
    if (j.contains("accepted_at")) {
        if (!j["accepted_at"].is_number_integer()) return Status::Invalid("accepted_at", "bad_type");
        in.accepted_at = j["accepted_at"].get<int64_t>();
    }
    if (j.contains("photos")) {
        if (!j["photos"].is_array()) return Status::Invalid("photos", "bad_type");
        for (const auto& p : j["photos"]) {
            if (!p.is_object() || !p.contains("media_id") || !p["media_id"].is_string() || !p.contains("kind") ||
                !p["kind"].is_string())
                return Status::Invalid("photos", "bad_type");
            in.photos.emplace_back(p["media_id"].get<std::string>(), p["kind"].get<std::string>());
        }
    }
    if (j.contains("ocr_used")) {
        if (!j["ocr_used"].is_boolean()) return Status::Invalid("ocr_used", "bad_type");
        in.ocr_used = j["ocr_used"].get<bool>();
    }
    if (j.contains("ocr_corrected")) {
        if (!j["ocr_corrected"].is_array()) return Status::Invalid("ocr_corrected", "bad_type");
        for (const auto& f : j["ocr_corrected"]) {
            if (!f.is_string()) return Status::Invalid("ocr_corrected", "bad_type");
            in.ocr_corrected.push_back(f.get<std::string>());
        }
    }
    return in;
}

Json RecordViewJson(const RecordView& v) {
    return Json{{"id", v.id},
                {"company_id", v.company_id},
                {"outlet_id", v.outlet_id},
                {"outlet_name", v.outlet_name},
                {"waybill_no", v.waybill_no},
                {"source", v.source},
                {"sender_doc_type", v.sender_doc_type},
                {"sender_name", v.sender_name},
                {"sender_id", v.sender_id},
                {"sender_phone", v.sender_phone},
                {"id_verified", v.id_verified},
                {"receiver_name", v.receiver_name},
                {"receiver_phone", v.receiver_phone},
                {"receiver_address", v.receiver_address},
                {"category", v.category},
                {"declared_content", v.declared_content},
                {"declared_value_cents", v.declared_value_cents},
                {"inspected", v.inspected},
                {"status", v.status},
                {"refusal_reason", v.refusal_reason},
                {"accepted_at", v.accepted_at},
                {"uploaded_at", v.uploaded_at}};
}

Json OutcomeJson(const IntakeOutcome& o) {
    // "held" is shown to the clerk as its neutral instruction only: the word says nothing of a watch list.
    return Json{{"record_id", o.record_id},
                {"status", o.status == "held" ? "wait" : o.status},
                {"reason", o.reason},
                {"instruction", o.instruction}};
}

}  // namespace jw::courier

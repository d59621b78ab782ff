#include "property/property_json.hpp"

#include <cmath>

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/validators.hpp"
#include "http/params.hpp"

namespace jw::property {

namespace {

Json Opt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Result<int64_t> Instant(const Json& body, const char* name, bool required) {
    if (!body.contains(name) || body[name].is_null()) {
        if (required) return Status::Invalid(name, "required");
        return int64_t{0};
    }
    if (!body[name].is_string()) return Status::Invalid(name, "invalid_time");
    return http::ParseInstant(name, body[name].get<std::string>());
}

std::vector<std::string> Strings(const Json& body, const char* name) {
    std::vector<std::string> out;
    if (body.contains(name) && body[name].is_array())
        for (const auto& v : body[name])
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

}  // namespace

Json ItemJson(const Item& i) {
    return {{"id", i.id},
            {"code", i.code},
            {"case_id", i.case_id},
            {"case_no", i.case_no},
            {"seizure_event_id", i.seizure_event_id},
            {"unit_id", i.unit_id},
            {"store_id", Opt(i.store_id)},
            {"store_name", i.store_name},
            {"place_id", Opt(i.place_id)},
            {"place_code", i.place_code},
            {"bag_id", Opt(i.bag_id)},
            {"measure", i.measure},
            {"category", i.category},
            {"description", i.description},
            {"quantity", i.quantity},
            {"quantity_unit", i.quantity_unit},
            {"value_yuan", static_cast<double>(i.value_fen) / 100.0},
            {"owner_person_id", Opt(i.owner_person_id)},
            {"owner_name", MaskName(i.owner_name)},
            {"seized_by", i.seized_by},
            {"seized_at", FormatUtcIso(i.seized_at)},
            {"seized_place", i.seized_place},
            {"legal_basis", i.legal_basis},
            {"document_no", i.document_no},
            {"state", i.state},
            {"out_purpose", i.out_purpose},
            {"out_holder", i.out_holder},
            {"expected_return_at", i.expected_return_at ? Json(FormatUtcIso(i.expected_return_at)) : Json(nullptr)},
            {"review_due", i.review_due},
            {"review_basis", i.review_basis},
            {"review_class", WorkClass(i, FormatChinaDate(NowUnix()))},
            {"hold_reason", i.hold_reason},
            {"disposal_state", i.disposal_state},
            {"held_by_org", i.held_by_org},
            {"created_at", FormatUtcIso(i.created_at)},
            {"version", i.version}};
}

Json EventJson(const CustodyEvent& e) {
    return {{"seq", e.seq},
            {"kind", e.kind},
            {"at", FormatUtcIso(e.at)},
            {"actor_id", e.actor_id},
            {"actor_name", e.actor_name},
            {"from_state", e.from_state},
            {"to_state", e.to_state},
            {"from_place", e.from_place},
            {"to_place", e.to_place},
            {"reason", e.reason},
            {"approved_by", e.approved_by},
            {"receiver", e.receiver},
            {"signed", !e.signature_media_id.empty()},
            {"signature_media_id", e.signature_media_id},
            {"photos", e.photos},
            {"batch", e.batch},
            {"hash", e.hash}};
}

Json StoreJson(const Store& s, const std::vector<Place>& places) {
    Json ps = Json::array();
    for (const auto& p : places)
        ps.push_back({{"id", p.id},
                      {"parent_id", Opt(p.parent_id)},
                      {"level", p.level},
                      {"code", p.code},
                      {"name", p.name},
                      {"capacity", p.capacity}});
    return {{"id", s.id},     {"unit_id", s.unit_id}, {"unit_name", s.unit_name},
            {"name", s.name}, {"kind", s.kind},       {"places", ps}};
}

Json MetaJson() {
    Json categories = Json::array();
    for (const auto& c : Categories())
        categories.push_back({{"code", c.category},
                              {"name_zh", c.name_zh},
                              {"name_en", c.name_en},
                              {"photos_required", c.photos_required},
                              {"basis", c.basis}});
    Json disposals = Json::array();
    for (const auto& d : DisposalKinds())
        disposals.push_back({{"code", d.kind},
                             {"name_zh", d.name_zh},
                             {"name_en", d.name_en},
                             {"document", d.document},
                             {"basis", d.basis}});
    return {
        {"categories", categories}, {"disposals", disposals}, {"measures", Measures()}, {"purposes", OutPurposes()}};
}

Result<IntakeInput> ParseIntake(const Json& body) {
    JsonReader in(body, {"case_id", "seizure_event_id", "measure", "category", "description", "quantity",
                         "quantity_unit", "value_yuan", "owner_person_id", "owner_name", "seized_by", "seized_at",
                         "seized_place", "legal_basis", "document_no", "photos", "bag_id"});
    IntakeInput out;
    out.case_id = in.Int("case_id", true, 1, INT64_MAX).value_or(0);
    out.seizure_event_id = in.Int("seizure_event_id", true, 1, INT64_MAX).value_or(0);
    out.measure = in.Text("measure", false, 20).value_or("seize");
    out.category = in.Text("category", false, 40).value_or("");
    out.description = in.Text("description", false, 200).value_or("");
    out.quantity_unit = in.Text("quantity_unit", false, 10).value_or("");
    out.owner_name = in.Text("owner_name", false, 50).value_or("");
    out.seized_by = in.Text("seized_by", false, 100).value_or("");
    out.seized_place = in.Text("seized_place", false, 200).value_or("");
    out.legal_basis = in.Text("legal_basis", false, 200).value_or("");
    out.document_no = in.Text("document_no", false, 60).value_or("");
    if (auto id = in.Int("owner_person_id", false, 1, INT64_MAX)) out.owner_person_id = *id;
    if (auto id = in.Int("bag_id", false, 1, INT64_MAX)) out.bag_id = *id;
    if (body.contains("quantity")) {
        if (!body["quantity"].is_number())
            in.Fail("quantity", "must_be_number");
        else
            out.quantity = body["quantity"].get<double>();
    }
    if (body.contains("value_yuan")) {
        if (!body["value_yuan"].is_number())
            in.Fail("value_yuan", "must_be_number");
        else
            out.value_fen = static_cast<int64_t>(std::llround(body["value_yuan"].get<double>() * 100.0));
    }
    auto photos = in.TextList("photos", false, 20, 80);
    if (photos) out.photos = *photos;
    auto t = Instant(body, "seized_at", false);
    if (t.ok())
        out.seized_at = *t;
    else
        in.Merge(t.status());
    JW_RETURN_IF_ERROR(in.status());
    return out;
}

Result<Movement> ParseMovement(const Json& body, std::initializer_list<std::string_view> more) {
    std::vector<std::string_view> allowed = {"reason", "approved_by", "receiver", "signature_media_id", "photos"};
    allowed.insert(allowed.end(), more.begin(), more.end());
    for (const auto& [k, v] : body.items())
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) return Status::Invalid(k, "unknown_field");
    Movement m;
    auto text = [&](const char* name, size_t max) -> Result<std::string> {
        if (!body.contains(name) || body[name].is_null()) return std::string();
        if (!body[name].is_string()) return Status::Invalid(name, "must_be_string");
        std::string v = body[name].get<std::string>();
        if (v.size() > max * 3) return Status::Invalid(name, "too_long");
        return v;
    };
    JW_ASSIGN_OR_RETURN(m.reason, text("reason", 200));
    JW_ASSIGN_OR_RETURN(m.approved_by, text("approved_by", 50));
    JW_ASSIGN_OR_RETURN(m.receiver, text("receiver", 50));
    JW_ASSIGN_OR_RETURN(m.signature_media_id, text("signature_media_id", 80));
    m.photos = Strings(body, "photos");
    return m;
}

Result<CheckOutInput> ParseCheckOut(const Json& body, std::initializer_list<std::string_view> more) {
    std::vector<std::string_view> extra = {"purpose", "holder", "expected_return_at"};
    extra.insert(extra.end(), more.begin(), more.end());
    CheckOutInput out;
    // ParseMovement checks the names; it takes an initializer_list, so check here against the union.
    std::vector<std::string_view> allowed = {"reason", "approved_by", "receiver", "signature_media_id", "photos"};
    allowed.insert(allowed.end(), extra.begin(), extra.end());
    for (const auto& [k, v] : body.items())
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) return Status::Invalid(k, "unknown_field");
    Json movement = body;
    for (const auto& name : extra) movement.erase(std::string(name));
    JW_ASSIGN_OR_RETURN(out.movement, ParseMovement(movement, {}));
    if (body.contains("purpose") && body["purpose"].is_string()) out.purpose = body["purpose"].get<std::string>();
    if (body.contains("holder") && body["holder"].is_string()) out.holder = body["holder"].get<std::string>();
    JW_ASSIGN_OR_RETURN(out.expected_return_at, Instant(body, "expected_return_at", false));
    return out;
}

}  // namespace jw::property

#include "community/people/people_json.hpp"

#include "common/civil_time.hpp"
#include "common/validators.hpp"

namespace jw::community {
namespace {

// The byte length of the first `n` UTF-8 characters of `s`.
size_t Utf8Prefix(const std::string& s, size_t n) {
    size_t i = 0;
    for (size_t k = 0; k < n && i < s.size(); ++k) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

Json Opt(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

std::string MaskAddressText(const std::string& text) {
    const size_t keep = Utf8Prefix(text, 6);
    if (keep >= text.size()) return text.empty() ? "" : "***";
    return text.substr(0, keep) + "***";
}

Json MaskedPersonJson(const Person& p, const std::string& residence_name) {
    Json phones = Json::array();
    for (const auto& ph : p.phones) phones.push_back(MaskPhone(ph));
    std::string permit = p.permit_no;
    if (permit.size() > 4) permit = std::string(permit.size() - 4, '*') + permit.substr(permit.size() - 4);
    return {{"id", p.id},
            {"id_kind", p.id_kind},
            {"id_number", MaskIdNumber(p.id_number)},
            {"nationality", p.nationality},
            {"name", MaskName(p.name)},
            {"sex", p.sex},
            {"birth_date", p.birth_date.size() == 10 ? p.birth_date.substr(0, 4) + "-**-**" : ""},
            {"ethnicity", p.ethnicity},
            {"hukou_address", MaskAddressText(p.hukou_address)},
            {"residence_address_id", Opt(p.residence_address_id)},
            {"residence_name", residence_name},
            {"category", p.category},
            {"phones", phones},
            {"photo_media_id", Opt(p.photo_media_id)},
            {"permit_no", permit},
            {"permit_expires", Opt(p.permit_expires)},
            {"status", p.status},
            {"collected_by", p.collected_by},
            {"unit_id", p.unit_id},
            {"created_at", FormatUtcIso(p.created_at)},
            {"updated_at", FormatUtcIso(p.updated_at)},
            {"version", p.version}};
}

PersonInput ReadPersonInput(JsonReader& in, std::string* residence_text) {
    PersonInput p;
    p.id_kind = in.Text("id_kind", false, 20).value_or("resident_id");
    p.id_number = in.Text("id_number", true, 30).value_or("");
    p.nationality = in.Text("nationality", false, 3).value_or("");
    p.name = in.Text("name", true, 50).value_or("");
    p.sex = in.Text("sex", false, 10).value_or("");
    p.birth_date = in.Text("birth_date", false, 10).value_or("");
    p.ethnicity = in.Text("ethnicity", false, 20).value_or("");
    p.hukou_address = in.Text("hukou_address", false, 200).value_or("");
    p.residence_address_id = in.Text("residence_address_id", false, 64);
    *residence_text = in.Text("residence_address", false, 200).value_or("");
    p.category = in.Text("category", false, 20).value_or("");
    p.phones = in.TextList("phones", false, 5, 20).value_or(std::vector<std::string>{});
    p.photo_media_id = in.Text("photo_media_id", false, 64);
    p.permit_no = in.Text("permit_no", false, 40).value_or("");
    p.permit_expires = in.Text("permit_expires", false, 10);
    return p;
}

PersonEdit ReadPersonEdit(const Json& body, JsonReader& in, std::string* residence_text) {
    PersonEdit e;
    auto text = [&](const char* name, size_t max) -> std::optional<std::string> {
        if (!body.contains(name)) return std::nullopt;
        if (body[name].is_string() && body[name].get<std::string>().empty()) return std::string();
        if (body[name].is_null()) return std::string();
        return in.Text(name, false, max);
    };
    auto clearable = [&](const char* name, size_t max) -> std::optional<std::optional<std::string>> {
        if (!body.contains(name)) return std::nullopt;
        auto v = text(name, max);
        if (!v) return std::nullopt;  // a problem was recorded
        return v->empty() ? std::optional<std::string>() : std::optional<std::string>(*v);
    };
    e.name = text("name", 50);
    e.sex = text("sex", 10);
    e.birth_date = text("birth_date", 10);
    e.ethnicity = text("ethnicity", 20);
    e.hukou_address = text("hukou_address", 200);
    e.category = text("category", 20);
    e.permit_no = text("permit_no", 40);
    e.status = text("status", 20);
    e.residence_address_id = clearable("residence_address_id", 64);
    e.photo_media_id = clearable("photo_media_id", 64);
    e.permit_expires = clearable("permit_expires", 10);
    *residence_text = in.Text("residence_address", false, 200).value_or("");
    if (body.contains("phones")) {
        if (body["phones"].is_null())
            e.phones = std::vector<std::string>{};
        else
            e.phones = in.TextList("phones", false, 5, 20).value_or(std::vector<std::string>{});
    }
    return e;
}

}  // namespace jw::community

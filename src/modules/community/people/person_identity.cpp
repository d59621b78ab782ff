#include "community/people/person_identity.hpp"

#include <algorithm>
#include <cstdio>

#include "common/civil_time.hpp"
#include "common/sealed_fields.hpp"
#include "common/validators.hpp"
#include "community/community_keys.hpp"

namespace jw::community {
namespace {

bool OneOf(std::string_view v, const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return v == x; });
}

std::string DateText(CivilDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

// "YYYY-MM-DD" or "YYYYMMDD" → "YYYY-MM-DD"; nullopt when not a real date.
std::optional<std::string> NormaliseDate(std::string_view text) {
    auto d = ParseDate(text);
    if (!d || !IsValidDate(*d)) return std::nullopt;
    return DateText(*d);
}

bool IsAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

}  // namespace

Result<Identity> NormaliseIdentity(std::string_view id_kind, std::string_view number, std::string_view nationality) {
    if (!OneOf(id_kind, kIdKinds)) return Status::Invalid("id_kind", "invalid_enum");
    Identity id{.id_kind = std::string(id_kind),
                .nationality = NormaliseIdNumber(nationality),
                .number = NormaliseIdNumber(number)};
    if (id.number.empty()) return Status::Invalid("id_number", "required");
    const bool chinese_document =
        id_kind == "resident_id" || id_kind == "hk_macao_permit" || id_kind == "taiwan_permit";
    if (chinese_document) {
        if (id.nationality.empty()) id.nationality = "CHN";
        if (id.nationality != "CHN") return Status::Invalid("nationality", "must_be_chn");
    } else {
        if (id.nationality.empty()) return Status::Invalid("nationality", "required");
        if (id.nationality.size() != 3 ||
            !std::all_of(id.nationality.begin(), id.nationality.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return Status::Invalid("nationality", "bad_nationality");
    }
    if (id_kind == "resident_id") {
        if (id.number.size() == 15) {
            auto converted = ConvertId15To18(id.number);
            if (!converted) return Status::Invalid("id_number", "bad_15_digit");
            id.number = *converted;
        }
        JW_RETURN_IF_ERROR(CheckIdNumber(id.number, "id_number"));
        return id;
    }
    if (id.number.size() < 5 || id.number.size() > 20 || !std::all_of(id.number.begin(), id.number.end(), IsAlnum))
        return Status::Invalid("id_number", "bad_format");
    return id;
}

Status NormalisePersonInput(PersonInput& in) {
    JW_ASSIGN_OR_RETURN(Identity id, NormaliseIdentity(in.id_kind, in.id_number, in.nationality));
    in.id_number = id.number;
    in.nationality = id.nationality;
    if (in.name.empty()) return Status::Invalid("name", "required");
    if (!in.sex.empty() && in.sex != "male" && in.sex != "female") return Status::Invalid("sex", "invalid_enum");
    if (!in.birth_date.empty()) {
        auto d = NormaliseDate(in.birth_date);
        if (!d) return Status::Invalid("birth_date", "bad_date");
        in.birth_date = *d;
    }
    if (in.id_kind == "resident_id") {
        const std::string born = DateText(*IdBirthDate(in.id_number));  // CheckIdNumber verified the date
        const std::string sex = IdIsMale(in.id_number) ? "male" : "female";
        if (!in.birth_date.empty() && in.birth_date != born) return Status::Invalid("birth_date", "does_not_match_id");
        if (!in.sex.empty() && in.sex != sex) return Status::Invalid("sex", "does_not_match_id");
        in.birth_date = born;
        in.sex = sex;
    }
    if (in.category.empty()) in.category = in.id_kind == "resident_id" ? "household" : "overseas";
    if (!OneOf(in.category, kCategories)) return Status::Invalid("category", "invalid_enum");
    if (in.permit_expires && !in.permit_expires->empty()) {
        auto d = NormaliseDate(*in.permit_expires);
        if (!d) return Status::Invalid("permit_expires", "bad_date");
        in.permit_expires = *d;
    } else {
        in.permit_expires.reset();
    }
    if (in.residence_address_id && in.residence_address_id->empty()) in.residence_address_id.reset();
    if (in.photo_media_id && in.photo_media_id->empty()) in.photo_media_id.reset();
    std::vector<std::string> phones;
    for (const auto& p : in.phones) {
        if (p.empty()) continue;
        if (NormalisePhone(p).size() < 5 || !std::all_of(p.begin(), p.end(), [](char c) {
                return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == ' ';
            }))
            return Status::Invalid("phones", "bad_phone");
        if (std::find(phones.begin(), phones.end(), p) == phones.end()) phones.push_back(p);
    }
    in.phones = std::move(phones);
    return Status::Ok();
}

std::string IdentityIndex(const Identity& id) {
    return Sealer().BlindIndex("person", id.id_kind + "|" + id.nationality + "|" + id.number);
}

}  // namespace jw::community

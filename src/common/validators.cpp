#include "common/validators.hpp"

#include <stdexcept>
#include <vector>

namespace jw {

namespace {

// GB/T 2260 provinces. Kept as structure rather than the yearly table so that a person's ID number stays
// valid after their county is merged or renamed.
constexpr int kProvinceCodes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                  43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
// The demo county 519901 lives in this fictional prefecture so that no synthetic record is a real person.
constexpr int kDemoProvince = 51;
constexpr int kDemoPrefecture = 99;

constexpr std::u32string_view kPlateProvinces = U"京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
constexpr std::u32string_view kPlateSuffixes = U"挂学警港澳";

// One UTF-8 sequence. A malformed byte becomes its own one-byte piece with ok = false, so callers can still
// walk the text and mask or reject it rather than lose their place.
struct Utf8Piece {
    std::string_view bytes;
    char32_t code_point = 0;
    bool ok = false;
};

Utf8Piece DecodeAt(std::string_view s, size_t pos) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    const Utf8Piece bad{s.substr(pos, 1), 0, false};
    if (lead < 0x80) return {s.substr(pos, 1), lead, true};
    size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((lead & 0xE0) == 0xC0) {
        len = 2, cp = lead & 0x1F, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        len = 3, cp = lead & 0x0F, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        len = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        return bad;
    }
    if (pos + len > s.size()) return bad;
    for (size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) return bad;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms and surrogates would let look-alike bytes slip past the character checks.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return bad;
    return {s.substr(pos, len), cp, true};
}

std::vector<Utf8Piece> SplitUtf8(std::string_view s) {
    std::vector<Utf8Piece> pieces;
    for (size_t pos = 0; pos < s.size();) {
        pieces.push_back(DecodeAt(s, pos));
        pos += pieces.back().bytes.size();
    }
    return pieces;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
    for (char c : s) {
        if (!IsDigit(c)) return false;
    }
    return true;
}

int TwoDigits(std::string_view s, size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

bool IsProvince(int code) {
    for (int p : kProvinceCodes) {
        if (p == code) return true;
    }
    return false;
}

// Prefecture digits: 01-20 and 51-70 prefecture-level cities, 21-50 prefectures, leagues and autonomous
// prefectures, 90 counties administered by the province directly; 00 is the province itself.
bool IsPrefecture(int province, int prefecture) {
    if (province == kDemoProvince && prefecture == kDemoPrefecture) return true;
    return prefecture <= 70 || prefecture == 90;
}

// `s` holds 17 or 18 ASCII digits; reads YYYYMMDD at offset 6.
std::optional<CivilDate> BirthDateAt(std::string_view s) {
    if (!AllDigits(s.substr(6, 8))) return std::nullopt;
    const CivilDate d{TwoDigits(s, 6) * 100 + TwoDigits(s, 8), TwoDigits(s, 10), TwoDigits(s, 12)};
    if (!IsValidDate(d)) return std::nullopt;
    return d;
}

// Returns "+86", "86" or "" when what follows is exactly the 11 characters of a national number.
std::string_view MobilePrefix(std::string_view phone) {
    for (std::string_view prefix : {"+86", "86"}) {
        if (phone.size() == prefix.size() + 11 && phone.substr(0, prefix.size()) == prefix) return prefix;
    }
    return {};
}

// Keeps the first `front` and last `back` characters and stars the rest, one star per character. Text too
// short to hide anything between the kept ends is starred whole: a mask must never reveal the full value.
std::string MaskMiddle(std::string_view text, size_t front, size_t back) {
    const std::vector<Utf8Piece> pieces = SplitUtf8(text);
    std::string out;
    if (pieces.size() <= front + back) return std::string(pieces.size(), '*');
    for (size_t i = 0; i < pieces.size(); ++i) {
        const bool keep = (i < front || i >= pieces.size() - back) && pieces[i].ok;
        if (keep) {
            out.append(pieces[i].bytes);
        } else {
            out.push_back('*');
        }
    }
    return out;
}

bool IsPlateSerialChar(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O'); }

bool IsDigitCp(char32_t c) { return c >= '0' && c <= '9'; }

bool IsNewEnergyKind(char32_t c) { return c == 'D' || c == 'F'; }

// Separators people type or paste into plates: the middle dot of printed plates and its look-alikes from
// Chinese and Japanese input methods, ASCII and ideographic spaces, no-break space.
bool IsPlateSeparator(char32_t c) {
    return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x00B7 || c == 0x2022 || c == 0x3000 || c == 0x30FB ||
           c == 0xFF65;
}

}  // namespace

char IdCheckCharacter(std::string_view first17) {
    if (first17.size() != 17 || !AllDigits(first17)) {
        throw std::invalid_argument("IdCheckCharacter needs 17 digits");
    }
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
    return kCheck[sum % 11];
}

Status CheckIdNumber(std::string_view id, std::string_view field) {
    const std::string f(field);
    if (id.size() != 18) return Status::Invalid(f, "bad_length");
    const char last = id[17];
    if (!AllDigits(id.substr(0, 17)) || !(IsDigit(last) || last == 'X' || last == 'x')) {
        return Status::Invalid(f, "bad_characters");
    }
    if (!IsProvince(TwoDigits(id, 0))) return Status::Invalid(f, "bad_region");
    const std::optional<CivilDate> birth = BirthDateAt(id);
    if (!birth) return Status::Invalid(f, "bad_birth_date");
    if (*birth > TodayInChina()) return Status::Invalid(f, "future_birth_date");
    const char upper_last = last == 'x' ? 'X' : last;
    if (IdCheckCharacter(id.substr(0, 17)) != upper_last) return Status::Invalid(f, "bad_check_character");
    return Status::Ok();
}

std::optional<std::string> ConvertId15To18(std::string_view id15) {
    if (id15.size() != 15 || !AllDigits(id15)) return std::nullopt;
    // Every 15-digit number was issued to someone born in the 1900s.
    std::string id = std::string(id15.substr(0, 6)) + "19" + std::string(id15.substr(6));
    if (!BirthDateAt(id)) return std::nullopt;
    id.push_back(IdCheckCharacter(id));
    return id;
}

std::optional<CivilDate> IdBirthDate(std::string_view id18) {
    if (id18.size() != 18) return std::nullopt;
    return BirthDateAt(id18);
}

bool IdIsMale(std::string_view id18) { return id18.size() >= 17 && IsDigit(id18[16]) && (id18[16] - '0') % 2 == 1; }

std::string NormalisePlate(std::string_view plate) {
    std::string out;
    for (const Utf8Piece& p : SplitUtf8(plate)) {
        if (!p.ok) {
            out.append(p.bytes);  // left for CheckPlate to reject as bad_characters
            continue;
        }
        char32_t c = p.code_point;
        if (IsPlateSeparator(c)) continue;
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII block maps 1:1 onto ASCII
        if (c >= 'a' && c <= 'z') c -= 'a' - 'A';
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else {
            out.append(p.bytes);
        }
    }
    return out;
}

Status CheckPlate(std::string_view plate, std::string_view field) {
    const std::string f(field);
    const std::string normalised = NormalisePlate(plate);
    std::u32string cps;
    for (const Utf8Piece& p : SplitUtf8(normalised)) {
        if (!p.ok) return Status::Invalid(f, "bad_characters");
        cps.push_back(p.code_point);
    }
    if (cps.size() != 7 && cps.size() != 8) return Status::Invalid(f, "bad_length");
    if (kPlateProvinces.find(cps[0]) == std::u32string_view::npos) return Status::Invalid(f, "bad_province");
    // I is never issued as an office letter; O is (police and government plates in several provinces).
    if (cps[1] < 'A' || cps[1] > 'Z' || cps[1] == 'I') return Status::Invalid(f, "bad_office_letter");
    const size_t last = cps.size() - 1;
    for (size_t i = 2; i < cps.size(); ++i) {
        const bool suffix = i == last && cps.size() == 7 && kPlateSuffixes.find(cps[i]) != std::u32string_view::npos;
        if (!suffix && !IsPlateSerialChar(cps[i])) return Status::Invalid(f, "bad_characters");
    }
    if (cps.size() == 7) return Status::Ok();
    const bool small =
        IsNewEnergyKind(cps[2]) && IsDigitCp(cps[4]) && IsDigitCp(cps[5]) && IsDigitCp(cps[6]) && IsDigitCp(cps[7]);
    const bool large = IsDigitCp(cps[2]) && IsDigitCp(cps[3]) && IsDigitCp(cps[4]) && IsDigitCp(cps[5]) &&
                       IsDigitCp(cps[6]) && IsNewEnergyKind(cps[7]);
    if (!small && !large) return Status::Invalid(f, "bad_new_energy_format");
    return Status::Ok();
}

bool IsPlateKindCode(std::string_view code) {
    static constexpr std::string_view kCodes[] = {"01", "02", "03", "04", "05", "06", "07", "08", "13",
                                                  "14", "15", "16", "20", "22", "23", "24", "26", "27",
                                                  "31", "32", "33", "41", "42", "43", "51", "52", "99"};
    for (std::string_view c : kCodes) {
        if (c == code) return true;
    }
    return false;
}

Status CheckRegionCode(std::string_view code, std::string_view field) {
    const std::string f(field);
    if (code.size() != 6 && code.size() != 12) return Status::Invalid(f, "bad_length");
    if (!AllDigits(code)) return Status::Invalid(f, "bad_characters");
    const int province = TwoDigits(code, 0);
    const int prefecture = TwoDigits(code, 2);
    if (!IsProvince(province)) return Status::Invalid(f, "bad_province");
    if (!IsPrefecture(province, prefecture)) return Status::Invalid(f, "bad_prefecture");
    // A county always sits under a prefecture (municipalities use 01 and 02 as their prefecture digits).
    if (prefecture == 0 && TwoDigits(code, 4) != 0) return Status::Invalid(f, "bad_county");
    return Status::Ok();
}

Status CheckMobile(std::string_view phone, std::string_view field) {
    const std::string_view national = phone.substr(MobilePrefix(phone).size());
    if (national.size() != 11 || !AllDigits(national) || national[0] != '1' || national[1] < '3') {
        return Status::Invalid(std::string(field), "bad_mobile");
    }
    return Status::Ok();
}

std::string MaskIdNumber(std::string_view id) { return MaskMiddle(id, 6, 4); }

std::string MaskPhone(std::string_view phone) {
    const std::string_view prefix = MobilePrefix(phone);
    return std::string(prefix) + MaskMiddle(phone.substr(prefix.size()), 3, 4);
}

std::string MaskName(std::string_view name) { return MaskMiddle(name, 1, 0); }

}  // namespace jw

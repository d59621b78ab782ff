#pragma once
// What the courier OCR reads from a resident ID card (居民身份证, the personal-information side), and how the
// characters Tesseract found are turned into fields (issue 17). Pure functions, thread-safe.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace jw::courier::ocr {

// One character Tesseract recognised, its box in card coordinates normalised to 0..1 (x across, y down).
struct Glyph {
    std::string text;       // UTF-8, usually one character
    double confidence = 0;  // 0..1
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct IdCardReading {
    std::string name, sex, ethnicity, birth_date /* YYYY-MM-DD */, address, id_number;
    std::map<std::string, double> confidence;  // per field, 0..1; 0 when the field is empty or failed its check
};

// The fields from the glyphs of the whole card, by where they stand on the card (GA 450 layout: labels on the
// left, the photo on the right, the number at the bottom), so a misread label does not lose its value.
// `id_line` is a second reading of the number strip restricted to digits and X (empty when not made).
// The number is checked (GB 11643, common/validators.hpp): when it is valid, birth date and sex are taken from it
// where the printed ones are unreadable or disagree (the check character vouches for the number, not for the
// print), and their confidence is capped at the number's. An invalid number keeps confidence 0.
IdCardReading ParseCard(const std::vector<Glyph>& glyphs, const std::string& id_line, double id_line_confidence);

// {"name","sex","ethnicity","birth_date","address","id_number","confidence":{...}} in that order.
nlohmann::ordered_json ToJson(const IdCardReading& r);

// One of the 56 ethnic groups' names as printed on the card (汉, 蒙古, …), or "" when `text` names none.
std::string MatchEthnicity(const std::string& text);
// Every character of the 56 names, once (a Tesseract whitelist).
std::string EthnicityCharacters();

}  // namespace jw::courier::ocr

#include "courier/ocr/id_card.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

#include "common/validators.hpp"

namespace jw::courier::ocr {
namespace {

// GB 3304 names of the 56 groups as the card prints them (without 族).
const std::vector<std::string>& Ethnicities() {
    static const std::vector<std::string> names = {
        "汉",   "蒙古",   "回",   "藏",     "维吾尔",   "苗",   "彝",       "壮",     "布依",   "朝鲜", "满",   "侗",
        "瑶",   "白",     "土家", "哈尼",   "哈萨克",   "傣",   "黎",       "傈僳",   "佤",     "畲",   "高山", "拉祜",
        "水",   "东乡",   "纳西", "景颇",   "柯尔克孜", "土",   "达斡尔",   "仫佬",   "羌",     "布朗", "撒拉", "毛南",
        "仡佬", "锡伯",   "阿昌", "普米",   "塔吉克",   "怒",   "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固",
        "京",   "塔塔尔", "独龙", "鄂伦春", "赫哲",     "门巴", "珞巴",     "基诺"};
    return names;
}

bool IsCjk(const std::string& s) { return s.size() == 3 && static_cast<unsigned char>(s[0]) >= 0xE4; }
bool IsDigit(const std::string& s) { return s.size() == 1 && s[0] >= '0' && s[0] <= '9'; }

// Look-alikes Tesseract's Chinese model gives for digits on the number line.
std::string DigitLike(const std::string& s) {
    static const std::map<std::string, std::string> m = {
        {"O", "0"}, {"o", "0"}, {"D", "0"}, {"Q", "0"}, {"l", "1"}, {"I", "1"}, {"|", "1"}, {"i", "1"},
        {"Z", "2"}, {"z", "2"}, {"S", "5"}, {"s", "5"}, {"B", "8"}, {"x", "X"}, {"×", "X"}, {"Ⅹ", "X"},
        {"g", "9"}, {"q", "9"}, {"b", "6"}, {"G", "6"}, {"T", "7"}, {"A", "4"}};
    if (s.size() == 1 && ((s[0] >= '0' && s[0] <= '9') || s[0] == 'X')) return s;
    auto it = m.find(s);
    return it == m.end() ? "" : it->second;
}

struct Field {
    std::vector<const Glyph*> glyphs;
    double Confidence() const {
        if (glyphs.empty()) return 0;
        double c = 0;
        for (auto* g : glyphs) c += g->confidence;
        return c / static_cast<double>(glyphs.size());
    }
};

// Reading order: lines (glyphs whose vertical centres are within half a glyph height) top to bottom, then x.
void SortReading(std::vector<const Glyph*>& v) {
    std::sort(v.begin(), v.end(), [](const Glyph* a, const Glyph* b) {
        const double ca = (a->y0 + a->y1) / 2, cb = (b->y0 + b->y1) / 2;
        const double h = std::max(a->y1 - a->y0, b->y1 - b->y0);
        if (std::fabs(ca - cb) > h / 2) return ca < cb;
        return a->x0 < b->x0;
    });
}

std::string Join(const std::vector<const Glyph*>& v, bool (*keep)(const std::string&)) {
    std::string s;
    for (auto* g : v)
        if (keep(g->text)) s += g->text;
    return s;
}

bool KeepNameChar(const std::string& s) { return IsCjk(s) || s == "·"; }
bool KeepAddressChar(const std::string& s) {
    return IsCjk(s) || IsDigit(s) || s == "-" || s == "—" || s == "(" || s == ")" || s == "（" || s == "）";
}

// Year, month, day from the birth line: digit runs split wherever a non-digit (年 月 日 or a gap) stood.
std::string BirthDate(const std::vector<const Glyph*>& v) {
    std::vector<std::string> runs(1);
    const Glyph* prev = nullptr;
    for (auto* g : v) {
        const bool digit = IsDigit(g->text);
        const bool gap = prev && (g->x0 - prev->x1) > 0.6 * (g->y1 - g->y0);
        if (!digit || gap) {
            if (!runs.back().empty()) runs.emplace_back();
        }
        if (digit) runs.back() += g->text;
        prev = g;
    }
    std::vector<int> nums;
    for (auto& r : runs)
        if (!r.empty() && r.size() <= 4) nums.push_back(std::stoi(r));
    if (nums.size() < 3 || nums[0] < 1900 || nums[1] < 1 || nums[1] > 12 || nums[2] < 1 || nums[2] > 31) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", nums[0], nums[1], nums[2]);
    return buf;
}

}  // namespace

std::string MatchEthnicity(const std::string& text) {
    std::string best;
    for (const auto& e : Ethnicities())
        if (text.find(e) != std::string::npos && e.size() > best.size()) best = e;
    return best;
}

std::string EthnicityCharacters() {
    std::string out;
    for (const auto& e : Ethnicities())
        for (size_t i = 0; i < e.size(); i += 3)
            if (out.find(e.substr(i, 3)) == std::string::npos) out += e.substr(i, 3);
    return out;
}

IdCardReading ParseCard(const std::vector<Glyph>& glyphs, const std::string& id_line, double id_line_confidence) {
    // Where the fields stand on a card cropped to its edges (GA 450 front side; values start after the labels).
    Field name, sex, eth, birth, addr, id;
    for (const auto& g : glyphs) {
        const double cx = (g.x0 + g.x1) / 2, cy = (g.y0 + g.y1) / 2;
        if (cx > 0.68 && cy < 0.76) continue;  // the photo
        if (cy >= 0.78) {
            if (cx > 0.28) id.glyphs.push_back(&g);
            continue;
        }
        if (cx < 0.16) continue;  // the labels column
        if (cy < 0.10) continue;
        if (cy < 0.235)
            name.glyphs.push_back(&g);
        else if (cy < 0.365)
            (cx < 0.29 ? sex : eth).glyphs.push_back(&g);
        else if (cy < 0.50)
            birth.glyphs.push_back(&g);
        else
            addr.glyphs.push_back(&g);
    }
    for (Field* f : {&name, &sex, &eth, &birth, &addr, &id}) SortReading(f->glyphs);

    IdCardReading r;
    r.name = Join(name.glyphs, KeepNameChar);
    r.confidence["name"] = r.name.empty() ? 0 : name.Confidence();
    const std::string sex_text = Join(sex.glyphs, IsCjk);
    r.sex = sex_text.find("男") != std::string::npos ? "男" : sex_text.find("女") != std::string::npos ? "女" : "";
    r.confidence["sex"] = r.sex.empty() ? 0 : sex.Confidence();
    // Labels of the ethnicity ("民族") sit in its band: the name is what remains after them.
    std::string eth_text = Join(eth.glyphs, IsCjk);
    for (const char* label : {"民族", "民", "族"}) {
        auto p = eth_text.find(label);
        if (p != std::string::npos && p == 0) eth_text = eth_text.substr(std::string(label).size());
    }
    r.ethnicity = MatchEthnicity(eth_text);
    r.confidence["ethnicity"] = r.ethnicity.empty() ? 0 : eth.Confidence();
    r.birth_date = BirthDate(birth.glyphs);
    r.confidence["birth_date"] = r.birth_date.empty() ? 0 : birth.Confidence();
    r.address = Join(addr.glyphs, KeepAddressChar);
    r.confidence["address"] = r.address.empty() ? 0 : addr.Confidence();

    // The number: the digits-only reading first, the general one as a fallback; the first that passes GB 11643.
    std::string general;
    for (auto* g : id.glyphs) general += DigitLike(g->text);
    std::string clean_line;
    for (char c : id_line)
        if ((c >= '0' && c <= '9') || c == 'X' || c == 'x') clean_line += static_cast<char>(std::toupper(c));
    std::vector<std::pair<std::string, double>> candidates = {{clean_line, id_line_confidence},
                                                              {general, id.Confidence()}};
    r.id_number = clean_line.size() == 18 ? clean_line : general;
    r.confidence["id_number"] = 0;
    for (auto& [text, conf] : candidates) {
        if (text.size() == 18 && CheckIdNumber(text).ok()) {
            r.id_number = text;
            r.confidence["id_number"] = conf;
            break;
        }
    }
    if (r.confidence["id_number"] > 0) {
        // The check character vouches for the number: the printed birth date and sex must agree with it.
        auto born = IdBirthDate(r.id_number);
        if (born) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", born->year, born->month, born->day);
            if (r.birth_date != buf) {
                r.birth_date = buf;
                r.confidence["birth_date"] = r.confidence["id_number"];
            }
        }
        const std::string id_sex = IdIsMale(r.id_number) ? "男" : "女";
        if (r.sex != id_sex) {
            r.sex = id_sex;
            r.confidence["sex"] = r.confidence["id_number"];
        }
    }
    return r;
}

nlohmann::ordered_json ToJson(const IdCardReading& r) {
    nlohmann::ordered_json j;
    j["name"] = r.name;
    j["sex"] = r.sex;
    j["ethnicity"] = r.ethnicity;
    j["birth_date"] = r.birth_date;
    j["address"] = r.address;
    j["id_number"] = r.id_number;
    nlohmann::ordered_json c = nlohmann::ordered_json::object();
    for (const char* f : {"name", "sex", "ethnicity", "birth_date", "address", "id_number"}) {
        auto it = r.confidence.find(f);
        c[f] = std::round((it == r.confidence.end() ? 0.0 : it->second) * 100) / 100;
    }
    j["confidence"] = c;
    return j;
}

}  // namespace jw::courier::ocr

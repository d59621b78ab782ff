// Parsing the OCR's glyphs into card fields (issue 17). The image side is measured on synthetic cards by
// tests/integration/courier_ocr.test.mjs; here the rules: layout bands, the GB 11643 check, birth date and sex
// taken from a valid number.
#include "courier/ocr/id_card.hpp"

#include <gtest/gtest.h>

namespace jw::courier::ocr {
namespace {

// Glyphs for a line of text starting at (x, y), one per UTF-8 character, 0.03 wide.
void Line(std::vector<Glyph>& out, const std::string& text, double x, double y, double conf = 0.9) {
    for (size_t i = 0; i < text.size();) {
        size_t n = (static_cast<unsigned char>(text[i]) >= 0xE0) ? 3 : 1;
        Glyph g;
        g.text = text.substr(i, n);
        g.confidence = conf;
        g.x0 = x, g.x1 = x + 0.028, g.y0 = y - 0.03, g.y1 = y + 0.03;
        out.push_back(g);
        x += 0.03;
        i += n;
    }
}

std::vector<Glyph> Card(const std::string& name, const std::string& sex, const std::string& birth) {
    std::vector<Glyph> g;
    Line(g, "姓名", 0.06, 0.17);
    Line(g, name, 0.18, 0.17);
    Line(g, "性别", 0.06, 0.30);
    Line(g, sex, 0.18, 0.30);
    Line(g, "民族", 0.30, 0.30);
    Line(g, "汉", 0.42, 0.30);
    Line(g, "出生", 0.06, 0.43);
    Line(g, birth, 0.18, 0.43);
    Line(g, "住址", 0.06, 0.56);
    Line(g, "广东省惠东县平山街道", 0.18, 0.56);
    Line(g, "人民路12号", 0.18, 0.64);
    Line(g, "公民身份号码", 0.06, 0.87);
    return g;
}

TEST(CourierOcrParse, FieldsByLayout) {
    auto g = Card("张三", "男", "1990年1月7日");
    Line(g, "519901199001070014", 0.30, 0.87);
    const IdCardReading r = ParseCard(g, "", 0);
    EXPECT_EQ(r.name, "张三");
    EXPECT_EQ(r.sex, "男");
    EXPECT_EQ(r.ethnicity, "汉");
    EXPECT_EQ(r.birth_date, "1990-01-07");
    EXPECT_EQ(r.address, "广东省惠东县平山街道人民路12号");
    EXPECT_EQ(r.id_number, "519901199001070014");
    EXPECT_GT(r.confidence.at("id_number"), 0.5);
}

TEST(CourierOcrParse, InvalidNumberHasNoConfidenceAndDecidesNothing) {
    // GB 11643: check character wrong (…0014 is valid, …0012 is not).
    auto g = Card("张三", "女", "1990年1月7日");
    Line(g, "519901199001070012", 0.30, 0.87);
    const IdCardReading r = ParseCard(g, "", 0);
    EXPECT_EQ(r.id_number, "519901199001070012");
    EXPECT_EQ(r.confidence.at("id_number"), 0);
    EXPECT_EQ(r.sex, "女");  // the print stands: an unchecked number cannot correct it
}

TEST(CourierOcrParse, ValidNumberCorrectsMisreadBirthDateAndSex) {
    // The 17th digit is odd (male) and the birth date is 1990-01-07: the number vouches for both.
    auto g = Card("张三", "女", "1996年1月1日");
    Line(g, "51990l199OO1070014", 0.30, 0.87);  // look-alikes from the general model
    const IdCardReading r = ParseCard(g, "", 0);
    EXPECT_EQ(r.id_number, "519901199001070014");
    EXPECT_EQ(r.birth_date, "1990-01-07");
    EXPECT_EQ(r.sex, "男");
}

TEST(CourierOcrParse, DigitsOnlyLinePreferredWhenValid) {
    auto g = Card("李四", "男", "1990年1月7日");
    Line(g, "5199011990010700", 0.30, 0.87);  // two digits lost
    const IdCardReading r = ParseCard(g, "519901199001070014", 0.8);
    EXPECT_EQ(r.id_number, "519901199001070014");
    EXPECT_DOUBLE_EQ(r.confidence.at("id_number"), 0.8);
}

TEST(CourierOcrParse, PhotoAndLabelsAreIgnored) {
    auto g = Card("王五", "男", "1990年1月7日");
    Line(g, "照片噪点", 0.75, 0.30);
    const IdCardReading r = ParseCard(g, "", 0);
    EXPECT_EQ(r.name, "王五");
    EXPECT_EQ(r.ethnicity, "汉");
}

TEST(CourierOcrParse, EthnicityMatchesTheCatalogue) {
    EXPECT_EQ(MatchEthnicity("土家"), "土家");
    EXPECT_EQ(MatchEthnicity("族维吾尔"), "维吾尔");
    EXPECT_EQ(MatchEthnicity("火星"), "");
}

TEST(CourierOcrParse, JsonHasExactlyTheContractKeys) {
    IdCardReading r;
    r.name = "张三";
    const auto j = ToJson(r);
    std::vector<std::string> keys;
    for (auto& [k, v] : j.items()) keys.push_back(k);
    EXPECT_EQ(keys, (std::vector<std::string>{"name", "sex", "ethnicity", "birth_date", "address", "id_number",
                                              "confidence"}));
    EXPECT_EQ(j["confidence"].size(), 6u);
}

}  // namespace
}  // namespace jw::courier::ocr

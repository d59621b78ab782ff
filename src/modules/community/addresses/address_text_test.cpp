// Normalisation and number parsing (address_text.hpp): full-width, Chinese numerals, 栋/幢/号楼, 3-2-301 forms.
#include "community/addresses/address_text.hpp"

#include <gtest/gtest.h>

namespace jw::community {
namespace {

TEST(NormaliseAddress, FullWidthDigitsLettersAndSpaces) {
    EXPECT_EQ(NormaliseAddress("解放路１２号　３栋"), "解放路12号3栋");
    EXPECT_EQ(NormaliseAddress(" 解放路 12 号 a座 "), "解放路12号A栋");
    EXPECT_EQ(NormaliseAddress("３－２－３０１"), "3-2-301");
    EXPECT_EQ(NormaliseAddress("3—2–301"), "3-2-301");
}

TEST(NormaliseAddress, ChineseNumerals) {
    EXPECT_EQ(NormaliseAddress("十二号"), "12号");
    EXPECT_EQ(NormaliseAddress("十号"), "10号");
    EXPECT_EQ(NormaliseAddress("二十号"), "20号");
    EXPECT_EQ(NormaliseAddress("三百零一室"), "301室");
    EXPECT_EQ(NormaliseAddress("一二〇一室"), "1201室");
    EXPECT_EQ(NormaliseAddress("两单元"), "2单元");
    EXPECT_EQ(NormaliseAddress("叁拾伍号"), "35号");
}

TEST(NormaliseAddress, BuildingAndRoomSynonyms) {
    EXPECT_EQ(NormaliseAddress("3幢"), "3栋");
    EXPECT_EQ(NormaliseAddress("3号楼"), "3栋");
    EXPECT_EQ(NormaliseAddress("3#楼"), "3栋");
    EXPECT_EQ(NormaliseAddress("3#"), "3栋");
    EXPECT_EQ(NormaliseAddress("B座"), "B栋");
    EXPECT_EQ(NormaliseAddress("301房"), "301室");
    EXPECT_EQ(NormaliseAddress("301房间"), "301室");
}

TEST(NormaliseAddress, SpaceBetweenNumbersSeparates) {
    EXPECT_EQ(NormaliseAddress("301 138"), "301-138");
    EXPECT_EQ(NormaliseAddress("12 号"), "12号");
    EXPECT_EQ(NormaliseAddress("１２　３"), "12-3");
}

TEST(NormaliseAddress, DropsInvalidUtf8) {
    EXPECT_EQ(NormaliseAddress("解放路\xff"
                               "12号"),
              "解放路12号");
}

NumberParts P(const char* text) { return ParseNumbers(NormaliseAddress(text)); }

TEST(ParseNumbers, MarkedParts) {
    const auto p = P("12号3栋2单元301室");
    EXPECT_EQ(p.house, "12");
    EXPECT_EQ(p.building, "3");
    EXPECT_EQ(p.unit, "2");
    EXPECT_EQ(p.room, "301");
}

TEST(ParseNumbers, DashForms) {
    auto p = P("12号3-2-301");
    EXPECT_EQ(p.house, "12");
    EXPECT_EQ(p.building, "3");
    EXPECT_EQ(p.unit, "2");
    EXPECT_EQ(p.room, "301");
    p = P("12-3-2-301");
    EXPECT_EQ(p.house, "12");
    EXPECT_EQ(p.building, "3");
    EXPECT_EQ(p.unit, "2");
    EXPECT_EQ(p.room, "301");
    p = P("12号3-301");  // building and room, no unit
    EXPECT_EQ(p.building, "3");
    EXPECT_EQ(p.unit, "");
    EXPECT_EQ(p.room, "301");
}

TEST(ParseNumbers, UnmarkedRoomAndHouse) {
    auto p = P("12号3栋2单元301");
    EXPECT_EQ(p.room, "301");
    p = P("12");
    EXPECT_EQ(p.house, "12");
    EXPECT_EQ(p.room, "");
    p = P("12号301号");  // a second 号 is the room
    EXPECT_EQ(p.room, "301");
    p = P("012号03栋");
    EXPECT_EQ(p.house, "12");
    EXPECT_EQ(p.building, "3");
}

TEST(ParseNumbers, ChineseNumeralsThroughNormalise) {
    const auto p = P("十二号三栋二单元三零一");
    EXPECT_EQ(p.house, "12");
    EXPECT_EQ(p.building, "3");
    EXPECT_EQ(p.unit, "2");
    EXPECT_EQ(p.room, "301");
}

}  // namespace
}  // namespace jw::community

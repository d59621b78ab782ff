#include "docs/text_wrap.hpp"

#include <gtest/gtest.h>

namespace jw::docs {
namespace {

// Every character one unit wide, so widths are character counts.
double Unit(char32_t) { return 1.0; }

std::vector<std::string> Wrap(std::string_view text, double first_width, double width) {
    std::vector<std::string> out;
    for (const std::u32string& line : WrapText(DecodeUtf8(text), first_width, width, Unit)) {
        out.push_back(EncodeUtf8(line));
    }
    return out;
}

using Lines = std::vector<std::string>;

TEST(WrapTextTest, ChineseBreaksBetweenAnyCharacters) {
    EXPECT_EQ(Wrap("一二三四五六七八九十", 4, 4), (Lines{"一二三四", "五六七八", "九十"}));
}

TEST(WrapTextTest, FirstLineWidthAllowsAnIndent) { EXPECT_EQ(Wrap("一二三四五六", 2, 4), (Lines{"一二", "三四五六"})); }

TEST(WrapTextTest, ClosingPunctuationNeverStartsALine) {
    Lines lines = Wrap("一二三，四五六。", 3, 3);
    EXPECT_EQ(lines, (Lines{"一二", "三，四", "五六。"}));
}

TEST(WrapTextTest, OpeningPunctuationNeverEndsALine) {
    Lines lines = Wrap("一二（三）", 3, 3);
    EXPECT_EQ(lines, (Lines{"一二", "（三）"}));
}

TEST(WrapTextTest, LatinWordsBreakAtSpaces) {
    EXPECT_EQ(Wrap("hello world foo", 11, 11), (Lines{"hello world", "foo"}));
    EXPECT_EQ(Wrap("hello world foo", 8, 8), (Lines{"hello", "world", "foo"}));
}

TEST(WrapTextTest, MixedScriptKeepsLatinWordsWhole) {
    EXPECT_EQ(Wrap("车牌川A12345号", 6, 6), (Lines{"车牌川", "A12345", "号"}));
}

TEST(WrapTextTest, WordWiderThanALineIsBrokenAnywhere) {
    EXPECT_EQ(Wrap("abcdefghij", 4, 4), (Lines{"abcd", "efgh", "ij"}));
}

TEST(WrapTextTest, NewlineForcesABreakAndEmptyTextGivesOneLine) {
    EXPECT_EQ(Wrap("一\n\n二", 10, 10), (Lines{"一", "", "二"}));
    EXPECT_EQ(Wrap("", 10, 10), (Lines{""}));
}

TEST(WrapTextTest, NoLineIsWiderThanAllowed) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "依据《中华人民共和国治安管理处罚法》第二十六条 ";
    for (const std::string& line : Wrap(text, 17, 20)) EXPECT_LE(DecodeUtf8(line).size(), 20u) << line;
}

TEST(Utf8Test, RoundTripsAndReplacesMalformedBytes) {
    std::string text = "示范县 ABC 😀";
    EXPECT_EQ(EncodeUtf8(DecodeUtf8(text)), text);
    std::u32string bad = DecodeUtf8(
        "a\xC0\xAF"
        "b\xE4\xB8");
    EXPECT_EQ(bad, (std::u32string{U'a', 0xFFFD, 0xFFFD, U'b', 0xFFFD, 0xFFFD}));
}

}  // namespace
}  // namespace jw::docs

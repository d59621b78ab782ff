#include "common/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jw {
namespace {

TEST(Text, TrimAsciiSpaceBothEnds) {
    EXPECT_EQ(TrimAsciiSpace("  a b\t"), "a b");
    EXPECT_EQ(TrimAsciiSpace("\r\n\v\fx\r\n"), "x");
    EXPECT_EQ(TrimAsciiSpace("Content-Type: text/plain\r"), "Content-Type: text/plain");
    EXPECT_EQ(TrimAsciiSpace("inner  space"), "inner  space");
    EXPECT_EQ(TrimAsciiSpace(""), "");
    EXPECT_EQ(TrimAsciiSpace(" \t\r\n"), "");
}

// Machine text keeps Unicode blanks and any byte ≥ 0x80: only ASCII white space goes.
TEST(Text, TrimAsciiSpaceLeavesUnicodeBlanks) {
    EXPECT_EQ(TrimAsciiSpace("\xE3\x80\x80x\xC2\xA0"), "\xE3\x80\x80x\xC2\xA0");
    EXPECT_EQ(TrimAsciiSpace(" 京A12345 "), "京A12345");
}

TEST(Text, TrimUnicodeBlanksAlsoNoBreakAndIdeographic) {
    EXPECT_EQ(TrimUnicodeBlanks("\xE3\x80\x80 查询\xC2\xA0\t"), "查询");
    EXPECT_EQ(TrimUnicodeBlanks("\xC2\xA0\xE3\x80\x80\xC2\xA0"), "");
    EXPECT_EQ(TrimUnicodeBlanks("a\xE3\x80\x80"
                                "b"),
              "a\xE3\x80\x80"
              "b");  // inner blanks stay
    EXPECT_EQ(TrimUnicodeBlanks("  "), "");
    EXPECT_EQ(TrimUnicodeBlanks(""), "");
}

// A character that merely ends in the bytes of a blank's tail is not a blank: 一 (E4 B8 80) ends in 80 and
// 蠠 (E8 A0 A0) ends in A0; a lone continuation byte is kept.
TEST(Text, TrimUnicodeBlanksOnlyWholeCharacters) {
    EXPECT_EQ(TrimUnicodeBlanks("\xE4\xB8\x80"), "\xE4\xB8\x80");
    EXPECT_EQ(TrimUnicodeBlanks("x\xE8\xA0\xA0"), "x\xE8\xA0\xA0");
    EXPECT_EQ(TrimUnicodeBlanks("\xA0x\x80"), "\xA0x\x80");
    EXPECT_EQ(TrimUnicodeBlanks("\xC2"), "\xC2");  // a cut no-break space is not one
}

}  // namespace

TEST(Text, LowerAsciiTouchesAsciiLettersOnly) {
    EXPECT_EQ(LowerAscii("Content-TYPE: A1z"), "content-type: a1z");
    EXPECT_EQ(LowerAscii("川A12345 ÄÖ"), "川a12345 ÄÖ");  // UTF-8 bytes are kept
    EXPECT_EQ(LowerAscii(""), "");
}

TEST(Text, EqualsIgnoringAsciiCase) {
    EXPECT_TRUE(EqualsIgnoringAsciiCase("PlateNo", "plateno"));
    EXPECT_TRUE(EqualsIgnoringAsciiCase("", ""));
    EXPECT_FALSE(EqualsIgnoringAsciiCase("PlateNo", "PlateN0"));
    EXPECT_FALSE(EqualsIgnoringAsciiCase("PlateNo", "PlateNoX"));
    EXPECT_FALSE(EqualsIgnoringAsciiCase("Ä", "ä"));  // not ASCII: compared as bytes
}

}  // namespace jw

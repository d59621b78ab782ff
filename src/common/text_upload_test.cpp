#include "common/text_upload.hpp"

#include <gtest/gtest.h>

#include <string>

namespace jw {
namespace {

const TextUploadLimits kLimits{.max_bytes = 4096, .max_lines = 10, .max_line_bytes = 100};

std::string Problem(const Status& s, const std::string& field = "csv") {
    auto it = s.fields().find(field);
    return it == s.fields().end() ? "" : it->second;
}

TEST(TextUpload, AcceptsUtf8Csv) {
    EXPECT_TRUE(CheckTextUpload("csv", "\xEF\xBB\xBFid,name\r\n1,城关卡口\n2,\"a, b\"\n", kLimits).ok());
    EXPECT_TRUE(CheckTextUpload("csv", std::string(10, 'x') + "\n" + "BZh,MZ\n", kLimits).ok());
    // Exactly max_lines lines, with or without the final newline.
    std::string ten;
    for (int i = 0; i < 10; ++i) ten += "a\n";
    EXPECT_TRUE(CheckTextUpload("csv", ten, kLimits).ok());
    EXPECT_TRUE(CheckTextUpload("csv", ten.substr(0, ten.size() - 1), kLimits).ok());
}

TEST(TextUpload, RefusesBinaryAndCompressedFiles) {
    for (const std::string& body :
         {std::string("PK\x03\x04\x14\x00", 6), std::string("\x1f\x8b\x08\x00", 4), std::string("MZ\x90\x00", 4),
          std::string("\x7f"
                      "ELF\x02",
                      5),
          std::string("%PDF-1.7\n"), std::string("\xd0\xcf\x11\xe0\xa1\xb1", 6), std::string("BZh91AY"),
          std::string("id,name\n1,a\x00b\n", 14), std::string("id\n\x01\x02\n"),
          std::string("id\n\xEF\xBF\xBD\xEF\xBF\xBD\n")}) {
        Status s = CheckTextUpload("csv", body, kLimits);
        EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << body;
        EXPECT_EQ(Problem(s), "binary") << body;
    }
}

TEST(TextUpload, RefusesGbkText) {
    Status s = CheckTextUpload("csv", "id,name\n1,\xb3\xc7\xb9\xd8\n", kLimits);  // 城关 in GBK
    EXPECT_EQ(Problem(s), "not_utf8");
}

TEST(TextUpload, RefusesBombs) {
    Status s = CheckTextUpload("csv", std::string(4097, 'a'), kLimits);
    EXPECT_EQ(s.code(), ErrorCode::kPayloadTooLarge);
    EXPECT_EQ(Problem(s), "too_large");
    s = CheckTextUpload("csv", std::string(11, '\n') + "x", kLimits);
    EXPECT_EQ(Problem(s), "too_many_lines");
    s = CheckTextUpload("csv", "id\n1\n" + std::string(101, 'y') + "\n", kLimits);
    EXPECT_EQ(Problem(s), "line 3: too_long");
    EXPECT_NE(s.message().find("line 3"), std::string::npos);
}

TEST(TextUpload, BodySizeIsPayloadTooLargeNamingTheField) {
    EXPECT_TRUE(CheckBodySize("text", 10, 10).ok());
    Status s = CheckBodySize("text", 11, 10);
    EXPECT_EQ(s.code(), ErrorCode::kPayloadTooLarge);
    EXPECT_EQ(Problem(s, "text"), "too_large");
}

}  // namespace
}  // namespace jw

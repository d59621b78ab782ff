// The photo check (image_check.hpp) on real files made for the purpose (testdata/: a libjpeg JPEG with an EXIF
// segment carrying a GPS position, a comment and a trailer; a PNG with a tEXt chunk) and on what an attacker sends.
#include "media/image_check.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace jw::media {
namespace {

std::string ReadFile(const std::string& name) {
    std::ifstream in(std::string(JW_MEDIA_TESTDATA) + "/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string Problem(const Result<CheckedImage>& r, const std::string& field) {
    if (r.ok()) return "ok";
    const Status s = r.status();  // status() is a copy: keep one
    auto it = s.fields().find(field);
    return it == s.fields().end() ? "" : it->second;
}

TEST(ImageCheck, JpegLocationAndCommentAreRemovedPixelsKept) {
    const std::string in = ReadFile("exif_gps.jpg");
    ASSERT_NE(in.find("GPSLatitude"), std::string::npos);
    auto r = CheckImage("image/jpeg", in);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->width, 64);
    EXPECT_EQ(r->height, 48);
    EXPECT_EQ(r->bytes.find("GPSLatitude"), std::string::npos);
    EXPECT_EQ(r->bytes.find("secret comment"), std::string::npos);
    EXPECT_EQ(r->bytes.find("TRAILERDATA"), std::string::npos);
    EXPECT_EQ(r->bytes.size() + r->stripped_bytes, in.size());
    EXPECT_TRUE(r->bytes.ends_with("\xFF\xD9"));
    // The check is idempotent on its own output: nothing more to strip.
    auto again = CheckImage("image/jpeg", r->bytes);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->bytes, r->bytes);
    EXPECT_EQ(again->stripped_bytes, 0u);
}

TEST(ImageCheck, PngTextChunkRemoved) {
    const std::string in = ReadFile("text_chunk.png");
    auto r = CheckImage("image/png; charset=binary", in);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->width, 8);
    EXPECT_EQ(r->height, 6);
    EXPECT_EQ(r->bytes.find("GPS"), std::string::npos);
    EXPECT_NE(r->bytes.find("IDAT"), std::string::npos);
}

TEST(ImageCheck, TypeMustBeDeclaredAndTrue) {
    const std::string jpg = ReadFile("exif_gps.jpg"), png = ReadFile("text_chunk.png");
    EXPECT_EQ(Problem(CheckImage("image/gif", jpg), "content_type"), "unsupported_type");
    EXPECT_EQ(Problem(CheckImage("", jpg), "content_type"), "unsupported_type");
    EXPECT_EQ(Problem(CheckImage("image/svg+xml", "<svg/>"), "content_type"), "unsupported_type");
    EXPECT_EQ(Problem(CheckImage("image/png", jpg), "body"), "not_png");
    EXPECT_EQ(Problem(CheckImage("image/jpeg", png), "body"), "not_jpeg");
    EXPECT_EQ(Problem(CheckImage("image/jpeg", "<?php echo 1; ?>"), "body"), "not_jpeg");
    EXPECT_EQ(Problem(CheckImage("image/jpeg", ""), "body"), "required");
    EXPECT_EQ(Problem(CheckImage("IMAGE/JPEG", jpg), "body"), "ok");
}

TEST(ImageCheck, SizeLimit) {
    std::string big = ReadFile("exif_gps.jpg");
    big.resize(kMaxImageBytes + 1, '\0');
    EXPECT_EQ(Problem(CheckImage("image/jpeg", big), "body"), "too_large");
}

TEST(ImageCheck, BrokenStructuresRefused) {
    const std::string jpg = ReadFile("exif_gps.jpg");
    // Cut inside the headers, and cut before the end-of-image marker.
    EXPECT_EQ(Problem(CheckImage("image/jpeg", jpg.substr(0, 30)), "body"), "corrupt_image");
    const size_t eoi = jpg.rfind("\xFF\xD9");
    EXPECT_EQ(Problem(CheckImage("image/jpeg", jpg.substr(0, eoi)), "body"), "corrupt_image");
    // A PNG with one flipped bit in its pixel data fails its CRC.
    std::string png = ReadFile("text_chunk.png");
    png[png.find("IDAT") + 6] ^= 0x01;
    EXPECT_EQ(Problem(CheckImage("image/png", png), "body"), "corrupt_image");
    // JPEG magic followed by anything.
    EXPECT_EQ(Problem(CheckImage("image/jpeg", std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10)), "body"),
              "corrupt_image");
}

TEST(ImageCheck, DecompressionBombRefused) {
    // The frame header claims 60000 × 60000 pixels.
    std::string jpg = ReadFile("exif_gps.jpg");
    const size_t sof = jpg.find("\xFF\xC0");
    ASSERT_NE(sof, std::string::npos);
    jpg[sof + 5] = char(0xEA), jpg[sof + 6] = char(0x60), jpg[sof + 7] = char(0xEA), jpg[sof + 8] = char(0x60);
    EXPECT_EQ(Problem(CheckImage("image/jpeg", jpg), "body"), "too_many_pixels");
}

}  // namespace
}  // namespace jw::media

#pragma once
// What an uploaded photo must be (ADR 0033): a JPEG or PNG whose bytes really are that type. The check reads the
// magic bytes and walks the file's structure (JPEG markers up to the frame header and scan; PNG chunks with their
// CRCs, IHDR first, IEND last) without decoding pixels, and returns a copy without the metadata that can hold a
// location or a person's details: JPEG APP1 (EXIF, XMP), APP13 (IPTC) and COM segments and anything after EOI;
// PNG eXIf, tEXt, zTXt, iTXt and tIME chunks. The pixels are untouched (no re-encoding, no quality loss).
//
// Errors (InvalidArgument naming the field): content_type `unsupported_type` (not image/jpeg or image/png);
// body `required` (empty), `too_large` (over kMaxImageBytes), `not_jpeg` / `not_png` (the bytes are not the
// declared type), `corrupt_image` (a broken structure), `too_many_pixels` (a side over kMaxSide or more than
// kMaxPixels: a decompression bomb for whoever decodes it later). Pure; thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.hpp"

namespace jw::media {

inline constexpr size_t kMaxImageBytes = 1u << 20;  // = the HTTP layer's largest body; the web scales photos down
inline constexpr int kMaxSide = 12000;
inline constexpr int64_t kMaxPixels = 50'000'000;

struct CheckedImage {
    std::string content_type;  // "image/jpeg" | "image/png"
    int width = 0, height = 0;
    std::string bytes;  // the image without its metadata
    size_t stripped_bytes = 0;
};

// `content_type` as the request sent it (parameters such as "; charset" ignored, case-insensitive).
Result<CheckedImage> CheckImage(std::string_view content_type, std::string_view body);

}  // namespace jw::media

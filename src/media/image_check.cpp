#include "media/image_check.hpp"

#include <array>
#include <cctype>

namespace jw::media {
namespace {

Status Bad(const char* field, const char* problem, std::string message) {
    return Status(ErrorCode::kInvalidArgument, std::move(message), {{field, problem}});
}
Status Corrupt(std::string what) { return Bad("body", "corrupt_image", "image is damaged: " + what); }

uint32_t Be16(std::string_view s, size_t at) { return (uint32_t(uint8_t(s[at])) << 8) | uint8_t(s[at + 1]); }
uint32_t Be32(std::string_view s, size_t at) { return (Be16(s, at) << 16) | Be16(s, at + 2); }

Status CheckSize(int64_t w, int64_t h) {
    if (w <= 0 || h <= 0) return Corrupt("zero width or height");
    if (w > kMaxSide || h > kMaxSide || w * h > kMaxPixels)
        return Bad("body", "too_many_pixels", "image has too many pixels");
    return Status::Ok();
}

// JPEG (ITU T.81 Annex B): SOI, marker segments up to the first SOS, entropy-coded data, EOI.
Result<CheckedImage> CheckJpeg(std::string_view in) {
    if (in.size() < 4 || uint8_t(in[0]) != 0xFF || uint8_t(in[1]) != 0xD8 || uint8_t(in[2]) != 0xFF)
        return Bad("body", "not_jpeg", "body is not a JPEG image");
    CheckedImage out;
    out.content_type = "image/jpeg";
    out.bytes.assign(in.substr(0, 2));
    size_t at = 2;
    bool frame = false;
    while (true) {
        if (at + 4 > in.size()) return Corrupt("ends inside the headers");
        if (uint8_t(in[at]) != 0xFF) return Corrupt("marker expected");
        const uint8_t marker = uint8_t(in[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD8 || marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
            return Corrupt("unexpected marker before the scan");
        const size_t len = Be16(in, at + 2);
        if (len < 2 || at + 2 + len > in.size()) return Corrupt("segment runs past the end");
        const std::string_view seg = in.substr(at, 2 + len);
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (len < 8) return Corrupt("short frame header");
            out.height = int(Be16(in, at + 5));
            out.width = int(Be16(in, at + 7));
            JW_RETURN_IF_ERROR(CheckSize(out.width, out.height));
            frame = true;
        }
        // APP1 (EXIF, XMP: camera, time, GPS position), APP13 (IPTC: names, places), COM: dropped.
        const bool metadata = marker == 0xE1 || marker == 0xED || marker == 0xFE;
        if (metadata)
            out.stripped_bytes += seg.size();
        else
            out.bytes.append(seg);
        at += 2 + len;
        if (marker == 0xDA) break;  // start of scan: the compressed data follows
    }
    if (!frame) return Corrupt("no frame header before the scan");
    // The rest up to the last EOI is kept as it is; bytes after it (vendor trailers) are dropped.
    const size_t eoi = in.rfind("\xFF\xD9");
    if (eoi == std::string_view::npos || eoi < at) return Corrupt("no end of image");
    out.bytes.append(in.substr(at, eoi + 2 - at));
    out.stripped_bytes += in.size() - (eoi + 2);
    return out;
}

uint32_t Crc32(std::string_view data) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    uint32_t c = 0xFFFFFFFFu;
    for (char ch : data) c = table[(c ^ uint8_t(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// PNG (ISO/IEC 15948): signature, IHDR first, at least one IDAT, IEND last; every chunk's CRC checked.
Result<CheckedImage> CheckPng(std::string_view in) {
    static constexpr std::string_view kSignature("\x89PNG\r\n\x1A\n", 8);
    if (!in.starts_with(kSignature)) return Bad("body", "not_png", "body is not a PNG image");
    CheckedImage out;
    out.content_type = "image/png";
    out.bytes.assign(kSignature);
    size_t at = kSignature.size();
    bool header = false, data = false, end = false;
    while (!end) {
        if (at + 12 > in.size()) return Corrupt("ends inside a chunk");
        const uint32_t len = Be32(in, at);
        if (len > in.size() - at - 12) return Corrupt("chunk runs past the end");
        const std::string_view type = in.substr(at + 4, 4);
        const std::string_view chunk = in.substr(at, 12 + len);
        if (Crc32(in.substr(at + 4, 4 + len)) != Be32(in, at + 8 + len)) return Corrupt("chunk CRC mismatch");
        for (char ch : type)
            if (!std::isalpha(uint8_t(ch))) return Corrupt("bad chunk type");
        if (!header) {
            if (type != "IHDR" || len != 13) return Corrupt("IHDR must come first");
            out.width = int(std::min<uint32_t>(Be32(in, at + 8), INT32_MAX));
            out.height = int(std::min<uint32_t>(Be32(in, at + 12), INT32_MAX));
            JW_RETURN_IF_ERROR(CheckSize(out.width, out.height));
            header = true;
        }
        if (type == "IDAT") data = true;
        if (type == "IEND") end = true;
        const bool metadata = type == "eXIf" || type == "tEXt" || type == "zTXt" || type == "iTXt" || type == "tIME";
        if (metadata)
            out.stripped_bytes += chunk.size();
        else
            out.bytes.append(chunk);
        at += chunk.size();
    }
    if (!data) return Corrupt("no image data");
    out.stripped_bytes += in.size() - at;  // after IEND
    return out;
}

std::string MediaType(std::string_view content_type) {
    std::string t(content_type.substr(0, content_type.find(';')));
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    for (char& ch : t) ch = char(std::tolower(uint8_t(ch)));
    return t;
}

}  // namespace

Result<CheckedImage> CheckImage(std::string_view content_type, std::string_view body) {
    const std::string type = MediaType(content_type);
    if (type != "image/jpeg" && type != "image/png")
        return Bad("content_type", "unsupported_type", "only image/jpeg and image/png are accepted");
    if (body.empty()) return Bad("body", "required", "the image is missing");
    if (body.size() > kMaxImageBytes) return Bad("body", "too_large", "the image is larger than 1 MiB");
    return type == "image/jpeg" ? CheckJpeg(body) : CheckPng(body);
}

}  // namespace jw::media

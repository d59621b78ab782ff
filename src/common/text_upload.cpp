#include "common/text_upload.hpp"

#include <array>
#include <string>

#include "common/json_util.hpp"

namespace jw {

namespace {

struct Magic {
    std::string_view bytes;
    const char* kind;
};

// First bytes of the file types people upload by mistake (or on purpose) where a CSV is expected.
constexpr std::array<Magic, 11> kMagics = {{
    {"PK\x03\x04", "a zip archive (xlsx, docx and jar are zip)"},
    {"PK\x05\x06", "an empty zip archive"},
    {"\x1f\x8b", "a gzip file"},
    {"BZh", "a bzip2 file"},
    {"\xfd"
     "7zXZ",
     "an xz file"},
    {"7z\xbc\xaf", "a 7-Zip archive"},
    {"Rar!", "a RAR archive"},
    {"%PDF-", "a PDF document"},
    {"\xd0\xcf\x11\xe0", "an OLE document (xls, doc)"},
    {"MZ", "a Windows executable"},
    {"\x7f"
     "ELF",
     "an ELF executable"},
}};

Status Refuse(std::string_view field, std::string problem, std::string message) {
    return Status(ErrorCode::kInvalidArgument, std::move(message), {{std::string(field), std::move(problem)}});
}

}  // namespace

Status CheckBodySize(std::string_view field, size_t bytes, size_t max_bytes) {
    if (bytes <= max_bytes) return Status::Ok();
    return Status(ErrorCode::kPayloadTooLarge,
                  std::string(field) + ": upload over " + std::to_string(max_bytes / 1024) + " KiB",
                  {{std::string(field), "too_large"}});
}

Status CheckTextUpload(std::string_view field, std::string_view text, const TextUploadLimits& limits) {
    JW_RETURN_IF_ERROR(CheckBodySize(field, text.size(), limits.max_bytes));
    std::string_view body = text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
    for (const auto& m : kMagics) {
        // "MZ" and "BZh" could begin a CSV cell; they count only followed by what the format puts there.
        if (!body.starts_with(m.bytes)) continue;
        if (m.bytes == "MZ" && (body.size() < 3 || (body[2] != '\x90' && body[2] != '\0' && body[2] != 'P'))) continue;
        if (m.bytes == "BZh" && (body.size() < 4 || body[3] < '1' || body[3] > '9')) continue;
        return Refuse(field, "binary", std::string(field) + ": this is " + m.kind + ", not a UTF-8 CSV text file");
    }
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto ch = static_cast<unsigned char>(text[i]);
        if (ch == '\n') {
            ++line;
            line_start = i + 1;
            // Counted as they come, so a million empty lines cost one pass and no allocation.
            if (line > limits.max_lines && i + 1 < text.size())
                return Refuse(field, "too_many_lines",
                              std::string(field) + ": more than " + std::to_string(limits.max_lines) + " lines");
            continue;
        }
        if (ch < 0x20 && ch != '\t' && ch != '\r')
            return Refuse(field, "binary",
                          std::string(field) + ": line " + std::to_string(line) +
                              " holds a control character (a binary file, not a CSV text file)");
        if (i - line_start >= limits.max_line_bytes)
            return Refuse(field, "line " + std::to_string(line) + ": too_long",
                          std::string(field) + ": line " + std::to_string(line) + " is longer than " +
                              std::to_string(limits.max_line_bytes) + " bytes");
    }
    if (!Utf8Length(text))
        return Refuse(field, "not_utf8", std::string(field) + ": not UTF-8 text (save the file as UTF-8 CSV)");
    if (text.find("\xEF\xBF\xBD") != std::string_view::npos)
        return Refuse(field, "binary",
                      std::string(field) + ": holds U+FFFD, a binary file read as text, not a CSV text file");
    return Status::Ok();
}

}  // namespace jw

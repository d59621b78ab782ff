#pragma once
// Checks on an uploaded text file (a CSV or a plate list) before it is parsed, so that the wrong kind of file,
// a CSV "bomb" (a million empty lines, one 8 MB cell) or a compressed archive is refused with a clear 4xx naming
// the field, before anything is parsed or written. Pure functions; thread-safe.

#include <cstddef>
#include <string_view>

#include "common/status.hpp"

namespace jw {

struct TextUploadLimits {
    size_t max_bytes = 0;       // the text itself (the request body is checked with CheckBodySize first)
    size_t max_lines = 0;       // physical lines, empty ones included
    size_t max_line_bytes = 0;  // one physical line
};

// PayloadTooLarge (413) {field: "too_large"} when a body of `bytes` exceeds `max_bytes`. Call it before parsing.
Status CheckBodySize(std::string_view field, size_t bytes, size_t max_bytes);

// Ok, or (the first that applies):
//   PayloadTooLarge {field: "too_large"}             — more than max_bytes
//   InvalidArgument {field: "binary"}                — a zip/xlsx/docx, gzip, bzip2, xz, 7z, rar, PDF, OLE (xls/doc),
//                    Windows (PE) or ELF executable by its first bytes; a NUL or another control character
//                    than TAB, CR, LF; or U+FFFD (what a browser makes of a binary file read as text)
//   InvalidArgument {field: "not_utf8"}              — not UTF-8 (a GBK file: save it as UTF-8 CSV)
//   InvalidArgument {field: "too_many_lines"}        — more than max_lines lines
//   InvalidArgument {field: "line N: too_long"}      — line N longer than max_line_bytes
// The message says the same in words.
Status CheckTextUpload(std::string_view field, std::string_view text, const TextUploadLimits& limits);

}  // namespace jw

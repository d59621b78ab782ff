#pragma once
// PDF rendering of a Document with PoDoFo 0.9: A4 pages laid out after GB/T 9704 (margins 37/26/35/28 mm,
// body 16 pt), text in an embedded subset of a TrueType CJK font (small files, ~20 KB, whose text extracts
// correctly with pdftotext), lines wrapped by measured glyph widths, page breaks where needed, the footer at the
// foot of the last page and the page label on every page.

#include <mutex>
#include <string>
#include <string_view>

#include "common/status.hpp"
#include "docs/document.hpp"

namespace jw::docs {

// AR PL SungtiL GB from Debian's fonts-arphic-gbsn00lp; covers GB 2312. CFF and .ttc fonts (fonts-noto-cjk) do
// not embed correctly with PoDoFo 0.9.
inline constexpr std::string_view kDefaultCjkFont = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

struct PdfOptions {
    std::string font_path = std::string(kDefaultCjkFont);  // a TrueType (.ttf) font file
};

// Returns the bytes of a complete PDF file. Characters the font lacks print as its missing-glyph box.
// Errors: kUnavailable if the font file is missing, unreadable or not a usable TrueType font;
// kInvalidArgument (field "blocks[i].text") if a kQr payload is empty or too long for a QR code;
// kInternal if PoDoFo fails otherwise.
// Thread-safe: calls are serialised internally, as PoDoFo 0.9 makes no thread-safety promise (it has global
// encoding and logging state).
Result<std::string> RenderPdf(const Document& doc, const PdfOptions& options = {});

// PoDoFo 0.9 promises no thread safety (its logging and font caches are global): every use of it in the process,
// this renderer's and any other's (the property labels' roll sizes), holds this one lock.
std::mutex& PodofoMutex();

}  // namespace jw::docs

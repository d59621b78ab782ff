#pragma once
// QR codes (ISO/IEC 18004) through libqrencode, for property labels and document verification links.
// The payload is encoded as 8-bit bytes (UTF-8 text as-is), so any string is accepted up to the capacity of a
// version-40 symbol (2331 bytes at level M). Every function here is thread-safe (libqrencode is built with
// pthreads on Debian; DrawQr touches only the painter it is given).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace PoDoFo {
class PdfPainter;
}

namespace jw::docs {

enum class QrLevel {
    kLow,       // ~7 % of the symbol may be damaged
    kMedium,    // ~15 %: the default, fine for printed labels
    kQuartile,  // ~25 %
    kHigh,      // ~30 %: labels on property that gets scuffed
};

// Modules a reader needs as blank margin around the symbol.
inline constexpr int kQrQuietZone = 4;

struct QrCode {
    int size = 0;                  // modules per side, quiet zone excluded
    std::vector<uint8_t> modules;  // row-major, size * size, 1 = dark; row 0 is the top
    bool Dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
};

// Encodes `text`. Errors: kInvalidArgument (field "text") if it is empty or too long for a QR symbol at
// `level`; kInternal if libqrencode fails otherwise (out of memory).
Result<QrCode> QrMatrix(std::string_view text, QrLevel level = QrLevel::kMedium);

// A standalone SVG image of `code`, quiet zone included, one user unit per module, scalable (no width/height,
// just a viewBox). Never fails.
std::string QrCodeSvg(const QrCode& code);

// QrMatrix then QrCodeSvg; the same errors as QrMatrix.
Result<std::string> QrSvg(std::string_view text, QrLevel level = QrLevel::kMedium);

// Draws `code` in black on `painter`'s current page, as a square of `side` points (quiet zone included, left
// blank) whose lower-left corner is at (`x`, `y`) in PDF user space. The painter must have a page set. Leaves
// the painter's fill colour black. PoDoFo exceptions (PdfError) propagate: callers such as RenderPdf catch them.
void DrawQr(PoDoFo::PdfPainter& painter, const QrCode& code, double x, double y, double side);

}  // namespace jw::docs

#include "docs/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>

#include "docs/podofo_include.hpp"

namespace jw::docs {
namespace {

QRecLevel ToQrEcLevel(QrLevel level) {
    switch (level) {
        case QrLevel::kLow:
            return QR_ECLEVEL_L;
        case QrLevel::kMedium:
            return QR_ECLEVEL_M;
        case QrLevel::kQuartile:
            return QR_ECLEVEL_Q;
        case QrLevel::kHigh:
            return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct QrcodeDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

// Calls `emit(x, y, length)` for each horizontal run of dark modules, so output stays small.
template <typename Emit>
void ForEachDarkRun(const QrCode& code, Emit emit) {
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size;) {
            if (!code.Dark(x, y)) {
                ++x;
                continue;
            }
            int start = x;
            while (x < code.size && code.Dark(x, y)) ++x;
            emit(start, y, x - start);
        }
    }
}

}  // namespace

Result<QrCode> QrMatrix(std::string_view text, QrLevel level) {
    if (text.empty()) return Status::Invalid("text", "empty");
    errno = 0;
    std::unique_ptr<QRcode, QrcodeDeleter> encoded(QRcode_encodeData(
        static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, ToQrEcLevel(level)));
    if (!encoded) {
        if (errno == ERANGE) return Status::Invalid("text", "too long for a QR code");
        return Status::Internal("QR encoding failed");
    }
    QrCode code;
    code.size = encoded->width;
    code.modules.resize(static_cast<size_t>(code.size) * code.size);
    // libqrencode keeps other flags in the upper bits; bit 0 is the module colour.
    for (size_t i = 0; i < code.modules.size(); ++i) code.modules[i] = encoded->data[i] & 1;
    return code;
}

std::string QrCodeSvg(const QrCode& code) {
    int full = code.size + 2 * kQrQuietZone;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(full) + " " +
                      std::to_string(full) + "\" shape-rendering=\"crispEdges\">";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
    ForEachDarkRun(code, [&](int x, int y, int length) {
        svg += "M" + std::to_string(x + kQrQuietZone) + " " + std::to_string(y + kQrQuietZone) + "h" +
               std::to_string(length) + "v1h-" + std::to_string(length) + "z";
    });
    svg += "\"/></svg>";
    return svg;
}

Result<std::string> QrSvg(std::string_view text, QrLevel level) {
    JW_ASSIGN_OR_RETURN(QrCode code, QrMatrix(text, level));
    return QrCodeSvg(code);
}

void DrawQr(PoDoFo::PdfPainter& painter, const QrCode& code, double x, double y, double side) {
    if (code.size == 0) return;
    double module = side / (code.size + 2 * kQrQuietZone);
    double top = y + side - kQrQuietZone * module;
    painter.SetColor(0.0, 0.0, 0.0);
    ForEachDarkRun(code, [&](int mx, int my, int length) {
        painter.Rectangle(x + (kQrQuietZone + mx) * module, top - (my + 1) * module, length * module, module);
    });
    painter.Fill();
}

}  // namespace jw::docs

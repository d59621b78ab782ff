#include "property/labels/label_stock.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>

#include "docs/pdf_renderer.hpp"
#include "docs/podofo_include.hpp"
#include "docs/qr.hpp"

namespace jw::property {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kMargin = 1.5 * kMm;  // printers do not print to the very edge of a label
constexpr double kLeading = 1.15;

struct Stock {
    std::string_view name;
    double width_mm, height_mm, font_pt;
};
constexpr Stock kStocks[] = {{"40x30", 40, 30, 5.5}, {"60x40", 60, 40, 7}};

PoDoFo::PdfString Pdf(const std::string& utf8) {
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

// The printed lines of a label: the code, the caller's lines, a reprint's count (as LabelDocument words them).
std::vector<std::string> Lines(const Label& l) {
    std::vector<std::string> out{l.code};
    for (const auto& line : l.lines)
        if (!line.empty()) out.push_back(line);
    if (l.prints > 1) out.push_back("补打第" + std::to_string(l.prints - 1) + "次");
    return out;
}

Result<std::string> RenderRoll(const Stock& stock, const std::string& title, const std::vector<Label>& labels) {
    std::vector<docs::QrCode> codes;
    for (size_t i = 0; i < labels.size(); ++i) {
        auto code = docs::QrMatrix(labels[i].code, docs::QrLevel::kQuartile);  // labels get scuffed
        if (!code.ok()) return Status::Invalid("codes[" + std::to_string(i) + "]", "bad_value");
        codes.push_back(std::move(code).value());
    }
    const std::string font_path(docs::kDefaultCjkFont);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(font_path, ec))
        return Status(ErrorCode::kUnavailable, "CJK font not found: " + font_path);
    PoDoFo::PdfMemDocument pdf;
    auto encoding = std::make_unique<PoDoFo::PdfIdentityEncoding>(0, 0xffff, true);
    PoDoFo::PdfFont* font = pdf.CreateFontSubset(std::filesystem::path(font_path).stem().c_str(), false, false, false,
                                                 encoding.get(), font_path.c_str());
    if (font == nullptr) return Status(ErrorCode::kUnavailable, "not a usable TrueType font: " + font_path);
    encoding.release();  // NOLINT(bugprone-unused-return-value): now owned by `font`
    const double w = stock.width_mm * kMm, h = stock.height_mm * kMm;
    const double text_width = w - 2 * kMargin;
    PoDoFo::PdfPainter painter;
    for (size_t i = 0; i < labels.size(); ++i) {
        PoDoFo::PdfPage* page = pdf.CreatePage(PoDoFo::PdfRect(0, 0, w, h));
        painter.SetPage(page);
        const auto lines = Lines(labels[i]);
        const double line_h = stock.font_pt * kLeading;
        const double side = std::min(text_width, h - 2 * kMargin - line_h * static_cast<double>(lines.size()));
        const double qr_top = h - kMargin;
        docs::DrawQr(painter, codes[i], (w - side) / 2, qr_top - side, side);
        double y = qr_top - side;
        for (const auto& line : lines) {
            // A long line (a case number in full-width characters) shrinks to the label's width rather than run
            // off it: the glyph widths are measured with the font.
            double size = stock.font_pt;
            font->SetFontSize(static_cast<float>(size));
            double width = font->GetFontMetrics()->StringWidth(Pdf(line));
            if (width > text_width) {
                size = size * text_width / width;
                font->SetFontSize(static_cast<float>(size));
                width = text_width;
            }
            painter.SetFont(font);
            y -= line_h;
            painter.DrawText((w - width) / 2, y + (line_h - size) / 2 + 0.12 * size, Pdf(line));
        }
        painter.FinishPage();
    }
    pdf.GetInfo()->SetTitle(Pdf(title));
    pdf.GetInfo()->SetCreator(PoDoFo::PdfString("Jingwu"));
    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    pdf.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
}

}  // namespace

const std::vector<std::string>& LabelSizes() {
    static const std::vector<std::string> sizes{"a4", "40x30", "60x40"};
    return sizes;
}

Result<std::string> RenderLabels(const std::string& title, const std::vector<Label>& labels, std::string_view size) {
    if (size == "a4") return docs::RenderPdf(LabelDocument(title, labels));
    for (const auto& stock : kStocks) {
        if (size != stock.name) continue;
        std::lock_guard lock(docs::PodofoMutex());  // the one PoDoFo lock of the process
        PoDoFo::PdfError::EnableLogging(false);
        try {
            return RenderRoll(stock, title, labels);
        } catch (const PoDoFo::PdfError& e) {
            return Status::Internal(std::string("label rendering failed: ") +
                                    PoDoFo::PdfError::ErrorMessage(e.GetError()));
        }
    }
    return Status::Invalid("size", "bad_value");
}

}  // namespace jw::property

#include "docs/pdf_renderer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

#include "docs/podofo_include.hpp"
#include "docs/qr.hpp"
#include "docs/text_wrap.hpp"

namespace jw::docs {
namespace {

using PoDoFo::PdfFont;
using PoDoFo::PdfMemDocument;
using PoDoFo::PdfPainter;
using PoDoFo::PdfString;

// Geometry in PDF points, origin at the lower-left corner of an A4 page; margins and sizes from GB/T 9704.
constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kLeft = 28 * kMm;
constexpr double kRight = kPageWidth - 26 * kMm;
constexpr double kTop = kPageHeight - 37 * kMm;
constexpr double kBottom = 35 * kMm;
constexpr double kTextWidth = kRight - kLeft;

constexpr double kIssuerSize = 26;
constexpr double kTitleSize = 22;
constexpr double kBodySize = 16;
constexpr double kTableSize = 14;
constexpr double kFooterSize = 14;
constexpr double kCaptionSize = 12;
constexpr double kBodyLeading = 1.75;  // 28 pt lines: the standard's 22 lines per page
constexpr double kTableLeading = 1.5;
constexpr double kKeyColumnShare = 0.3;
constexpr double kCellPadding = 1.5 * kMm;
constexpr double kSealSpace = 2 * kBodySize * kBodyLeading;  // blank lines above the unit name for the seal
constexpr double kRuleWidth = 0.75;                          // table borders and footer rules
constexpr double kQrSide = 30 * kMm;
constexpr double kPageLabelDrop = 7 * kMm;  // the page label sits this far below the text block
constexpr double kFakeBoldStroke = 0.035;   // of the font size: the one font has no bold face, so outline glyphs
constexpr size_t kMinRowLines = 2;          // a row taller than a page starts only where this many lines fit

enum class Align { kLeft, kCenter, kRight };

PdfString ToPdfString(const std::string& utf8) {
    return PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

std::string PageLabel(std::string label, int page, int pages) {
    for (auto [key, value] : {std::pair{"{pages}", pages}, std::pair{"{page}", page}}) {
        std::string_view k = key;
        for (size_t at = label.find(k); at != std::string::npos; at = label.find(k, at)) {
            label.replace(at, k.size(), std::to_string(value));
        }
    }
    return label;
}

class PdfLayout {
  public:
    PdfLayout(PdfMemDocument& pdf, PdfFont* font) : pdf_(pdf), font_(font) {}

    Status Render(const Document& doc) {
        // Encode every QR code first, so that a bad payload fails before anything is drawn.
        std::vector<QrCode> codes;
        for (size_t i = 0; i < doc.blocks.size(); ++i) {
            if (doc.blocks[i].kind != BlockKind::kQr) continue;
            Result<QrCode> code = QrMatrix(doc.blocks[i].text);
            if (!code.ok()) {
                return Status::Invalid("blocks[" + std::to_string(i) + "].text",
                                       code.status().fields().begin()->second);
            }
            codes.push_back(std::move(code).value());
        }
        auto next_code = codes.begin();
        NewPage();
        if (!doc.issuer.empty()) {
            SetColor(0.8, 0.0, 0.0);
            Text(doc.issuer, kIssuerSize, 1.5, Align::kCenter, 0, true);
            SetColor(0.0, 0.0, 0.0);
        }
        Text(doc.title, kTitleSize, 1.5, Align::kCenter, 0, true);
        if (!doc.number.empty()) Text(doc.number, kBodySize, kBodyLeading, Align::kCenter, 0, false);
        Gap(kBodySize * kBodyLeading / 2);
        for (size_t i = 0; i < doc.blocks.size(); ++i) {
            const Block& block = doc.blocks[i];
            switch (block.kind) {
                case BlockKind::kHeading:
                    Reserve(2 * kBodySize * kBodyLeading);  // keep a heading with its first line of text
                    Text(block.text, kBodySize, kBodyLeading, Align::kLeft, 2 * kBodySize, true);
                    break;
                case BlockKind::kParagraph: {
                    // A paragraph followed by the 落款 keeps its last lines on the signature's page, so the seal
                    // and date never stand alone on a page.
                    const bool before_signature =
                        i + 1 < doc.blocks.size() && doc.blocks[i + 1].kind == BlockKind::kSignature;
                    Text(block.text, kBodySize, kBodyLeading, Align::kLeft, 2 * kBodySize, false,
                         before_signature ? SignatureHeight() : 0);
                    break;
                }
                case BlockKind::kTable:
                    for (const KeyValue& row : block.rows) TableRow(row);
                    Gap(kBodySize * kBodyLeading / 4);
                    break;
                case BlockKind::kSignature:
                    Signature(block);
                    break;
                case BlockKind::kQr:
                    Qr(*next_code++, block.caption);
                    break;
            }
        }
        if (!doc.footer.empty()) Footer(doc.footer);
        painter_.FinishPage();
        PageLabels(doc.page_label);
        return Status::Ok();
    }

  private:
    void NewPage() {
        if (painter_.GetPage() != nullptr) painter_.FinishPage();
        painter_.SetPage(pdf_.CreatePage(PoDoFo::PdfRect(0, 0, kPageWidth, kPageHeight)));
        painter_.SetFont(font_);
        y_ = kTop;
    }

    void SetColor(double r, double g, double b) {
        painter_.SetColor(r, g, b);
        painter_.SetStrokingColor(r, g, b);
    }

    // Starts a new page unless `height` still fits above the bottom margin (or the page is still empty).
    void Reserve(double height) {
        if (y_ - height < kBottom && y_ < kTop) NewPage();
    }

    void Gap(double height) {
        if (y_ < kTop) y_ = std::max(kBottom, y_ - height);
    }

    double Width(std::u32string_view text) const {
        double total = 0;
        for (char32_t c : text) total += CharWidth(c);
        return total;
    }

    double CharWidth(char32_t c) const {
        auto code = static_cast<unsigned short>(c > 0xFFFF ? 0xFFFD : c);
        return font_->GetFontMetrics()->UnicodeCharWidth(code);
    }

    std::vector<std::u32string> Wrap(std::string_view text, double size, double first_width, double width) {
        font_->SetFontSize(static_cast<float>(size));
        return WrapText(DecodeUtf8(text), first_width, width, [this](char32_t c) { return CharWidth(c); });
    }

    // Draws one line whose box spans [top - line_height, top], glyphs centred vertically in it.
    void DrawLine(std::u32string_view line, double size, double line_height, double x, double width, double top,
                  Align align, bool bold) {
        font_->SetFontSize(static_cast<float>(size));
        double w = Width(line);
        if (align == Align::kCenter) x += (width - w) / 2;
        if (align == Align::kRight) x += width - w;
        if (bold) {
            // The rendering mode outlives the text object, and PoDoFo never writes the reset to plain fill:
            // confine it to a saved graphics state.
            painter_.Save();
            painter_.SetTextRenderingMode(PoDoFo::ePdfTextRenderingMode_FillAndStroke);
            painter_.SetStrokeWidth(kFakeBoldStroke * size);
        }
        painter_.DrawText(x, top - line_height / 2 - 0.38 * size, ToPdfString(EncodeUtf8(line)));
        if (bold) {
            painter_.SetTextRenderingMode(PoDoFo::ePdfTextRenderingMode_Fill);
            painter_.Restore();
        }
    }

    // Flowing text across the full text width, breaking pages between lines. `keep_after` > 0: the last two
    // lines stay on one page with that much space below them (what follows must not be left alone).
    void Text(std::string_view text, double size, double leading, Align align, double indent, bool bold,
              double keep_after = 0) {
        double line_height = size * leading;
        std::vector<std::u32string> lines = Wrap(text, size, kTextWidth - indent, kTextWidth);
        const size_t tail = lines.size() < 2 ? 0 : lines.size() - 2;
        for (size_t i = 0; i < lines.size(); ++i) {
            if (keep_after > 0 && i == tail) Reserve(static_cast<double>(lines.size() - i) * line_height + keep_after);
            Reserve(line_height);
            double x = i == 0 ? kLeft + indent : kLeft;
            DrawLine(lines[i], size, line_height, x, kRight - x, y_, align, bold);
            y_ -= line_height;
        }
    }

    // A bordered two-column row; a row taller than the rest of the page continues on the next one.
    void TableRow(const KeyValue& row) {
        double line_height = kTableSize * kTableLeading;
        double key_width = kTextWidth * kKeyColumnShare;
        double inner_key = key_width - 2 * kCellPadding;
        double inner_value = kTextWidth - key_width - 2 * kCellPadding;
        std::vector<std::u32string> keys = Wrap(row.key, kTableSize, inner_key, inner_key);
        std::vector<std::u32string> values = Wrap(row.value, kTableSize, inner_value, inner_value);
        size_t total = std::max(keys.size(), values.size());
        auto fits = [&](double top) {
            return static_cast<size_t>(std::max(0.0, (top - kBottom - 2 * kCellPadding) / line_height));
        };
        size_t page_capacity = std::max<size_t>(1, fits(kTop));
        for (size_t done = 0; done < total;) {
            size_t remaining = total - done;
            size_t fit = fits(y_);
            bool move_whole_row = fit < remaining && remaining <= page_capacity;
            if (y_ < kTop && (move_whole_row || fit < std::min(remaining, kMinRowLines))) {
                NewPage();
                continue;
            }
            size_t take = std::max<size_t>(1, std::min(fit, remaining));
            double height = static_cast<double>(take) * line_height + 2 * kCellPadding;
            painter_.SetStrokeWidth(kRuleWidth);
            painter_.Rectangle(kLeft, y_ - height, key_width, height);
            painter_.Rectangle(kLeft + key_width, y_ - height, kTextWidth - key_width, height);
            painter_.Stroke();
            for (size_t i = done; i < done + take; ++i) {
                double top = y_ - kCellPadding - static_cast<double>(i - done) * line_height;
                if (i < keys.size()) {
                    DrawLine(keys[i], kTableSize, line_height, kLeft + kCellPadding, inner_key, top, Align::kLeft,
                             false);
                }
                if (i < values.size()) {
                    DrawLine(values[i], kTableSize, line_height, kLeft + key_width + kCellPadding, inner_value, top,
                             Align::kLeft, false);
                }
            }
            y_ -= height;
            done += take;
            if (done < total) NewPage();
        }
    }

    double SignatureHeight() const { return kSealSpace + 2 * kBodySize * kBodyLeading; }

    // 落款: the date ends four characters from the right margin, the unit is centred above it.
    void Signature(const Block& block) {
        double line_height = kBodySize * kBodyLeading;
        Reserve(SignatureHeight());
        Gap(kSealSpace);
        font_->SetFontSize(static_cast<float>(kBodySize));
        std::u32string unit = DecodeUtf8(block.unit);
        std::u32string date = DecodeUtf8(block.date);
        double date_right = kRight - 4 * kBodySize;
        double centre = date_right - Width(date) / 2;
        double unit_x = std::clamp(centre - Width(unit) / 2, kLeft, std::max(kLeft, kRight - Width(unit)));
        DrawLine(unit, kBodySize, line_height, unit_x, 0, y_, Align::kLeft, false);
        y_ -= line_height;
        DrawLine(date, kBodySize, line_height, kLeft, date_right - kLeft, y_, Align::kRight, false);
        y_ -= line_height;
    }

    void Qr(const QrCode& code, const std::string& caption) {
        double caption_height = caption.empty() ? 0 : kCaptionSize * kTableLeading;
        Reserve(kQrSide + caption_height);
        DrawQr(painter_, code, kLeft + (kTextWidth - kQrSide) / 2, y_ - kQrSide, kQrSide);
        y_ -= kQrSide;
        if (!caption.empty()) Text(caption, kCaptionSize, kTableLeading, Align::kCenter, 0, false);
    }

    // 版记: between two rules at the foot of the last page, indented one character on each side.
    void Footer(const std::string& footer) {
        double line_height = kFooterSize * kTableLeading;
        double inner = kTextWidth - 2 * kFooterSize;
        std::vector<std::u32string> lines = Wrap(footer, kFooterSize, inner, inner);
        double height = static_cast<double>(lines.size()) * line_height + 2 * kCellPadding;
        if (y_ - kBodySize * kBodyLeading - height < kBottom) NewPage();
        double top = std::min(y_, kBottom + height);
        painter_.SetStrokeWidth(kRuleWidth);
        painter_.DrawLine(kLeft, top, kRight, top);
        painter_.DrawLine(kLeft, top - height, kRight, top - height);
        painter_.Stroke();
        for (size_t i = 0; i < lines.size(); ++i) {
            double line_top = top - kCellPadding - static_cast<double>(i) * line_height;
            DrawLine(lines[i], kFooterSize, line_height, kLeft + kFooterSize, inner, line_top, Align::kLeft, false);
        }
        y_ = top - height;
    }

    void PageLabels(const std::string& label) {
        int pages = pdf_.GetPageCount();
        for (int i = 0; i < pages; ++i) {
            painter_.SetPage(pdf_.GetPage(i));
            painter_.SetFont(font_);
            DrawLine(DecodeUtf8(PageLabel(label, i + 1, pages)), kFooterSize, kFooterSize, kLeft, kTextWidth,
                     kBottom - kPageLabelDrop, Align::kCenter, false);
            painter_.FinishPage();
        }
    }

    PdfMemDocument& pdf_;
    PdfFont* font_;
    PdfPainter painter_;
    double y_ = kTop;  // top of the next line on the current page
};

bool Readable(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && std::ifstream(path, std::ios::binary).good();
}

Result<std::string> RenderLocked(const Document& doc, const PdfOptions& options) {
    PdfMemDocument pdf;
    // Identity-H reaches every glyph of the font. The font deletes the encoding (auto-delete) once it exists;
    // until then, including when FreeType rejects the file, it is ours.
    auto encoding = std::make_unique<PoDoFo::PdfIdentityEncoding>(0, 0xffff, true);
    PdfFont* font = pdf.CreateFontSubset(std::filesystem::path(options.font_path).stem().c_str(), false, false, false,
                                         encoding.get(), options.font_path.c_str());
    if (font == nullptr) {
        return Status(ErrorCode::kUnavailable, "not a usable TrueType font: " + options.font_path);
    }
    encoding.release();  // NOLINT(bugprone-unused-return-value): now owned by `font`
    PdfLayout layout(pdf, font);
    JW_RETURN_IF_ERROR(layout.Render(doc));
    pdf.GetInfo()->SetTitle(ToPdfString(doc.title));
    pdf.GetInfo()->SetCreator(PdfString("Jingwu"));
    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    pdf.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
}

}  // namespace

std::mutex& PodofoMutex() {
    static std::mutex mutex;
    return mutex;
}

Result<std::string> RenderPdf(const Document& doc, const PdfOptions& options) {
    if (!Readable(options.font_path)) {
        return Status(ErrorCode::kUnavailable,
                      "CJK font not found: " + options.font_path + " (install fonts-arphic-gbsn00lp)");
    }
    std::lock_guard lock(PodofoMutex());
    // Failures come back as a Status; PoDoFo's own logging would only repeat them on stderr.
    PoDoFo::PdfError::EnableLogging(false);
    try {
        return RenderLocked(doc, options);
    } catch (const PoDoFo::PdfError& e) {
        // A font that exists but is not TrueType fails inside PoDoFo; report it as the font problem it is.
        if (e.GetError() == PoDoFo::ePdfError_FreeType || e.GetError() == PoDoFo::ePdfError_UnsupportedFontFormat) {
            return Status(ErrorCode::kUnavailable, "not a usable TrueType font: " + options.font_path);
        }
        return Status::Internal(std::string("PDF rendering failed: ") + PoDoFo::PdfError::ErrorMessage(e.GetError()));
    }
}

}  // namespace jw::docs

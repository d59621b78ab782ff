#include "docs/text_wrap.hpp"

#include <cstdint>

namespace jw::docs {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr double kEpsilon = 1e-6;  // measured widths are sums of doubles; don't break on rounding noise

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }

// Scripts written without spaces between words, where a line may break between any two characters.
bool BreaksAnywhere(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || c >= 0x20000 || c == 0x2014 || c == 0x2026 ||
           (c >= 0x2018 && c <= 0x201D);
}

bool MustNotStartLine(char32_t c) {
    static constexpr std::u32string_view kClosing = U"，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}";
    return kClosing.find(c) != std::u32string_view::npos;
}

bool MustNotEndLine(char32_t c) {
    static constexpr std::u32string_view kOpening = U"（《「『【〔〈“‘([{";
    return kOpening.find(c) != std::u32string_view::npos;
}

// The pieces a line may be broken between: a single breakable character, a Latin word, a space or a newline,
// after punctuation has been glued to its neighbour.
std::vector<std::u32string> SplitUnits(std::u32string_view text) {
    std::vector<std::u32string> units;
    bool glue_next = false;  // the previous unit ends with opening punctuation
    for (size_t i = 0; i < text.size();) {
        char32_t c = text[i];
        std::u32string unit;
        if (c == U'\n' || IsSpace(c) || BreaksAnywhere(c)) {
            unit.assign(1, c);
            ++i;
        } else {
            size_t end = i;
            while (end < text.size() && text[end] != U'\n' && !IsSpace(text[end]) && !BreaksAnywhere(text[end])) {
                ++end;
            }
            unit.assign(text.substr(i, end - i));
            i = end;
        }
        bool is_word = unit[0] != U'\n' && !IsSpace(unit[0]);
        bool attach_to_previous = is_word && !units.empty() &&
                                  (glue_next || (unit.size() == 1 && MustNotStartLine(unit[0]))) &&
                                  units.back()[0] != U'\n' && !IsSpace(units.back()[0]);
        if (attach_to_previous) {
            units.back() += unit;
        } else {
            units.push_back(std::move(unit));
        }
        glue_next = is_word && MustNotEndLine(units.back().back());
    }
    return units;
}

double Measure(std::u32string_view text, const CharWidthFn& char_width) {
    double total = 0;
    for (char32_t c : text) total += char_width(c);
    return total;
}

class LineBuilder {
  public:
    LineBuilder(double first_width, double width, const CharWidthFn& char_width)
        : limit_(first_width), width_(width), char_width_(char_width) {}

    void Add(const std::u32string& unit) {
        if (unit[0] == U'\n') {
            Finish();
            return;
        }
        if (IsSpace(unit[0])) {
            if (!line_.empty()) Append(unit, char_width_(unit[0]));
            return;
        }
        double unit_width = Measure(unit, char_width_);
        if (line_width_ + unit_width <= limit_ + kEpsilon) {
            Append(unit, unit_width);
            return;
        }
        if (!line_.empty()) Finish();
        if (unit_width <= limit_ + kEpsilon) {
            Append(unit, unit_width);
            return;
        }
        // A single unit wider than a line: break it wherever it must, at least one character per line.
        for (char32_t c : unit) {
            double w = char_width_(c);
            if (!line_.empty() && line_width_ + w > limit_ + kEpsilon) Finish();
            Append(std::u32string(1, c), w);
        }
    }

    std::vector<std::u32string> Take() {
        Finish();
        return std::move(lines_);
    }

  private:
    void Append(const std::u32string& unit, double unit_width) {
        line_ += unit;
        line_width_ += unit_width;
    }

    void Finish() {
        while (!line_.empty() && IsSpace(line_.back())) line_.pop_back();
        lines_.push_back(std::move(line_));
        line_.clear();
        line_width_ = 0;
        limit_ = width_;
    }

    double limit_;
    double width_;
    const CharWidthFn& char_width_;
    std::u32string line_;
    double line_width_ = 0;
    std::vector<std::u32string> lines_;
};

}  // namespace

std::u32string DecodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        auto byte = static_cast<uint8_t>(text[i]);
        int extra = byte < 0x80 ? 0 : (byte >> 5) == 0x6 ? 1 : (byte >> 4) == 0xE ? 2 : (byte >> 3) == 0x1E ? 3 : -1;
        if (extra <= 0 || i + extra >= text.size()) {  // ASCII, a stray continuation byte, or truncated
            out.push_back(extra == 0 ? byte : kReplacement);
            ++i;
            continue;
        }
        char32_t c = byte & (0x3F >> extra);
        bool valid = true;
        for (int k = 1; k <= extra; ++k) {
            auto next = static_cast<uint8_t>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                valid = false;
                break;
            }
            c = (c << 6) | (next & 0x3F);
        }
        static constexpr char32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
        if (!valid || c < kMinimum[extra] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        out.push_back(c);
        i += extra + 1;
    }
    return out;
}

std::string EncodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::vector<std::u32string> WrapText(std::u32string_view text, double first_width, double width,
                                     const CharWidthFn& char_width) {
    LineBuilder builder(first_width, width, char_width);
    for (const std::u32string& unit : SplitUnits(text)) builder.Add(unit);
    return builder.Take();
}

}  // namespace jw::docs

#include "common/log_mask.hpp"

namespace jw {

namespace {
bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }
}  // namespace

std::string ReplaceDigitRuns(std::string_view text, const std::function<std::string(std::string_view)>& replace) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (!IsDigit(text[i])) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        while (end < text.size() && IsDigit(text[end])) ++end;
        if (end < text.size() && (text[end] == 'X' || text[end] == 'x') && end - i == 17) ++end;
        out += replace(text.substr(i, end - i));
        i = end;
    }
    return out;
}

std::string MaskForLog(std::string_view text) {
    return ReplaceDigitRuns(text, [](std::string_view run) {
        const size_t n = run.size();
        if (n < 6) return std::string(run);
        const size_t keep = n >= 11 ? 4 : 0;
        return std::string(n - keep, '*') + std::string(run.substr(n - keep));
    });
}

}  // namespace jw

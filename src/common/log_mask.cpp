#include "common/log_mask.hpp"

namespace jw {

namespace {
bool IsDigit(char ch) { return ch >= '0' && ch <= '9'; }
}  // namespace

std::string MaskForLog(std::string_view text) {
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
        const size_t n = end - i;
        if (n < 6) {
            out.append(text.substr(i, n));
        } else {
            const size_t keep = n >= 11 ? 4 : 0;
            out.append(n - keep, '*');
            out.append(text.substr(end - keep, keep));
        }
        i = end;
    }
    return out;
}

}  // namespace jw

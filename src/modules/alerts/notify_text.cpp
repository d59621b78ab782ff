#include "alerts/notify_text.hpp"

#include "common/validators.hpp"

namespace jw::alerts {
namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string MaskIdentifiers(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (!IsDigit(text[i])) {
            out += text[i++];
            continue;
        }
        // A maximal run of digits, with a trailing check character X when the run is 17 digits long.
        size_t end = i;
        while (end < text.size() && IsDigit(text[end])) ++end;
        if (end - i == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++end;
        const std::string_view run = text.substr(i, end - i);
        if (run.size() == 18) out += MaskIdNumber(run);
        else if (run.size() == 11 && run[0] == '1' && run[1] >= '3') out += MaskPhone(run);
        else out += run;
        i = end;
    }
    return out;
}

}  // namespace jw::alerts

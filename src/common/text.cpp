#include "common/text.hpp"

namespace jw {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char LowerAsciiChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";          // U+00A0
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

// Byte length of the blank that starts s, 0 if none. In UTF-8 a lead byte (C2, E3) is never a continuation
// byte, so a match is always a whole character.
size_t BlankPrefix(std::string_view s) {
    if (!s.empty() && IsAsciiSpace(s.front())) return 1;
    if (s.starts_with(kNoBreakSpace)) return kNoBreakSpace.size();
    if (s.starts_with(kIdeographicSpace)) return kIdeographicSpace.size();
    return 0;
}

size_t BlankSuffix(std::string_view s) {
    if (!s.empty() && IsAsciiSpace(s.back())) return 1;
    if (s.ends_with(kNoBreakSpace)) return kNoBreakSpace.size();
    if (s.ends_with(kIdeographicSpace)) return kIdeographicSpace.size();
    return 0;
}

}  // namespace

std::string_view TrimAsciiSpace(std::string_view s) {
    while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::string_view TrimUnicodeBlanks(std::string_view s) {
    for (size_t n; (n = BlankPrefix(s)) != 0;) s.remove_prefix(n);
    for (size_t n; (n = BlankSuffix(s)) != 0;) s.remove_suffix(n);
    return s;
}

std::string LowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = LowerAsciiChar(c);
    return out;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (LowerAsciiChar(a[i]) != LowerAsciiChar(b[i])) return false;
    return true;
}

std::vector<std::string> SplitNonEmpty(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t end = s.find(sep, start);
        if (end == std::string_view::npos) end = s.size();
        if (end > start) out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace jw

#include "cases/case_number.hpp"

#include <cctype>

namespace jw::cases {

namespace {

Status Bad() { return Status::Invalid("number_scheme", "bad_scheme"); }

// Splits the scheme into its prefix template and the sequence width; checks it.
Result<std::pair<std::string, int>> Parse(const std::string& scheme) {
    const size_t seq = scheme.rfind("{seq:");
    if (seq == std::string::npos || scheme.size() != seq + 7 || scheme.back() != '}' ||
        !std::isdigit(static_cast<unsigned char>(scheme[seq + 5])))
        return Bad();
    const int width = scheme[seq + 5] - '0';
    if (width < 1) return Bad();
    const std::string head = scheme.substr(0, seq);
    for (size_t i = 0; i < head.size();) {
        if (head[i] == '{') {
            const size_t close = head.find('}', i);
            if (close == std::string::npos) return Bad();
            const std::string name = head.substr(i + 1, close - i - 1);
            if (name != "region" && name != "year" && name != "type") return Bad();
            i = close + 1;
        } else {
            const unsigned char ch = static_cast<unsigned char>(head[i]);
            if (!std::isalnum(ch) && ch != '-') return Bad();
            ++i;
        }
    }
    return std::make_pair(head, width);
}

std::string Fill(std::string text, const std::string& name, const std::string& value) {
    for (size_t pos = text.find(name); pos != std::string::npos; pos = text.find(name, pos + value.size()))
        text.replace(pos, name.size(), value);
    return text;
}

}  // namespace

Status CheckScheme(const std::string& scheme) { return Parse(scheme).status(); }

Result<std::string> NumberPrefix(const std::string& scheme, const NumberParts& parts) {
    JW_ASSIGN_OR_RETURN(auto parsed, Parse(scheme));
    std::string out = Fill(parsed.first, "{region}", parts.region);
    out = Fill(out, "{year}", std::to_string(parts.year));
    return Fill(out, "{type}", parts.type_code);
}

Result<std::string> FormatNumber(const std::string& scheme, const NumberParts& parts, int64_t seq) {
    JW_ASSIGN_OR_RETURN(auto parsed, Parse(scheme));
    JW_ASSIGN_OR_RETURN(std::string prefix, NumberPrefix(scheme, parts));
    std::string digits = std::to_string(seq);
    if (seq < 1 || static_cast<int>(digits.size()) > parsed.second) return Status::Invalid("seq", "out_of_range");
    return prefix + std::string(parsed.second - digits.size(), '0') + digits;
}

}  // namespace jw::cases

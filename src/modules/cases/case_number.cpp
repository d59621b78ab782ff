#include "cases/case_number.hpp"

#include <cctype>

#include "cases/case_repository.hpp"

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

Status CheckNumberFormat(const std::string& scheme, const std::vector<std::string>& type_codes,
                         const std::string& number) {
    const Status bad = Status::Invalid("case_no", "bad_format");
    auto parsed = Parse(scheme);
    if (!parsed.ok()) return bad;
    auto digits = [&](size_t at, size_t n) {
        if (at + n > number.size()) return false;
        for (size_t i = at; i < at + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(number[i]))) return false;
        return true;
    };
    const std::string& head = parsed->first;
    size_t pos = 0;  // in number
    for (size_t i = 0; i < head.size();) {
        if (head[i] == '{') {
            const size_t close = head.find('}', i);
            const std::string name = head.substr(i + 1, close - i - 1);
            i = close + 1;
            if (name == "region" || name == "year") {
                const size_t n = name == "region" ? 6 : 4;
                if (!digits(pos, n)) return bad;
                pos += n;
            } else {  // type: the longest configured code that fits here
                size_t best = 0;
                for (const auto& code : type_codes)
                    if (!code.empty() && code.size() > best && number.compare(pos, code.size(), code) == 0)
                        best = code.size();
                if (best == 0) return bad;
                pos += best;
            }
        } else {
            if (pos >= number.size() || number[pos] != head[i]) return bad;
            ++pos;
            ++i;
        }
    }
    const size_t width = static_cast<size_t>(parsed->second);
    return pos + width == number.size() && digits(pos, width) ? Status::Ok() : bad;
}

Status CheckNumberFormat(storage::Connection& c, const std::string& number) {
    JW_ASSIGN_OR_RETURN(std::string scheme, repo::Setting(c, "number_scheme"));
    std::vector<std::string> codes;
    for (const char* type : {"administrative", "criminal"}) {
        auto code = repo::Setting(c, std::string("type_code.") + type);
        codes.push_back(code.ok() ? *code : (std::string(type) == "criminal" ? "XS" : "XZ"));
    }
    return CheckNumberFormat(scheme, codes, number);
}

}  // namespace jw::cases

#pragma once
// CSV for spreadsheet export (Excel opens UTF-8 with a BOM): one quoted cell, formula-safe.

#include <string>
#include <string_view>

namespace jw {

// `s` as a quoted CSV cell; quotes doubled, and a leading = + - @ (which a spreadsheet would run as a
// formula) neutralised with a leading apostrophe.
inline std::string CsvCell(std::string_view s) {
    std::string out = "\"";
    if (!s.empty() && std::string_view("=+-@").find(s[0]) != std::string_view::npos) out += "'";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace jw

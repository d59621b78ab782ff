#pragma once
// Writing CSV: CsvCell for spreadsheet export (Excel opens UTF-8 with a BOM): one quoted cell, formula-safe;
// CsvField for data files the house reads back (common/csv_reader.hpp): quoted only when it must be.

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

// `s` as a CSV field that CsvReader reads back unchanged (also with trim): quoted, quotes doubled, when it holds
// a comma, a quote or a line break, or begins or ends with a space or tab; as it is otherwise. No formula guard:
// for data files, not spreadsheets.
inline std::string CsvField(std::string_view s) {
    const bool edge = !s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t');
    if (!edge && s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace jw

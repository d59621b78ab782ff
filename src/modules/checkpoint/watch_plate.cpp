// Watch-target plate normalisation and the batch-import reader (watch_order.hpp).
#include <cctype>

#include "checkpoint/watch_order.hpp"
#include "common/json_util.hpp"
#include "common/validators.hpp"

namespace jw::checkpoint {
namespace {

size_t CodePointLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;  // malformed: CheckPlate reports it
}

std::string Trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

// Splits one CSV line (quotes allowed, "" inside quotes).
std::vector<std::string> SplitCsv(std::string_view line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted) {
            if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                out.back() += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            out.emplace_back();
        } else {
            out.back() += ch;
        }
    }
    for (auto& cell : out) cell = Trim(cell);
    return out;
}

bool ParseColour(const std::string& s, int* out) {
    if (s.empty()) return true;
    if (s.size() > 3) return false;
    int v = 0;
    for (char ch : s) {
        if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
        v = v * 10 + (ch - '0');
    }
    if (v > 255) return false;
    *out = v;
    return true;
}

}  // namespace

std::string NormaliseWatchPlate(std::string_view plate) {
    std::string p = NormalisePlate(plate);
    size_t pos = 0;
    for (int skip = 0; skip < 2 && pos < p.size(); ++skip) pos += CodePointLength(static_cast<unsigned char>(p[pos]));
    for (; pos < p.size(); ++pos) {
        if (p[pos] == 'O') p[pos] = '0';
        if (p[pos] == 'I') p[pos] = '1';
    }
    return p;
}

Result<std::string> CheckWatchPlate(std::string_view plate, std::string_view field) {
    std::string p = NormaliseWatchPlate(plate);
    if (p.empty()) return Status::Invalid(std::string(field), "required");
    JW_RETURN_IF_ERROR(CheckPlate(p, field));
    return p;
}

Result<std::vector<ImportRow>> ParseImport(std::string_view text, std::vector<ImportProblem>* problems,
                                           size_t max_rows) {
    std::vector<ImportRow> rows;
    int line_no = 0;
    size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // a spreadsheet's BOM
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line = Trim(text.substr(start, end - start));
        start = end + 1;
        ++line_no;
        if (line.empty()) continue;
        ImportRow row;
        row.line = line_no;
        if (line.front() == '{') {
            Json j = Json::parse(line, nullptr, false);
            if (!j.is_object() || !j.contains("plate") || !j["plate"].is_string()) {
                problems->push_back({line_no, "", "plate", j.is_discarded() ? "bad_json" : "required"});
                continue;
            }
            row.plate = j["plate"].get<std::string>();
            if (j.contains("reason") && j["reason"].is_string()) row.reason = Trim(j["reason"].get<std::string>());
            if (j.contains("plate_color")) {
                const auto& c = j["plate_color"];
                std::string s = c.is_number_integer() ? std::to_string(c.get<int64_t>())
                                                      : (c.is_string() ? c.get<std::string>() : "x");
                if (!ParseColour(s, &row.plate_color)) {
                    problems->push_back({line_no, row.plate, "plate_color", "bad_number"});
                    continue;
                }
            }
        } else {
            auto cells = SplitCsv(line);
            if (rows.empty() && problems->empty() && (cells[0] == "plate" || cells[0] == "plate_no" ||
                                                      cells[0] == "号牌号码" || cells[0] == "车牌号"))
                continue;  // header
            row.plate = cells[0];
            if (cells.size() > 1 && !ParseColour(cells[1], &row.plate_color)) {
                problems->push_back({line_no, row.plate, "plate_color", "bad_number"});
                continue;
            }
            if (cells.size() > 2) row.reason = cells[2];
        }
        if (rows.size() >= max_rows) return Status::Invalid("text", "too_many_rows");
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace jw::checkpoint

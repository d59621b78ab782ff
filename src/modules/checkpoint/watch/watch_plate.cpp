// Watch-target plate normalisation and the batch-import reader (watch_order.hpp).
#include <cctype>

#include "checkpoint/watch/watch_order.hpp"
#include "common/csv_reader.hpp"
#include "common/json_util.hpp"
#include "common/text.hpp"
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

namespace {

// The JSON line form of a row: {"plate": …, "plate_color": …, "reason": …}. False with *problem set when bad.
bool ParseJsonRow(const std::string& line, ImportRow* row, std::vector<ImportProblem>* problems) {
    Json j = Json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("plate") || !j["plate"].is_string()) {
        problems->push_back({row->line, "", "plate", j.is_discarded() ? "bad_json" : "required"});
        return false;
    }
    row->plate = j["plate"].get<std::string>();
    if (j.contains("reason") && j["reason"].is_string())
        row->reason = std::string(TrimAsciiSpace(j["reason"].get<std::string>()));
    if (j.contains("plate_color")) {
        const auto& c = j["plate_color"];
        std::string s =
            c.is_number_integer() ? std::to_string(c.get<int64_t>()) : (c.is_string() ? c.get<std::string>() : "x");
        if (!ParseColour(s, &row->plate_color)) {
            problems->push_back({row->line, row->plate, "plate_color", "bad_number"});
            return false;
        }
    }
    return true;
}

bool IsHeader(const std::string& first) {
    return first == "plate" || first == "plate_no" || first == "号牌号码" || first == "车牌号";
}

}  // namespace

Result<std::vector<ImportRow>> ParseImport(std::string_view text, std::vector<ImportProblem>* problems,
                                           size_t max_rows) {
    std::vector<ImportRow> rows;
    auto add = [&](ImportRow row) -> Status {
        if (rows.size() >= max_rows) return Status::Invalid("text", "too_many_rows");
        rows.push_back(std::move(row));
        return Status::Ok();
    };
    // CSV lines run through the shared reader in blocks (so a quoted reason may span lines); a line starting
    // with '{' is a JSON row and ends the block before it.
    auto read_csv = [&](std::string_view block, size_t first_line) -> Status {
        CsvReader reader(block, CsvOptions{.name = "text", .trim = true, .first_line = first_line});
        CsvRecord rec;
        for (;;) {
            auto more = reader.Next(&rec);
            if (!more.ok()) {
                const CsvError& e = reader.last_error();
                problems->push_back({static_cast<int>(e.at.line), "", "text",
                                     "column " + std::to_string(e.at.column) + ": " + e.problem});
                continue;
            }
            if (!*more) return Status::Ok();
            ImportRow row;
            row.line = static_cast<int>(rec.line);
            row.plate = std::string(rec[0]);
            if (rows.empty() && problems->empty() && IsHeader(row.plate)) continue;
            if (rec.size() > 1 && !ParseColour(std::string(rec[1]), &row.plate_color)) {
                problems->push_back({row.line, row.plate, "plate_color", "bad_number"});
                continue;
            }
            if (rec.size() > 2) row.reason = std::string(rec[2]);
            JW_RETURN_IF_ERROR(add(std::move(row)));
        }
    };
    size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a spreadsheet's BOM
    size_t block_start = start, block_line = 1;
    int line_no = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line(TrimAsciiSpace(text.substr(start, end - start)));
        ++line_no;
        if (!line.empty() && line.front() == '{') {
            JW_RETURN_IF_ERROR(read_csv(text.substr(block_start, start - block_start), block_line));
            ImportRow row;
            row.line = line_no;
            if (ParseJsonRow(line, &row, problems)) JW_RETURN_IF_ERROR(add(std::move(row)));
            block_start = end + 1;
            block_line = line_no + 1;
        }
        start = end + 1;
    }
    if (block_start < text.size()) JW_RETURN_IF_ERROR(read_csv(text.substr(block_start), block_line));
    return rows;
}

}  // namespace jw::checkpoint

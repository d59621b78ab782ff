#include "common/csv_reader.hpp"

#include <algorithm>
#include <cstring>

namespace jw {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }

// Line breaks in a quoted field's text: LF, CRLF and a lone CR count one each.
size_t CountBreaks(const char* d, size_t n) {
    size_t breaks = 0;
    for (size_t i = 0; i < n; ++i) {
        if (d[i] == '\n')
            ++breaks;
        else if (d[i] == '\r' && (i + 1 == n || d[i + 1] != '\n'))
            ++breaks;
    }
    return breaks;
}

}  // namespace

CsvReader::CsvReader(std::string_view text, CsvOptions options)
    : text_(text), opt_(options), line_(options.first_line) {
    if (opt_.first_line == 1 && text_.starts_with(kBom)) pos_ = kBom.size();
}

size_t CsvReader::SkipLineBreak(size_t p) const {
    if (text_[p] == '\r' && p + 1 < text_.size() && text_[p + 1] == '\n') return p + 2;
    return p + 1;
}

CsvPosition CsvReader::PositionAt(size_t from_offset, size_t from_line, size_t at) const {
    size_t line = from_line, line_start = from_offset;
    for (size_t i = from_offset; i < at && i < text_.size(); ++i) {
        const char c = text_[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'))) {
            ++line;
            line_start = i + 1;
        }
    }
    size_t column = 1;
    for (size_t i = line_start; i < at && i < text_.size(); ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count code points, not bytes
    }
    return {line, column};
}

CsvPosition CsvReader::PositionOf(const CsvRecord& record, size_t i) const {
    return PositionAt(record.offset, record.line, i < record.starts.size() ? record.starts[i] : record.offset);
}

std::string CsvReader::Where(const CsvRecord& record, size_t i) const {
    const CsvPosition at = PositionOf(record, i);
    return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

Status CsvReader::Fail(size_t at, std::string_view problem, std::string_view words) {
    const CsvPosition where = PositionAt(record_pos_, record_line_, at);
    last_error_ = {where, std::string(problem)};
    const std::string place = "line " + std::to_string(where.line) + ", column " + std::to_string(where.column);
    // Go on at the line after the error's line (see the header); too many records ends the reading.
    if (problem == "too_many_records") {
        pos_ = text_.size();
    } else {
        size_t p = at;
        while (p < text_.size() && !IsBreak(text_[p])) ++p;
        pos_ = p < text_.size() ? SkipLineBreak(p) : text_.size();
        line_ = where.line + 1;
    }
    const std::string name(opt_.name);
    return Status(ErrorCode::kInvalidArgument, name + ": " + place + ": " + std::string(words),
                  {{name, place + ": " + std::string(problem)}});
}

Result<bool> CsvReader::Error(size_t at, std::string_view problem, std::string_view words) {
    // In a chunk, an error whose line does not end in it waits for the next chunk: going on "at the next line"
    // needs that line end, and the record is read again, whole, from the carried text.
    if (!opt_.final && problem != "too_many_records") {
        size_t p = at;
        while (p < text_.size() && !IsBreak(text_[p])) ++p;
        if (p == text_.size() || (text_[p] == '\r' && p + 1 == text_.size())) return false;
    }
    return Fail(at, problem, words);
}

Result<bool> CsvReader::Next(CsvRecord* record) {
    for (;;) {
        auto more = ReadRecord(record);
        if (!more.ok() || !*more) return more;
        // With trim, a line of only spaces is as blank as an empty one.
        const bool blank = record->size() == 1 && record->fields[0].empty() &&
                           (record->starts[0] >= text_.size() || text_[record->starts[0]] != '"');
        if (opt_.skip_blank && opt_.trim && blank) continue;
        if (records_ >= opt_.max_records) return Error(record->offset, "too_many_records", "too many records");
        ++records_;
        return true;
    }
}

Result<bool> CsvReader::ReadRecord(CsvRecord* record) {
    const char* d = text_.data();
    const size_t n = text_.size();
    // Blank and comment lines before the record.
    while (pos_ < n) {
        const char c = d[pos_];
        size_t end = pos_;
        if (opt_.skip_blank && IsBreak(c)) {
            end = pos_;
        } else if (opt_.comment != '\0' && c == opt_.comment) {
            while (end < n && !IsBreak(d[end])) ++end;
            if (end == n) {
                if (!opt_.final) return false;
                pos_ = n;
                return false;
            }
        } else {
            break;
        }
        if (!opt_.final && d[end] == '\r' && end + 1 == n) return false;  // a CRLF split between chunks
        pos_ = SkipLineBreak(end);
        ++line_;
    }
    if (pos_ >= n) return false;

    const size_t start = pos_;
    record_pos_ = pos_;
    record_line_ = line_;
    record->line = line_;
    record->offset = start;
    record->fields.clear();
    record->starts.clear();
    scratch_.clear();
    copied_.clear();
    size_t breaks = 0;  // line breaks inside quoted fields
    size_t p = start;
    for (;;) {
        if (opt_.trim)
            while (p < n && IsBlank(d[p])) ++p;
        record->starts.push_back(p);
        if (p < n && d[p] == '"') {
            const size_t open = p;
            // Look for the closing quote no further than a field may reach, so a stray quote costs little.
            const size_t window = std::min(n, open + 1 + opt_.max_field_bytes + 1);
            size_t q = open + 1, seg = q;
            bool copy = false;
            size_t copy_at = 0;
            for (;;) {
                const void* hit = q < window ? std::memchr(d + q, '"', window - q) : nullptr;
                if (hit == nullptr) {
                    if (window < n) return Error(open, "field_too_long", "a field is too long");
                    if (!opt_.final) return false;
                    return Error(open, "unterminated_quote", "a quoted field has no closing quote");
                }
                q = static_cast<const char*>(hit) - d;
                if (q + 1 < n && d[q + 1] == '"') {
                    if (!copy) {
                        copy = true;
                        copy_at = scratch_.size();
                    }
                    scratch_.append(d + seg, q + 1 - seg);
                    q += 2;
                    seg = q;
                    continue;
                }
                if (q + 1 == n && !opt_.final) return false;  // the next chunk may begin with the second quote
                break;
            }
            if (q - open - 1 > opt_.max_field_bytes) return Error(open, "field_too_long", "a field is too long");
            breaks += CountBreaks(d + open + 1, q - open - 1);
            if (copy) {
                scratch_.append(d + seg, q - seg);
                copied_.push_back({record->fields.size(), copy_at, scratch_.size() - copy_at});
                record->fields.emplace_back();
            } else {
                record->fields.emplace_back(d + open + 1, q - open - 1);
            }
            p = q + 1;
            if (opt_.trim)
                while (p < n && IsBlank(d[p])) ++p;
            if (p < n && d[p] != ',' && !IsBreak(d[p]))
                return Error(p, "text_after_quote", "only a comma or a line end may follow a closing quote");
        } else {
            const size_t s = p;
            while (p < n) {
                const char c = d[p];
                if (c == ',' || c == '\n' || c == '\r') break;
                if (c == '"')
                    return Error(p, "quote_in_field",
                                 "a quote inside an unquoted field (put the field in quotes and double the quote)");
                ++p;
            }
            size_t e = p;
            if (opt_.trim)
                while (e > s && IsBlank(d[e - 1])) --e;
            if (e - s > opt_.max_field_bytes) return Error(s, "field_too_long", "a field is too long");
            record->fields.emplace_back(d + s, e - s);
        }
        if (p - start > opt_.max_record_bytes) return Error(start, "record_too_long", "a record is too long");
        if (p >= n) {
            if (!opt_.final) return false;
            break;
        }
        if (d[p] == ',') {
            ++p;
            continue;
        }
        if (d[p] == '\r' && p + 1 == n && !opt_.final) return false;
        p = SkipLineBreak(p);
        ++breaks;
        break;
    }
    for (const auto& c : copied_) record->fields[c.field] = std::string_view(scratch_).substr(c.offset, c.size);
    pos_ = p;
    line_ += breaks;
    return true;
}

std::string CsvRow::Where(size_t i) const {
    const bool known = i < lines.size();
    return "line " + std::to_string(known ? lines[i] : line) + ", column " + std::to_string(known ? columns[i] : 1);
}

Status CsvInvalid(std::string field, std::string problem, std::string_view where) {
    std::string message = "invalid input: " + field + " (" + std::string(where) + "): " + problem;
    return Status(ErrorCode::kInvalidArgument, std::move(message), {{std::move(field), std::move(problem)}});
}

Result<std::vector<CsvRow>> ReadCsv(std::string_view text, const CsvOptions& options) {
    CsvOptions opt = options;
    opt.final = true;
    CsvReader reader(text, opt);
    std::vector<CsvRow> rows;
    CsvRecord rec;
    for (;;) {
        JW_ASSIGN_OR_RETURN(const bool more, reader.Next(&rec));
        if (!more) break;
        CsvRow row;
        row.line = rec.line;
        for (size_t i = 0; i < rec.size(); ++i) {
            const CsvPosition at = reader.PositionOf(rec, i);
            row.fields.emplace_back(rec[i]);
            row.lines.push_back(at.line);
            row.columns.push_back(at.column);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace jw

#pragma once
// The one CSV reader of the house (RFC 4180): every data file and every CSV import is read through it.
//
// What it reads: fields separated by commas; records ended by LF, CRLF or a lone CR (each also counts as one
// line); a UTF-8 BOM at the start of the text is skipped (when first_line is 1: a later chunk has none); a field
// in double quotes may hold commas, line breaks and doubled quotes ("" reads as "). A quoted field's line breaks
// are kept as they are in the text.
// Options: trim (spaces and tabs around a field, outside its quotes, are dropped), skip_blank (an empty line, or
// with trim a line of only spaces, is no record; RFC 4180 would read it as one empty field), comment (a line
// starting with that character, where a record would start, is no record). The reader does not check the number
// of fields: a record has as many fields as its commas say (plus one), and each caller checks what it expects,
// naming the line.
//
// Errors (Next returns them): InvalidArgument with one field, options.name (default "csv"), whose problem is
// "line L, column C: <problem>", and a message saying the same in words. L is the physical line (1-based,
// counting from options.first_line), C the character (UTF-8 code point, 1-based) in that line. Problems:
//   unterminated_quote  — a quoted field with no closing quote (L, C: the opening quote)
//   quote_in_field      — a " inside an unquoted field (at that quote; quote the whole field and double it)
//   text_after_quote    — anything but a comma or a line end after a closing quote (at that character)
//   field_too_long      — a field of more than max_field_bytes raw bytes (at the field's start)
//   record_too_long     — a record of more than max_record_bytes raw bytes (at the record's start)
//   too_many_records    — more than max_records records (at the first one too many)
// After an error the reader goes on at the line after the error's line (after too_many_records it stops), so a
// bulk loader may count the bad record and carry on; a loader that is all or nothing stops at the first error.
//
// Whole text or chunks: the reader works on text in memory. With final = false the text is one chunk of a
// longer file: a record that runs to the end of the chunk (no line end yet) is not returned; Next returns false
// and consumed() is where it starts, so the caller keeps text[consumed()..] and puts it before the next chunk
// (with first_line = line()). An error on a line that does not end in the chunk is reported with the next
// chunk (the record is read again from the carried text); so the caller bounds what it carries.
//
// Speed: unquoted fields and quoted fields without doubled quotes are string_views into the text (no copy);
// only a quoted field with doubled quotes is copied (into the reader's buffer). A record's views stay valid
// until the next call to Next or the reader's end, and as long as the text lives. Not thread-safe; one reader
// per text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw {

struct CsvOptions {
    std::string_view name = "csv";  // the field errors are reported under
    bool trim = false;
    bool skip_blank = true;
    char comment = '\0';  // '\0': no comment lines
    size_t max_field_bytes = size_t{1} << 20;
    size_t max_record_bytes = size_t{4} << 20;
    size_t max_records = SIZE_MAX;  // records returned, a header included
    size_t first_line = 1;          // the line number of the text's first line
    bool final = true;              // false: the text is a chunk and may end inside a record
};

struct CsvRecord {
    size_t line = 0;                       // the physical line the record starts on
    size_t offset = 0;                     // byte offset of the record in the text
    std::vector<std::string_view> fields;  // see "Speed" above for how long they live
    std::vector<size_t> starts;            // byte offset in the text where each field starts

    size_t size() const { return fields.size(); }
    std::string_view operator[](size_t i) const { return fields[i]; }
};

struct CsvPosition {
    size_t line = 0;
    size_t column = 0;
};

struct CsvError {
    CsvPosition at;
    std::string problem;  // "unterminated_quote", …
};

class CsvReader {
  public:
    explicit CsvReader(std::string_view text, CsvOptions options = {});

    // true: *record holds the next record; false: no more records (the end of the text, or, with final = false,
    // a record the chunk ends inside). A non-ok Status: see Errors above.
    Result<bool> Next(CsvRecord* record);

    size_t consumed() const { return pos_; }                    // bytes of the text read to the end of whole records
    size_t line() const { return line_; }                       // the line the next record starts on
    const CsvError& last_error() const { return last_error_; }  // the last error Next returned

    // Where field `i` of `record` (read from this reader's text) starts; the record's start when i is out of range.
    CsvPosition PositionOf(const CsvRecord& record, size_t i) const;
    // "line L, column C" of field `i`, for a loader's own error about that field.
    std::string Where(const CsvRecord& record, size_t i) const;

  private:
    Result<bool> ReadRecord(CsvRecord* record);
    Result<bool> Error(size_t at, std::string_view problem, std::string_view words);
    Status Fail(size_t at, std::string_view problem, std::string_view words);
    CsvPosition PositionAt(size_t from_offset, size_t from_line, size_t at) const;
    size_t SkipLineBreak(size_t p) const;

    std::string_view text_;
    CsvOptions opt_;
    size_t pos_ = 0;
    size_t line_ = 1;
    size_t records_ = 0;
    size_t record_pos_ = 0, record_line_ = 1;  // where the record being read starts
    CsvError last_error_;
    std::string scratch_;
    struct Copied {
        size_t field, offset, size;  // a copied field: its index, and where it lies in scratch_
    };
    std::vector<Copied> copied_;
};

// A record with its own strings, for small files read whole.
struct CsvRow {
    size_t line = 0;
    std::vector<std::string> fields;
    std::vector<size_t> columns;  // the column (character, 1-based) each field starts at, on its line
    std::vector<size_t> lines;    // the line each field starts on (a quoted line break moves later fields down)

    size_t size() const { return fields.size(); }
    const std::string& operator[](size_t i) const { return fields[i]; }
    // "line L, column C" of field i (of the record's start when i is out of range).
    std::string Where(size_t i) const;
};

// A loader's own error about a CSV field: InvalidArgument under `field` with `problem` (as Status::Invalid, so
// the keys and problems callers know stay), the message also saying where: "invalid input: <field> (<where>):
// <problem>", where = CsvRow::Where or CsvReader::Where.
Status CsvInvalid(std::string field, std::string problem, std::string_view where);

// Reads all of `text` (options.final is taken as true). Errors: the first error of CsvReader::Next.
Result<std::vector<CsvRow>> ReadCsv(std::string_view text, const CsvOptions& options = {});

}  // namespace jw

#pragma once
// CSV loading (issue 5 load format, UTF-8, a header line first, comma-separated; read by common/csv_reader, so
// RFC 4180 quoting, CRLF and a BOM are understood and spaces around fields ignored):
//   passes:      plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed
//   checkpoints: checkpoint_id,name,longitude,latitude
// Plates are normalised (NormalisePlate) and checked (CheckPlate); pass_time is "YYYY-MM-DD HH:MM:SS" China
// time; plate_color, direction and lane_no are integers 0-255; speed a number 0-999 (km/h, rounded).
// A bad row (a field the row cannot have, or a CSV error such as an unclosed quote) is counted and reported with
// its 1-based line number, and the column in the message, and never stops the good rows; a header
// that does not match is an error for the whole file. Rows are appended in batches of `batch_rows`, each
// durable before the next. Not thread-safe per call; the store serialises writers itself.

#include <cstdint>
#include <istream>
#include <span>
#include <string>
#include <vector>

#include "analytics/store.hpp"
#include "common/csv_reader.hpp"
#include "common/status.hpp"

namespace jw::analytics {

struct RowError {
    uint64_t line = 0;
    std::string message;
};

struct LoadReport {
    uint64_t rows_loaded = 0;
    uint64_t rows_rejected = 0;
    std::vector<RowError> errors;  // the first `max_errors` rejected rows
    double seconds = 0;
};

struct LoadOptions {
    size_t batch_rows = 65536;
    size_t max_errors = 1000;
};

// Errors: kInvalidArgument ("header") when the header line is wrong or missing; kInternal from the store.
// On a store error, rows of earlier batches stay loaded and the report so far is kept in *report.
Status LoadPassesCsv(Store& store, std::istream& in, LoadReport* report, const LoadOptions& options = {});
Status LoadCheckpointsCsv(Store& store, std::istream& in, LoadReport* report, const LoadOptions& options = {});

// Parses one pass line (no header). Exposed for tests. On failure the message names the field and problem.
Result<PassRecord> ParsePassLine(std::string_view line);
// The same for a record's fields (plate_no … speed) as CsvReader gives them: the bulk paths use this.
Result<PassRecord> ParsePassFields(std::span<const std::string_view> fields);

// Skips NormalisePlate + CheckPlate (most of a row's parsing cost, issue 19) for a plate that is already in
// normal form with the shape of an ordinary 7-character plate whose province byte sequence an earlier plate
// proved valid through the full check: exactly the plates the full check accepts unchanged, so the result is
// the same as without it (csv_loader_test compares both on every kind of plate). One per load; not
// thread-safe.
class PlateFastPath {
  public:
    bool Canonical(std::string_view plate) const;
    void Learn(std::string_view accepted_unchanged);

  private:
    static constexpr size_t kMaxProvinces = 40;
    uint32_t provinces_[kMaxProvinces] = {};
    size_t known_ = 0;
};
Result<PassRecord> ParsePassFields(std::span<const std::string_view> fields, PlateFastPath& plates);
// "field: problem (column C)" for a pass record ParsePassFields refused: the column of the field it names.
std::string DescribePassError(const Status& st, const CsvReader& reader, const CsvRecord& rec);

}  // namespace jw::analytics

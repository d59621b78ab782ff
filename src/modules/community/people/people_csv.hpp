#pragma once
// The person register as CSV (through the shared reader, common/csv_reader.hpp): `jingwu community import|export
// --kind people` and the admin page's upload and download use these.
//
// Columns (a header row names them, any order): id_number and name required; id_kind, nationality, sex,
// birth_date, ethnicity, hukou_address, residence_address_id, category, phones (several separated by ';'),
// permit_no, permit_expires optional. Unknown or repeated columns are an error of the header.
// Import is all or nothing: every row is checked first (the same rules as POST /api/v1/community/people, and a
// residence must be a standard address); errors are collected by line (at most 100) and nothing is written when
// there is one. Each row is then resolved (ResolvePerson): a person already registered is not duplicated.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "common/json_util.hpp"
#include "common/status.hpp"
#include "community/people/person.hpp"
#include "storage/database.hpp"

namespace jw::community {

struct CsvProblem {
    size_t line = 0;
    std::string field, problem;
};
struct PeopleImportReport {
    int64_t rows = 0, created = 0, existing = 0;
    std::vector<CsvProblem> errors;  // not empty: nothing was written
};
Json ReportJson(const PeopleImportReport& r);

// Parses and checks (no database): the rows, or the problems by line.
struct ParsedPeople {
    std::vector<PersonInput> rows;
    std::vector<size_t> lines;
    std::vector<CsvProblem> errors;
};
ParsedPeople ParsePeopleCsv(std::string_view text);

// Parses, checks the residences against community_addresses and, with no error, resolves every row in `tx`
// (the caller's transaction; rolls back on its own error). Errors: the storage layer's.
Result<PeopleImportReport> ImportPeopleCsv(storage::Connection& tx, std::string_view text, const auth::Principal& actor,
                                           int64_t now);

// The header and one line per person, in id order. masked: the list's masking (people_json.hpp); unmasked: the
// clear values (never the sealed form). spreadsheet: cells for Excel (CsvCell: quoted, formula-safe) instead of
// data-file fields that read back unchanged (CsvField). Errors: the storage layer's.
Status ExportPeopleCsv(storage::Connection& c, bool masked, bool spreadsheet,
                       const std::function<void(const std::string&)>& out);

}  // namespace jw::community

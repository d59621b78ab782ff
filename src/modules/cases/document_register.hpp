#pragma once
// The register of document numbers (文号): a document of a case that carries a number (行政处罚决定书, 立案决定书,
// 不予立案通知书) takes it the first time it is issued (printed), from the sequence of (issuing bureau, document
// type, China year of issue), through the one allocator of case numbers (repo::NextSeq). The number and the row
// of case_document_numbers are written in the same transaction, so the register never repeats (UNIQUE) and
// never skips (a failed issue rolls the sequence back with it); a re-print reads the row and shows the same
// number. Numbers follow case_settings 'doc_scheme.<type>' (公安行政法律文书式样, e.g.
// "{abbr}公（治）行罚决字〔{year}〕{seq}号"): {abbr} the bureau's short name (setting 'doc_abbrev.<unit id>', else the
// first character of its name), {kind} 治 / 刑 by case type, {year}, {seq} without padding.
// Writes run on the caller's connection inside the caller's write transaction. Stateless; thread-safe.

#include <cstdint>
#include <optional>
#include <string>

#include "cases/case.hpp"
#include "storage/database.hpp"

namespace jw::cases {

inline constexpr const char* kPenaltyDecision = "penalty_decision";

struct IssuedNumber {
    std::string doc_type;
    int64_t unit_id = 0;  // the issuing bureau
    int year = 0;
    int64_t seq = 0;
    std::string number;
    int64_t issued_at = 0;
    int64_t issued_by = 0;
};

// The number the case's document was issued under, or nullopt when it has not been issued yet.
Result<std::optional<IssuedNumber>> FindIssuedNumber(storage::Connection& c, int64_t case_id,
                                                     const std::string& doc_type);

// The number of the case's document: the issued one, or a new one taken now. `now` fixes the year. Errors:
// NotFound "doc_scheme" when the type has no scheme; the database's.
Result<IssuedNumber> IssueNumber(storage::Connection& c, const Case& k, const std::string& doc_type, int64_t actor_id,
                                 int64_t now);

// The scheme with its placeholders filled. Pure.
std::string FormatDocumentNumber(const std::string& scheme, const std::string& abbr, const std::string& kind, int year,
                                 int64_t seq);

// The bureau (root of the unit tree) a unit belongs to: its id and name.
Result<std::pair<int64_t, std::string>> BureauOf(storage::Connection& c, int64_t unit_id);

}  // namespace jw::cases

#pragma once
// Case numbers from a configurable scheme (case_settings 'number_scheme', default "{region}{year}{type}{seq:5}").
// Placeholders: {region} the bureau's GB/T 2260 code, {year} the 4-digit China year of acceptance, {type} the
// case type's code (case_settings 'type_code.<case_type>', default XZ / XS), {seq:N} the sequence zero-padded to
// N digits (N 1..9), counted per distinct prefix, so each year and type starts again at 1. Pure; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.hpp"
#include "storage/database.hpp"

namespace jw::cases {

struct NumberParts {
    std::string region;
    int year = 0;
    std::string type_code;
};

// Checks a scheme: exactly one {seq:N} at the end, known placeholders only, other text [A-Za-z0-9-].
// Error: InvalidArgument {number_scheme: bad_scheme}.
Status CheckScheme(const std::string& scheme);
// The scheme with everything but the sequence filled in: the key the sequence is counted under.
Result<std::string> NumberPrefix(const std::string& scheme, const NumberParts& parts);
// The full number for sequence `seq`. Error: InvalidArgument when seq does not fit the width.
Result<std::string> FormatNumber(const std::string& scheme, const NumberParts& parts, int64_t seq);

// Whether `number` is one the scheme produces: {region} 6 digits, {year} 4 digits, {type} one of
// `type_codes`, {seq:N} exactly N digits, other text as written. Error: InvalidArgument {case_no: bad_format}
// (also for a bad scheme).
Status CheckNumberFormat(const std::string& scheme, const std::vector<std::string>& type_codes,
                         const std::string& number);
// The same against this database's scheme and type codes (case_settings).
Status CheckNumberFormat(storage::Connection& c, const std::string& number);

}  // namespace jw::cases

#pragma once
// Typed query and path parameters. Every handler reads its URL parameters through these, so one bad value
// gets one answer everywhere: InvalidArgument (HTTP 400, {code, message, request_id, fields}) with
// fields = {<parameter name>: <problem>}, one problem key per kind of mistake (ADR 0025):
//   required         a required parameter is absent or empty
//   invalid_integer  not a plain decimal integer: "12abc", "+5", " 5", "5 ", "1.0", "0x10", "1e3"
//   out_of_range     a well-formed integer outside the accepted range, overflow of int64 included
//   invalid_enum     not one of the fixed set of values (compared exactly, case-sensitively)
//   invalid_date     not a real China calendar date written YYYY-MM-DD
//   invalid_month    not a month written YYYY-MM
//   invalid_time     not an instant: YYYY-MM-DDTHH:MM:SSZ (UTC, what the web sends), YYYY-MM-DD HH:MM:SS
//                    (China time) or YYYY-MM-DD (00:00 China time that day)
//   invalid_boolean  not one of 1, 0, true, false
//   invalid_id_list  an id list with an entry that is not a positive integer (empty entries included)
//   too_many         an id list longer than its maximum
//   repeated         the same query parameter given twice (refused for the whole request: RejectRepeated)
// An empty value ("?unit_id=") counts as absent: that is what an HTML form sends for a field left blank.
// Pure functions over the Request; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/civil_time.hpp"
#include "common/status.hpp"
#include "http/context.hpp"

namespace jw::http {

namespace problem {
inline constexpr const char* kRequired = "required";
inline constexpr const char* kInvalidInteger = "invalid_integer";
inline constexpr const char* kOutOfRange = "out_of_range";
inline constexpr const char* kInvalidEnum = "invalid_enum";
inline constexpr const char* kInvalidDate = "invalid_date";
inline constexpr const char* kInvalidMonth = "invalid_month";
inline constexpr const char* kInvalidTime = "invalid_time";
inline constexpr const char* kInvalidBoolean = "invalid_boolean";
inline constexpr const char* kInvalidIdList = "invalid_id_list";
inline constexpr const char* kTooMany = "too_many";
inline constexpr const char* kRepeated = "repeated";
}  // namespace problem

// --- text → value, naming `name` in the error (also for values that are not URL parameters) ---

// A decimal integer: an optional '-' then ASCII digits only (leading zeros allowed), within [min, max].
// Errors: invalid_integer, out_of_range.
Result<int64_t> ParseInteger(std::string_view name, std::string_view text, int64_t min, int64_t max);
// A date YYYY-MM-DD (exactly ten characters; a real calendar date, years 1800–9999). Error: invalid_date.
Result<CivilDate> ParseDateText(std::string_view name, std::string_view text);
// An instant in one of the three forms listed above, as Unix seconds. Error: invalid_time.
Result<int64_t> ParseInstant(std::string_view name, std::string_view text);

// --- query parameters (absent or empty → nullopt / the fallback) ---

Result<std::optional<int64_t>> QueryInt(const Request& req, std::string_view name, int64_t min, int64_t max);
Result<int64_t> QueryInt(const Request& req, std::string_view name, int64_t min, int64_t max, int64_t fallback);
// A row id: an integer ≥ 1.
Result<std::optional<int64_t>> QueryId(const Request& req, std::string_view name);
// One of `allowed`; "" when absent.
Result<std::string> QueryEnum(const Request& req, std::string_view name, const std::vector<std::string>& allowed);
Result<std::optional<CivilDate>> QueryDate(const Request& req, std::string_view name);
// "YYYY-MM" (month 01–12, year 1800–9999), returned as written.
Result<std::optional<std::string>> QueryMonth(const Request& req, std::string_view name);
Result<std::optional<int64_t>> QueryInstant(const Request& req, std::string_view name);
Result<bool> QueryBool(const Request& req, std::string_view name, bool fallback);
// Comma-separated row ids ("3,7,12"), at most max_count of them, duplicates removed, order kept.
// Errors: invalid_id_list (a bad or empty entry), too_many.
Result<std::vector<int64_t>> QueryIdList(const Request& req, std::string_view name, size_t max_count);

// page (1–1000000, default 1) and page_size (1–max_page_size, default 20). Errors name page or page_size:
// invalid_integer, out_of_range.
struct Page {
    int page = 1;
    int page_size = 20;
};
inline constexpr int kMaxPageSize = 200;
Result<Page> QueryPage(const Request& req, int max_page_size = kMaxPageSize);

// --- path parameters (from the route pattern, so never absent on a matched route) ---

// A row id in the path: an integer ≥ 1. Errors: invalid_integer, out_of_range.
Result<int64_t> PathId(const Request& req, std::string_view name = "id");

// --- the query string as parsed by the server ---

// Copies decoded (name, value) pairs into `out`. A name given twice is refused: no handler reads more than one
// value, and taking the first or the last silently lets a filter be shadowed by whoever adds the other.
// Error: InvalidArgument {name: repeated}.
Status CollectQuery(const std::vector<std::pair<std::string, std::string>>& pairs,
                    std::map<std::string, std::string>* out);

}  // namespace jw::http

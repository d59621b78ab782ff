#pragma once
// Strict reading of JSON request bodies. A JsonReader checks one object against the fields a handler
// declares, collects every problem (field → stable problem key) and reports them in one InvalidArgument
// Status, so the user sees all mistakes at once. Not thread-safe; one per request.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw {

using Json = nlohmann::json;

// Parses a request body. Errors: InvalidArgument with field "body": "malformed_json" or "not_an_object".
Result<Json> ParseJsonObject(std::string_view body);

class JsonReader {
  public:
    // `allowed` lists every field name the caller accepts; others are reported as "unknown_field".
    JsonReader(const Json& object, std::initializer_list<std::string_view> allowed);

    // Text: must be a string, no control characters, at most max_chars characters (UTF-8 code points),
    // trimmed of surrounding spaces. Missing and required → "required"; empty counts as missing.
    std::optional<std::string> Text(std::string_view name, bool required, size_t max_chars = 200);
    std::optional<int64_t> Int(std::string_view name, bool required, int64_t min, int64_t max);
    std::optional<bool> Bool(std::string_view name, bool required);
    std::optional<std::vector<std::string>> TextList(std::string_view name, bool required, size_t max_items = 100,
                                                     size_t max_chars = 100);
    bool Has(std::string_view name) const;

    // Record a problem found by a later check (e.g. a validator).
    void Fail(std::string_view name, std::string_view problem);
    void Merge(const Status& status);  // copies fields of a non-ok Status
    Status status() const;

  private:
    const Json& object_;
    std::map<std::string, std::string> problems_;
};

// Count of UTF-8 code points; nullopt when the text is not valid UTF-8.
std::optional<size_t> Utf8Length(std::string_view text);

}  // namespace jw

#include "http/params.hpp"

#include <algorithm>
#include <charconv>

#include "common/china_day.hpp"

namespace jw::http {
namespace {

Status Problem(std::string_view name, const char* problem) { return Status::Invalid(std::string(name), problem); }

// The value of a query parameter, nullopt when absent or empty (an HTML form's blank field).
std::optional<std::string_view> Value(const Request& req, std::string_view name) {
    auto it = req.query.find(std::string(name));
    if (it == req.query.end() || it->second.empty()) return std::nullopt;
    return std::string_view(it->second);
}

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<int64_t> ParseInteger(std::string_view name, std::string_view text, int64_t min, int64_t max) {
    // from_chars alone would accept a prefix ("12abc" reads 12) and std::stoll also skips blanks and a '+':
    // the shape is checked first, so only the range is left to from_chars.
    const std::string_view digits = !text.empty() && text[0] == '-' ? text.substr(1) : text;
    if (!AllDigits(digits)) return Problem(name, problem::kInvalidInteger);
    int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc::result_out_of_range) return Problem(name, problem::kOutOfRange);
    if (ec != std::errc() || p != text.data() + text.size()) return Problem(name, problem::kInvalidInteger);
    if (v < min || v > max) return Problem(name, problem::kOutOfRange);
    return v;
}

Result<CivilDate> ParseDateText(std::string_view name, std::string_view text) {
    // ParseDate also reads YYYYMMDD; a URL parameter has one spelling.
    auto d = text.size() == 10 ? ParseDate(text) : std::nullopt;
    if (!d) return Problem(name, problem::kInvalidDate);
    return *d;
}

Result<int64_t> ParseInstant(std::string_view name, std::string_view text) {
    auto t = ParseUtcIso(text);
    if (!t) t = ParseChinaTime(text);
    if (!t && text.size() == 10) {
        if (auto d = ParseDate(text)) t = ChinaMidnightOf(*d);
    }
    if (!t) return Problem(name, problem::kInvalidTime);
    return *t;
}

Result<std::optional<int64_t>> QueryInt(const Request& req, std::string_view name, int64_t min, int64_t max) {
    auto v = Value(req, name);
    if (!v) return std::optional<int64_t>();
    JW_ASSIGN_OR_RETURN(int64_t n, ParseInteger(name, *v, min, max));
    return std::optional<int64_t>(n);
}

Result<int64_t> QueryInt(const Request& req, std::string_view name, int64_t min, int64_t max, int64_t fallback) {
    JW_ASSIGN_OR_RETURN(auto v, QueryInt(req, name, min, max));
    return v.value_or(fallback);
}

Result<std::optional<int64_t>> QueryId(const Request& req, std::string_view name) {
    return QueryInt(req, name, 1, INT64_MAX);
}

Result<std::string> QueryEnum(const Request& req, std::string_view name, const std::vector<std::string>& allowed) {
    auto v = Value(req, name);
    if (!v) return std::string();
    if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) return Problem(name, problem::kInvalidEnum);
    return std::string(*v);
}

Result<std::optional<CivilDate>> QueryDate(const Request& req, std::string_view name) {
    auto v = Value(req, name);
    if (!v) return std::optional<CivilDate>();
    JW_ASSIGN_OR_RETURN(CivilDate d, ParseDateText(name, *v));
    return std::optional<CivilDate>(d);
}

Result<std::optional<std::string>> QueryMonth(const Request& req, std::string_view name) {
    auto v = Value(req, name);
    if (!v) return std::optional<std::string>();
    if (v->size() != 7 || (*v)[4] != '-' || !ParseDate(std::string(*v) + "-01"))
        return Problem(name, problem::kInvalidMonth);
    return std::optional<std::string>(std::string(*v));
}

Result<std::optional<int64_t>> QueryInstant(const Request& req, std::string_view name) {
    auto v = Value(req, name);
    if (!v) return std::optional<int64_t>();
    JW_ASSIGN_OR_RETURN(int64_t t, ParseInstant(name, *v));
    return std::optional<int64_t>(t);
}

Result<bool> QueryBool(const Request& req, std::string_view name, bool fallback) {
    auto v = Value(req, name);
    if (!v) return fallback;
    if (*v == "1" || *v == "true") return true;
    if (*v == "0" || *v == "false") return false;
    return Problem(name, problem::kInvalidBoolean);
}

Result<std::vector<int64_t>> QueryIdList(const Request& req, std::string_view name, size_t max_count) {
    std::vector<int64_t> out;
    auto v = Value(req, name);
    if (!v) return out;
    size_t start = 0;
    size_t entries = 0;
    while (start <= v->size()) {
        size_t end = v->find(',', start);
        if (end == std::string_view::npos) end = v->size();
        // Counted before parsing, so a huge list is refused without reading all of it.
        if (++entries > max_count) return Problem(name, problem::kTooMany);
        auto id = ParseInteger(name, v->substr(start, end - start), 1, INT64_MAX);
        if (!id.ok()) return Problem(name, problem::kInvalidIdList);
        if (std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
        start = end + 1;
    }
    return out;
}

Result<Page> QueryPage(const Request& req, int max_page_size) {
    Page p;
    JW_ASSIGN_OR_RETURN(const int64_t page, QueryInt(req, "page", 1, 1000000, 1));
    JW_ASSIGN_OR_RETURN(const int64_t size, QueryInt(req, "page_size", 1, max_page_size, 20));
    p.page = static_cast<int>(page);
    p.page_size = static_cast<int>(size);
    return p;
}

Result<int64_t> PathId(const Request& req, std::string_view name) {
    auto it = req.params.find(std::string(name));
    if (it == req.params.end() || it->second.empty()) return Problem(name, problem::kRequired);
    return ParseInteger(name, it->second, 1, INT64_MAX);
}

Status CollectQuery(const std::vector<std::pair<std::string, std::string>>& pairs,
                    std::map<std::string, std::string>* out) {
    for (const auto& [k, v] : pairs) {
        if (!out->emplace(k, v).second) return Problem(k, problem::kRepeated);
    }
    return Status::Ok();
}

}  // namespace jw::http

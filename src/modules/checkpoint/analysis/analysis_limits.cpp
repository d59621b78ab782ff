#include "checkpoint/analysis/analysis_limits.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "common/civil_time.hpp"
#include "common/csv_reader.hpp"

namespace jw::checkpoint {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

std::optional<int64_t> PositiveInt(const std::string& s) {
    if (s.empty() || s.size() > 12 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const int64_t v = std::stoll(s);
    return v > 0 ? std::optional<int64_t>(v) : std::nullopt;
}

// [from, to) span in seconds when both parse and to ≥ from.
std::optional<int64_t> Span(const Json& obj) {
    if (!obj.is_object()) return std::nullopt;
    auto f = obj.find("from"), t = obj.find("to");
    if (f == obj.end() || t == obj.end() || !f->is_string() || !t->is_string()) return std::nullopt;
    auto from = ParseChinaTime(f->get<std::string>()), to = ParseChinaTime(t->get<std::string>());
    if (!from || !to || *to < *from) return std::nullopt;
    return *to - *from;
}

}  // namespace

Result<LimitsTable> LimitsTable::Parse(std::string_view csv) {
    constexpr std::string_view kHeader = "role,max_range_days,max_conditions,max_lookback_days,max_window_s";
    LimitsTable table;
    JW_ASSIGN_OR_RETURN(const auto rows,
                        ReadCsv(csv, CsvOptions{.name = "analysis_limits.csv", .trim = true, .comment = '#'}));
    if (rows.empty()) return Status::Invalid("header", "empty file");
    std::string header;
    for (const auto& h : rows[0].fields) header += (header.empty() ? "" : ",") + h;
    if (header != kHeader) return Status::Invalid("header", "expected " + std::string(kHeader));
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& cells = rows[r];
        const std::string where = "line " + std::to_string(cells.line);
        if (cells.size() != 5 || cells[0].empty()) return CsvInvalid(where, "expected 5 columns", cells.Where(0));
        std::optional<int64_t> v[4];
        for (size_t i = 0; i < 4; ++i) {
            v[i] = PositiveInt(cells[i + 1]);
            if (!v[i]) return CsvInvalid(where, "not_a_positive_integer", cells.Where(i + 1));
        }
        if (table.roles_.count(cells[0])) return CsvInvalid(where, "duplicate_role", cells.Where(0));
        table.roles_[cells[0]] = RoleLimits{*v[0], *v[1], *v[2], *v[3]};
    }
    return table;
}

const LimitsTable& LimitsTable::Default() {
    static const LimitsTable table = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name != "analysis_limits.csv") continue;
            auto t = Parse(content);
            if (!t.ok()) throw std::logic_error("analysis_limits.csv: " + t.status().message());
            return std::move(t).value();
        }
        throw std::logic_error("analysis_limits.csv is not embedded");
    }();
    return table;
}

Result<RoleLimits> LimitsTable::For(const std::vector<std::string>& roles) const {
    std::optional<RoleLimits> best;
    for (const auto& r : roles) {
        auto it = roles_.find(r);
        if (it == roles_.end()) continue;
        if (!best) {
            best = it->second;
            continue;
        }
        best->max_range_days = std::max(best->max_range_days, it->second.max_range_days);
        best->max_conditions = std::max(best->max_conditions, it->second.max_conditions);
        best->max_lookback_days = std::max(best->max_lookback_days, it->second.max_lookback_days);
        best->max_window_s = std::max(best->max_window_s, it->second.max_window_s);
    }
    if (!best) return Status(ErrorCode::kPermissionDenied, "no_analysis_limits", {{"role", "no_limits"}});
    return *best;
}

analytics::QueryLimits ToQueryLimits(const RoleLimits& l) {
    analytics::QueryLimits q;
    q.max_range_s = l.max_range_days * 86400;
    q.max_window_s = l.max_window_s;
    q.max_lookback_days = l.max_lookback_days;
    q.max_conditions = static_cast<size_t>(l.max_conditions);
    return q;
}

Status CheckLimits(const Json& request, const RoleLimits& limits) {
    std::map<std::string, std::string> fields;
    if (!request.is_object()) return Status::Invalid("params", "not_an_object");
    const int64_t max_range = limits.max_range_days * 86400;
    if (auto s = Span(request); s && *s > max_range) fields["to"] = "range_too_long";
    if (auto c = request.find("conditions"); c != request.end() && c->is_array()) {
        if (static_cast<int64_t>(c->size()) > limits.max_conditions) fields["conditions"] = "too_many";
        for (size_t i = 0; i < c->size(); ++i) {
            if (auto s = Span((*c)[i]); s && *s > max_range)
                fields["conditions[" + std::to_string(i) + "].to"] = "range_too_long";
        }
    }
    auto over = [&](const char* name, int64_t max) {
        auto it = request.find(name);
        if (it != request.end() && it->is_number_integer() && it->get<int64_t>() > max) fields[name] = "over_limit";
    };
    over("lookback_days", limits.max_lookback_days);
    over("window_s", limits.max_window_s);
    if (fields.empty()) return Status::Ok();
    std::string msg = "over the analysis limits of your role:";
    for (const auto& [f, p] : fields) msg += " " + f + " (" + p + ")";
    return Status(ErrorCode::kInvalidArgument, msg, fields);
}

int64_t RequestSpan(const Json& request) {
    int64_t span = Span(request).value_or(0);
    if (!request.is_object()) return span;
    if (auto c = request.find("conditions"); c != request.end() && c->is_array()) {
        for (const auto& cond : *c) span += Span(cond).value_or(0);
    }
    return span;
}

}  // namespace jw::checkpoint

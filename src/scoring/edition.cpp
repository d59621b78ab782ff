#include "scoring/edition.hpp"

#include <algorithm>
#include <cstdio>

#include "common/china_day.hpp"
#include "common/csv_reader.hpp"

namespace jw::scoring {

namespace {

bool ParseCount(const std::string& s, int* out) {
    if (s.empty() || s.size() > 6) return false;
    int v = 0;
    for (char ch : s) {
        if (ch < '0' || ch > '9') return false;
        v = v * 10 + (ch - '0');
    }
    *out = v;
    return true;
}

std::vector<std::string> SplitEvents(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t bar = s.find('|', start);
        if (bar == std::string::npos) bar = s.size();
        if (bar > start) out.push_back(s.substr(start, bar - start));
        start = bar + 1;
    }
    return out;
}

}  // namespace

std::string Rule::Extra(const std::string& column) const {
    auto it = extra.find(column);
    return it == extra.end() ? "" : it->second;
}

Result<Edition> Edition::Parse(std::string_view csv, std::string_view name) {
    Edition e;
    e.source_ = std::string(csv);
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = name}));
    if (rows.empty()) return Status::Invalid(std::string(name), "empty");
    const auto& header = rows.front().fields;
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
    for (const char* required : {"code", "kind", "points", "name_zh", "name_en", "basis"}) {
        if (!col.count(required)) return Status::Invalid(std::string(name), std::string("missing column ") + required);
    }
    auto get = [&](const CsvRow& f, const char* c) -> std::string {
        auto it = col.find(c);
        return it == col.end() ? "" : f.fields[it->second];
    };
    for (size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& f = rows[r];
        const std::string where = "line " + std::to_string(f.line);
        if (f.fields.size() != header.size())
            return CsvInvalid(where, "expected " + std::to_string(header.size()) + " fields", f.Where(0));
        Rule rule;
        rule.code = get(f, "code");
        rule.kind = get(f, "kind");
        rule.name_zh = get(f, "name_zh");
        rule.name_en = get(f, "name_en");
        rule.basis = get(f, "basis");
        rule.events = SplitEvents(get(f, "events"));
        if (rule.code.empty()) return CsvInvalid(where, "bad code or points", f.Where(col["code"]));
        if (!ParseCount(get(f, "points"), &rule.points)) return CsvInvalid(where, "bad points", f.Where(col["points"]));
        const std::string cap = get(f, "cap");
        if (!cap.empty() && !ParseCount(cap, &rule.cap)) return CsvInvalid(where, "bad cap", f.Where(col["cap"]));
        if (rule.kind != kBase && rule.kind != kAdd && rule.kind != kDeduct)
            return CsvInvalid(where, "bad kind", f.Where(col["kind"]));
        if (rule.kind != kBase && rule.basis.empty()) return CsvInvalid(where, "missing basis", f.Where(col["basis"]));
        if (e.by_code_.count(rule.code)) return CsvInvalid(where, "duplicate code", f.Where(col["code"]));
        if (rule.kind == kBase) {
            if (e.has_base_) return CsvInvalid(where, "second base row", f.Where(col["kind"]));
            e.has_base_ = true;
            e.base_ = rule.points;
        }
        for (const auto& ev : rule.events) {
            if (!e.by_event_.emplace(ev, e.rules_.size()).second)
                return CsvInvalid(where, "event counted twice: " + ev, f.Where(col["events"]));
        }
        for (size_t i = 0; i < header.size(); ++i) {
            static const std::vector<std::string> kKnown = {"code",   "kind",    "points",  "cap",
                                                            "events", "name_zh", "name_en", "basis"};
            const std::string h(header[i]);
            if (std::find(kKnown.begin(), kKnown.end(), h) == kKnown.end()) rule.extra[h] = f.fields[i];
        }
        e.by_code_[rule.code] = e.rules_.size();
        e.rules_.push_back(std::move(rule));
    }
    return e;
}

const Rule* Edition::Find(const std::string& c) const {
    auto it = by_code_.find(c);
    return it == by_code_.end() ? nullptr : &rules_[it->second];
}

const Rule* Edition::ForEvent(const std::string& event) const {
    auto it = by_event_.find(event);
    return it == by_event_.end() ? nullptr : &rules_[it->second];
}

const Edition* EditionFor(const std::vector<Edition>& editions, const std::string& month) {
    const Edition* best = nullptr;
    for (const auto& e : editions) {
        if (e.effective_month > month) continue;  // "YYYY-MM" orders as text
        if (best == nullptr || e.effective_month > best->effective_month ||
            (e.effective_month == best->effective_month && e.version > best->version))
            best = &e;
    }
    return best;
}

std::string MonthOf(int64_t unix_seconds) { return FormatChinaDate(unix_seconds).substr(0, 7); }

bool IsMonth(const std::string& m) {
    if (m.size() != 7 || m[4] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6}) {
        if (m[i] < '0' || m[i] > '9') return false;
    }
    const int month = (m[5] - '0') * 10 + (m[6] - '0');
    return month >= 1 && month <= 12;
}

Result<int64_t> MonthStart(const std::string& month) {
    if (!IsMonth(month)) return Status::Invalid("month", "invalid_month");
    CivilDate d{std::stoi(month.substr(0, 4)), std::stoi(month.substr(5, 2)), 1};
    return ChinaMidnightOf(d);
}

}  // namespace jw::scoring

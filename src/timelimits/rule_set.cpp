#include "timelimits/rule_set.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

#include "common/csv_reader.hpp"

namespace jw::timelimits {

namespace {

// The columns every rules file has besides the schema's family and variant columns.
const char* const kColumns[] = {"id",      "scope",        "start",         "pause",        "resume",   "end",
                                "restart", "length",       "unit",          "ext_event",    "ext_mode", "ext_steps",
                                "ext_max", "ext_approver", "ext_basis",     "request_lead", "liberty",  "name_zh",
                                "name_en", "basis",        "counting_basis"};

bool Contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> SplitList(const std::string& s, char sep = ';') {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= s.size() && !s.empty()) {
        size_t next = s.find(sep, pos);
        std::string item = s.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        if (!item.empty()) out.push_back(item);
        if (next == std::string::npos) break;
        pos = next + 1;
    }
    return out;
}

bool ParseInt(const std::string& s, int& out) {
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

// "4-7" or "30", optionally "@flight/serial/gang".
bool ParseAllowedTotal(const std::string& s, AllowedTotal& out) {
    std::string range = s;
    size_t at = s.find('@');
    if (at != std::string::npos) {
        range = s.substr(0, at);
        out.reasons = SplitList(s.substr(at + 1), '/');
        if (out.reasons.empty()) return false;
    }
    size_t dash = range.find('-');
    if (dash == std::string::npos) {
        if (!ParseInt(range, out.min_total)) return false;
        out.max_total = out.min_total;
    } else if (!ParseInt(range.substr(0, dash), out.min_total) || !ParseInt(range.substr(dash + 1), out.max_total)) {
        return false;
    }
    return out.min_total > 0 && out.max_total >= out.min_total;
}

// `at(col)` says where in the file column `col` of the row is ("line L, column C").
std::string OneOf(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

Status ParseRule(const std::map<std::string, std::string>& c, const RuleSchema& schema, const std::string& where,
                 const std::function<std::string(const char*)>& at, Rule& r) {
    auto bad = [&](const char* col, const std::string& problem) {
        return CsvInvalid(where + "." + col, problem, at(col));
    };
    r.id = c.at("id");
    if (r.id.empty()) return bad("id", "empty");
    const char* family_col = schema.family_column.c_str();
    const char* variant_col = schema.variant_column.c_str();
    r.family = c.at(family_col);
    if (!Contains(schema.families, r.family)) return bad(family_col, "must be one of " + OneOf(schema.families));
    r.variant = c.at(variant_col);
    if (!r.variant.empty() && !Contains(schema.variants, r.variant)) {
        return bad(variant_col, "must be empty or one of " + OneOf(schema.variants));
    }
    const std::string& scope = c.at("scope");
    if (scope == "case") {
        r.scope = RuleScope::kCase;
    } else if (scope == "subject") {
        r.scope = RuleScope::kSubject;
    } else {
        return bad("scope", "must be case or subject");
    }
    r.start_events = SplitList(c.at("start"));
    r.pause_events = SplitList(c.at("pause"));
    r.resume_events = SplitList(c.at("resume"));
    r.end_events = SplitList(c.at("end"));
    r.restart_events = SplitList(c.at("restart"));
    if (r.start_events.empty()) return bad("start", "no start event");
    if (r.pause_events.size() != r.resume_events.size()) return bad("resume", "one resume event per pause event");
    if (!ParseInt(c.at("length"), r.length) || r.length <= 0) return bad("length", "not a positive number");
    const std::string& unit = c.at("unit");
    if (unit == "days") {
        r.unit = PeriodUnit::kDays;
    } else if (unit == "months") {
        r.unit = PeriodUnit::kMonths;
    } else {
        return bad("unit", "must be days or months");
    }
    r.ext_event = c.at("ext_event");
    const std::string& mode = c.at("ext_mode");
    if (mode == "add" || mode.empty()) {
        r.ext_mode = ExtensionMode::kAdd;
    } else if (mode == "to") {
        r.ext_mode = ExtensionMode::kTo;
    } else {
        return bad("ext_mode", "must be add or to");
    }
    for (const auto& step : SplitList(c.at("ext_steps"))) {
        if (r.ext_mode == ExtensionMode::kAdd) {
            int n = 0;
            if (!ParseInt(step, n) || n <= 0) return bad("ext_steps", "not a positive number");
            r.ext_steps.push_back(n);
        } else {
            AllowedTotal t;
            if (!ParseAllowedTotal(step, t)) return bad("ext_steps", "expected N or A-B, optionally @reason/reason");
            r.ext_totals.push_back(t);
        }
    }
    if (!ParseInt(c.at("ext_max"), r.ext_max) || r.ext_max < 0) return bad("ext_max", "not a number");
    if (r.ext_max > 0 && (r.ext_event.empty() || (r.ext_steps.empty() && r.ext_totals.empty()))) {
        return bad("ext_steps", "an extendable rule needs ext_event and ext_steps");
    }
    r.ext_approvers = SplitList(c.at("ext_approver"));
    r.ext_basis = SplitList(c.at("ext_basis"));
    if (r.ext_max > 0 && r.ext_approvers.empty()) return bad("ext_approver", "who approves an extension?");
    if (!ParseInt(c.at("request_lead"), r.request_lead_days) || r.request_lead_days < 0) {
        return bad("request_lead", "not a number");
    }
    const std::string& liberty = c.at("liberty");
    if (liberty != "0" && liberty != "1") return bad("liberty", "must be 0 or 1");
    r.liberty_restricting = liberty == "1";
    r.name_zh = c.at("name_zh");
    r.name_en = c.at("name_en");
    r.basis = c.at("basis");
    r.counting_basis = c.at("counting_basis");
    if (r.basis.empty()) return bad("basis", "every rule needs its legal basis");
    return Status::Ok();
}

}  // namespace

bool Rule::Uses(std::string_view kind) const {
    return Contains(start_events, kind) || Contains(pause_events, kind) || Contains(resume_events, kind) ||
           Contains(end_events, kind) || Contains(restart_events, kind) || (!ext_event.empty() && ext_event == kind);
}

Result<RuleSet> RuleSet::FromCsv(std::string_view csv, const RuleSchema& schema) {
    RuleSet set;
    std::vector<std::string> header;
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = schema.file, .comment = '#'}));
    for (const auto& row : rows) {
        const std::string where = "line " + std::to_string(row.line);
        if (header.empty()) {
            header = row.fields;
            std::vector<std::string> required(std::begin(kColumns), std::end(kColumns));
            required.insert(required.begin() + 1, {schema.family_column, schema.variant_column});
            for (const auto& col : required) {
                if (!Contains(header, col)) return CsvInvalid(where + "." + col, "missing column", row.Where(0));
            }
            continue;
        }
        if (row.size() != header.size())
            return CsvInvalid(where, "expected " + std::to_string(header.size()) + " columns", row.Where(0));
        std::map<std::string, std::string> cols;
        std::map<std::string, size_t> index;
        for (size_t i = 0; i < header.size(); ++i) {
            cols[header[i]] = row[i];
            index[header[i]] = i;
        }
        Rule rule;
        JW_RETURN_IF_ERROR(ParseRule(
            cols, schema, where, [&](const char* col) { return row.Where(index.at(col)); }, rule));
        if (set.Find(rule.id) != nullptr)
            return CsvInvalid(where + ".id", "duplicate rule id " + rule.id, row.Where(index.at("id")));
        set.rules_.push_back(std::move(rule));
    }
    if (header.empty()) return Status::Invalid("line 1", "missing header");
    return set;
}

RuleSet RuleSet::LoadShipped(std::string_view csv, const RuleSchema& schema) {
    auto parsed = FromCsv(csv, schema);
    if (!parsed.ok()) {
        std::fprintf(stderr, "timelimits: shipped %s is broken: %s\n", schema.file.c_str(),
                     parsed.status().message().c_str());
        std::abort();
    }
    return std::move(parsed).value();
}

const Rule* RuleSet::Find(std::string_view id) const {
    for (const auto& r : rules_) {
        if (r.id == id) return &r;
    }
    return nullptr;
}

std::vector<const Rule*> RuleSet::For(std::string_view family, std::string_view variant) const {
    std::vector<const Rule*> out;
    for (const auto& r : rules_) {
        if (r.family == family && (r.variant.empty() || r.variant == variant)) out.push_back(&r);
    }
    return out;
}

bool RuleSet::KnowsEvent(std::string_view family, std::string_view kind) const {
    for (const auto& r : rules_) {
        if (r.family == family && r.Uses(kind)) return true;
    }
    return false;
}

}  // namespace jw::timelimits

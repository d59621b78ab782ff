// Aggravating paragraphs as data: parsing data/facts.csv and data/aggravations.csv and evaluating a rule.
#include "discretion/aggravation.hpp"

#include <cstdlib>

#include "common/csv_reader.hpp"
#include "discretion/engine_internal.hpp"

namespace jw::discretion {
namespace {

Status Bad(std::string_view file, const CsvRow& row, size_t field, std::string_view why) {
    return Status::Internal("catalogue " + std::string(file) + " " + row.Where(field) + ": " + std::string(why));
}

bool ToInt(const std::string& s, int64_t* out) {
    if (s.empty()) return false;
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (*end != '\0') return false;
    *out = v;
    return true;
}

Result<std::vector<CsvRow>> Rows(std::string_view file, std::string_view text) {
    JW_ASSIGN_OR_RETURN(auto rows, ReadCsv(text, CsvOptions{.name = file}));
    if (!rows.empty()) rows.erase(rows.begin());
    return rows;
}

bool IsVictimFact(const std::string& name) { return name.rfind("victim.", 0) == 0; }

bool Holds(const FactCondition& c, const FactValues& v, CivilDate act_end) {
    if (c.op == "within") {
        auto it = v.dates.find(c.fact);
        return it != v.dates.end() && !(act_end < it->second) &&
               !(internal::AddMonths(it->second, static_cast<int>(c.value)) < act_end);
    }
    auto it = v.numbers.find(c.fact);
    if (it == v.numbers.end()) return false;  // a fact not entered meets no condition
    const int64_t x = it->second;
    if (c.op == ">=") return x >= c.value;
    if (c.op == "<=") return x <= c.value;
    if (c.op == ">") return x > c.value;
    if (c.op == "<") return x < c.value;
    return x == c.value;
}

std::string Describe(const FactCondition& c, const FactValues& v, const std::vector<FactDef>& defs) {
    const FactDef* d = FindFactDef(defs, c.fact);
    const std::string name = d ? d->name_zh : c.fact;
    if (c.op == "within") return name + "：" + FormatDate(v.dates.at(c.fact));
    if (d && d->type == FactType::kBool) return v.numbers.at(c.fact) ? name : "非" + name;
    return name + "：" + std::to_string(v.numbers.at(c.fact));
}

}  // namespace

const FactDef* FindFactDef(const std::vector<FactDef>& defs, std::string_view name) {
    for (const auto& d : defs) {
        if (d.name == name) return &d;
    }
    return nullptr;
}

Result<std::vector<FactDef>> ParseFactDefs(std::string_view csv) {
    std::vector<FactDef> out;
    JW_ASSIGN_OR_RETURN(const auto rows, Rows("facts.csv", csv));
    for (const auto& r : rows) {
        if (r.size() != 5) return Bad("facts.csv", r, 0, "expected 5 fields");
        FactDef d;
        d.name = r[0];
        if (r[1] == "int")
            d.type = FactType::kInt;
        else if (r[1] == "bool")
            d.type = FactType::kBool;
        else if (r[1] == "date")
            d.type = FactType::kDate;
        else
            return Bad("facts.csv", r, 1, "type must be int, bool or date");
        if (!ToInt(r[2], &d.min) || !ToInt(r[3], &d.max) || d.min > d.max) return Bad("facts.csv", r, 2, "range");
        d.name_zh = r[4];
        if (d.name.empty() || d.name_zh.empty() || FindFactDef(out, d.name)) return Bad("facts.csv", r, 0, "name");
        out.push_back(std::move(d));
    }
    return out;
}

Result<std::vector<Aggravation>> ParseAggravations(std::string_view csv, const std::vector<FactDef>& facts) {
    std::vector<Aggravation> out;
    JW_ASSIGN_OR_RETURN(const auto rows, Rows("aggravations.csv", csv));
    for (const auto& r : rows) {
        if (r.size() != 12) return Bad("aggravations.csv", r, 0, "expected 12 fields");
        Aggravation a;
        a.law = r[0];
        a.code = r[1];
        int64_t v[5];
        static const size_t kCols[] = {2, 3, 4, 5, 7};
        for (int k = 0; k < 5; ++k) {
            if (!ToInt(r[kCols[k]], &v[k])) return Bad("aggravations.csv", r, kCols[k], "not a number");
        }
        a.from_article = static_cast<int>(v[0]);
        a.from_paragraph = static_cast<int>(v[1]);
        a.article = static_cast<int>(v[2]);
        a.paragraph = static_cast<int>(v[3]);
        a.item = static_cast<int>(v[4]);
        a.kind = r[6];
        a.factor = r[8];
        a.condition = r[9];
        a.name = r[10];
        a.note = r[11];
        if (a.law != "2012" && a.law != "2025") return Bad("aggravations.csv", r, 0, "law");
        if (a.kind.empty() == a.factor.empty()) return Bad("aggravations.csv", r, 6, "give either kind or factor");
        // Split the condition on " & ", each atom on its spaces.
        std::string rest = a.condition;
        while (!rest.empty()) {
            const size_t amp = rest.find(" & ");
            const std::string atom = rest.substr(0, amp);
            rest = amp == std::string::npos ? "" : rest.substr(amp + 3);
            const size_t s1 = atom.find(' '), s2 = atom.rfind(' ');
            if (s1 == std::string::npos || s1 == s2) return Bad("aggravations.csv", r, 9, "atom: " + atom);
            FactCondition c{atom.substr(0, s1), atom.substr(s1 + 1, s2 - s1 - 1), 0};
            std::string value = atom.substr(s2 + 1);
            const FactDef* d = FindFactDef(facts, c.fact);
            if (d == nullptr) return Bad("aggravations.csv", r, 9, "unknown fact " + c.fact);
            if (d->type == FactType::kDate) {
                if (c.op != "within" || value.size() < 2 || value.back() != 'm') {
                    return Bad("aggravations.csv", r, 9, "a date takes within <N>m");
                }
                value.pop_back();
            } else if (c.op == "within" || (d->type == FactType::kBool && c.op != "=")) {
                return Bad("aggravations.csv", r, 9, "operator " + c.op + " for " + c.fact);
            } else if (c.op != ">=" && c.op != "<=" && c.op != ">" && c.op != "<" && c.op != "=") {
                return Bad("aggravations.csv", r, 9, "operator " + c.op);
            }
            if (!ToInt(value, &c.value)) return Bad("aggravations.csv", r, 9, "value " + value);
            a.conditions.push_back(std::move(c));
        }
        if (a.conditions.empty()) return Bad("aggravations.csv", r, 9, "condition required");
        for (const auto& o : out) {
            if (o.law == a.law && o.code == a.code) return Bad("aggravations.csv", r, 1, "duplicate code");
        }
        out.push_back(std::move(a));
    }
    return out;
}

Facts DeriveFacts(const Facts& entered, CivilDate act_end) {
    Facts f = entered;
    for (auto& v : f.victims) {
        auto it = v.dates.find("victim.birth_date");
        if (it != v.dates.end()) v.numbers["victim.age"] = AgeOn(it->second, act_end);
    }
    auto times = f.act.numbers.find("times");
    const bool once = times == f.act.numbers.end() || times->second <= 1;
    if (once && !f.act.numbers.count("victims_at_once") && !f.victims.empty()) {
        f.act.numbers["victims_at_once"] = static_cast<int64_t>(f.victims.size());
    }
    return f;
}

std::optional<std::string> MatchAggravation(const Aggravation& rule, const Facts& derived, CivilDate act_end,
                                            const std::vector<FactDef>& defs) {
    std::string text;
    auto add = [&](const std::string& s) { text += (text.empty() ? "" : "，") + s; };
    bool victim_atoms = false;
    for (const auto& c : rule.conditions) {
        if (IsVictimFact(c.fact)) {
            victim_atoms = true;
            continue;
        }
        if (!Holds(c, derived.act, act_end)) return std::nullopt;
        add(Describe(c, derived.act, defs));
    }
    if (!victim_atoms) return text;
    for (size_t i = 0; i < derived.victims.size(); ++i) {
        const FactValues& v = derived.victims[i];
        bool all = true;
        std::string part;
        for (const auto& c : rule.conditions) {
            if (!IsVictimFact(c.fact)) continue;
            if (!Holds(c, v, act_end)) {
                all = false;
                break;
            }
            part += (part.empty() ? "" : "，") + Describe(c, v, defs);
        }
        if (all) {
            add("第" + std::to_string(i + 1) + "名" + part);
            return text;
        }
    }
    return std::nullopt;
}

}  // namespace jw::discretion

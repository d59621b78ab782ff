#pragma once
// Aggravating paragraphs as data (ADR 0022). data/facts.csv declares the facts an officer can enter for one
// violation (victim age, number of offenders, times, ...); data/aggravations.csv lists, per law text, each
// paragraph (or item) that raises the range or orders 从重 and the conditions on those facts under which it
// applies, e.g. 2012 §43¶2(二) "victim.age >= 60". The engine evaluates the rows; no article is coded in C++.
//
// Condition syntax (one row): atoms joined by " & ", all of which must hold. An atom is "<fact> <op> <value>":
// int facts take >=, <=, >, <, =; bool facts "= 1" or "= 0"; date facts "within <N>m" (the act ended on or after
// the date and on or before the date plus N months, "以内" including the end, 2025 §143). Atoms on "victim.*"
// facts must all hold for one and the same victim. Immutable after loading; thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/civil_time.hpp"
#include "common/status.hpp"

namespace jw::discretion {

enum class FactType { kInt, kBool, kDate };

struct FactDef {
    std::string name;  // "offenders", "victim.age"
    FactType type = FactType::kInt;
    int64_t min = 0, max = 0;  // int facts
    std::string name_zh;       // words of the trace
};

// The facts entered for one violation. Ints and bools (0/1) by name; dates by name. Victim facts keep their
// full name ("victim.age") in the entry of their victim.
struct FactValues {
    std::map<std::string, int64_t> numbers;
    std::map<std::string, CivilDate> dates;
};
struct Facts {
    FactValues act;
    std::vector<FactValues> victims;
};

struct FactCondition {
    std::string fact;
    std::string op;     // ">=", "<=", ">", "<", "=", "within"
    int64_t value = 0;  // months for "within"
};

struct Aggravation {
    std::string law, code;
    int from_article = 0, from_paragraph = 0;  // the paragraph whose tiers the rule watches
    int article = 0, paragraph = 0, item = 0;  // the aggravating paragraph (and item) it cites
    std::string kind;                          // tier it raises to in that paragraph; "" for a 从重 order
    std::string factor;                        // the aggravating factor a 从重 order applies
    std::vector<FactCondition> conditions;
    std::string condition;   // as written in the data
    std::string name, note;  // the law's words; a note on how a word is read (e.g. 多次)
    bool RaisesTier() const { return !kind.empty(); }
};

// Parse the data files. Errors: Internal naming file, line and problem (a shipped file is a bug when broken).
Result<std::vector<FactDef>> ParseFactDefs(std::string_view csv);
Result<std::vector<Aggravation>> ParseAggravations(std::string_view csv, const std::vector<FactDef>& facts);

// The facts with what follows from them: a victim's age (周岁 on the day the act ended) from the birth date, and
// "victims_at_once" from the number of victims when the act was done once.
Facts DeriveFacts(const Facts& entered, CivilDate act_end);

// When `rule` holds on the (derived) facts, the facts that met it in Chinese ("被侵害人年龄（周岁）65"); else nullopt.
std::optional<std::string> MatchAggravation(const Aggravation& rule, const Facts& derived, CivilDate act_end,
                                            const std::vector<FactDef>& defs);

const FactDef* FindFactDef(const std::vector<FactDef>& defs, std::string_view name);

}  // namespace jw::discretion

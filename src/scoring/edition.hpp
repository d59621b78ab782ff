#pragma once
// A scoring edition (考核规则版本): the rules as data, and the month from which they are in force. One engine for
// every scoring of the platform (ADR 0036): the cases module's enforcement scoring and the community officers'
// assessment are editions of it.
//
// The CSV is read by its header, so a module may add columns of its own (kept in Rule::extra):
//   required  code, kind (base | add | deduct), points (>= 0; kind gives the sign), name_zh, name_en, basis
//   optional  cap    — most points one officer gets (add) or loses (deduct) from this rule in one month; empty or
//                      0 = no cap. Deductions are therefore uncapped unless their row says otherwise.
//             events — the events the rule counts, separated by '|': audit action names ("community.visit.create")
//                      or an action with the outcome the module recorded ("case.event/file"); empty for rules
//                      whose items a module derives itself.
// At most one base row (the monthly starting score; 0 without one). Every non-base row cites its basis.
//
// Editions in force: an edition is in force from China midnight of the first day of its effective month until
// the effective month of a later edition. A month is scored with the edition in force in it, so a new edition
// never rescores a past month. Plain data; read-only after parsing, thread-safe.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::scoring {

inline constexpr const char* kBase = "base";
inline constexpr const char* kAdd = "add";
inline constexpr const char* kDeduct = "deduct";

struct Rule {
    std::string code;
    std::string kind;  // base | add | deduct
    int points = 0;    // >= 0
    int cap = 0;       // per officer, month and rule; 0 = none
    std::vector<std::string> events;
    std::string name_zh, name_en, basis;
    std::map<std::string, std::string> extra;  // the module's own columns, by header name

    // Points of one item (negative for a deduction, 0 for the base row).
    int Signed() const { return kind == kAdd ? points : kind == kDeduct ? -points : 0; }
    std::string Extra(const std::string& column) const;
};

class Edition {
  public:
    // Parses the rules CSV. Errors: InvalidArgument under `name` for an unreadable file or a missing required
    // column; under "line N" for a row with the wrong number of fields, a bad kind, points or cap, an empty code
    // or basis, a duplicate code, a second base row, or an event counted by two rules.
    static Result<Edition> Parse(std::string_view csv, std::string_view name = "rules.csv");

    std::string code;             // "community", "cases"
    int version = 1;              // per code
    std::string effective_month;  // "YYYY-MM": in force from China midnight of its first day

    const Rule* Find(const std::string& code) const;
    // The rule counting `event`, or nullptr.
    const Rule* ForEvent(const std::string& event) const;
    int base() const { return base_; }
    bool has_base() const { return has_base_; }
    const std::vector<Rule>& rules() const { return rules_; }
    // The CSV it was parsed from (kept so that a stored edition is shown and copied exactly).
    const std::string& source() const { return source_; }

  private:
    std::vector<Rule> rules_;
    std::map<std::string, size_t> by_code_, by_event_;
    int base_ = 0;
    bool has_base_ = false;
    std::string source_;
};

// The edition in force in `month` ("YYYY-MM"): the greatest effective month not after it, the highest version
// among those; nullptr when every edition starts later. `editions` in any order.
const Edition* EditionFor(const std::vector<Edition>& editions, const std::string& month);

// "YYYY-MM" of an instant in China time; the instant of China midnight starting a month (Invalid "month" for a
// malformed one); the month after.
std::string MonthOf(int64_t unix_seconds);
Result<int64_t> MonthStart(const std::string& month);
bool IsMonth(const std::string& month);

}  // namespace jw::scoring

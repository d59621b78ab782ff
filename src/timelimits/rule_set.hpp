#pragma once
// Time-limit rules, as data. Each row of a module's rules CSV is one kind of clock (a case limit, a coercive
// measure, a seizure, a 110 feedback limit, a 信访 reply limit...) with the events that start, stop, resume, end and
// restart it, its length, how it may be extended and by whom, whether it restricts personal liberty (then a period
// ending on a holiday is not extended) and its legal basis. The engine (engine.hpp) interprets the rows; no article
// number or length lives in code. Each module ships its own file (cases: cases/deadlines/data/rules.csv) and
// names, in a RuleSchema, what its two selector columns are called and may hold (ADR 0049).
//
// Columns (header required; lists are ';'-separated):
//   id               stable rule id, e.g. "zhian_case_2025"
//   <family column>  which family of subjects the rule applies to (cases: case_type = administrative | criminal);
//                    the column's name and allowed values come from the RuleSchema
//   <variant column> "" (any) or one of the schema's variants (cases: law = 2012 | 2025, the 治安管理处罚法 text)
//   scope            case (one clock per subject of the facts: the case, the petition) | subject (one clock per
//                    person or item, ClockEvent::clock_key). "case" is the word in the data for "the whole".
//   start            events that start the clock
//   pause / resume   events that stop the clock and restart it (time stopped is not counted)
//   end              events that end the clock (the duty was done or the measure lifted)
//   restart          events that start the clock afresh from their date, dropping extensions
//   length, unit     base length; unit days | months
//   ext_event        the event that records an approved extension ("" = none)
//   ext_mode         add (each approval adds a length) | to (the approval sets a new total length)
//   ext_steps        add: the length of the 1st, 2nd... extension ("30" repeats for every extension);
//                    to: allowed totals, each "N" or "A-B", optionally "@reason/reason" when a reason is required
//   ext_max          maximum number of extensions (0 = none)
//   ext_approver     who approves the 1st, 2nd... extension (the last one repeats), shown to the user
//   ext_basis        the article allowing each extension: per extension (add) or per allowed total (to); the last
//                    one repeats
//   request_lead     days before expiry by which an extension must be requested (0 = by the expiry date)
//   liberty          1 when the period restricts personal liberty (no holiday extension)
//   name_zh, name_en what the clock is
//   basis            the legal basis, e.g. 《治安管理处罚法》（2025年修订）第一百一十八条
//   counting_basis   the article on counting periods
//
// Thread safety: immutable after loading.

#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace jw::timelimits {

enum class PeriodUnit { kDays, kMonths };
enum class ExtensionMode { kAdd, kTo };
enum class RuleScope { kCase, kSubject };

// One allowed "to" total: [min_total, max_total], with the reasons that justify it (empty = no reason needed).
struct AllowedTotal {
    int min_total = 0;
    int max_total = 0;
    std::vector<std::string> reasons;
};

// What a module's rules file calls its two selector columns and what they may hold.
struct RuleSchema {
    std::string file = "rules.csv";          // named in parse errors
    std::string family_column = "family";    // cases: "case_type"
    std::vector<std::string> families;       // allowed values (required, non-empty list)
    std::string variant_column = "variant";  // cases: "law"
    std::vector<std::string> variants;       // allowed non-empty values; "" (any variant) is always allowed
};

struct Rule {
    std::string id;
    std::string family;   // the schema's family column (cases: case_type)
    std::string variant;  // the schema's variant column, "" = any (cases: law)
    RuleScope scope = RuleScope::kCase;
    std::vector<std::string> start_events, pause_events, resume_events, end_events, restart_events;
    int length = 0;
    PeriodUnit unit = PeriodUnit::kDays;
    std::string ext_event;
    ExtensionMode ext_mode = ExtensionMode::kAdd;
    std::vector<int> ext_steps;            // kAdd
    std::vector<AllowedTotal> ext_totals;  // kTo
    int ext_max = 0;
    std::vector<std::string> ext_approvers;  // per extension; the last one repeats
    std::vector<std::string> ext_basis;      // per extension (add) or per allowed total (to); the last repeats
    int request_lead_days = 0;
    bool liberty_restricting = false;
    std::string name_zh, name_en, basis, counting_basis;

    // True when `kind` appears in any event list of this rule (start, pause, resume, end, restart, ext_event).
    bool Uses(std::string_view kind) const;
};

class RuleSet {
  public:
    // Parses a rules CSV. Errors: kInvalidArgument naming "line N" and the column (unknown family, variant,
    // unit, mode or scope, bad number, missing column, duplicate id).
    static Result<RuleSet> FromCsv(std::string_view csv, const RuleSchema& schema);
    // A module's shipped rules: FromCsv of the file, aborting (with the file's name) when it is broken — a bug the
    // module's tests catch. For the module's `static const RuleSet& Rules()`.
    static RuleSet LoadShipped(std::string_view csv, const RuleSchema& schema);

    const std::vector<Rule>& rules() const { return rules_; }
    const Rule* Find(std::string_view id) const;  // nullptr if unknown
    // Rules that apply to a family and variant: the family's rules whose variant is "" or `variant`.
    std::vector<const Rule*> For(std::string_view family, std::string_view variant) const;
    // True when some rule of the family knows the event kind.
    bool KnowsEvent(std::string_view family, std::string_view kind) const;

  private:
    std::vector<Rule> rules_;
};

}  // namespace jw::timelimits

#pragma once
// The statutory time-limit rules, as data. Each row of data/rules.csv is one kind of clock (a case limit, a
// coercive measure, a seizure...) with the events that start, stop, resume, end and restart it, its length,
// how it may be extended and by whom, whether it restricts personal liberty (then a period ending on a holiday
// is not extended) and its legal basis. The engine (deadline_engine.hpp) interprets the rows; no article
// number or length lives in code.
//
// Columns of rules.csv (header required; lists are ';'-separated):
//   id               stable rule id, e.g. "zhian_case_2025"
//   case_type        administrative | criminal
//   law              "" (any), 2012 or 2025: the 治安管理处罚法 text the rule belongs to
//   scope            case (one clock per case) | subject (one clock per person or item, ClockEvent::clock_key)
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

namespace jw::cases::deadlines {

enum class PeriodUnit { kDays, kMonths };
enum class ExtensionMode { kAdd, kTo };
enum class RuleScope { kCase, kSubject };

// One allowed "to" total: [min_total, max_total], with the reasons that justify it (empty = no reason needed).
struct AllowedTotal {
    int min_total = 0;
    int max_total = 0;
    std::vector<std::string> reasons;
};

struct Rule {
    std::string id;
    std::string case_type;
    std::string law;
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
    // Parses rules.csv. Errors: kInvalidArgument naming "line N" and the column (unknown unit/mode/scope,
    // bad number, missing column, duplicate id).
    static Result<RuleSet> FromCsv(std::string_view csv);
    // The rules shipped in data/rules.csv (embedded). Aborts at start-up if the shipped file is broken
    // (a bug, caught by the tests).
    static const RuleSet& Default();

    const std::vector<Rule>& rules() const { return rules_; }
    const Rule* Find(std::string_view id) const;  // nullptr if unknown
    // Rules that apply to a case type and law ("2012" / "2025" for administrative cases, "" for criminal).
    std::vector<const Rule*> For(std::string_view case_type, std::string_view law) const;
    // True when some rule of the case type knows the event kind.
    bool KnowsEvent(std::string_view case_type, std::string_view kind) const;

  private:
    std::vector<Rule> rules_;
};

}  // namespace jw::cases::deadlines

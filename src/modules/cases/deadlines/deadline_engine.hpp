#pragma once
// The statutory deadlines of cases: from the facts of one case (its dated events) the shared time-limit engine
// (timelimits/engine.hpp, ADR 0049) computes every clock that runs on the case — the 治安 case limit, the criminal
// filing review, the arrest request after criminal detention, the procuratorate's review, custody after arrest,
// bail, residential surveillance, seizures — with its legal basis, start, deadline, stopped intervals, extensions
// and state on a given day. What is about cases lives here: the rules (data/rules.csv), the words of the events,
// the choice of the 治安管理处罚法 text. Pure logic: no I/O, no clock reading; the caller passes `today`.
// Thread-safe (pure functions over const inputs).
//
// Counting (rules as data in data/rules.csv, counting in timelimits/period.hpp):
//  - the day of the starting event is not counted (程序规定第三十五条; 刑事诉讼法第一百零五条): a 30-day
//    period starting 2026-01-05 ends 2026-02-04; months run to the corresponding day of the later month (or
//    its last day when that day does not exist): 2 months from 2025-12-31 end 2026-02-28;
//  - stopped time (appraisal, hearing) is added day for day: stopped from 01-10 to 01-20 adds 10 days;
//    overlapping stops count once;
//  - extensions count only once approved (the extension event), within the rule's maximum; an approval dated
//    after the period expired is not counted (Clock::warnings says so); a month extension is counted from the
//    start (2 + 1 months = 3 months from the arrest);
//  - a period whose last day is a rest day (weekend or public holiday of the HolidayCalendar) runs to the
//    first working day after it — except a period restricting personal liberty, which ends on its last day.
//
// Event kinds (ClockEvent::kind). clock_key names the person (coercive measures) or item (seizure) a
// subject-scope clock belongs to; "" is allowed when the case has one suspect / one item.
//  administrative:
//   accepted                 受案. Starts the 2012 case limit; selects the law when CaseFacts::law is "auto".
//   filed                    立案 (2025 text, art. 118 counts from filing). Without it a 2025 case limit counts
//                            from acceptance (art. 90: 应当立即立案) and the trace says so.
//   appraisal_started/_ended 鉴定. Stops the case limit (whatever clock_key) and, with clock_key = item, that
//                            item's seizure clock.
//   hearing_started/_ended   听证. Stops the 2025 case limit (ignored under the 2012 text, art. 99).
//   extension_approved       延长办案期限 approved (+30 days; one under 2012, two under 2025).
//   decided, closed          处理决定作出 / 结案: end the case limit.
//   mediation_failed         调解未达成协议或者达成协议后不履行: the case limit counts afresh from this date
//                            (程序规定第一百八十五条第二款).
//   seized                   扣押/扣留/查封 of item clock_key: starts its 30-day clock.
//   seizure_extension_approved  +30 days for item clock_key (once).
//   seizure_released         解除扣押 of item clock_key.
//  criminal:
//   accepted                 受案: starts the filing review (3 days).
//   filing_review_extended   days = the new total (7, or 30 for a complex case), with approval.
//   filed, not_filed, closed end the filing review.
//   criminal_detention       刑事拘留 of clock_key: starts the 3-day arrest request clock.
//   detention_extended       days = the new total: 4..7, or up to 30 with reason flight | serial | gang
//                            (流窜、多次、结伙作案). Alias: arrest_request_extended.
//   arrest_requested         提请批准逮捕: ends the request clock, starts the procuratorate's 7 days.
//   arrest_approved, arrest_rejected   the procuratorate's decision: ends its clock.
//   arrested                 执行逮捕: starts custody (2 months); also ends an open procuratorate clock.
//   custody_extension_approved  +1, then +2, then +2 months (刑事诉讼法第一百五十六、一百五十八、一百五十九条);
//                            months, when given, must match the step.
//   new_major_crime          另有重要罪行: custody restarts from this date, extensions dropped (第一百六十条).
//   psychiatric_appraisal_started/_ended  精神病鉴定 of clock_key: stops custody (第一百四十九条). Criminal cases
//                            have no other appraisal stop and no 30-day seizure clock (those are administrative).
//   transferred_for_prosecution, released   end the person's detention / custody clocks (bail_started and
//                            surveillance_started end them too: the measure was changed).
//   bail_started/_ended      取保候审 (12 months). Alias: bail. Ended also by criminal_detention / arrested.
//   surveillance_started/_ended  监视居住 (6 months). Alias: residential_surveillance. Idem.
//  A start event on a clock that already ended opens a new clock with key suffix "#2", "#3"...
//  Dates: "YYYY-MM-DD" (China civil date) or an ISO 8601 timestamp (see ParseCaseDate).
//
// Clock states: running (open, today <= due), stopped (open, inside a stop; due is projected as if the stop
// ended today), met (ended on or before due), overdue (open past due, or ended after due).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/holiday_calendar.hpp"
#include "common/status.hpp"
#include "timelimits/calendar.hpp"
#include "timelimits/engine.hpp"
#include "timelimits/rule_set.hpp"

namespace jw::cases::deadlines {

// The shared engine's types, under the names the cases module has always used.
using timelimits::Clock;
using timelimits::ClockEvent;
using timelimits::DefaultHolidayCalendar;
using timelimits::ExtensionMode;
using timelimits::ExtensionUsed;
using timelimits::NextExtension;
using timelimits::PeriodUnit;
using timelimits::Rule;
using timelimits::RuleScope;
using timelimits::RuleSet;
using timelimits::StopInterval;

struct CaseFacts {
    std::string case_type;           // administrative | criminal
    std::string law;                 // "2012" | "2025" | "auto" / "" (by acceptance date: before 2026-01-01 → 2012)
    std::vector<ClockEvent> events;  // any order; sorted by date (stable) before use
};

// The cases' rules file: family column case_type (administrative | criminal), variant column law (2012 | 2025).
const timelimits::RuleSchema& CaseRuleSchema();
// The rules shipped in data/rules.csv (embedded). Aborts at start-up if the shipped file is broken (a bug, caught
// by the tests).
const RuleSet& CaseRules();
// Parses a rules file in the cases' schema (errors as timelimits::RuleSet::FromCsv).
Result<RuleSet> ParseCaseRules(std::string_view csv);
// The words of case events and stops ("accepted" → 受案, "appraisal" → 鉴定) and the aliases above.
const timelimits::Vocabulary& CaseVocabulary();
// The Chinese name of an event kind for the trace ("accepted" → "受案"); the kind itself if unknown.
std::string EventNameZh(const std::string& kind);

// Computes every clock of the case as of `today` (YYYY-MM-DD), sorted by start date then key.
// Errors (kInvalidArgument, the field named "events[i].<field>" or "case_type" / "law" / "today"):
//  unknown case type or law; a bad date; an event kind no rule of the case type knows; an event that needs a
//  running clock that is not there (e.g. an extension before the start, a stop end without a stop start); an
//  extension beyond the rule's maximum or outside its allowed lengths; a reason missing or unknown.
Result<std::vector<Clock>> ComputeClocks(const RuleSet& rules, const HolidayCalendar& calendar, const CaseFacts& facts,
                                         const std::string& today);

// Reads an event date (timelimits::ParseDayOrInstant): "YYYY-MM-DD" or an ISO 8601 timestamp in China time or UTC.
inline std::optional<CivilDate> ParseCaseDate(const std::string& text) { return timelimits::ParseDayOrInstant(text); }

// Which 治安管理处罚法 text governs an administrative case: facts.law when it is "2012" or "2025", else by the
// date of the first `accepted` (or `filed`) event: before 2026-01-01 → "2012", otherwise "2025". "" for
// criminal cases. Errors: kInvalidArgument when law is not 2012 / 2025 / auto / "".
Result<std::string> ChooseLaw(const CaseFacts& facts);

}  // namespace jw::cases::deadlines

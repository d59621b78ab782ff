#pragma once
// The statutory deadline engine: from the facts of one case (its dated events) it computes every clock that
// runs on the case — the 治安 case limit, the criminal filing review, the arrest request after criminal
// detention, the procuratorate's review, custody after arrest, bail, residential surveillance, seizures — with
// its legal basis, start, deadline, stopped intervals, extensions and state on a given day. Pure logic: no
// I/O, no clock reading; the caller passes `today`. Thread-safe (pure functions over const inputs).
//
// Counting (rules as data in data/rules.csv, counting in period.hpp):
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
#include <vector>

#include "cases/deadlines/rule_set.hpp"
#include "common/holiday_calendar.hpp"
#include "common/status.hpp"

namespace jw::cases::deadlines {

struct ClockEvent {
    std::string kind;       // one of the kinds above (aliases accepted)
    std::string date;       // YYYY-MM-DD, China civil date (or an ISO 8601 timestamp with +08:00; date part used)
    std::string clock_key;  // person or item; "" = the only one
    int days = 0;           // filing_review_extended / detention_extended: the new total length in days
    int months = 0;         // custody_extension_approved: optional check of the extension length
    std::string reason;     // detention_extended beyond 7 days: flight | serial | gang
    std::string note;       // free text, copied into the trace
};

struct CaseFacts {
    std::string case_type;           // administrative | criminal
    std::string law;                 // "2012" | "2025" | "auto" / "" (by acceptance date: before 2026-01-01 → 2012)
    std::vector<ClockEvent> events;  // any order; sorted by date (stable) before use
};

struct StopInterval {
    std::string from, to;  // to == "" while still stopped
    std::string kind;      // appraisal | hearing | psychiatric_appraisal
    int days = 0;          // days added to the period (to - from, or today - from while open)
};

struct ExtensionUsed {
    std::string approved_on;  // date of the approval event
    int length = 0;           // added length (add mode) or new total (to mode), in the rule's unit
    std::string approver;     // who approved it (from the rule)
    std::string basis;        // the article allowing it, e.g. 《刑事诉讼法》第一百五十八条
};

// The next extension the rule still allows, if any.
struct NextExtension {
    bool available = false;
    int length = 0;          // add: the length it would add; to: the largest total allowed
    std::string unit;        // days | months
    std::string approver;    // who approves
    std::string basis;       // the article allowing it
    std::string request_by;  // date by which the request must be made (due - request_lead)
};

struct Clock {
    std::string key;  // rule id, plus ":" + clock_key for subject clocks: "custody:suspect1"
    std::string rule_id;
    std::string subject;  // clock_key ("" for case clocks)
    std::string name_zh, name_en;
    std::string basis;  // legal basis of the period
    std::string counting_basis;
    std::string start;  // date of the (last) starting or restarting event
    std::string due;    // the deadline (last day), after extensions, stops and the holiday rule
    std::string end;    // date of the ending event; "" while open
    std::string state;  // running | stopped | met | overdue
    int days_left = 0;  // due - today while open (negative when overdue); due - end once ended
    int length = 0;     // total length in `unit`, extensions included
    std::string unit;   // days | months
    int paused_days = 0;
    std::vector<StopInterval> stops;
    std::vector<ExtensionUsed> extensions;
    int extensions_max = 0;
    NextExtension next_extension;
    bool liberty_restricting = false;
    bool holiday_extended = false;      // the last day fell on a rest day and was moved
    std::vector<std::string> trace;     // one plain Chinese sentence per step, citing its article
    std::vector<std::string> warnings;  // facts recorded but not counted (an extension approved after expiry), and a
                                        // deadline in a year the holiday calendar does not know yet
};

// The calendar shipped in data/holidays.csv (State Council arrangements 2024–2026). Aborts at start-up if the
// shipped file is broken (a bug, caught by the tests).
const HolidayCalendar& DefaultHolidayCalendar();

// Computes every clock of the case as of `today` (YYYY-MM-DD), sorted by start date then key.
// Errors (kInvalidArgument, the field named "events[i].<field>" or "case_type" / "law" / "today"):
//  unknown case type or law; a bad date; an event kind no rule of the case type knows; an event that needs a
//  running clock that is not there (e.g. an extension before the start, a stop end without a stop start); an
//  extension beyond the rule's maximum or outside its allowed lengths; a reason missing or unknown.
Result<std::vector<Clock>> ComputeClocks(const RuleSet& rules, const HolidayCalendar& calendar, const CaseFacts& facts,
                                         const std::string& today);

// Reads an event date: "YYYY-MM-DD" (a China civil date), or an ISO 8601 timestamp in China time
// ("2026-01-05T09:30:00+08:00", fraction and offset optional) or in UTC ("…Z", converted to the China date).
// nullopt for anything else (another offset, a bad date).
std::optional<CivilDate> ParseCaseDate(const std::string& text);

// Which 治安管理处罚法 text governs an administrative case: facts.law when it is "2012" or "2025", else by the
// date of the first `accepted` (or `filed`) event: before 2026-01-01 → "2012", otherwise "2025". "" for
// criminal cases. Errors: kInvalidArgument when law is not 2012 / 2025 / auto / "".
Result<std::string> ChooseLaw(const CaseFacts& facts);

}  // namespace jw::cases::deadlines

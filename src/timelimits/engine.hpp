#pragma once
// The time-limit engine: from the dated events of one subject (a case, a petition, a 110 call...) and a module's
// rules (rule_set.hpp) it computes every clock that runs on it — its legal basis, start, deadline, stopped
// intervals, extensions and state on a given day. The module says what its words mean in a Vocabulary (the
// Chinese names of its events and stops, aliases, the noun in error messages). Pure logic: no I/O, no clock
// reading; the caller passes `today`. Thread-safe (pure functions over const inputs).
//
// Counting (period.hpp; calendar.hpp):
//  - the day of the starting event is not counted: a 30-day period starting 2026-01-05 ends 2026-02-04; months run
//    to the corresponding day of the later month (or its last day when that day does not exist): 2 months from
//    2025-12-31 end 2026-02-28;
//  - stopped time (a rule's pause ... resume events) is added day for day: stopped from 01-10 to 01-20 adds 10
//    days; overlapping stops count once; a stop that begins after the period ran out is not counted;
//  - extensions count only once approved (the rule's ext_event), within the rule's maximum; an approval dated
//    after the period expired is not counted (Clock::warnings says so); a month extension is counted from the
//    start (2 + 1 months = 3 months from the arrest);
//  - a restart event starts the period afresh from its date, dropping extensions;
//  - a period whose last day is a rest day (weekend or public holiday of the HolidayCalendar) runs to the
//    first working day after it — except a period restricting personal liberty, which ends on its last day.
//  - a rule's start list is in priority order: the clock starts at the first listed kind that occurs; starting
//    from a later one adds a trace sentence citing Vocabulary::later_start_basis.
//  - a start event on a clock that already ended opens a new clock with key suffix "#2", "#3"...
//
// Clock states: running (open, today <= due), stopped (open, inside a stop; due is projected as if the stop
// ended today), met (ended on or before due), overdue (open past due, or ended after due).

#include <map>
#include <string>
#include <vector>

#include "common/holiday_calendar.hpp"
#include "common/status.hpp"
#include "timelimits/rule_set.hpp"

namespace jw::timelimits {

struct ClockEvent {
    std::string kind;       // an event kind some rule of the family uses (or an alias of the Vocabulary)
    std::string date;       // YYYY-MM-DD, China civil date (or an ISO 8601 timestamp, see ParseDayOrInstant)
    std::string clock_key;  // person or item of a subject-scope rule; "" = the only one
    int days = 0;           // extension of a "to" rule: the new total length in days
    int months = 0;         // extension of an "add" rule in months: optional check of the step
    std::string reason;     // extension to a total that requires a reason (the rule's "@reason/reason")
    std::string note;       // free text, copied into the trace
};

struct StopInterval {
    std::string from, to;  // to == "" while still stopped
    std::string kind;      // the pause event without "_started": appraisal | hearing | psychiatric_appraisal...
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
    std::string subject;  // clock_key ("" for case-scope clocks)
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

// What a module's words mean, for the trace and the errors.
struct Vocabulary {
    std::string subject_noun = "subject";  // errors: "unknown event kind for a <family> <noun>: <kind>"
    std::map<std::string, std::string, std::less<>> event_names_zh;  // kind -> "受案"; unknown kinds show as is
    std::map<std::string, std::string, std::less<>> stop_names_zh;   // stop kind -> "鉴定"
    std::map<std::string, std::string, std::less<>> aliases;         // spelled kind -> rule kind
    std::string later_start_basis;  // why a clock may count from a later-listed start event ("" = no article)

    std::string EventNameZh(const std::string& kind) const;
    std::string StopNameZh(const std::string& stop_kind) const;
};

// The stop kind of a pause event: the kind without a trailing "_started" ("appraisal_started" -> "appraisal").
std::string StopKindOf(const std::string& pause_kind);

// The dated events of one subject.
struct Facts {
    std::string family;              // selects the rules (RuleSet::For)
    std::string variant;             // idem; "" = only the family's rules without a variant
    std::string variant_note;        // a trace sentence put first on each clock of a rule with a variant ("" = none)
    std::vector<ClockEvent> events;  // any order; sorted by date (stable) before use
};

// Computes every clock of the facts as of `today`, sorted by start date then key.
// Errors (kInvalidArgument, the field named "events[i].<field>"): a bad date or one after today; an event kind no
// rule of the family knows; an event that needs a running clock that is not there (an extension or restart
// before the start, a stop end without a stop start); a second start of a clock still running; an extension
// beyond the rule's maximum or outside its allowed lengths; a reason missing or unknown; a negative days/months.
Result<std::vector<Clock>> ComputeClocks(const RuleSet& rules, const HolidayCalendar& calendar, const Vocabulary& words,
                                         const Facts& facts, CivilDate today);

}  // namespace jw::timelimits

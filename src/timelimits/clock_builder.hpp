#pragma once
// Internal to the engine: builds one Clock from the events that concern it. engine.cpp routes each
// event to the builders of the clocks it may affect; the builder applies the rule's semantics (start, stop,
// resume, end, restart, extension) and finally renders the Clock as of a day.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/civil_time.hpp"
#include "timelimits/engine.hpp"

namespace jw::timelimits::internal {

// An event after normalisation: its index in Facts::events (for error fields), kind after aliases, date.
struct DatedEvent {
    size_t index = 0;
    std::string kind;
    CivilDate date;
    const ClockEvent* source = nullptr;
};

// What an event did to a clock.
enum class Effect { kNone, kApplied };

class ClockBuilder {
  public:
    ClockBuilder(const Rule& rule, const HolidayCalendar& calendar, const Vocabulary& words, std::string subject,
                 std::string key);

    bool started() const { return started_; }
    bool ended() const { return ended_; }
    const std::string& key() const { return clock_.key; }

    // Applies one event (already known to concern this clock's rule and subject). Errors name
    // "events[i].<field>". kNone when the event did not touch the clock (e.g. an end before the start).
    Result<Effect> Apply(const DatedEvent& e, bool is_start_kind);
    // Adds a trace sentence (used by the engine for notes such as the law chosen).
    void Note(std::string sentence) { clock_.trace.push_back(std::move(sentence)); }

    // The clock as of `today`.
    Clock Render(CivilDate today) const;

  private:
    int PausedDaysAsOf(CivilDate day) const;
    std::string Approver(int extension_index) const;  // who approves the (index+1)-th extension
    std::string StopZh(const std::string& pause_kind) const { return words_.StopNameZh(StopKindOf(pause_kind)); }
    void CloseStop(const std::string& pause_kind, CivilDate on);
    CivilDate RawLastDay(CivilDate as_of) const;
    CivilDate DueAsOf(CivilDate as_of) const;
    Result<Effect> Start(const DatedEvent& e);
    Result<Effect> Extend(const DatedEvent& e);
    // Checks an extension against the rule; sets the length added (add) or the new total (to) and the index
    // of its ext_basis entry.
    Status CheckExtensionLength(const DatedEvent& e, int& added_or_total, size_t& basis_index) const;
    std::string ExtensionBasis(size_t index) const;

    const Rule& rule_;
    const HolidayCalendar& calendar_;
    const Vocabulary& words_;
    Clock clock_;
    bool started_ = false;
    bool ended_ = false;
    CivilDate start_, end_;
    int length_ = 0;
    int paused_closed_ = 0;
    std::map<std::string, CivilDate> open_stops_;  // pause kind -> from
    CivilDate stopped_since_;                      // start of the current stop (any kind); valid while open_stops_
                                                   // is not empty, so overlapping stops are counted once
    int ext_count_ = 0;
    std::set<std::string> late_stops_;  // stops that began after expiry: not counted, their end is ignored
};

}  // namespace jw::timelimits::internal

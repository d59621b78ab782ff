#include "timelimits/engine.hpp"

#include <algorithm>
#include <memory>

#include "timelimits/calendar.hpp"
#include "timelimits/clock_builder.hpp"

namespace jw::timelimits {
namespace {

using internal::ClockBuilder;
using internal::DatedEvent;
using internal::Effect;

std::string Field(size_t i, const char* name) { return "events[" + std::to_string(i) + "]." + name; }

bool Contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Lookup(const std::map<std::string, std::string, std::less<>>& names, const std::string& key) {
    auto it = names.find(key);
    return it == names.end() ? key : it->second;
}

// The start kind a rule uses for these facts: the first listed kind that occurs (see rule_set.hpp).
std::string ChosenStartKind(const Rule& rule, const std::vector<DatedEvent>& events) {
    for (const auto& kind : rule.start_events) {
        for (const auto& e : events) {
            if (e.kind == kind) return kind;
        }
    }
    return rule.start_events.front();
}

// Whether an event reaches a clock: case-scope clocks see every event; subject clocks only their person or item.
bool Reaches(const Rule& rule, const DatedEvent& e, const std::string& subject) {
    return rule.scope == RuleScope::kCase || e.source->clock_key == subject;
}

// Builds the clocks of one rule. A start event after the clock ended opens a new clock ("key#2").
Status RunRule(const Rule& rule, const HolidayCalendar& calendar, const Vocabulary& words,
               const std::vector<DatedEvent>& events, const std::string& variant_note, CivilDate today,
               std::vector<bool>& consumed, std::vector<Clock>& out) {
    const std::string start_kind = ChosenStartKind(rule, events);
    std::vector<std::string> subjects;
    if (rule.scope == RuleScope::kCase) {
        subjects.push_back("");
    } else {
        for (const auto& e : events) {
            if (e.kind == start_kind && !Contains(subjects, e.source->clock_key))
                subjects.push_back(e.source->clock_key);
        }
    }
    for (const auto& subject : subjects) {
        const std::string base_key = rule.id + (subject.empty() ? "" : ":" + subject);
        int instance = 1;
        auto builder = std::make_unique<ClockBuilder>(rule, calendar, words, subject, base_key);
        for (const auto& e : events) {
            if (!Reaches(rule, e, subject) || !rule.Uses(e.kind)) continue;
            const bool is_start = e.kind == start_kind;
            if (is_start && builder->ended()) {
                out.push_back(builder->Render(today));
                builder = std::make_unique<ClockBuilder>(rule, calendar, words, subject,
                                                         base_key + "#" + std::to_string(++instance));
            }
            if (is_start && !builder->started()) {
                if (!variant_note.empty()) builder->Note(variant_note);
                if (e.kind != rule.start_events.front()) {
                    const std::string basis =
                        words.later_start_basis.empty() ? "" : "（" + words.later_start_basis + "）";
                    builder->Note("未记录" + words.EventNameZh(rule.start_events.front()) + "，期限自" +
                                  words.EventNameZh(e.kind) + "之日起计算" + basis + "。");
                }
            }
            JW_ASSIGN_OR_RETURN(Effect effect, builder->Apply(e, is_start));
            if (effect == Effect::kApplied) {
                consumed[e.index] = true;
                if (!e.source->note.empty()) builder->Note(FormatDate(e.date) + " 备注：" + e.source->note);
            }
        }
        if (builder->started()) out.push_back(builder->Render(today));
    }
    return Status::Ok();
}

Result<std::vector<DatedEvent>> Normalise(const RuleSet& rules, const Vocabulary& words, const Facts& facts,
                                          CivilDate today) {
    std::vector<DatedEvent> events;
    for (size_t i = 0; i < facts.events.size(); ++i) {
        const ClockEvent& src = facts.events[i];
        DatedEvent e;
        e.index = i;
        e.source = &src;
        e.kind = Lookup(words.aliases, src.kind);
        if (!rules.KnowsEvent(facts.family, e.kind)) {
            return Status::Invalid(Field(i, "kind"), "unknown event kind for a " + facts.family + " " +
                                                         words.subject_noun + ": " + src.kind);
        }
        auto date = ParseDayOrInstant(src.date);
        if (!date) return Status::Invalid(Field(i, "date"), "not a date (YYYY-MM-DD, or ISO 8601 in China time)");
        if (*date > today) return Status::Invalid(Field(i, "date"), "after today (" + FormatDate(today) + ")");
        e.date = *date;
        if (src.days < 0) return Status::Invalid(Field(i, "days"), "negative");
        if (src.months < 0) return Status::Invalid(Field(i, "months"), "negative");
        events.push_back(std::move(e));
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const DatedEvent& a, const DatedEvent& b) { return a.date < b.date; });
    return events;
}

}  // namespace

std::string Vocabulary::EventNameZh(const std::string& kind) const { return Lookup(event_names_zh, kind); }

std::string Vocabulary::StopNameZh(const std::string& stop_kind) const { return Lookup(stop_names_zh, stop_kind); }

std::string StopKindOf(const std::string& pause_kind) {
    static const std::string kSuffix = "_started";
    if (pause_kind.size() > kSuffix.size() &&
        pause_kind.compare(pause_kind.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0) {
        return pause_kind.substr(0, pause_kind.size() - kSuffix.size());
    }
    return pause_kind;
}

Result<std::vector<Clock>> ComputeClocks(const RuleSet& rules, const HolidayCalendar& calendar, const Vocabulary& words,
                                         const Facts& facts, CivilDate today) {
    JW_ASSIGN_OR_RETURN(std::vector<DatedEvent> events, Normalise(rules, words, facts, today));
    std::vector<bool> consumed(facts.events.size(), false);
    std::vector<Clock> clocks;
    const auto applicable = rules.For(facts.family, facts.variant);
    for (const Rule* rule : applicable) {
        JW_RETURN_IF_ERROR(RunRule(*rule, calendar, words, events, rule->variant.empty() ? "" : facts.variant_note,
                                   today, consumed, clocks));
    }
    // An extension or restart that reached no running clock is a recording error, not a fact to ignore.
    for (const auto& e : events) {
        if (consumed[e.index]) continue;
        for (const Rule* rule : applicable) {
            if (e.kind == rule->ext_event || Contains(rule->restart_events, e.kind)) {
                return Status::Invalid(Field(e.index, "kind"), "no running " + rule->name_zh + " to apply " + e.kind +
                                                                   " to (clock_key \"" + e.source->clock_key + "\")");
            }
        }
    }
    std::stable_sort(clocks.begin(), clocks.end(), [](const Clock& a, const Clock& b) {
        return a.start != b.start ? a.start < b.start : a.key < b.key;
    });
    return clocks;
}

}  // namespace jw::timelimits

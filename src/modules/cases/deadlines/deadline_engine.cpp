#include "cases/deadlines/deadline_engine.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "cases/deadlines/clock_builder.hpp"
#include "common/china_day.hpp"

namespace jw::cases::deadlines {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

using internal::ClockBuilder;
using internal::DatedEvent;
using internal::Effect;

// Names used by the `jingwu deadlines compute` request of issue 4, mapped to the engine's kinds.
const std::map<std::string, std::string, std::less<>> kAliases = {
    {"bail", "bail_started"},
    {"residential_surveillance", "surveillance_started"},
    {"arrest_request_extended", "detention_extended"},
};

constexpr CivilDate k2025LawInForce{2026, 1, 1};  // 治安管理处罚法（2025年修订）第一百四十四条

std::string Field(size_t i, const char* name) { return "events[" + std::to_string(i) + "]." + name; }

bool Contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The start kind a rule uses in this case: the first listed kind that occurs (see rules.csv).
std::string ChosenStartKind(const Rule& rule, const std::vector<DatedEvent>& events) {
    for (const auto& kind : rule.start_events) {
        for (const auto& e : events) {
            if (e.kind == kind) return kind;
        }
    }
    return rule.start_events.front();
}

// Whether an event reaches a clock: case clocks see every event; subject clocks only their person or item.
bool Reaches(const Rule& rule, const DatedEvent& e, const std::string& subject) {
    return rule.scope == RuleScope::kCase || e.source->clock_key == subject;
}

// Builds the clocks of one rule. A start event after the clock ended opens a new clock ("key#2").
Status RunRule(const Rule& rule, const HolidayCalendar& calendar, const std::vector<DatedEvent>& events,
               const std::string& law_note, CivilDate today, std::vector<bool>& consumed, std::vector<Clock>& out) {
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
        auto builder = std::make_unique<ClockBuilder>(rule, calendar, subject, base_key);
        for (const auto& e : events) {
            if (!Reaches(rule, e, subject) || !rule.Uses(e.kind)) continue;
            const bool is_start = e.kind == start_kind;
            if (is_start && builder->ended()) {
                out.push_back(builder->Render(today));
                builder = std::make_unique<ClockBuilder>(rule, calendar, subject,
                                                         base_key + "#" + std::to_string(++instance));
            }
            if (is_start && !builder->started()) {
                if (!law_note.empty()) builder->Note(law_note);
                if (e.kind != rule.start_events.front()) {
                    builder->Note("未记录" + internal::EventNameZh(rule.start_events.front()) + "，期限自" +
                                  internal::EventNameZh(e.kind) +
                                  "之日起计算（《治安管理处罚法》（2025年修订）第九十条：应当立即立案）。");
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

Result<std::vector<DatedEvent>> Normalise(const RuleSet& rules, const CaseFacts& facts, CivilDate today) {
    std::vector<DatedEvent> events;
    for (size_t i = 0; i < facts.events.size(); ++i) {
        const ClockEvent& src = facts.events[i];
        DatedEvent e;
        e.index = i;
        e.source = &src;
        auto alias = kAliases.find(src.kind);
        e.kind = alias == kAliases.end() ? src.kind : alias->second;
        if (!rules.KnowsEvent(facts.case_type, e.kind)) {
            return Status::Invalid(Field(i, "kind"),
                                   "unknown event kind for a " + facts.case_type + " case: " + src.kind);
        }
        auto date = ParseCaseDate(src.date);
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

std::optional<CivilDate> ParseCaseDate(const std::string& text) {
    if (text.size() == 10) return ParseDate(text);
    if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
    if (text.back() == 'Z') {
        auto unix = ParseUtcIso(text.substr(0, 19) + "Z");
        if (!unix) return std::nullopt;
        return ChinaDateOf(*unix);
    }
    std::string tail = text.substr(19);
    size_t frac = 0;
    if (!tail.empty() && tail[0] == '.') {
        frac = 1;
        while (frac < tail.size() && std::isdigit(static_cast<unsigned char>(tail[frac]))) ++frac;
    }
    tail = tail.substr(frac);
    if (!tail.empty() && tail != "+08:00" && tail != "+0800") return std::nullopt;
    if (!ParseChinaTime(text.substr(0, 10) + " " + text.substr(11, 8))) return std::nullopt;
    return ParseDate(text.substr(0, 10));
}

const HolidayCalendar& DefaultHolidayCalendar() {
    static const HolidayCalendar calendar = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name != "holidays.csv") continue;
            auto parsed = HolidayCalendar::FromCsv(content);
            if (!parsed.ok()) {
                std::fprintf(stderr, "deadlines: shipped holidays.csv is broken: %s\n",
                             parsed.status().message().c_str());
                std::abort();
            }
            return std::move(parsed).value();
        }
        std::fprintf(stderr, "deadlines: holidays.csv is not embedded\n");
        std::abort();
    }();
    return calendar;
}

Result<std::string> ChooseLaw(const CaseFacts& facts) {
    if (facts.case_type == "criminal") return std::string();
    if (facts.law == "2012" || facts.law == "2025") return facts.law;
    if (!facts.law.empty() && facts.law != "auto") return Status::Invalid("law", "must be 2012, 2025 or auto");
    std::optional<CivilDate> first;
    for (const char* kind : {"accepted", "filed"}) {
        for (const auto& e : facts.events) {
            if (e.kind != kind) continue;
            auto d = ParseCaseDate(e.date);
            if (d && (!first || *d < *first)) first = d;
        }
        if (first) break;
    }
    if (first && *first < k2025LawInForce) return std::string("2012");
    return std::string("2025");
}

Result<std::vector<Clock>> ComputeClocks(const RuleSet& rules, const HolidayCalendar& calendar, const CaseFacts& facts,
                                         const std::string& today_text) {
    if (facts.case_type != "administrative" && facts.case_type != "criminal") {
        return Status::Invalid("case_type", "must be administrative or criminal");
    }
    auto today = ParseDate(today_text);
    if (!today || today_text.size() != 10) return Status::Invalid("today", "not a YYYY-MM-DD date");
    JW_ASSIGN_OR_RETURN(std::string law, ChooseLaw(facts));
    JW_ASSIGN_OR_RETURN(std::vector<DatedEvent> events, Normalise(rules, facts, *today));

    std::string law_note;
    if (!law.empty()) {
        law_note = facts.law == law ? "适用《治安管理处罚法》（" + law + "年文本），依所报法律版本。"
                                    : "适用《治安管理处罚法》（" + law +
                                          "年文本）：2026年1月1日前受理的案件适用2012年文本，"
                                          "此后适用2025年修订文本（第一百四十四条）。";
    }
    std::vector<bool> consumed(facts.events.size(), false);
    std::vector<Clock> clocks;
    for (const Rule* rule : rules.For(facts.case_type, law)) {
        JW_RETURN_IF_ERROR(
            RunRule(*rule, calendar, events, rule->law.empty() ? "" : law_note, *today, consumed, clocks));
    }
    // An extension or restart that reached no running clock is a recording error, not a fact to ignore.
    for (const auto& e : events) {
        if (consumed[e.index]) continue;
        for (const Rule* rule : rules.For(facts.case_type, law)) {
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

}  // namespace jw::cases::deadlines

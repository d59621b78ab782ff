#include "timelimits/clock_builder.hpp"

#include <algorithm>
#include <map>

#include "timelimits/period.hpp"

namespace jw::timelimits::internal {
namespace {

std::string Field(const DatedEvent& e, const char* name) { return "events[" + std::to_string(e.index) + "]." + name; }

int IndexOf(const std::vector<std::string>& v, const std::string& s) {
    auto it = std::find(v.begin(), v.end(), s);
    return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

std::string UnitZh(PeriodUnit u) { return u == PeriodUnit::kDays ? "日" : "个月"; }

}  // namespace

std::string ClockBuilder::ExtensionBasis(size_t index) const {
    if (rule_.ext_basis.empty()) return rule_.basis;
    return rule_.ext_basis[std::min(index, rule_.ext_basis.size() - 1)];
}

std::string ClockBuilder::Approver(int extension_index) const {
    if (rule_.ext_approvers.empty()) return "";
    return rule_.ext_approvers[std::min<size_t>(extension_index, rule_.ext_approvers.size() - 1)];
}

ClockBuilder::ClockBuilder(const Rule& rule, const HolidayCalendar& calendar, const Vocabulary& words,
                           std::string subject, std::string key)
    : rule_(rule), calendar_(calendar), words_(words) {
    clock_.key = std::move(key);
    clock_.rule_id = rule.id;
    clock_.subject = std::move(subject);
    clock_.name_zh = rule.name_zh;
    clock_.name_en = rule.name_en;
    clock_.basis = rule.basis;
    clock_.counting_basis = rule.counting_basis;
    clock_.unit = rule.unit == PeriodUnit::kDays ? "days" : "months";
    clock_.liberty_restricting = rule.liberty_restricting;
    clock_.extensions_max = rule.ext_max;
}

int ClockBuilder::PausedDaysAsOf(CivilDate day) const {
    return paused_closed_ + (open_stops_.empty() ? 0 : std::max(0, DaysBetween(stopped_since_, day)));
}

// Ends one stop. The clock restarts only when no other stop is still open: an appraisal and a hearing that
// overlap stop the clock once, for the union of their days.
void ClockBuilder::CloseStop(const std::string& pause_kind, CivilDate on) {
    CivilDate from = open_stops_.at(pause_kind);
    clock_.stops.push_back(
        {FormatDate(from), FormatDate(on), StopKindOf(pause_kind), std::max(0, DaysBetween(from, on))});
    open_stops_.erase(pause_kind);
    if (open_stops_.empty()) paused_closed_ += std::max(0, DaysBetween(stopped_since_, on));
}

CivilDate ClockBuilder::RawLastDay(CivilDate as_of) const {
    CivilDate last = rule_.unit == PeriodUnit::kDays ? AddDays(start_, length_) : AddMonths(start_, length_);
    return AddDays(last, PausedDaysAsOf(as_of));
}

CivilDate ClockBuilder::DueAsOf(CivilDate as_of) const {
    return ApplyHolidayRule(calendar_, RawLastDay(as_of), rule_.liberty_restricting);
}

Result<Effect> ClockBuilder::Apply(const DatedEvent& e, bool is_start_kind) {
    const std::string date = FormatDate(e.date);
    if (is_start_kind) return Start(e);
    if (!started_ || ended_) return Effect::kNone;
    if (IndexOf(rule_.end_events, e.kind) >= 0) {
        while (!open_stops_.empty()) CloseStop(open_stops_.begin()->first, e.date);
        ended_ = true;
        end_ = e.date;
        clock_.trace.push_back(date + " " + words_.EventNameZh(e.kind) + "：" + rule_.name_zh + "终结。");
        return Effect::kApplied;
    }
    if (IndexOf(rule_.pause_events, e.kind) >= 0) {
        if (open_stops_.count(e.kind) > 0) {
            return Status::Invalid(Field(e, "kind"),
                                   StopZh(e.kind) + "已于" + FormatDate(open_stops_.at(e.kind)) + "开始，尚未结束");
        }
        if (open_stops_.empty() && e.date > DueAsOf(e.date)) {
            // A stop cannot revive a period that has already run out.
            std::string w =
                date + " " + StopZh(e.kind) + "开始，但期限已于" + FormatDate(DueAsOf(e.date)) + "届满：不再中止计算。";
            clock_.trace.push_back(w);
            clock_.warnings.push_back(w);
            late_stops_.insert(e.kind);
            return Effect::kApplied;
        }
        if (open_stops_.empty()) stopped_since_ = e.date;
        open_stops_[e.kind] = e.date;
        clock_.trace.push_back(date + " " + StopZh(e.kind) + "开始：" + StopZh(e.kind) + "期间不计入期限（" +
                               rule_.basis + "）。");
        return Effect::kApplied;
    }
    if (int r = IndexOf(rule_.resume_events, e.kind); r >= 0) {
        const std::string& pause_kind = rule_.pause_events[r];
        if (late_stops_.erase(pause_kind) > 0) return Effect::kApplied;
        auto it = open_stops_.find(pause_kind);
        if (it == open_stops_.end()) {
            return Status::Invalid(Field(e, "kind"), "没有正在进行的" + StopZh(pause_kind) + "可以结束");
        }
        const int before = PausedDaysAsOf(e.date);
        CloseStop(pause_kind, e.date);
        clock_.trace.push_back(date + " " + StopZh(pause_kind) + "结束" +
                               (open_stops_.empty() ? "：累计不计入期限" + std::to_string(before) + "日，期限相应顺延。"
                                                    : "，其他中止事由尚未结束。"));
        return Effect::kApplied;
    }
    if (IndexOf(rule_.restart_events, e.kind) >= 0) {
        start_ = e.date;
        length_ = rule_.length;
        ext_count_ = 0;
        paused_closed_ = 0;
        if (!open_stops_.empty()) stopped_since_ = e.date;  // only stopped time after the restart counts
        clock_.extensions.clear();
        clock_.start = date;
        clock_.trace.push_back(date + " " + words_.EventNameZh(e.kind) + "：自该日起重新计算期限" +
                               std::to_string(length_) + UnitZh(rule_.unit) + "，此前的延长不再适用（" + rule_.basis +
                               "）。");
        return Effect::kApplied;
    }
    if (!rule_.ext_event.empty() && e.kind == rule_.ext_event) return Extend(e);
    return Effect::kNone;
}

Result<Effect> ClockBuilder::Start(const DatedEvent& e) {
    if (started_ && !ended_) {
        return Status::Invalid(Field(e, "kind"), rule_.name_zh + "已于" + clock_.start + "开始，尚未终结");
    }
    started_ = true;
    start_ = e.date;
    length_ = rule_.length;
    clock_.start = FormatDate(e.date);
    clock_.trace.push_back(clock_.start + " " + words_.EventNameZh(e.kind) + "：" + rule_.name_zh + "开始，期限" +
                           std::to_string(length_) + UnitZh(rule_.unit) + "（" + rule_.basis + "），开始之日不计入（" +
                           rule_.counting_basis + "）。");
    return Effect::kApplied;
}

Status ClockBuilder::CheckExtensionLength(const DatedEvent& e, int& value, size_t& basis_index) const {
    const ClockEvent& src = *e.source;
    if (rule_.ext_mode == ExtensionMode::kAdd) {
        basis_index = ext_count_;
        value = rule_.ext_steps[std::min<size_t>(ext_count_, rule_.ext_steps.size() - 1)];
        int given = rule_.unit == PeriodUnit::kMonths ? src.months : src.days;
        if (given != 0 && given != value) {
            return Status::Invalid(Field(e, rule_.unit == PeriodUnit::kMonths ? "months" : "days"),
                                   "第" + std::to_string(ext_count_ + 1) + "次延长为" + std::to_string(value) +
                                       UnitZh(rule_.unit) + "（" + rule_.basis + "）");
        }
        return Status::Ok();
    }
    value = src.days;
    if (value <= length_) {
        return Status::Invalid(Field(e, "days"), "延长后的总期限须大于现期限" + std::to_string(length_) + "日");
    }
    for (size_t i = 0; i < rule_.ext_totals.size(); ++i) {
        const AllowedTotal& allowed = rule_.ext_totals[i];
        if (value < allowed.min_total || value > allowed.max_total) continue;
        basis_index = i;
        if (!allowed.reasons.empty() &&
            std::find(allowed.reasons.begin(), allowed.reasons.end(), src.reason) == allowed.reasons.end()) {
            std::string list;
            for (const auto& r : allowed.reasons) list += (list.empty() ? "" : " | ") + r;
            return Status::Invalid(Field(e, "reason"), "延长至" + std::to_string(value) + "日须说明理由：" + list);
        }
        return Status::Ok();
    }
    std::string list;
    for (const auto& a : rule_.ext_totals) {
        list += (list.empty() ? "" : "、") + std::to_string(a.min_total) +
                (a.max_total != a.min_total ? "至" + std::to_string(a.max_total) : "");
    }
    return Status::Invalid(Field(e, "days"), "延长后的总期限只能为" + list + "日（" + rule_.basis + "）");
}

Result<Effect> ClockBuilder::Extend(const DatedEvent& e) {
    const std::string date = FormatDate(e.date);
    if (ext_count_ >= rule_.ext_max) {
        return Status::Invalid(
            Field(e, "kind"), rule_.name_zh + "最多延长" + std::to_string(rule_.ext_max) + "次（" + rule_.basis + "）");
    }
    int value = 0;
    size_t basis_index = 0;
    JW_RETURN_IF_ERROR(CheckExtensionLength(e, value, basis_index));
    CivilDate due = DueAsOf(e.date);
    if (e.date > due) {
        std::string w = date + " 批准延长，但期限已于" + FormatDate(due) + "届满：延长不予计算。";
        clock_.trace.push_back(w);
        clock_.warnings.push_back(w);
        return Effect::kApplied;
    }
    ++ext_count_;
    if (rule_.ext_mode == ExtensionMode::kAdd) {
        length_ += value;
    } else {
        length_ = value;
    }
    const std::string basis = ExtensionBasis(basis_index);
    clock_.extensions.push_back({date, value, Approver(ext_count_ - 1), basis});
    clock_.trace.push_back(date + " 经" + Approver(ext_count_ - 1) + "批准" +
                           (rule_.ext_mode == ExtensionMode::kAdd ? "延长" : "延长至") + std::to_string(value) +
                           UnitZh(rule_.unit) + "（第" + std::to_string(ext_count_) + "次，" + basis + "）。");
    return Effect::kApplied;
}

Clock ClockBuilder::Render(CivilDate today) const {
    Clock c = clock_;
    const CivilDate as_of = ended_ ? end_ : today;
    c.length = length_;
    c.paused_days = PausedDaysAsOf(as_of);
    for (const auto& [kind, from] : open_stops_) {
        c.stops.push_back({FormatDate(from), "", StopKindOf(kind), std::max(0, DaysBetween(from, as_of))});
    }
    const CivilDate raw = RawLastDay(as_of);
    const CivilDate due = DueAsOf(as_of);
    c.due = FormatDate(due);
    c.holiday_extended = due != raw;
    if (c.holiday_extended) {
        c.trace.push_back("期限最后一日" + FormatDate(raw) + "为节假日，以节假日后的第一个工作日" + c.due +
                          "为期满日（" + rule_.counting_basis + "）。");
    } else if (rule_.liberty_restricting && calendar_.IsRestDay(raw)) {
        c.trace.push_back("期限最后一日" + FormatDate(raw) + "为节假日，但本期限限制人身自由，不因节假日而延长（" +
                          rule_.counting_basis + "）。");
    }
    if (!rule_.liberty_restricting && !calendar_.KnowsYear(raw.year)) {
        std::string w =
            std::to_string(raw.year) + "年的节假日安排尚未录入节假日日历，期满日仅按周末推算，请管理员补录。";
        c.trace.push_back(w);
        c.warnings.push_back(w);
    }
    if (ended_) {
        c.end = FormatDate(end_);
        c.days_left = DaysBetween(end_, due);
        c.state = end_ <= due ? "met" : "overdue";
    } else {
        c.days_left = DaysBetween(today, due);
        c.state = !open_stops_.empty() ? "stopped" : today > due ? "overdue" : "running";
    }
    if (!ended_ && ext_count_ < rule_.ext_max) {
        c.next_extension.available = true;
        c.next_extension.unit = c.unit;
        c.next_extension.approver = Approver(ext_count_);
        // add: the article of the next step; to: of the largest total (the last allowed total).
        c.next_extension.basis = ExtensionBasis(rule_.ext_mode == ExtensionMode::kAdd ? static_cast<size_t>(ext_count_)
                                                                                      : rule_.ext_totals.size() - 1);
        if (rule_.ext_mode == ExtensionMode::kAdd) {
            c.next_extension.length = rule_.ext_steps[std::min<size_t>(ext_count_, rule_.ext_steps.size() - 1)];
        } else {
            for (const auto& a : rule_.ext_totals)
                c.next_extension.length = std::max(c.next_extension.length, a.max_total);
            // A "to" rule already at its largest total has nothing left to grant.
            if (c.next_extension.length <= length_) c.next_extension = NextExtension{};
        }
        if (c.next_extension.available) {
            c.next_extension.request_by = FormatDate(AddDays(due, -rule_.request_lead_days));
        }
    }
    return c;
}

}  // namespace jw::timelimits::internal

#include "cases/supervision/supervision_reminders.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include "cases/case_clocks.hpp"
#include "cases/case_repository.hpp"
#include "cases/supervision/supervision_repository.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"

namespace jw::cases::supervision {

using deadlines::Reminder;

namespace {

// The planner's key names the clock, not the case: prefix the case so keys are unique across cases.
std::string KeyOf(const Case& k, const Reminder& r) { return "case" + std::to_string(k.id) + "|" + r.key; }

std::string Days(int n) { return std::to_string(n) + "天"; }

std::string AddDays(const std::string& date, int days) {
    auto d = ParseDate(date);
    return d ? FormatDate(CivilFromDays(DaysFromCivil(*d) + days)) : date;
}

// The reminder as a catalogue code (one per stage; every lead_N stage is "upcoming") and its parameters.
std::pair<std::string_view, MessageParams> Message(const Case& k, const Reminder& r, const std::string& letter_no,
                                                   const std::string& fix_by) {
    MessageParams params{{"case_no", k.case_no},
                         {"cause", k.cause},
                         {"clock", r.clock_key},
                         {"clock_name", r.name_zh},
                         {"clock_name_en", r.name_en.empty() ? r.name_zh : r.name_en},
                         {"due", r.due},
                         {"days", std::to_string(r.days_left < 0 ? -r.days_left : r.days_left)},
                         {"basis", r.basis},
                         {"unit", k.unit_name},
                         {"officer", k.lead_officer_name},
                         {"letter_no", letter_no},
                         {"fix_by", fix_by},
                         {"stage", r.stage}};
    std::string_view code = MessageCode("cases.reminder.upcoming");
    if (r.stage == "overdue") code = MessageCode("cases.reminder.overdue");
    if (r.stage == "escalate_unit_head") code = MessageCode("cases.reminder.escalate_unit_head");
    if (r.stage == "suggestion_letter") code = MessageCode("cases.reminder.suggestion_letter");
    if (r.stage == "extension_request") code = MessageCode("cases.reminder.extension_request");
    if (r.stage == "due_today") code = MessageCode("cases.reminder.due_today");
    return {code, std::move(params)};
}

std::string RuleText(const deadlines::Clock* clock, const Reminder& r) {
    if (clock == nullptr) return r.name_zh;
    return clock->name_zh + "：" + std::to_string(clock->length) + (clock->unit == "months" ? "个月" : "日") +
           (clock->extensions.empty() ? "" : "（含已批准延长" + std::to_string(clock->extensions.size()) + "次）") +
           "，自" + clock->start + "起算，" + clock->due + "届满";
}

// Sends one reminder inside one audited transaction; counts it in `report` when its key was new.
Status SendOne(const Deps& deps, const Case& k, const Reminder& r, const deadlines::Clock* clock, const Policy& policy,
               int64_t now, RunReport& report) {
    audit::AuditEntry entry;
    entry.username = "system";
    entry.client = "scheduler";
    entry.action = "case.reminder";
    entry.object = "case:" + std::to_string(k.id);
    const std::string key = KeyOf(k, r);
    entry.detail = key;
    int messages = 0, letters = 0;
    bool sent = false;
    Status s = deps.audit.Run(entry, [&](storage::Connection& c, audit::AuditEntry&) -> Status {
        messages = letters = 0;
        sent = false;
        JW_ASSIGN_OR_RETURN(bool already, ReminderSent(c, key));
        if (already) return Status::Ok();
        std::vector<int64_t> users;
        for (const auto& role : r.recipients) {
            JW_ASSIGN_OR_RETURN(auto ids, Recipients(c, k, role));
            for (int64_t id : ids) {
                if (std::find(users.begin(), users.end(), id) == users.end()) users.push_back(id);
            }
        }
        std::string letter_no, fix_by;
        if (r.stage == "suggestion_letter") {
            Letter l;
            l.case_id = k.id;
            l.unit_id = k.unit_id;
            l.officer_id = k.lead_officer_id;
            l.clock = r.clock_key;
            l.problem = "案件" + k.case_no + "（" + k.cause + "）的" + r.name_zh + "已于" + r.due +
                        "届满仍未办结，已超期" + Days(-r.days_left) + "。";
            l.rule = RuleText(clock, r);
            l.basis = r.basis;
            l.due_date = r.due;
            l.issued_at = now;
            fix_by = AddDays(ChinaDate(now), policy.letter_fix_days);
            l.fix_by = fix_by;
            l.reminder_key = key;
            JW_RETURN_IF_ERROR(InsertLetter(c, l).status());
            letter_no = l.letter_no;
            letters = 1;
        }
        auto [code, params] = Message(k, r, letter_no, fix_by);
        notify::Notification n;
        n.kind = "reminder";
        n.code = std::string(code);
        n.params = std::move(params);
        for (int64_t user : users) {
            n.user_id = user;
            for (const char* channel : {"inapp", "sms"}) {
                n.channel = channel;
                JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
                ++messages;
            }
        }
        JW_RETURN_IF_ERROR(InsertReminder(c, key, k.id, r, now, Json(users).dump()));
        sent = true;
        return Status::Ok();
    });
    if (!s.ok()) return s;
    if (sent) {
        ++report.reminders;
        report.messages += messages;
        report.letters += letters;
    }
    return Status::Ok();
}

}  // namespace

Result<RunReport> RunReminders(const Deps& deps, int64_t now) {
    RunReport report;
    const std::string today = ChinaDate(now);
    std::vector<Case> cases;
    Policy policy;
    {
        auto c = deps.db.Acquire();
        if (!c.ok()) return c.status();
        JW_ASSIGN_OR_RETURN(policy, LoadPolicy(**c));
        JW_ASSIGN_OR_RETURN(cases, ListOpenCases(**c));
    }
    for (const auto& k : cases) {
        ++report.cases;
        std::vector<Reminder> due;
        std::vector<deadlines::Clock> clocks;
        {
            auto c = deps.db.Acquire();
            if (!c.ok()) return c.status();
            JW_ASSIGN_OR_RETURN(auto events, repo::ListEvents(**c, k.id));
            auto computed = ComputeCaseClocks(k, events, today);
            if (!computed.ok()) {
                spdlog::warn("reminders: case {} skipped: {}", k.case_no, computed.status().message());
                ++report.skipped_cases;
                continue;
            }
            clocks = std::move(computed).value();
            for (auto& r : deadlines::PlanReminders(clocks, policy.reminders, today)) {
                JW_ASSIGN_OR_RETURN(bool sent, ReminderSent(**c, KeyOf(k, r)));
                if (!sent) due.push_back(std::move(r));
            }
        }
        for (const auto& r : due) {
            auto clock =
                std::find_if(clocks.begin(), clocks.end(), [&](const auto& x) { return x.key == r.clock_key; });
            JW_RETURN_IF_ERROR(SendOne(deps, k, r, clock == clocks.end() ? nullptr : &*clock, policy, now, report));
        }
    }
    if (report.messages > 0) deps.outbox.Wake();
    return report;
}

}  // namespace jw::cases::supervision

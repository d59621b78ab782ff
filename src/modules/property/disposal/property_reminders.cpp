#include "property/disposal/property_reminders.hpp"

#include <algorithm>

#include "alerts/alerts_service.hpp"
#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "common/json_util.hpp"
#include "common/messages.hpp"
#include "notify/outbox.hpp"
#include "property/items/property_repository.hpp"
#include "property/property.hpp"

namespace jw::property {

namespace {

std::string AddDays(const std::string& date, int days) {
    auto d = ParseDate(date);
    return d ? FormatDate(CivilFromDays(DaysFromCivil(*d) + days)) : date;
}

Result<std::vector<int64_t>> Recipients(storage::Connection& c, const Item& item, const std::string& who) {
    if (who == "custodian") {
        int64_t unit = item.unit_id;
        if (item.store_id) {
            JW_ASSIGN_OR_RETURN(Store s, repo::GetStore(c, *item.store_id));
            unit = s.unit_id;
        }
        return repo::UsersWithRole(c, unit, "custodian");
    }
    // unit_head: leaders of the case's unit, else of the nearest parent that has one.
    std::optional<int64_t> unit = item.unit_id;
    while (unit) {
        // The unit's head (所长 / 大队长, role unit_head) or a leader of the unit.
        JW_ASSIGN_OR_RETURN(auto ids, repo::UsersWithRole(c, *unit, "unit_head"));
        JW_ASSIGN_OR_RETURN(auto leaders, repo::UsersWithRole(c, *unit, "leader"));
        ids.insert(ids.end(), leaders.begin(), leaders.end());
        if (!ids.empty()) return ids;
        JW_ASSIGN_OR_RETURN(unit, repo::ParentUnit(c, *unit));
    }
    return std::vector<int64_t>{};
}

std::string_view CodeOf(const std::string& stage) {
    if (stage == "due_soon") return MessageCode("property.reminder.due_soon");
    if (stage == "overdue") return MessageCode("property.reminder.overdue");
    return MessageCode("property.reminder.escalate_unit_head");
}

}  // namespace

Result<int> SendDisposalReminders(storage::Connection& c, int64_t now) {
    const std::string today = FormatChinaDate(now);
    repo::ItemFilter f;
    f.exclude_finished = true;
    f.due_before = AddDays(today, 7);  // no stage starts earlier than 3 days before the review date
    f.page_size = 100000;
    JW_ASSIGN_OR_RETURN(auto items, repo::ListItems(c, f));
    int sent = 0;
    for (const auto& item : items.first) {
        if (item.disposal_state == "approved" || item.disposal_state == "requested") continue;
        for (const auto& stage : ReminderStages()) {
            if (today < AddDays(item.review_due, stage.days_from_due)) continue;
            JW_ASSIGN_OR_RETURN(bool already, repo::ReminderSent(c, item.id, stage.stage, item.review_due));
            if (already) continue;
            std::vector<int64_t> users;
            for (const auto& who : stage.recipients) {
                JW_ASSIGN_OR_RETURN(auto ids, Recipients(c, item, who));
                for (int64_t id : ids)
                    if (std::find(users.begin(), users.end(), id) == users.end()) users.push_back(id);
            }
            notify::Notification n;
            n.kind = "reminder";
            n.code = std::string(CodeOf(stage.stage));
            n.params = {{"code", item.code},
                        {"case_no", item.case_no},
                        {"category", CategoryText(item.category)},
                        {"due", item.review_due},
                        {"basis", stage.basis}};
            for (int64_t user : users) {
                n.user_id = user;
                for (const char* channel : {"inapp", "sms"}) {
                    n.channel = channel;
                    JW_RETURN_IF_ERROR(notify::Outbox::Enqueue(c, n).status());
                }
            }
            JW_RETURN_IF_ERROR(repo::InsertReminder(c, item.id, stage.stage, item.review_due, now, Json(users).dump()));
            ++sent;
        }
    }
    return sent;
}

Result<int> RaiseOverdueReturns(storage::Connection& c, int64_t now) {
    repo::ItemFilter f;
    f.state = "out";
    f.page_size = 100000;
    JW_ASSIGN_OR_RETURN(auto items, repo::ListItems(c, f));
    int raised = 0;
    for (const auto& item : items.first) {
        if (item.expected_return_at == 0 || item.expected_return_at >= now) continue;
        int64_t unit = item.unit_id;
        if (item.store_id) {
            JW_ASSIGN_OR_RETURN(Store s, repo::GetStore(c, *item.store_id));
            unit = s.unit_id;
        }
        alerts::RaiseInput in;
        in.source = "property";
        in.source_ref = "property_item:" + std::to_string(item.id);
        in.dedup_key = "property.return:" + std::to_string(item.id) + ":" + std::to_string(item.expected_return_at);
        in.colour = "orange";
        in.subject = item.code;
        in.title = "涉案财物 " + item.code + " 逾期未归还（" + item.out_holder + "）";
        in.title_code = MessageCode("property.alert.return_overdue");
        in.title_params = {{"code", item.code}, {"holder", item.out_holder}};
        in.case_no = item.case_no;
        in.unit_ids = {unit};
        in.payload = {{"item_id", item.id},
                      {"code", item.code},
                      {"holder", item.out_holder},
                      {"purpose", item.out_purpose},
                      {"expected_return_at", FormatUtcIso(item.expected_return_at)}};
        in.links = Json::array({{{"label", "涉案财物"}, {"href", "/property/items/" + std::to_string(item.id)}}});
        // Once per check-out: remembered with the reminders (stage return_overdue, the expected return as key).
        const std::string key = std::to_string(item.expected_return_at);
        JW_ASSIGN_OR_RETURN(bool already, repo::ReminderSent(c, item.id, "return_overdue", key));
        if (already) continue;
        JW_ASSIGN_OR_RETURN(int64_t alert_id, alerts::Raise(c, alerts::Policy::Default(), in, now));
        JW_RETURN_IF_ERROR(
            repo::InsertReminder(c, item.id, "return_overdue", key, now, Json::array({alert_id}).dump()));
        ++raised;
    }
    return raised;
}

}  // namespace jw::property

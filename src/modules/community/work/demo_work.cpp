#include "community/work/demo_work.hpp"

#include <string>
#include <vector>

#include "common/china_day.hpp"
#include "community/work/work_repository.hpp"
#include "community/work/work_service.hpp"
#include "timelimits/calendar.hpp"

namespace jw::community {
namespace {

using storage::V;

struct DemoAddress {
    std::string code, road, grid;
};

Result<std::optional<std::pair<int64_t, int64_t>>> Account(storage::Connection& c, const char* username) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, unit_id FROM users WHERE username = ?", {V(username)}));
    if (rows.empty()) return std::optional<std::pair<int64_t, int64_t>>();
    return std::optional<std::pair<int64_t, int64_t>>({rows[0].Int(0), rows[0].Int(1)});
}

auth::Principal Actor(int64_t user, int64_t unit, bool all_units) {
    auth::Principal p;
    p.user_id = user;
    p.unit_id = unit;
    p.unit_scope = {unit};
    p.all_units = all_units;
    return p;
}

const char* const kFindings[] = {
    "住户在家，家庭情况稳定，已宣传防范电信网络诈骗知识。",
    "出租屋租客信息与登记一致，已提醒房东及时申报。",
    "独居老人身体状况良好，已留联系电话。",
    "楼道堆放杂物，存在消防隐患，已告知物业清理。",
    "住户反映夜间有噪声扰民，已记录并约谈相关住户。",
    "新搬入住户一户，已登记实有人口信息。",
};

const char* const kPartyNames[][2] = {
    {"李建华", "张秀英"}, {"王德明", "刘桂兰"}, {"陈志刚", "杨丽"}, {"赵国庆", "周敏"}, {"孙海涛", "吴芳"},
};

}  // namespace

Status SeedDemoWork(storage::Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto officer, Account(tx, "officer"));
    JW_ASSIGN_OR_RETURN(auto leader, Account(tx, "leader"));
    if (!officer || !leader) return Status::Ok();
    JW_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT code, road, COALESCE(grid_id, '') FROM community_addresses "
                                            "WHERE township = '城关镇' AND level = 'house' ORDER BY code LIMIT 40"));
    if (rows.empty()) return Status::Ok();
    std::vector<DemoAddress> places;
    for (const auto& r : rows) places.push_back({r.Str(0), r.Str(1), r.Str(2)});
    const auth::Principal me = Actor(officer->first, officer->second, false);
    const auth::Principal boss = Actor(leader->first, leader->second, true);
    const int64_t today = ChinaDayStart(now);

    // Visits: about two a day over three weeks, naming register people at the address when there are any.
    for (int i = 0; i < 40; ++i) {
        const DemoAddress& a = places[(i * 7) % places.size()];
        Visit v;
        v.address_code = a.code;
        v.visited_at = today - (i / 2 + 1) * kDaySeconds + (9 + (i % 2) * 5) * 3600;
        v.kind = i % 3 == 0 ? "rental" : i % 3 == 1 ? "household" : "key_person";
        v.findings = kFindings[i % 6];
        v.follow_up = i % 5 == 0;
        if (v.follow_up) v.follow_up_note = "一周内回访";
        JW_ASSIGN_OR_RETURN(auto people, tx.Query("SELECT id FROM community_people WHERE residence_code LIKE ? "
                                                  "ORDER BY id LIMIT 2",
                                                  {V(a.code + "%")}));
        for (const auto& p : people) v.person_ids.push_back(p.Int(0));
        JW_RETURN_IF_ERROR(CreateVisit(tx, me, v, v.visited_at + 1800).status());
    }
    // Patrols: every other evening, along the roads of the addresses, in their grids.
    for (int i = 0; i < 11; ++i) {
        const DemoAddress& a = places[(i * 5) % places.size()];
        const DemoAddress& b = places[(i * 5 + 3) % places.size()];
        Patrol p;
        p.grid_id = a.grid;
        p.started_at = today - (2 * i + 1) * kDaySeconds + 19 * 3600;
        p.ended_at = p.started_at + (90 + (i % 3) * 30) * 60;
        p.route = a.road + "—" + b.road;
        p.notes = "夜间巡逻，重点检查沿街商铺和背街小巷。";
        p.findings = i % 4 == 0 ? "发现一处路灯损坏，已通知社区。" : "未发现异常。";
        JW_RETURN_IF_ERROR(CreatePatrol(tx, me, p, p.ended_at + 600).status());
    }
    // Mediations: five disputes in every state and outcome, and a repeat at the first one's address.
    const char* const types[] = {"neighbour", "noise", "family", "debt", "property"};
    std::vector<int64_t> ids;
    for (int i = 0; i < 6; ++i) {
        const int k = i % 5;
        Mediation m;
        m.dispute_type = types[k];
        m.address_code = places[(k * 3) % places.size()].code;
        m.parties = {Party{std::nullopt, kPartyNames[k][0]}, Party{std::nullopt, kPartyNames[k][1]}};
        m.summary = "双方因" + std::string(k == 1 ? "夜间噪声" : "生活琐事") + "发生争执，民警到场了解情况。";
        m.occurred_at = today - (20 - i * 3) * kDaySeconds + 15 * 3600;
        JW_ASSIGN_OR_RETURN(auto saved, CreateMediation(tx, me, m, m.occurred_at + 3600));
        ids.push_back(saved.record.id);
    }
    const MediationChange closes[] = {
        {"closed", "success", "双方自愿达成协议：互相谅解，今后和睦相处，不再因此事发生争执。", "", std::nullopt},
        {"closed", "failed", "", "", std::nullopt},
        {"closed", "transferred", "", "城关镇人民调解委员会", std::nullopt},
        {"mediating", "", "", "", std::nullopt},
    };
    for (int i = 0; i < 4; ++i)
        JW_RETURN_IF_ERROR(ChangeMediation(tx, me, ids[i], closes[i], now - (3 - i) * kDaySeconds).status());

    // Tasks from the leader: due today, overdue, a limit in working days, and one done.
    auto task = [&](const char* title, int64_t due_at, std::optional<int> working_days) -> Result<int64_t> {
        Task t;
        t.title = title;
        t.description = "请按要求完成并在系统中提交完成情况。";
        t.assigned_by = boss.user_id;
        t.unit_id = me.unit_id;
        t.assignee_id = me.user_id;
        t.address_code = places[0].code;
        t.due_at = due_at;
        t.limit_working_days = working_days;
        t.status = "open";
        t.created_at = t.updated_at = due_at - 3 * kDaySeconds;
        return InsertTask(tx, t);
    };
    // Due at the end of today (China time), so it still reads "due today" however long after the seed the demo is
    // used that day (the test suites share one demo county made at their start).
    const int64_t due_today = today + kDaySeconds - 1;
    JW_RETURN_IF_ERROR(task("核查辖区出租屋登记情况", due_today, std::nullopt).status());
    JW_RETURN_IF_ERROR(task("走访辖区独居老人", today - kDaySeconds + 18 * 3600, std::nullopt).status());
    TaskInput later;
    later.fields.title = "开展反诈宣传进社区活动";
    later.fields.description = "在辖区内开展一次反诈宣传，提交活动照片和情况说明。";
    later.fields.assignee_id = me.user_id;
    later.limit_working_days = 5;
    JW_RETURN_IF_ERROR(AssignTask(tx, boss, later, timelimits::DefaultHolidayCalendar(), now).status());
    JW_ASSIGN_OR_RETURN(int64_t done_id,
                        task("排查沿街商铺消防隐患", today - 2 * kDaySeconds + 18 * 3600, std::nullopt));
    TaskReport report;
    report.report = "已排查沿街商铺32家，发现隐患3处，均已督促整改。";
    return ReportTask(tx, me, done_id, report, today - 2 * kDaySeconds + 16 * 3600).status();
}

}  // namespace jw::community

// The community officer's work (work_service.hpp) on SQLite and PostgreSQL: idempotency (the same client_key
// twice → one row), the mediation status machine and repeat disputes, working-day limits by the deadline
// engine's calendar, the overdue flag and the reminders from a known clock, a station's scope, reports only by
// the assignee, and the parties sealed at rest.
#include <gtest/gtest.h>

#include "common/china_day.hpp"
#include "common/civil_time.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/work/dispute_types.hpp"
#include "community/work/work_secrets.hpp"
#include "community/work/work_service.hpp"
#include "test_support/database_test.hpp"
#include "timelimits/calendar.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

using test_support::DatabaseTest;

// 2026-03-04 10:00 China time (a Wednesday).
const int64_t kNow = *ParseChinaTime("2026-03-04 10:00:00");

class WorkTest : public DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"community", &data::EmbeddedFiles()});
        if (!OpenDatabase("community_work", schemas)) return;
        InstallWorkKeys("work-test-master-key-0123456789abcdef");
        station_a_ = Unit("519901300001", "城关派出所", std::nullopt);
        station_b_ = Unit("519901300002", "东城派出所", std::nullopt);
        officer_ = Actor(User("officer_a", station_a_, "officer"), station_a_);
        colleague_ = Actor(User("officer_a2", station_a_, "officer"), station_a_);
        other_ = Actor(User("officer_b", station_b_, "officer"), station_b_);
        leader_ = Actor(User("leader", station_a_, "leader"), station_a_);
        leader_.all_units = true;
        for (const auto& [code, grid] : {std::pair{"A-1", "G-01"}, std::pair{"A-2", "G-01"}, std::pair{"A-3", ""}}) {
            Address a;
            a.code = code;
            a.level = "house";
            a.full_name = std::string("示范县城关镇解放路") + code;
            if (*grid) a.grid_id = grid;
            ASSERT_TRUE(UpsertAddress(*c_, a, kNow).ok());
        }
    }
    auth::Principal Actor(int64_t user, int64_t unit) {
        auth::Principal p;
        p.user_id = user;
        p.unit_id = unit;
        p.unit_scope = {unit};
        return p;
    }
    Mediation Dispute(const std::string& address, std::vector<Party> parties, int64_t at) {
        Mediation m;
        m.dispute_type = "neighbour";
        m.address_code = address;
        m.parties = std::move(parties);
        m.occurred_at = at;
        return m;
    }
    int64_t station_a_ = 0, station_b_ = 0;
    auth::Principal officer_, colleague_, other_, leader_;
};

TEST_P(WorkTest, SameClientKeyTwiceGivesOneVisitAndTheFirstReply) {
    Visit v;
    v.address_code = "A-1";
    v.findings = "住户在家";
    v.visited_at = kNow - 600;
    v.client_key = "phone-1:visit-7";
    auto first = CreateVisit(*c_, officer_, v, kNow);
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_FALSE(first->replay);
    EXPECT_EQ(first->record.grid_id, "G-01");  // the address's grid
    v.findings = "resent, changed on the way";
    auto again = CreateVisit(*c_, officer_, v, kNow + 60);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->replay);
    EXPECT_EQ(again->record.id, first->record.id);
    EXPECT_EQ(again->record.findings, "住户在家");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_visits"), 1);
    // The key is the author's: another officer's phone may use the same one.
    auto theirs = CreateVisit(*c_, colleague_, v, kNow);
    ASSERT_TRUE(theirs.ok());
    EXPECT_FALSE(theirs->replay);
    // No key: every request is a record.
    v.client_key.clear();
    ASSERT_TRUE(CreateVisit(*c_, officer_, v, kNow).ok());
    ASSERT_TRUE(CreateVisit(*c_, officer_, v, kNow).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_visits"), 4);
}

TEST_P(WorkTest, SameClientKeyTwiceGivesOnePatrolMediationAndTask) {
    Patrol p;
    p.grid_id = "G-01";
    p.started_at = kNow - 7200;
    p.ended_at = kNow - 3600;
    p.client_key = "k1";
    ASSERT_TRUE(CreatePatrol(*c_, officer_, p, kNow).ok());
    auto p2 = CreatePatrol(*c_, officer_, p, kNow);
    ASSERT_TRUE(p2.ok());
    EXPECT_TRUE(p2->replay);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_patrols"), 1);

    Mediation m = Dispute("A-1", {{std::nullopt, "甲"}, {std::nullopt, "乙"}}, kNow - 100);
    m.client_key = "k1";
    ASSERT_TRUE(CreateMediation(*c_, officer_, m, kNow).ok());
    auto m2 = CreateMediation(*c_, officer_, m, kNow);
    ASSERT_TRUE(m2.ok());
    EXPECT_TRUE(m2->replay);
    EXPECT_EQ(m2->record.repeat_count, 0);  // the resend is not a repeat dispute
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_mediations"), 1);

    TaskInput t;
    t.fields.title = "核查";
    t.fields.assignee_id = officer_.user_id;
    t.fields.client_key = "k1";
    t.due_at = kNow + 86400;
    const auto& cal = timelimits::DefaultHolidayCalendar();
    auto t1 = AssignTask(*c_, leader_, t, cal, kNow);
    ASSERT_TRUE(t1.ok()) << t1.status().message();
    ASSERT_TRUE(AssignTask(*c_, leader_, t, cal, kNow)->replay);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_tasks"), 1);

    TaskReport r;
    r.report = "已完成";
    r.client_key = "r1";
    ASSERT_TRUE(ReportTask(*c_, officer_, t1->record.id, r, kNow).ok());
    auto r2 = ReportTask(*c_, officer_, t1->record.id, r, kNow + 5);
    ASSERT_TRUE(r2.ok());
    EXPECT_TRUE(r2->replay);
    r.client_key = "r2";  // a second, different report on a done task is refused
    auto r3 = ReportTask(*c_, officer_, t1->record.id, r, kNow + 5);
    EXPECT_EQ(r3.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(r3.status().fields().at("status"), "already_done");
}

TEST_P(WorkTest, MediationStatusMachine) {
    auto created = CreateMediation(*c_, officer_, Dispute("A-1", {{std::nullopt, "甲"}}, kNow - 100), kNow);
    ASSERT_TRUE(created.ok()) << created.status().message();
    const int64_t id = created->record.id;
    EXPECT_EQ(created->record.status, "open");

    EXPECT_TRUE(MediationTransitionAllowed("open", "mediating"));
    EXPECT_TRUE(MediationTransitionAllowed("open", "closed"));
    EXPECT_TRUE(MediationTransitionAllowed("mediating", "closed"));
    EXPECT_FALSE(MediationTransitionAllowed("mediating", "open"));
    EXPECT_FALSE(MediationTransitionAllowed("closed", "mediating"));

    auto mediating = ChangeMediation(*c_, officer_, id, {"mediating", "", "", "", 1}, kNow + 10);
    ASSERT_TRUE(mediating.ok()) << mediating.status().message();
    EXPECT_EQ(mediating->record.status, "mediating");
    EXPECT_EQ(mediating->record.version, 2);
    // Closing needs an outcome; success needs the agreement; transferred the body it went to.
    auto no_outcome = ChangeMediation(*c_, officer_, id, {"closed", "", "", "", std::nullopt}, kNow + 20);
    EXPECT_EQ(no_outcome.status().fields().at("outcome"), "required");
    auto no_agreement = ChangeMediation(*c_, officer_, id, {"closed", "success", "", "", std::nullopt}, kNow + 20);
    EXPECT_EQ(no_agreement.status().fields().at("agreement"), "required");
    auto no_body = ChangeMediation(*c_, officer_, id, {"closed", "transferred", "", "", std::nullopt}, kNow + 20);
    EXPECT_EQ(no_body.status().fields().at("transferred_to"), "required");
    auto stale = ChangeMediation(*c_, officer_, id, {"closed", "failed", "", "", 1}, kNow + 20);
    EXPECT_EQ(stale.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(stale.status().fields().at("version"), "stale");

    auto closed = ChangeMediation(*c_, officer_, id, {"closed", "success", "双方和解", "", 2}, kNow + 30);
    ASSERT_TRUE(closed.ok()) << closed.status().message();
    EXPECT_FALSE(closed->replay);
    EXPECT_EQ(closed->record.outcome, "success");
    EXPECT_EQ(closed->record.agreement, "双方和解");
    EXPECT_EQ(closed->record.closed_at.value_or(0), kNow + 30);
    // The same close again is a replay; another outcome or reopening is refused.
    auto again = ChangeMediation(*c_, officer_, id, {"closed", "success", "双方和解", "", std::nullopt}, kNow + 40);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->replay);
    auto other_outcome = ChangeMediation(*c_, officer_, id, {"closed", "failed", "", "", std::nullopt}, kNow + 40);
    EXPECT_EQ(other_outcome.status().fields().at("status"), "not_allowed");
    auto reopen = ChangeMediation(*c_, officer_, id, {"mediating", "", "", "", std::nullopt}, kNow + 40);
    EXPECT_EQ(reopen.status().fields().at("status"), "not_allowed");
    // Another station never sees it.
    auto foreign = ChangeMediation(*c_, other_, id, {"closed", "failed", "", "", std::nullopt}, kNow + 40);
    EXPECT_EQ(foreign.status().code(), ErrorCode::kNotFound);
}

TEST_P(WorkTest, RepeatDisputesAtTheSameAddressOrBetweenTheSameParties) {
    const int64_t day = kDaySeconds;
    auto first = CreateMediation(
        *c_, officer_, Dispute("A-1", {{std::nullopt, "张三"}, {std::nullopt, "李四"}}, kNow - 30 * day), kNow);
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(first->record.repeat_count, 0);
    // Same address, other people: a repeat.
    auto at_address = CreateMediation(*c_, officer_, Dispute("A-1", {{std::nullopt, "王五"}}, kNow - 10 * day), kNow);
    ASSERT_TRUE(at_address.ok());
    EXPECT_EQ(at_address->record.repeat_count, 1);
    EXPECT_EQ(at_address->record.repeat_of.value_or(0), first->record.id);
    // Same parties in the other order (and spaced differently), elsewhere: a repeat.
    auto same_parties = CreateMediation(
        *c_, officer_, Dispute("A-3", {{std::nullopt, "李 四"}, {std::nullopt, "张三"}}, kNow - 5 * day), kNow);
    ASSERT_TRUE(same_parties.ok());
    EXPECT_EQ(same_parties->record.repeat_count, 1);
    EXPECT_EQ(same_parties->record.repeat_of.value_or(0), first->record.id);
    // A dispute more than a year after the others at another address with other people: not a repeat.
    auto fresh = CreateMediation(*c_, officer_, Dispute("A-2", {{std::nullopt, "赵六"}}, kNow), kNow);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->record.repeat_count, 0);
    auto late = CreateMediation(
        *c_, officer_,
        Dispute("", {{std::nullopt, "张三"}, {std::nullopt, "李四"}}, kNow - 30 * day + kRepeatWindowSeconds + day),
        kNow + kRepeatWindowSeconds);
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(late->record.repeat_count, 1);  // only the one within the year before it (the 05-day one)

    // The parties are sealed at rest: neither name is in the stored row.
    auto stored = c_->QueryOne("SELECT parties FROM community_mediations WHERE id = ?", {storage::V(first->record.id)});
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->Str(0).rfind("sm4:", 0), 0u);
    EXPECT_EQ(stored->Str(0).find("张三"), std::string::npos);
    EXPECT_EQ(first->record.parties.at(0).name, "张三");
}

TEST_P(WorkTest, WorkingDayLimitIsCountedByTheDeadlineEngine) {
    // Wednesday 30 September 2026, 10:00: three working days after it skip 国庆节 (1–7 October) and end on
    // Saturday 10 October, a make-up working day; the task is due at the end of that day.
    const int64_t at = *ParseChinaTime("2026-09-30 10:00:00");
    TaskInput t;
    t.fields.title = "走访";
    t.fields.assignee_id = officer_.user_id;
    t.limit_working_days = 3;
    auto task = AssignTask(*c_, leader_, t, timelimits::DefaultHolidayCalendar(), at);
    ASSERT_TRUE(task.ok()) << task.status().message();
    EXPECT_EQ(FormatChinaTime(task->record.due_at), "2026-10-10 23:59:59");
    EXPECT_EQ(task->record.limit_working_days.value_or(0), 3);
    t.due_at = at + 3600;
    EXPECT_EQ(AssignTask(*c_, leader_, t, timelimits::DefaultHolidayCalendar(), at).status().fields().at("due_at"),
              "one_of_due_at_or_limit");
}

TEST_P(WorkTest, OverdueFlagAndRemindersFromAKnownClock) {
    TaskInput t;
    t.fields.title = "核查出租屋";
    t.fields.assignee_id = officer_.user_id;
    const int64_t due = kNow + 2 * kDaySeconds;
    t.due_at = due;
    const auto& cal = timelimits::DefaultHolidayCalendar();
    auto task = AssignTask(*c_, leader_, t, cal, kNow);
    ASSERT_TRUE(task.ok()) << task.status().message();
    EXPECT_FALSE(IsOverdue(task->record, due));
    EXPECT_TRUE(IsOverdue(task->record, due + 1));

    WorkFilter f;
    f.status = "overdue";
    f.now = due + 1;
    auto overdue = ListTasksFor(*c_, officer_, f, true);
    ASSERT_TRUE(overdue.ok()) << overdue.status().message();
    EXPECT_EQ(overdue->second, 1);
    f.now = due - 1;
    EXPECT_EQ(ListTasksFor(*c_, officer_, f, true)->second, 0);

    auto Remind = [&](int64_t now) {
        auto n = RemindTasks(*c_, now);
        EXPECT_TRUE(n.ok()) << n.status().message();
        return n.ok() ? *n : -1;
    };
    auto notes = [&](const std::string& code) {
        return Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND code = ?",
                     {storage::V(officer_.user_id), storage::V(code)});
    };
    // More than a day before: nothing. Within 24 h: one "due" reminder, once. Past due: one "overdue" reminder.
    ASSERT_EQ(Remind(due - kDaySeconds - 60), 0);
    ASSERT_EQ(Remind(due - kDaySeconds + 60), 1);
    ASSERT_EQ(Remind(due - 60), 0);
    EXPECT_EQ(notes("community.task.due"), 1);
    ASSERT_EQ(Remind(due + 60), 1);
    ASSERT_EQ(Remind(due + 3600), 0);
    EXPECT_EQ(notes("community.task.overdue"), 1);
    // A task done in time is never reminded as overdue.
    t.due_at = kNow + 3 * kDaySeconds;
    auto second = AssignTask(*c_, leader_, t, cal, kNow);
    ASSERT_TRUE(second.ok());
    ASSERT_TRUE(ReportTask(*c_, officer_, second->record.id, {"完成", {}, {}, {}, ""}, kNow + 60).ok());
    EXPECT_EQ(Remind(kNow + 10 * kDaySeconds), 0);
}

TEST_P(WorkTest, AStationSeesItsOwnRecordsOnly) {
    Visit v;
    v.address_code = "A-1";
    v.findings = "正常";
    v.visited_at = kNow - 60;
    auto mine = CreateVisit(*c_, officer_, v, kNow);
    ASSERT_TRUE(mine.ok());
    EXPECT_EQ(ReadVisit(*c_, other_, mine->record.id).status().code(), ErrorCode::kNotFound);
    EXPECT_TRUE(ReadVisit(*c_, colleague_, mine->record.id).ok());
    EXPECT_TRUE(ReadVisit(*c_, leader_, mine->record.id).ok());
    WorkFilter f;
    f.unit_scope = WorkScope(other_);
    EXPECT_EQ(ListVisits(*c_, f)->second, 0);
    f.unit_scope = WorkScope(officer_);
    EXPECT_EQ(ListVisits(*c_, f)->second, 1);
    f.unit_scope = WorkScope(leader_);
    EXPECT_EQ(ListVisits(*c_, f)->second, 1);
}

TEST_P(WorkTest, OnlyTheAssigneeReports) {
    TaskInput t;
    t.fields.title = "核查";
    t.fields.assignee_id = officer_.user_id;
    t.due_at = kNow + 86400;
    auto task = AssignTask(*c_, leader_, t, timelimits::DefaultHolidayCalendar(), kNow);
    ASSERT_TRUE(task.ok());
    const TaskReport r{"已完成", {}, {}, {}, ""};
    auto colleague = ReportTask(*c_, colleague_, task->record.id, r, kNow);
    EXPECT_EQ(colleague.status().code(), ErrorCode::kPermissionDenied);
    EXPECT_EQ(colleague.status().fields().at("task"), "not_assignee");
    EXPECT_EQ(ReportTask(*c_, other_, task->record.id, r, kNow).status().code(), ErrorCode::kNotFound);
    EXPECT_TRUE(ReportTask(*c_, officer_, task->record.id, r, kNow).ok());

    // A grid task for a grid with no team members with accounts: the officers of the task's unit may report, others
    // not.
    TaskInput g;
    g.fields.title = "网格排查";
    g.fields.grid_id = "G-01";
    g.due_at = kNow + 86400;
    auto grid_task = AssignTask(*c_, leader_, g, timelimits::DefaultHolidayCalendar(), kNow);
    ASSERT_TRUE(grid_task.ok()) << grid_task.status().message();
    EXPECT_EQ(ReportTask(*c_, leader_, grid_task->record.id, r, kNow).status().code(), ErrorCode::kPermissionDenied);
    EXPECT_TRUE(ReportTask(*c_, colleague_, grid_task->record.id, r, kNow).ok());
}

TEST_P(WorkTest, ValidationNamesTheField) {
    Visit v;
    v.findings = "x";
    v.visited_at = kNow;
    EXPECT_EQ(CreateVisit(*c_, officer_, v, kNow).status().fields().at("address_id"), "required");
    v.address_code = "NO-SUCH";
    EXPECT_EQ(CreateVisit(*c_, officer_, v, kNow).status().fields().at("address_id"), "not_found");
    v.address_code = "A-1";
    v.person_ids = {987654};
    EXPECT_EQ(CreateVisit(*c_, officer_, v, kNow).status().fields().at("person_ids"), "not_found");
    v.person_ids.clear();
    v.visited_at = kNow + 3600;
    EXPECT_EQ(CreateVisit(*c_, officer_, v, kNow).status().fields().at("visited_at"), "in_future");
    Patrol p;
    p.route = "解放路";
    p.started_at = kNow - 60;
    p.ended_at = kNow - 120;
    EXPECT_EQ(CreatePatrol(*c_, officer_, p, kNow).status().fields().at("ended_at"), "before_start");
    Mediation m = Dispute("A-1", {{std::nullopt, "甲"}}, kNow);
    m.dispute_type = "not-a-type";
    EXPECT_EQ(CreateMediation(*c_, officer_, m, kNow).status().fields().at("dispute_type"), "invalid_enum");
    m.dispute_type = "debt";
    m.parties = {{std::nullopt, ""}};
    EXPECT_EQ(CreateMediation(*c_, officer_, m, kNow).status().fields().at("parties[0]"), "required");
    TaskInput t;
    t.fields.title = "x";
    t.fields.assignee_id = other_.user_id;
    t.due_at = kNow + 60;
    EXPECT_EQ(
        AssignTask(*c_, officer_, t, timelimits::DefaultHolidayCalendar(), kNow).status().fields().at("assignee_id"),
        "outside_your_units");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_visits") + Count("SELECT COUNT(*) FROM community_tasks"), 0);
}

TEST(DisputeTypes, ShippedCatalogueLoadsAndCitesItsBasis) {
    const auto& types = DisputeTypes::Default().all();
    ASSERT_GE(types.size(), 5u);
    for (const auto& t : types) EXPECT_FALSE(t.basis.empty()) << t.code;
    EXPECT_TRUE(DisputeTypes::Default().Has("neighbour"));
    EXPECT_EQ(DisputeTypes::FromCsv("code,name_zh,name_en,basis\na,甲,A,x\na,乙,B,y\n").status().fields().at("line 3"),
              "duplicate");
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community

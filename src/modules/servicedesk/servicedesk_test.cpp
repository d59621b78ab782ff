// The service supervision centre on SQLite and PostgreSQL: intake over the six channels with the complainant
// sealed, duplicate joining within 30 days, the workflow per role (allowed / refused, from permissions.csv and
// workflow.csv), time limits on a simulated clock (《信访工作条例》 as cited in data/time_limits.csv), reminders and
// escalation exactly once, exactly-once callbacks, the public progress query and the figures.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "common/china_day.hpp"
#include "common/csv_reader.hpp"
#include "common/validators.hpp"
#include "media/media_store.hpp"
#include "servicedesk/assignment/reminders.hpp"
#include "servicedesk/assignment/time_limits.hpp"
#include "servicedesk/demo/demo_servicedesk.hpp"
#include "servicedesk/figures/figures.hpp"
#include "servicedesk/intake/intake.hpp"
#include "servicedesk/public/public_progress.hpp"
#include "servicedesk/tickets/catalogue.hpp"
#include "servicedesk/tickets/ticket_keys.hpp"
#include "servicedesk/tickets/ticket_repository.hpp"
#include "servicedesk/tickets/workflow.hpp"
#include "test_support/database_test.hpp"

namespace jw::servicedesk {
namespace {

// The roles' permissions as permissions.csv grants them.
std::set<std::string> RolePermissions(const std::string& role) {
    std::set<std::string> out;
    for (const auto& [name, content] : ModuleFiles()) {
        if (name != "permissions.csv") continue;
        auto rows = ReadCsv(content);
        if (!rows.ok()) return out;
        const auto& head = (*rows)[0].fields;
        size_t col = 0;
        for (size_t i = 0; i < head.size(); ++i)
            if (head[i] == role) col = i;
        for (size_t r = 1; r < rows->size() && col; ++r)
            if ((*rows)[r].fields.size() > col && (*rows)[r].fields[col] == "x") out.insert((*rows)[r].fields[0]);
    }
    return out;
}

int64_t At(const std::string& china_time) { return *ParseChinaTime(china_time); }

class ServiceDeskTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        InstallKeys(std::string(32, 'k'));
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"media", &media::schema::EmbeddedFiles()});
        schemas.push_back({"servicedesk", &ModuleFiles()});
        if (!OpenDatabase("servicedesk", schemas)) return;
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt, "bureau");
        station_ = Unit("519901030100", "城关派出所", bureau_);
        other_ = Unit("519901030200", "东城派出所", bureau_);
        supervisor_ = Who("sup", bureau_, "service_supervisor", {bureau_});
        officer_ = Who("off", station_, "officer", {station_});
        other_officer_ = Who("off2", other_, "officer", {other_});
        leader_ = Who("lead", bureau_, "leader", {});
        leader_.all_units = true;
        duty_ = Who("duty", bureau_, "duty_desk", {});
        duty_.all_units = true;
    }
    auth::Principal Who(const std::string& name, int64_t unit, const std::string& role, std::vector<int64_t> scope) {
        auth::Principal p;
        p.user_id = User(name, unit, role);
        p.username = name;
        p.unit_id = unit;
        p.unit_scope = std::move(scope);
        p.permissions = RolePermissions(role);
        return p;
    }
    IntakeInput Complaint(const std::string& channel = "police110", const std::string& phone = "13800138000") {
        IntakeInput in;
        in.channel = channel;
        in.name = "张三丰";
        in.phone = phone;
        in.category = "attitude";
        in.title = "窗口民警态度生硬";
        in.content = "办理户籍业务时民警态度生硬。";
        in.unit_id = station_;
        if (FindChannel(channel) && FindChannel(channel)->external_ref) in.external_ref = "12345-" + phone;
        return in;
    }
    IntakeResult File(const IntakeInput& in, int64_t now) {
        IntakeResult r;
        Status s = storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
            JW_ASSIGN_OR_RETURN(r, Register(tx, in, supervisor_.user_id, now));
            return Status::Ok();
        });
        EXPECT_TRUE(s.ok()) << s.message();
        return r;
    }
    Result<Ticket> Do(const auth::Principal& who, int64_t id, StepInput in, int64_t now) {
        auto t = repo::GetTicket(*c_, id);
        if (!t.ok()) return t.status();
        if (in.version == 0) in.version = t->version;
        Result<Ticket> out = Status::Internal("not run");
        Status s = storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
            out = Step(tx, who, id, in, now);
            return out.status();
        });
        return out;
    }
    std::vector<timelimits::Clock> Clocks(int64_t id, const std::string& today) {
        auto t = repo::GetTicket(*c_, id);
        auto e = repo::ListEvents(*c_, id);
        auto cl = TicketClocks(*t, *e, *ParseDate(today));
        EXPECT_TRUE(cl.ok()) << cl.status().message();
        return cl.ok() ? *cl : std::vector<timelimits::Clock>{};
    }
    const timelimits::Clock* Find(const std::vector<timelimits::Clock>& cl, const std::string& rule) {
        for (const auto& c : cl)
            if (c.rule_id == rule) return &c;
        return nullptr;
    }

    int64_t bureau_ = 0, station_ = 0, other_ = 0;
    auth::Principal supervisor_, officer_, other_officer_, leader_, duty_;
    const int64_t now_ = At("2026-03-02 10:00:00");
};

TEST(ServiceDeskData, SixChannelsCategoriesAndAWorkflowOverKnownPermissions) {
    std::vector<std::string> want = {"police110", "hotline12345", "xinfang", "mailbox", "web", "hotline"};
    EXPECT_EQ(ChannelCodes(), want);
    EXPECT_EQ(CategoryCodes(), (std::vector<std::string>{"attitude", "slow", "conduct", "suggestion", "praise"}));
    EXPECT_TRUE(FindChannel("hotline12345")->external_ref);
    EXPECT_TRUE(FindChannel("web")->public_form);
    EXPECT_EQ(TimeLimitRules().rules().size(), 6u);
    std::set<std::string> perms = RolePermissions("service_supervisor");
    for (const auto& p : RolePermissions("officer")) perms.insert(p);
    for (const auto& t : Workflow()) EXPECT_TRUE(perms.count(t.permission)) << t.action << " " << t.permission;
    // The three administrators get no business permission.
    for (const char* admin : {"sys_admin", "sec_admin", "audit_admin"}) EXPECT_TRUE(RolePermissions(admin).empty());
}

TEST_P(ServiceDeskTest, IntakeSealsTheComplainantAndMasksIt) {
    IntakeInput in = Complaint();
    in.id_number = std::string("51990119800101001") + IdCheckCharacter("51990119800101001");
    const IntakeResult r = File(in, now_);
    ASSERT_GT(r.id, 0);
    EXPECT_EQ(r.ticket_no, "FW202603020001");
    EXPECT_EQ(r.query_code.size(), 8u);
    // At rest: no name, phone or ID number in the clear; the query code only as a keyed hash.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM servicedesk_tickets WHERE complainant_name LIKE '%张%' OR complainant_phone "
                    "LIKE '%13800138000%' OR complainant_id_number LIKE '%5199011980%' OR query_code_hash = ?",
                    {storage::V(r.query_code)}),
              0);
    auto t = repo::GetTicket(*c_, r.id);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->complainant_name, "张三丰");
    EXPECT_EQ(t->state, "registered");
    // The query code went by SMS to the complainant (the outbox; the demo's SMS file).
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE phone = '13800138000' AND code = "
                    "'servicedesk.query_code'"),
              1);
}

TEST_P(ServiceDeskTest, IntakeRefusesNamingTheField) {
    auto problem = [&](IntakeInput in) {
        Status s = ValidateIntake(in, now_);
        return s.ok() ? std::string("ok") : s.fields().begin()->first;
    };
    IntakeInput in = Complaint();
    in.channel = "fax";
    EXPECT_EQ(problem(in), "channel");
    in = Complaint("hotline12345");
    in.external_ref = "";
    EXPECT_EQ(problem(in), "external_ref");  // a 12345 transfer carries its work order number
    in = Complaint();
    in.unit_id.reset();
    EXPECT_EQ(problem(in), "unit_id");  // a complaint names the unit concerned
    in.category = "suggestion";
    EXPECT_EQ(problem(in), "ok");  // a suggestion need not
    in = Complaint();
    in.phone = "12345";
    EXPECT_EQ(problem(in), "phone");
    in = Complaint();
    in.id_number = "519901198001010011";
    EXPECT_EQ(problem(in), "id_number");
    in = Complaint();
    in.name = "";
    EXPECT_EQ(problem(in), "name");
    in.anonymous = true;
    in.phone = "";
    EXPECT_EQ(problem(in), "ok");  // anonymous letters are taken
    // 12345 re-sending the same work order is refused, not registered twice.
    File(Complaint("hotline12345"), now_);
    Status again = storage::InTransaction(*c_, [&](storage::Connection& tx) {
        return Register(tx, Complaint("hotline12345"), supervisor_.user_id, now_).status();
    });
    EXPECT_EQ(again.code(), ErrorCode::kConflict);
}

TEST_P(ServiceDeskTest, DuplicatesWithinThirtyDaysAreJoined) {
    const IntakeResult first = File(Complaint("police110", "13800138000"), now_);
    // Same complainant (phone), another channel, 29 days later: joined to the first.
    const IntakeResult same_person = File(Complaint("mailbox", "+86 138 0013 8000"), now_ + 29 * 86400);
    ASSERT_TRUE(same_person.joined_to.has_value());
    EXPECT_EQ(*same_person.joined_to, first.id);
    EXPECT_EQ(repo::GetTicket(*c_, same_person.id)->state, "joined");
    // Same matter: the same officer of the same unit, another complainant.
    IntakeInput a = Complaint("hotline", "13900139000");
    a.officer_police_no = "991234";
    const IntakeResult officer_first = File(a, now_ + 40 * 86400);
    IntakeInput b = Complaint("xinfang", "13700137000");
    b.officer_police_no = "991234";
    const IntakeResult same_matter = File(b, now_ + 41 * 86400);
    ASSERT_TRUE(same_matter.joined_to.has_value());
    EXPECT_EQ(*same_matter.joined_to, officer_first.id);
    // 31 days after the first, the same person is a new matter.
    const IntakeResult later = File(Complaint("web", "13800138000"), now_ + 31 * 86400);
    EXPECT_FALSE(later.joined_to.has_value());
    // The centre may split a joined ticket again (with a reason); the unit may not.
    EXPECT_EQ(Do(officer_, same_person.id, {.action = "split", .note = "不同事项"}, now_ + 30 * 86400).status().code(),
              ErrorCode::kPermissionDenied);
    auto split = Do(supervisor_, same_person.id, {.action = "split", .note = "不同事项"}, now_ + 30 * 86400);
    ASSERT_TRUE(split.ok()) << split.status().message();
    EXPECT_EQ(split->state, "registered");
    EXPECT_FALSE(split->parent_id.has_value());
}

TEST_P(ServiceDeskTest, TheWholeLoopWithRolesAllowedAndRefused) {
    const IntakeResult r = File(Complaint(), now_);
    const int64_t t1 = now_ + 3600;
    // Assign: the centre only.
    for (const auth::Principal* who : {&officer_, &leader_, &duty_})
        EXPECT_EQ(Do(*who, r.id, {.action = "assign", .unit_id = station_}, t1).status().code(),
                  ErrorCode::kPermissionDenied)
            << who->username;
    EXPECT_EQ(Do(supervisor_, r.id, {.action = "assign"}, t1).status().fields().count("unit_id"), 1u);
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "assign", .unit_id = station_}, t1).ok());
    // Reply: the unit concerned only; another unit's officer does not even see the ticket; the centre may not
    // answer for the unit.
    EXPECT_EQ(Do(other_officer_, r.id, {.action = "reply", .note = "x"}, t1).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(Do(supervisor_, r.id, {.action = "reply", .note = "x"}, t1).status().code(),
              ErrorCode::kPermissionDenied);
    EXPECT_EQ(Do(officer_, r.id, {.action = "reply"}, t1).status().fields().count("note"), 1u);
    // A stale version is a conflict, not a lost update.
    EXPECT_EQ(Do(officer_, r.id, {.action = "reply", .version = 1, .note = "已处理"}, t1).status().code(),
              ErrorCode::kConflict);
    ASSERT_TRUE(Do(officer_, r.id, {.action = "reply", .note = "已批评教育当事民警"}, t1 + 60).ok());
    // Not in this state: verify before any rectification.
    EXPECT_EQ(Do(supervisor_, r.id, {.action = "verify"}, t1).status().fields().at("action"), "not_allowed_in_state");
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "require_rectification", .note = "须说明整改措施"}, t1 + 120).ok());
    EXPECT_EQ(Do(supervisor_, r.id, {.action = "report_rectified", .note = "x"}, t1).status().code(),
              ErrorCode::kPermissionDenied);
    ASSERT_TRUE(Do(officer_, r.id, {.action = "report_rectified", .note = "已开展文明服务培训"}, t1 + 180).ok());
    EXPECT_EQ(Do(officer_, r.id, {.action = "verify"}, t1).status().code(), ErrorCode::kPermissionDenied);
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "verify"}, t1 + 240).ok());
    EXPECT_EQ(Do(officer_, r.id, {.action = "callback", .result = "satisfied"}, t1).status().code(),
              ErrorCode::kPermissionDenied);
    EXPECT_EQ(Do(supervisor_, r.id, {.action = "callback", .result = "happy"}, t1).status().fields().count("result"),
              1u);
    auto closed = Do(supervisor_, r.id, {.action = "callback", .result = "satisfied"}, t1 + 300);
    ASSERT_TRUE(closed.ok()) << closed.status().message();
    EXPECT_EQ(closed->state, "closed");
    auto events = repo::ListEvents(*c_, r.id);
    std::vector<std::string> actions;
    for (const auto& e : *events) actions.push_back(e.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"register", "assign", "reply", "require_rectification",
                                                 "report_rectified", "verify", "callback"}));
}

TEST_P(ServiceDeskTest, TheComplainantIsCalledBackExactlyOnce) {
    const IntakeResult r = File(Complaint(), now_);
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "assign", .unit_id = station_}, now_).ok());
    ASSERT_TRUE(Do(officer_, r.id, {.action = "reply", .note = "已处理"}, now_).ok());
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "accept"}, now_).ok());
    const int version = repo::GetTicket(*c_, r.id)->version;
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "callback", .version = version, .result = "basically"}, now_).ok());
    // The same request again (a double click, a retry with the version it read): refused.
    EXPECT_EQ(
        Do(supervisor_, r.id, {.action = "callback", .version = version, .result = "satisfied"}, now_).status().code(),
        ErrorCode::kConflict);
    EXPECT_FALSE(Do(supervisor_, r.id, {.action = "callback", .result = "satisfied"}, now_).ok());
    // And beneath the workflow, the table holds one callback per ticket.
    EXPECT_EQ(repo::InsertCallback(*c_, Callback{r.id, now_, supervisor_.user_id, "satisfied", ""}).code(),
              ErrorCode::kConflict);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM servicedesk_callbacks WHERE ticket_id = ?", {storage::V(r.id)}), 1);
    EXPECT_EQ(repo::GetCallback(*c_, r.id)->value().result, "basically");
}

// 《信访工作条例》第二十三条第三款 (data/time_limits.csv, checked against a government site's quotation): 15 days
// from receipt to tell the petitioner it was received and how it is handled; 第三十四条 (third-party sources only,
// marked unverified in the file): 60 days from acceptance, once extended by at most 30 days. The starting day is not
// counted; a last day on a rest day moves to the next working day (the shipped holiday calendar).
TEST_P(ServiceDeskTest, PetitionTimeLimitsOnASimulatedClock) {
    const IntakeResult r = File(Complaint("xinfang"), now_);  // received Monday 2026-03-02
    auto cl = Clocks(r.id, "2026-03-02");
    ASSERT_NE(Find(cl, "xinfang_accept"), nullptr);
    EXPECT_EQ(Find(cl, "xinfang_accept")->due, "2026-03-17");  // 03-02 + 15 days
    EXPECT_EQ(Find(cl, "xinfang_accept")->state, "running");
    EXPECT_EQ(Find(cl, "xinfang_accept")->basis, "《信访工作条例》第二十三条第三款");
    EXPECT_EQ(Find(Clocks(r.id, "2026-03-18"), "xinfang_accept")->state, "overdue");
    // Accepted and handed to the unit on 2026-03-10: acceptance met, 60 days of handling run to 05-09 — a
    // Saturday that is a make-up working day of the 劳动节 arrangement, so it stays.
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "assign", .unit_id = station_}, At("2026-03-10 09:00:00")).ok());
    cl = Clocks(r.id, "2026-03-10");
    EXPECT_EQ(Find(cl, "xinfang_accept")->state, "met");
    EXPECT_EQ(Find(cl, "xinfang_handle")->due, "2026-05-09");
    EXPECT_EQ(Find(cl, "xinfang_handle")->basis, "《信访工作条例》第三十四条");
    // One extension of 30 days (the rule's step), a second is refused.
    EXPECT_EQ(Do(supervisor_, r.id, {.action = "extend", .note = "情况复杂", .days = 20}, At("2026-04-01 09:00:00"))
                  .status()
                  .fields()
                  .at("days"),
              "extension_not_allowed");
    ASSERT_TRUE(
        Do(supervisor_, r.id, {.action = "extend", .note = "情况复杂", .days = 30}, At("2026-04-01 09:00:00")).ok());
    EXPECT_EQ(Find(Clocks(r.id, "2026-04-01"), "xinfang_handle")->due, "2026-06-08");  // 05-09 + 30
    EXPECT_FALSE(
        Do(supervisor_, r.id, {.action = "extend", .note = "再次延期", .days = 30}, At("2026-04-02 09:00:00")).ok());
    // The unit's reply ends the clock; a returned reply lets it run again.
    ASSERT_TRUE(Do(officer_, r.id, {.action = "reply", .note = "已答复"}, At("2026-04-20 09:00:00")).ok());
    EXPECT_EQ(Find(Clocks(r.id, "2026-04-20"), "xinfang_handle")->state, "met");
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "return", .note = "答复不完整"}, At("2026-04-21 09:00:00")).ok());
    EXPECT_EQ(Find(Clocks(r.id, "2026-04-21"), "xinfang_handle")->state, "running");
}

TEST_P(ServiceDeskTest, OtherChannelsUseTheConfiguredLimits) {
    const IntakeResult r = File(Complaint("hotline12345"), now_);
    auto cl = Clocks(r.id, "2026-03-02");
    EXPECT_EQ(Find(cl, "hotline12345_assign")->due, "2026-03-03");
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "assign", .unit_id = station_}, now_).ok());
    EXPECT_EQ(Find(Clocks(r.id, "2026-03-02"), "hotline12345_handle")->due, "2026-03-17");
    const IntakeResult m = File(Complaint("mailbox", "13900000001"), now_);
    EXPECT_EQ(Find(Clocks(m.id, "2026-03-02"), "general_assign")->due, "2026-03-05");
}

TEST_P(ServiceDeskTest, RemindersAndEscalationGoOutExactlyOnce) {
    User("lead2", bureau_, "leader");  // a holder of servicedesk.escalation
    const IntakeResult r = File(Complaint("xinfang"), now_);
    ASSERT_TRUE(Do(supervisor_, r.id, {.action = "assign", .unit_id = station_}, now_).ok());  // due 2026-05-01 → 05-06
    auto run = [&](const std::string& day) {
        int n = -1;
        EXPECT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
                        JW_ASSIGN_OR_RETURN(n, SendReminders(tx, At(day + " 10:00:00")));
                        return Status::Ok();
                    }).ok());
        return n;
    };
    const std::string due = Find(Clocks(r.id, "2026-03-02"), "xinfang_handle")->due;
    EXPECT_EQ(due, "2026-05-06");  // 03-02 + 60 = 05-01, a holiday up to 05-05: the next working day
    EXPECT_EQ(run("2026-04-01"), 0);
    EXPECT_GT(run("2026-05-04"), 0);  // two days before due: the unit's officer and the supervisor
    EXPECT_EQ(run("2026-05-04"), 0);  // the same day again: nothing new
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE code = 'servicedesk.reminder' AND user_id IN (?, ?)",
                    {storage::V(officer_.user_id), storage::V(supervisor_.user_id)}),
              2);
    EXPECT_GT(run("2026-05-07"), 0);  // a day after due: overdue, and escalated to the leaders
    EXPECT_EQ(run("2026-05-07"), 0);
    EXPECT_EQ(run("2026-05-08"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = "
                    "'escalation' AND u.username = 'lead2'"),
              1);
}

TEST_P(ServiceDeskTest, PublicProgressRevealsOnlyTheStageAndLocksGuessing) {
    const IntakeResult r = File(Complaint(), now_);
    auto q = PublicQuery(*c_, "10.0.0.1", r.ticket_no, r.query_code, now_);
    ASSERT_TRUE(q.ok()) << q.status().message();
    ASSERT_EQ(q->result, PublicQueryResult::kOk);
    const std::string text = q->progress.dump();
    EXPECT_EQ(q->progress["stage"], "registered");
    for (const char* secret : {"张三丰", "13800138000", "态度生硬", "城关"})
        EXPECT_EQ(text.find(secret), std::string::npos) << secret;
    // Wrong codes from many addresses lock the number; then even the right code gets the wrong-code answer, which is
    // also the answer for a number that does not exist.
    for (int i = 0; i < kMaxTicketFailures; ++i)
        EXPECT_EQ(PublicQuery(*c_, "10.0.1." + std::to_string(i), r.ticket_no, "WRONGWRONG", now_)->result,
                  PublicQueryResult::kWrong);
    EXPECT_EQ(PublicQuery(*c_, "10.0.2.1", r.ticket_no, r.query_code, now_)->result, PublicQueryResult::kWrong);
    EXPECT_EQ(PublicQuery(*c_, "10.0.2.1", "FW209901010001", r.query_code, now_)->result, PublicQueryResult::kWrong);
    // One address guessing across numbers is stopped.
    for (int i = 0; i < kMaxFailures; ++i)
        (void)PublicQuery(*c_, "10.9.9.9", "FW20260302000" + std::to_string(i), "X", now_);
    EXPECT_EQ(PublicQuery(*c_, "10.9.9.9", r.ticket_no, r.query_code, now_ + 10)->result,
              PublicQueryResult::kRateLimited);
}

TEST_P(ServiceDeskTest, FiguresPerUnitComeFromTheRecords) {
    const IntakeResult a = File(Complaint("police110", "13800000001"), now_);
    File(Complaint("mailbox", "13800000001"), now_ + 60);  // joined duplicate
    IntakeInput other = Complaint("hotline", "13800000002");
    other.unit_id = other_;
    File(other, now_);
    ASSERT_TRUE(Do(supervisor_, a.id, {.action = "assign", .unit_id = station_}, now_).ok());
    ASSERT_TRUE(Do(officer_, a.id, {.action = "reply", .note = "已处理"}, now_).ok());
    ASSERT_TRUE(Do(supervisor_, a.id, {.action = "accept"}, now_).ok());
    ASSERT_TRUE(Do(supervisor_, a.id, {.action = "callback", .result = "unsatisfied"}, now_).ok());
    auto rows = MonthFigures(*c_, "2026-03", now_, std::nullopt);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    std::map<int64_t, UnitFigures> by;
    for (const auto& u : *rows) by[u.unit_id.value_or(0)] = u;
    EXPECT_EQ(by[station_].received, 1);
    EXPECT_EQ(by[station_].joined, 1);
    EXPECT_EQ(by[station_].closed, 1);
    EXPECT_EQ(by[station_].unsatisfied, 1);
    EXPECT_EQ(by[other_].received, 1);
    EXPECT_EQ(by[other_].open, 1);
    // The unit's own view holds its unit only; another month is empty.
    auto own = MonthFigures(*c_, "2026-03", now_, std::vector<int64_t>{other_});
    ASSERT_EQ(own->size(), 1u);
    EXPECT_EQ(MonthFigures(*c_, "2026-04", now_, std::nullopt)->size(), 0u);
}

TEST_P(ServiceDeskTest, DemoHasEveryStateOverTheSixChannels) {
    for (const char* n : {"西河派出所", "南山派出所", "交通管理大队", "治安管理大队"})
        Unit(std::string("5199010") + std::to_string(std::hash<std::string>{}(n) % 90000 + 10000), n, bureau_);
    User("officer", station_, "officer");
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(
        storage::InTransaction(*c_, [&](storage::Connection& tx) { return SeedDemoServiceDesk(tx, now_); }).ok());
    std::printf(
        "demo servicedesk: %d tickets in %lld ms\n", kDemoTickets,
        static_cast<long long>(
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM servicedesk_tickets"), kDemoTickets);
    for (const auto& state :
         {"registered", "joined", "assigned", "replied", "rectifying", "rectified", "awaiting_callback", "closed"})
        EXPECT_GT(Count("SELECT COUNT(*) FROM servicedesk_tickets WHERE state = ?", {storage::V(state)}), 0) << state;
    for (const auto& ch : ChannelCodes())
        EXPECT_GT(Count("SELECT COUNT(*) FROM servicedesk_tickets WHERE channel = ?", {storage::V(ch)}), 0) << ch;
    // Every closed ticket was called back once; every joined ticket names its root.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM servicedesk_tickets t WHERE state = 'closed' AND NOT EXISTS (SELECT 1 FROM "
                    "servicedesk_callbacks c WHERE c.ticket_id = t.id)"),
              0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM servicedesk_tickets WHERE state = 'joined' AND parent_id IS NULL"), 0);
    // The demo's complainants open with the module's key, and the figures read the records.
    auto list = repo::ListTickets(*c_, TicketFilter{});
    ASSERT_TRUE(list.ok()) << list.status().message();
    EXPECT_FALSE(list->first.front().complainant_name.empty());
    auto month = MonthFigures(*c_, FormatChinaDate(now_).substr(0, 7), now_, std::nullopt);
    ASSERT_TRUE(month.ok());
    EXPECT_FALSE(month->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceDeskTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::servicedesk

// The reminder job over a simulated month (exactly once, also when run twice a day), the outbox surviving a
// restart mid-send, and the dashboard counts against the rows behind them — on SQLite and PostgreSQL.
#include <map>
#include <set>

#include "cases/case_clocks.hpp"
#include "cases/supervision/supervision_dashboard.hpp"
#include "cases/supervision/supervision_documents.hpp"
#include "cases/supervision/supervision_reminders.hpp"
#include "cases/supervision/supervision_repository.hpp"
#include "cases/supervision/supervision_test_fixture.hpp"
#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"

namespace jw::cases::testing {
namespace {

using SupervisionTest = SupervisionFixture;

std::string Day(int64_t t) { return FormatChinaTime(t).substr(0, 10); }

// A 治安 case under the 2025 text, accepted and filed on 2 March 2026: 30 days from filing (第一百一十八条),
// the first day not counted (程序规定第三十五条), so the limit ends on Wednesday 1 April 2026. With the default
// policy (3, 1, 0 days ahead; escalate 1 day after; letter 3 days after) the officer and the reviewer are
// reminded on 29 and 31 March and 1 April, both hear of the overrun on 2 April when it is also escalated to
// the unit head, and a suggestion letter goes to the unit on 4 April. The job runs at 09:00 and 15:00 daily.
TEST_P(SupervisionTest, SimulatedMonthSendsEachReminderEscalationAndLetterExactlyOnce) {
    const int64_t accepted = China("2026-03-02 09:30:00");
    const int64_t case_id = NewCase(accepted, officer_);
    ASSERT_TRUE(Act(case_id, officer_, "file", accepted + 600).ok());

    std::map<std::string, std::string> first_sent;  // stage → China date
    int letters = 0, messages = 0;
    for (int64_t day = China("2026-03-02 09:00:00"); day <= China("2026-04-12 09:00:00"); day += 86400) {
        for (int64_t now : {day, day + 6 * 3600}) {
            auto report = supervision::RunReminders(deps(), now);
            ASSERT_TRUE(report.ok()) << report.status().message();
            EXPECT_EQ(report->skipped_cases, 0);
            if (now != day) {
                EXPECT_EQ(report->reminders, 0) << "second run of " << Day(now) << " sent again";
            }
            letters += report->letters;
            messages += report->messages;
        }
        auto c = db_->Acquire();
        auto sent = supervision::ListSentReminders(**c, case_id);
        ASSERT_TRUE(sent.ok());
        for (const auto& s : *sent) first_sent.emplace(s.stage, Day(s.sent_at));
    }
    const std::map<std::string, std::string> expected = {{"lead_3", "2026-03-29"},
                                                         {"lead_1", "2026-03-31"},
                                                         {"due_today", "2026-04-01"},
                                                         {"overdue", "2026-04-02"},
                                                         {"escalate_unit_head", "2026-04-02"},
                                                         {"suggestion_letter", "2026-04-04"}};
    EXPECT_EQ(first_sent, expected);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM supervision_reminders WHERE case_id = ?", {storage::V(case_id)}), 6);
    EXPECT_EQ(letters, 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM supervision_letters"), 1);

    // 双提醒: each lead, due and overdue reminder to the officer and the reviewer, in-app and by SMS (4 × 4);
    // the escalation also to the unit head (6); the letter to the unit head and the reviewer (4).
    EXPECT_EQ(messages, 16 + 6 + 4);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE kind = 'reminder'"), messages);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND channel = 'sms'", {storage::V(officer_id_)}),
        5);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND channel = 'sms'", {storage::V(reviewer_id_)}),
        6);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND channel = 'sms'", {storage::V(leader_id_)}), 2);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND code = 'cases.reminder.suggestion_letter'",
              {storage::V(leader_id_)}),
        2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.reminder'"), 6);

    auto c = db_->Acquire();
    auto letters_list = supervision::ListLetters(**c, std::nullopt);
    ASSERT_TRUE(letters_list.ok());
    ASSERT_EQ(letters_list->size(), 1u);
    const auto& l = letters_list->front();
    EXPECT_EQ(l.unit_id, station_);
    EXPECT_EQ(l.due_date, "2026-04-01");
    EXPECT_EQ(l.fix_by, "2026-04-11");  // issued 4 April, 7 days to fix
    EXPECT_EQ(l.letter_no, "督建〔2026〕1号");
    EXPECT_NE(l.basis.find("第一百一十八条"), std::string::npos) << l.basis;

    // Later passes find every key already sent while the deadline stays where it is.
    auto after = supervision::RunReminders(deps(), China("2026-04-20 09:00:00"));
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->reminders, 0);
}

TEST_P(SupervisionTest, ConfiguredLeadTimesAreUsed) {
    {
        auto c = db_->Acquire();
        supervision::Policy p;
        p.reminders.lead_days = {5};
        ASSERT_TRUE(committer_->Run([&](storage::Connection& tx) { return supervision::SavePolicy(tx, p); }).ok());
        auto loaded = supervision::LoadPolicy(**c);
        ASSERT_TRUE(loaded.ok());
        EXPECT_EQ(loaded->reminders.lead_days, std::vector<int>{5});
    }
    const int64_t case_id = NewCase(China("2026-03-02 09:30:00"), officer_);
    ASSERT_TRUE(Act(case_id, officer_, "file", China("2026-03-02 10:00:00")).ok());
    ASSERT_TRUE(supervision::RunReminders(deps(), China("2026-03-27 09:00:00")).ok());  // due 04-01, 5 days ahead
    auto c = db_->Acquire();
    auto sent = supervision::ListSentReminders(**c, case_id);
    ASSERT_TRUE(sent.ok());
    ASSERT_EQ(sent->size(), 1u);
    EXPECT_EQ(sent->front().stage, "lead_5");
}

// Messages queued by the job are delivered at least once even when the SMS gateway fails part-way and the
// server restarts before the rest are sent.
TEST_P(SupervisionTest, OutboxSurvivesARestartMidSend) {
    const int64_t case_id = NewCase(China("2026-03-02 09:30:00"), officer_);
    ASSERT_TRUE(Act(case_id, officer_, "file", China("2026-03-02 10:00:00")).ok());
    auto report = supervision::RunReminders(deps(), China("2026-04-05 09:00:00"));  // overdue: several stages at once
    ASSERT_TRUE(report.ok());
    ASSERT_GT(report->messages, 0);
    const int64_t sms_rows = Count("SELECT COUNT(*) FROM notifications WHERE channel = 'sms'");

    // The gateway takes two messages, then goes down; the process then stops.
    Close();
    Open(std::make_unique<RecordingSms>(2));
    outbox_->Start(
        committer_.get(), [](int64_t, const notify::Outbox::PushText&) -> size_t { return 0; }, 0);
    outbox_->DeliverPending();
    EXPECT_EQ(sms_->sent.size(), 2u);
    const int64_t pending = Count("SELECT COUNT(*) FROM notifications WHERE delivered_at = 0");
    EXPECT_EQ(pending, report->messages - 2);

    // After the restart every pending message goes out; the two already sent are not sent again.
    Close();
    Open(std::make_unique<RecordingSms>());
    outbox_->Start(
        committer_.get(), [](int64_t, const notify::Outbox::PushText&) -> size_t { return 1; }, 0);
    EXPECT_EQ(outbox_->DeliverPending(), static_cast<size_t>(pending));
    EXPECT_EQ(static_cast<int64_t>(sms_->sent.size()), sms_rows - 2);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE delivered_at = 0"), 0);
    // And the job, run again after the restart, sends nothing twice.
    auto again = supervision::RunReminders(deps(), China("2026-04-05 15:00:00"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->reminders, 0);
}

TEST_P(SupervisionTest, DashboardCountsMatchTheCasesBehindThem) {
    // Overdue: accepted 2 March, limit 1 April. Due soon: accepted 10 March, limit 9 April. Fresh: 7 April.
    const int64_t overdue = NewCase(China("2026-03-02 09:30:00"), officer_);
    ASSERT_TRUE(Act(overdue, officer_, "file", China("2026-03-02 10:00:00")).ok());
    const int64_t soon = NewCase(China("2026-03-10 09:30:00"), officer_);
    ASSERT_TRUE(Act(soon, officer_, "file", China("2026-03-10 10:00:00")).ok());
    const int64_t fresh = NewCase(China("2026-04-07 09:30:00"), officer_);
    ASSERT_TRUE(Act(fresh, officer_, "file", China("2026-04-07 10:00:00")).ok());
    ASSERT_TRUE(Act(fresh, officer_, "start_investigation", China("2026-04-07 11:00:00")).ok());

    auto c = db_->Acquire();
    auto cases = supervision::LoadDashboardCases(**c, std::nullopt, "2026-04-07");
    ASSERT_TRUE(cases.ok()) << cases.status().message();
    const auto summary = supervision::Summarise(*cases);
    EXPECT_EQ(summary.totals.open, Count("SELECT COUNT(*) FROM cases WHERE state <> 'closed'"));
    EXPECT_EQ(summary.totals.open, 3);
    EXPECT_EQ(summary.totals.overdue, 1);
    EXPECT_EQ(summary.totals.due_soon, 1);
    EXPECT_EQ(summary.totals.returned, 0);
    EXPECT_EQ(summary.by_stage.at("filed"), 2);
    EXPECT_EQ(summary.by_stage.at("investigation"), 1);
    ASSERT_EQ(summary.units.size(), 1u);
    EXPECT_EQ(summary.units[0].unit_id, station_);
    EXPECT_EQ(summary.units[0].counts.open, 3);

    auto ids = [](const std::vector<supervision::DashboardCase>& list) {
        std::vector<int64_t> out;
        for (const auto& d : list) out.push_back(d.kase.id);
        return out;
    };
    EXPECT_EQ(ids(supervision::Drill(*cases, std::nullopt, "", "overdue")), std::vector<int64_t>{overdue});
    EXPECT_EQ(ids(supervision::Drill(*cases, std::nullopt, "", "due_soon")), std::vector<int64_t>{soon});
    EXPECT_EQ(ids(supervision::Drill(*cases, station_, "filed", "open")), (std::vector<int64_t>{overdue, soon}));
    EXPECT_TRUE(supervision::Drill(*cases, bureau_, "", "open").empty());

    // By the structure of a date where the station belongs to the bureau (as after a merge): one row, the same
    // totals, named as in that structure, and the drill-down follows the grouping.
    const units::StructureMap merged{{station_, {bureau_, "合并后的局"}}};
    const auto regrouped = supervision::Summarise(*cases, &merged);
    ASSERT_EQ(regrouped.units.size(), 1u);
    EXPECT_EQ(regrouped.units[0].unit_id, bureau_);
    EXPECT_EQ(regrouped.units[0].unit_name, "合并后的局");
    EXPECT_EQ(regrouped.units[0].counts.open, summary.totals.open);
    EXPECT_EQ(regrouped.totals.overdue, summary.totals.overdue);
    EXPECT_EQ(ids(supervision::Drill(*cases, bureau_, "filed", "open", &merged)),
              (std::vector<int64_t>{overdue, soon}));
    EXPECT_TRUE(supervision::Drill(*cases, station_, "", "open", &merged).empty());
    // Scope: a unit outside the data scope sees none of them.
    auto none = supervision::LoadDashboardCases(**c, std::vector<int64_t>{legal_unit_}, "2026-04-07");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
}

// The printed documents carry what they must: the letter its problem, rule, basis and fix-by date; the
// extension form the clock, its basis, the current deadline and the extension the law still allows.
TEST_P(SupervisionTest, SuggestionLetterAndExtensionFormPrint) {
    const int64_t case_id = NewCase(China("2026-03-02 09:30:00"), officer_);
    ASSERT_TRUE(Act(case_id, officer_, "file", China("2026-03-02 10:00:00")).ok());
    ASSERT_TRUE(supervision::RunReminders(deps(), China("2026-04-06 09:00:00")).ok());
    auto c = db_->Acquire();
    auto letters = supervision::ListLetters(**c, std::nullopt);
    ASSERT_TRUE(letters.ok());
    ASSERT_EQ(letters->size(), 1u);
    const auto letter = supervision::SuggestionLetterDocument(letters->front(), "示范县公安局");
    const std::string html = docs::RenderHtml(letter);
    for (const char* text : {"执法建议书", "督建〔2026〕1号", "城关派出所", "第一百一十八条", "2026年4月13日"})
        EXPECT_NE(html.find(text), std::string::npos) << text;
    auto pdf = docs::RenderPdf(letter);
    if (pdf.ok())
        EXPECT_EQ(pdf->rfind("%PDF", 0), 0u);
    else
        EXPECT_EQ(pdf.status().code(), ErrorCode::kUnavailable);  // no CJK font on this machine

    ASSERT_TRUE(Act(case_id, officer_, "extension_requested", China("2026-03-25 09:00:00"), "需等待伤情鉴定意见").ok());
    auto k = repo::GetCase(**c, case_id);
    auto events = repo::ListEvents(**c, case_id);
    ASSERT_TRUE(k.ok() && events.ok());
    auto clocks = ComputeCaseClocks(*k, *events, "2026-03-25");
    ASSERT_TRUE(clocks.ok() && !clocks->empty());
    const auto form = supervision::ExtensionFormDocument(
        *k, clocks->front(), {"需等待伤情鉴定意见", "2026-03-25", "王志强"}, "示范县公安局");
    const std::string form_html = docs::RenderHtml(form);
    for (const char* text : {"延长办案期限审批表", "需等待伤情鉴定意见", "2026年4月1日", "延长30日", "第一百一十八条"})
        EXPECT_NE(form_html.find(text), std::string::npos) << text;
}

INSTANTIATE_TEST_SUITE_P(Backends, SupervisionTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::cases::testing

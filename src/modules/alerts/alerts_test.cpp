#include <gtest/gtest.h>

#include "alerts/alert.hpp"
#include "alerts/alerts_module.hpp"
#include "alerts/alerts_queries.hpp"
#include "alerts/alerts_service.hpp"
#include "alerts/notify_text.hpp"
#include "test_support/database_test.hpp"

namespace jw::alerts {
namespace {

using storage::V;

constexpr int64_t kT0 = 1790000000;  // 2026-09-21 (any fixed time)

// A small county: bureau ← station A, station B, command centre; one officer in each station, a duty
// officer in the centre, a leader at the bureau. Roles and permissions come from the real tables.
class AlertsTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"alerts", &ModuleFiles()});
        if (!OpenDatabase("alerts", schemas)) return;
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt);
        station_a_ = Unit("519901030100", "城关派出所", bureau_);
        station_b_ = Unit("519901030200", "城南派出所", bureau_);
        centre_ = Unit("519901010200", "指挥中心", bureau_);
        officer_a_ = User("officer_a", station_a_, "officer");
        officer_b_ = User("officer_b", station_b_, "officer");
        duty_ = User("duty", centre_, "duty_desk");
        leader_ = User("leader", bureau_, "leader");
    }

    // Notifications of a user as "channel:kind" strings.
    std::vector<std::string> Inbox(int64_t user) {
        auto rows = c_->Query("SELECT channel, kind FROM notifications WHERE user_id = ? ORDER BY id", {V(user)});
        std::vector<std::string> out;
        for (const auto& r : *rows) out.push_back(r.Str(0) + ":" + r.Str(1));
        return out;
    }
    RaiseInput Red(std::vector<int64_t> units) {
        RaiseInput in;
        in.source = "checkpoint";
        in.colour = "red";
        in.subject = "川A12345";
        in.title = "布控车辆经过城关卡口";
        in.case_no = "A5199012026000001";
        in.unit_ids = std::move(units);
        return in;
    }

    int64_t bureau_ = 0, station_a_ = 0, station_b_ = 0, centre_ = 0;
    int64_t officer_a_ = 0, officer_b_ = 0, duty_ = 0, leader_ = 0;
};

TEST_P(AlertsTest, RedAlertReachesTheUnitsSignersWithSmsAndTheCentreInApp) {
    auto id = Raise(*c_, Policy::Default(), Red({station_a_}), kT0);
    ASSERT_TRUE(id.ok()) << id.status().message();
    EXPECT_EQ(Inbox(officer_a_), (std::vector<std::string>{"inapp:alert", "sms:alert"}));
    EXPECT_EQ(Inbox(duty_), (std::vector<std::string>{"inapp:alert"}));
    EXPECT_TRUE(Inbox(officer_b_).empty());  // another station is not told
    EXPECT_TRUE(Inbox(leader_).empty());     // leaders hear of it only when it escalates
    auto a = Get(*c_, *id);
    ASSERT_TRUE(a.ok());
    ASSERT_EQ(a->targets.size(), 1u);
    EXPECT_EQ(a->targets[0].sign_due_at, kT0 + 300);  // red: sign within 5 minutes (data/colours.csv)
    EXPECT_EQ(a->status, "open");
}

TEST_P(AlertsTest, NotificationCarriesCodesAndParametersNotProse) {
    RaiseInput in = Red({station_a_});
    in.title = "在逃人员 11010519491231002X 经过卡口";
    ASSERT_TRUE(Raise(*c_, Policy::Default(), in, kT0).ok());
    auto row = c_->QueryOne(
        "SELECT code, params, title, body FROM notifications WHERE user_id = ? AND channel = 'inapp'", {V(officer_a_)});
    ASSERT_TRUE(row.ok()) << row.status().message();
    EXPECT_EQ(row->Str(0), "alerts.raised");
    const Json params = Json::parse(row->Str(1));
    EXPECT_EQ(params["colour"], "red");                                  // a code: the board beeps on it, no words read
    EXPECT_EQ(params["title"], "在逃人员 110105********002X 经过卡口");  // masked before it leaves the alert
    EXPECT_EQ(params["minutes"], "5");
    EXPECT_EQ(row->Str(2), "");  // no stored prose
    EXPECT_EQ(row->Str(3), "");
    notify::Notification n;
    n.code = row->Str(0);
    for (const auto& [k, v] : params.items()) n.params[k] = v.get<std::string>();
    EXPECT_EQ(notify::TitleOf(n, Lang::kZhCN), "【红色预警】在逃人员 110105********002X 经过卡口");
    EXPECT_EQ(notify::TitleOf(n, Lang::kEn), "[red alert] 在逃人员 110105********002X 经过卡口");
    EXPECT_NE(notify::BodyOf(n, Lang::kZhCN).find("请在5分钟内签收"), std::string::npos);
}

TEST_P(AlertsTest, BlueAlertSendsNoSms) {
    RaiseInput in = Red({station_a_});
    in.colour = "blue";
    ASSERT_TRUE(Raise(*c_, Policy::Default(), in, kT0).ok());
    EXPECT_EQ(Inbox(officer_a_), (std::vector<std::string>{"inapp:alert"}));
}

TEST_P(AlertsTest, RaisingTwiceWithOneKeyGivesOneAlert) {
    RaiseInput in = Red({station_a_});
    in.dedup_key = "watch:7/pass:99";
    auto first = Raise(*c_, Policy::Default(), in, kT0);
    auto second = Raise(*c_, Policy::Default(), in, kT0 + 5);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(*first, *second);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 1);
    EXPECT_EQ(Inbox(officer_a_).size(), 2u);
}

TEST_P(AlertsTest, BadInputNamesTheFieldAndWritesNothing) {
    struct Case {
        std::function<void(RaiseInput&)> change;
        std::string field;
    };
    std::vector<Case> cases = {{[](RaiseInput& i) { i.colour = "purple"; }, "colour"},
                               {[](RaiseInput& i) { i.title.clear(); }, "title"},
                               {[](RaiseInput& i) { i.subject = std::string(101, 'x'); }, "subject"},
                               {[](RaiseInput& i) { i.unit_ids.clear(); }, "unit_ids"},
                               {[](RaiseInput& i) { i.unit_ids = {999999}; }, "unit_ids"},
                               {[](RaiseInput& i) { i.source.clear(); }, "source"}};
    for (const auto& k : cases) {
        RaiseInput in = Red({station_a_});
        k.change(in);
        auto r = Raise(*c_, Policy::Default(), in, kT0);
        ASSERT_FALSE(r.ok()) << k.field;
        EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
        EXPECT_TRUE(r.status().fields().count(k.field)) << k.field << ": " << r.status().message();
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications"), 0);
}

TEST_P(AlertsTest, UnsignedTargetEscalatesOnceToLeadersAndCentre) {
    auto id = Raise(*c_, Policy::Default(), Red({station_a_, station_b_}), kT0);
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(Sign(*c_, *id, station_b_, officer_b_, kT0 + 60).ok());
    EXPECT_EQ(*EscalateOverdue(*c_, Policy::Default(), kT0 + 299), 0);  // not yet due
    EXPECT_EQ(*EscalateOverdue(*c_, Policy::Default(), kT0 + 300), 1);  // station A only: B signed in time
    EXPECT_EQ(*EscalateOverdue(*c_, Policy::Default(), kT0 + 900), 0);  // each target escalates once
    EXPECT_EQ(Inbox(leader_), (std::vector<std::string>{"inapp:alert_escalation", "sms:alert_escalation"}));
    auto esc =
        c_->QueryOne("SELECT code, params FROM notifications WHERE user_id = ? AND channel = 'inapp'", {V(leader_)});
    ASSERT_TRUE(esc.ok());
    EXPECT_EQ(esc->Str(0), "alerts.escalated");
    EXPECT_EQ(Json::parse(esc->Str(1))["colour"], "red");
    EXPECT_EQ(Inbox(duty_),
              (std::vector<std::string>{"inapp:alert", "inapp:alert_escalation", "sms:alert_escalation"}));
    auto a = Get(*c_, *id);
    EXPECT_TRUE(a->targets[0].escalated_at.has_value() != a->targets[1].escalated_at.has_value());
}

// The escalation of a server-made title (a watch hit's, ADR 0043) reads in the reader's language (issue 13); an
// escalation written before the English title was stored falls back to the words it has.
TEST_P(AlertsTest, EscalationOfAWatchHitReadsInTheReadersLanguage) {
    RaiseInput in = Red({station_a_});
    in.title = "布控车辆 川A12345 经过 城关卡口";
    in.payload = Json{{"title_code", "alerts.title.watch_hit"},
                      {"title_params", {{"plate", "川A12345"}, {"place", "城关卡口"}}}};
    ASSERT_TRUE(Raise(*c_, Policy::Default(), in, kT0).ok());
    ASSERT_EQ(*EscalateOverdue(*c_, Policy::Default(), kT0 + 300), 1);
    auto row = c_->QueryOne("SELECT params FROM notifications WHERE user_id = ? AND channel = 'inapp' AND code = ?",
                            {V(leader_), V("alerts.escalated")});
    ASSERT_TRUE(row.ok());
    MessageParams params;
    const Json stored = Json::parse(row->Str(0));
    for (const auto& [k, v] : stored.items()) params[k] = v.get<std::string>();
    EXPECT_EQ(Message("alerts.escalated.title", Lang::kEn, params),
              "[Alert not signed in time] Watched vehicle 川A12345 passed 城关卡口");
    EXPECT_EQ(Message("alerts.escalated.title", Lang::kZhCN, params),
              "【预警超时未签收】布控车辆 川A12345 经过 城关卡口");
    params.erase("title_en");
    EXPECT_EQ(Message("alerts.escalated.title", Lang::kEn, params),
              "[Alert not signed in time] 布控车辆 川A12345 经过 城关卡口");
}

TEST_P(AlertsTest, SignThenFeedbackFromEveryUnitClosesTheAlert) {
    auto id = Raise(*c_, Policy::Default(), Red({station_a_, station_b_}), kT0);
    ASSERT_TRUE(id.ok());
    const FeedbackInput fb{"已查获", "王志强", "在城关卡口截获"};
    EXPECT_EQ(Feedback(*c_, *id, station_a_, fb, officer_a_, kT0 + 10).message(), "not_signed");
    ASSERT_TRUE(Sign(*c_, *id, station_a_, officer_a_, kT0 + 20).ok());
    EXPECT_EQ(Sign(*c_, *id, station_a_, officer_a_, kT0 + 21).code(), ErrorCode::kConflict);
    EXPECT_EQ(Sign(*c_, *id, centre_, duty_, kT0 + 21).code(), ErrorCode::kNotFound);  // not a target
    EXPECT_EQ(Feedback(*c_, *id, station_a_, {"", "王志强", ""}, officer_a_, kT0 + 30).fields().count("outcome"), 1u);
    ASSERT_TRUE(Feedback(*c_, *id, station_a_, fb, officer_a_, kT0 + 600).ok());
    EXPECT_EQ(Feedback(*c_, *id, station_a_, fb, officer_a_, kT0 + 601).message(), "already_reported");
    EXPECT_EQ(Get(*c_, *id)->status, "open");  // station B has not reported
    ASSERT_TRUE(Sign(*c_, *id, station_b_, officer_b_, kT0 + 700).ok());
    ASSERT_TRUE(Feedback(*c_, *id, station_b_, {"未发现", "李明", ""}, officer_b_, kT0 + 900).ok());
    auto a = Get(*c_, *id);
    EXPECT_EQ(a->status, "closed");
    EXPECT_EQ(a->closed_at, kT0 + 900);
    EXPECT_EQ(a->targets[0].outcome + a->targets[1].outcome, "已查获未发现");
}

TEST_P(AlertsTest, StatisticsCountSigningTimesByColourAndUnit) {
    auto red = Raise(*c_, Policy::Default(), Red({station_a_, station_b_}), kT0);
    RaiseInput g = Red({station_a_});
    g.colour = "green";
    auto green = Raise(*c_, Policy::Default(), g, kT0 + 100);
    ASSERT_TRUE(red.ok() && green.ok());
    ASSERT_TRUE(Sign(*c_, *red, station_a_, officer_a_, kT0 + 120).ok());    // 2 min: in time
    ASSERT_TRUE(Sign(*c_, *red, station_b_, officer_b_, kT0 + 420).ok());    // 7 min: late (red = 5 min)
    ASSERT_TRUE(Sign(*c_, *green, station_a_, officer_a_, kT0 + 400).ok());  // 5 min: green allows 4 h
    auto s = Statistics(*c_, Policy::Default(), kT0, kT0 + 86400, std::nullopt);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->by_colour.size(), 4u);
    EXPECT_EQ(s->by_colour[0].colour, "red");
    EXPECT_EQ(s->by_colour[0].alerts, 1);
    EXPECT_EQ(s->by_colour[0].targets, 2);
    EXPECT_EQ(s->by_colour[0].signed_late, 1);
    EXPECT_DOUBLE_EQ(s->by_colour[0].avg_sign_s, (120.0 + 420.0) / 2);
    EXPECT_EQ(s->by_colour[3].alerts, 1);
    EXPECT_EQ(s->by_colour[3].signed_late, 0);
    EXPECT_EQ(s->by_colour[1].alerts, 0);
    ASSERT_EQ(s->by_unit.size(), 2u);
    EXPECT_EQ(s->by_unit[0].unit_id, station_a_);  // two targets
    EXPECT_DOUBLE_EQ(s->by_unit[0].avg_sign_s, (120.0 + 300.0) / 2);
    auto scoped = Statistics(*c_, Policy::Default(), kT0, kT0 + 86400, std::vector<int64_t>{station_b_});
    EXPECT_EQ(scoped->by_colour[0].targets, 1);
    EXPECT_EQ(scoped->by_colour[3].alerts, 0);
}

TEST_P(AlertsTest, ListFiltersByStateColourAndScope) {
    auto red = Raise(*c_, Policy::Default(), Red({station_a_}), kT0);
    RaiseInput b = Red({station_b_});
    b.colour = "blue";
    b.subject = "川B54321";
    auto blue = Raise(*c_, Policy::Default(), b, kT0 + 10);
    ASSERT_TRUE(red.ok() && blue.ok());
    ASSERT_TRUE(Sign(*c_, *blue, station_b_, officer_b_, kT0 + 20).ok());
    ListFilter f;
    auto all = List(*c_, f);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->second, 2);
    EXPECT_EQ(all->first[0].alert.id, *blue);  // newest first
    f.state = "unsigned";
    EXPECT_EQ(List(*c_, f)->first.at(0).alert.id, *red);
    f = {};
    f.unit_scope = std::vector<int64_t>{station_b_};
    f.viewer_unit = station_b_;
    auto mine = List(*c_, f);
    ASSERT_EQ(mine->second, 1);
    ASSERT_TRUE(mine->first[0].mine.has_value());
    EXPECT_TRUE(mine->first[0].mine->signed_at.has_value());
    f = {};
    f.text = "B543";
    EXPECT_EQ(List(*c_, f)->second, 1);
    f = {};
    f.colour = "red";
    EXPECT_EQ(List(*c_, f)->first.at(0).alert.colour, "red");
}

TEST_P(AlertsTest, AnEmptyScopeSeesNothingAndNoScopeSeesAll) {
    ASSERT_TRUE(Raise(*c_, Policy::Default(), Red({station_a_}), kT0).ok());
    RaiseInput b = Red({station_b_});
    b.subject = "川B54321";
    ASSERT_TRUE(Raise(*c_, Policy::Default(), b, kT0 + 10).ok());
    ListFilter f;
    f.unit_scope = std::vector<int64_t>{};
    EXPECT_EQ(List(*c_, f)->second, 0);
    auto empty = Statistics(*c_, Policy::Default(), kT0, kT0 + 86400, std::vector<int64_t>{});
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->by_unit.empty());
    EXPECT_EQ(empty->by_colour[0].alerts, 0);
    auto all = Statistics(*c_, Policy::Default(), kT0, kT0 + 86400, std::nullopt);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->by_unit.size(), 2u);
    // A scope longer than one statement's placeholders still finds its own unit's alert.
    std::vector<int64_t> wide;
    for (int64_t i = 0; i < 2000; ++i) wide.push_back(800000 + i);
    wide.push_back(station_b_);
    f.unit_scope = wide;
    auto seen = List(*c_, f);
    ASSERT_TRUE(seen.ok()) << seen.status().message();
    ASSERT_EQ(seen->second, 1);
    EXPECT_EQ(seen->first[0].alert.subject, "川B54321");
    EXPECT_EQ(Statistics(*c_, Policy::Default(), kT0, kT0 + 86400, wide)->by_unit.size(), 1u);
}

// The rule that was in the GET handler: an alert is seen only by a viewer whose scope holds a target unit.
TEST_P(AlertsTest, AnAlertOutsideTheViewersScopeIsNotFound) {
    auto id = Raise(*c_, Policy::Default(), Red({station_a_}), kT0);
    ASSERT_TRUE(id.ok());
    EXPECT_TRUE(GetInScope(*c_, *id, std::nullopt).ok());
    EXPECT_TRUE(GetInScope(*c_, *id, std::vector<int64_t>{station_b_, station_a_}).ok());
    EXPECT_EQ(GetInScope(*c_, *id, std::vector<int64_t>{station_b_}).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(GetInScope(*c_, *id, std::vector<int64_t>{}).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(GetInScope(*c_, *id + 1, std::nullopt).status().code(), ErrorCode::kNotFound);
}

// What the write handlers reply: the alert as it stands after the change, read in the same transaction.
TEST_P(AlertsTest, ChangesReturnTheAlertAsItNowStands) {
    auto raised = RaiseAndGet(*c_, Policy::Default(), Red({station_a_}), kT0);
    ASSERT_TRUE(raised.ok()) << raised.status().message();
    ASSERT_EQ(raised->targets.size(), 1u);
    EXPECT_FALSE(raised->targets[0].signed_at.has_value());
    auto signed_alert = SignAndGet(*c_, raised->id, station_a_, officer_a_, kT0 + 30);
    ASSERT_TRUE(signed_alert.ok());
    EXPECT_EQ(signed_alert->targets[0].signed_at, kT0 + 30);
    EXPECT_EQ(signed_alert->targets[0].signed_by, officer_a_);
    EXPECT_EQ(SignAndGet(*c_, raised->id, station_a_, officer_a_, kT0 + 31).status().message(), "already_signed");
    auto closed = FeedbackAndGet(*c_, raised->id, station_a_, {"已查获", "王志强", ""}, officer_a_, kT0 + 60);
    ASSERT_TRUE(closed.ok());
    EXPECT_EQ(closed->status, "closed");
    EXPECT_EQ(closed->targets[0].outcome, "已查获");
}

INSTANTIATE_TEST_SUITE_P(Backends, AlertsTest, ::testing::ValuesIn(storage::testing::Backends()));

// The statistics arithmetic without a database: an alert counts once per colour however many targets it has.
TEST(AlertStatistics, SummariseCountsAlertsOnceAndTargetsEach) {
    std::vector<repo::TargetFact> facts = {
        {1, "red", 1000, 1600, 7, "城关派出所", 1300, 1100, std::nullopt, 1500},
        {1, "red", 1000, 1600, 8, "城南派出所", 1300, 1400, 1300, 1600},
        {2, "blue", 2000, std::nullopt, 7, "城关派出所", 5600, std::nullopt, std::nullopt, std::nullopt}};
    const Stats s = Summarise(Policy::Default(), facts);
    ASSERT_EQ(s.by_colour.size(), 4u);
    EXPECT_EQ(s.by_colour[0].alerts, 1);
    EXPECT_EQ(s.by_colour[0].targets, 2);
    EXPECT_EQ(s.by_colour[0].closed, 1);
    EXPECT_EQ(s.by_colour[0].signed_late, 1);
    EXPECT_EQ(s.by_colour[0].escalated, 1);
    EXPECT_DOUBLE_EQ(s.by_colour[0].avg_sign_s, (100.0 + 400.0) / 2);
    EXPECT_DOUBLE_EQ(s.by_colour[0].avg_close_s, 600.0);
    EXPECT_EQ(s.by_colour[2].colour, "blue");
    EXPECT_EQ(s.by_colour[2].alerts, 1);
    EXPECT_EQ(s.by_colour[2].closed, 0);
    ASSERT_EQ(s.by_unit.size(), 2u);
    EXPECT_EQ(s.by_unit[0].unit_id, 7);  // two targets
    EXPECT_EQ(s.by_unit[0].reported, 1);
    EXPECT_EQ(s.by_unit[1].signed_late, 1);
}

TEST(AlertPolicy, ParsesColoursAndMapsPriorities) {
    const Policy& p = Policy::Default();
    ASSERT_EQ(p.rules().size(), 4u);
    EXPECT_EQ(p.ForPriority(1).colour, "red");
    EXPECT_EQ(p.ForPriority(3).colour, "blue");
    EXPECT_EQ(p.ForPriority(9).colour, "green");  // unknown priority: the lowest colour
    auto bad = Policy::FromCsv("h\nred,红色,Red,立即,abc,1,1,1\n");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.status().fields().count("colours.csv:2"));
}

}  // namespace
}  // namespace jw::alerts

TEST(NotifyText, MasksIdNumbersAndMobilesAndKeepsOtherNumbers) {
    EXPECT_EQ(jw::alerts::MaskIdentifiers("在逃人员 11010519491231002X 联系13812345678"),
              "在逃人员 110105********002X 联系138****5678");
    EXPECT_EQ(jw::alerts::MaskIdentifiers("519901199001011234"), "519901********1234");
    // Case numbers, device ids, plates and short numbers are not personal identifiers.
    EXPECT_EQ(jw::alerts::MaskIdentifiers("案件A5199012026000007 卡口51990100001210000091 川A12345 110"),
              "案件A5199012026000007 卡口51990100001210000091 川A12345 110");
    EXPECT_EQ(jw::alerts::MaskIdentifiers("12345678901"), "12345678901");  // not a mobile number: second digit 2
    EXPECT_EQ(jw::alerts::MaskIdentifiers(""), "");
}

// Watch orders (布控) on SQLite and PostgreSQL: lifecycle rules, validity windows, withdrawal, expiry, batch
// import, and hits → exactly one alert per order and pass.
#include "checkpoint/watch/watch_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "alerts/alerts_module.hpp"
#include "checkpoint/checkpoint_test_fixture.hpp"
#include "checkpoint/watch/watch_actions.hpp"
#include "checkpoint/watch/watch_hits.hpp"
#include "checkpoint/watch/watch_repository.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

constexpr int64_t kT0 = 1790000000;  // 2026-09-21 (any fixed time)
const char* kCheckpoint = "51990100001210000001";

class WatchTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        if (!OpenDatabase("watch", testing::CheckpointSchemas())) return;
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt);
        station_a_ = Unit("519901030100", "城关派出所", bureau_);
        station_b_ = Unit("519901030200", "城南派出所", bureau_);
        officer_a_ = User("officer_a", station_a_, "officer");
        leader_ = User("leader", bureau_, "leader");
        ASSERT_TRUE(UpsertDevice(*c_, testing::Gate(kCheckpoint, "城关卡口"), kT0).ok());
    }

    OrderInput Order(const std::string& plate, int64_t from, int64_t to) {
        OrderInput in;
        in.target = plate;
        in.reason = "涉嫌盗窃车辆";
        in.case_no = "A5199012026000001";
        in.valid_from = from;
        in.valid_to = to;
        in.priority = 1;
        in.unit_ids = {station_a_};
        return in;
    }
    // Creates (as officer A) and approves (as the leader) an order.
    int64_t Active(const std::string& plate, int64_t from, int64_t to) {
        auto id = CreateOrder(*c_, alerts::Policy::Default(), Order(plate, from, to), {officer_a_, station_a_}, kT0);
        EXPECT_TRUE(id.ok()) << id.status().message();
        EXPECT_TRUE(ApproveOrder(*c_, *id, {leader_, bureau_}, std::nullopt, kT0).ok());
        return *id;
    }
    // Appends one pass of `plate` at `time` through the hub and records its hits; returns the number of hits.
    size_t Pass(const std::string& plate, int64_t time) {
        EXPECT_TRUE(RefreshWatchList(*c_, *hub_, kT0).ok());
        analytics::PassRecord p;
        p.plate = plate;
        p.plate_color = 5;
        p.checkpoint_id = kCheckpoint;
        p.time = time;
        auto hits = hub_->Append({p});
        EXPECT_TRUE(hits.ok());
        EXPECT_TRUE(RecordHits(*c_, *hits, time).ok());
        return hits->size();
    }

    testing::TempHub hub_;
    int64_t bureau_ = 0, station_a_ = 0, station_b_ = 0, officer_a_ = 0, leader_ = 0;
};

TEST_P(WatchTest, ApplicantCannotApproveTheirOwnOrder) {
    auto id =
        CreateOrder(*c_, alerts::Policy::Default(), Order("川A12345", kT0, kT0 + 86400), {officer_a_, station_a_}, kT0);
    ASSERT_TRUE(id.ok()) << id.status().message();
    Status own = ApproveOrder(*c_, *id, {officer_a_, station_a_}, std::nullopt, kT0);
    EXPECT_EQ(own.code(), ErrorCode::kPermissionDenied);
    EXPECT_EQ(GetOrder(*c_, *id)->status, "pending");
    EXPECT_EQ(ApproveOrder(*c_, *id, {leader_, bureau_}, 7, kT0).code(), ErrorCode::kConflict);  // stale version
    ASSERT_TRUE(ApproveOrder(*c_, *id, {leader_, bureau_}, 1, kT0).ok());
    auto o = GetOrder(*c_, *id);
    EXPECT_EQ(o->status, "active");
    EXPECT_EQ(o->version, 2);
    EXPECT_EQ(o->colour, "red");  // priority 1 → red (alerts data/colours.csv)
    EXPECT_EQ(ApproveOrder(*c_, *id, {leader_, bureau_}, std::nullopt, kT0).code(), ErrorCode::kConflict);
    auto events = ListEvents(*c_, *id);
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[1].action, "approve");
}

// The rule that was in the handlers: a change of an order outside the actor's scope is NotFound and changes
// nothing; inside it, the list is rebuilt at once (a pass hits) and the order comes back as it now stands.
TEST_P(WatchTest, AChangeOutsideTheScopeIsNotFoundAndInsideItRebuildsTheList) {
    auto id =
        CreateOrder(*c_, alerts::Policy::Default(), Order("川A12345", kT0, kT0 + 86400), {officer_a_, station_a_}, kT0);
    ASSERT_TRUE(id.ok()) << id.status().message();
    auto approve = [&](storage::Connection& c, int64_t now) {
        return ApproveOrder(c, *id, {leader_, bureau_}, std::nullopt, now);
    };
    auto outside = ChangeOrderInScope(*c_, *hub_, *id, std::vector<int64_t>{station_b_}, approve, kT0);
    EXPECT_EQ(outside.status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(GetOrder(*c_, *id)->status, "pending");
    auto inside = ChangeOrderInScope(*c_, *hub_, *id, std::vector<int64_t>{station_a_}, approve, kT0);
    ASSERT_TRUE(inside.ok()) << inside.status().message();
    EXPECT_EQ(inside->status, "active");
    EXPECT_EQ(inside->version, 2);
    analytics::PassRecord pass;  // appended without RefreshWatchList: the change itself rebuilt the list
    pass.plate = "川A12345";
    pass.checkpoint_id = kCheckpoint;
    pass.time = kT0 + 10;
    auto hits = hub_->Append({pass});
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u);
    ASSERT_TRUE(RecordHits(*c_, *hits, kT0 + 10).ok());
    auto detail = GetOrderDetail(*c_, *id, std::nullopt);
    ASSERT_TRUE(detail.ok());
    EXPECT_EQ(detail->events.size(), 2u);
    EXPECT_EQ(detail->hits_total, 1);
    ASSERT_EQ(detail->hits.size(), 1u);
    EXPECT_EQ(detail->hits[0].plate, "川A12345");
    EXPECT_EQ(GetOrderDetail(*c_, *id, std::vector<int64_t>{station_b_}).status().code(), ErrorCode::kNotFound);
}

TEST_P(WatchTest, PassesOutsideTheValidityWindowDoNotHit) {
    Active("川A12345", kT0 + 3600, kT0 + 7200);
    EXPECT_EQ(Pass("川A12345", kT0 + 3599), 0u);  // before valid_from
    EXPECT_EQ(Pass("川A12345", kT0 + 7200), 0u);  // valid_to is exclusive
    EXPECT_EQ(Pass("川B12345", kT0 + 4000), 0u);  // another plate
    EXPECT_EQ(Pass("川A12345", kT0 + 3600), 1u);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM watch_hits"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 1);
}

TEST_P(WatchTest, PendingOrdersDoNotMatch) {
    ASSERT_TRUE(
        CreateOrder(*c_, alerts::Policy::Default(), Order("川A12345", kT0, kT0 + 86400), {officer_a_, station_a_}, kT0)
            .ok());
    EXPECT_EQ(Pass("川A12345", kT0 + 10), 0u);
}

TEST_P(WatchTest, WithdrawalStopsMatching) {
    const int64_t id = Active("川A12345", kT0, kT0 + 86400);
    EXPECT_EQ(Pass("川A12345", kT0 + 10), 1u);
    EXPECT_EQ(WithdrawOrder(*c_, id, {officer_a_, station_a_}, "", std::nullopt, kT0 + 20).code(),
              ErrorCode::kInvalidArgument);  // 撤控 needs a reason
    ASSERT_TRUE(WithdrawOrder(*c_, id, {officer_a_, station_a_}, "案件已破", std::nullopt, kT0 + 20).ok());
    EXPECT_EQ(Pass("川A12345", kT0 + 30), 0u);
    EXPECT_EQ(GetOrder(*c_, id)->status, "withdrawn");
}

TEST_P(WatchTest, AHitOfAListBuiltBeforeWithdrawalIsIgnored) {
    const int64_t id = Active("川A12345", kT0, kT0 + 86400);
    ASSERT_TRUE(RefreshWatchList(*c_, *hub_, kT0).ok());
    ASSERT_TRUE(WithdrawOrder(*c_, id, {leader_, bureau_}, "撤控", std::nullopt, kT0 + 1).ok());
    analytics::PassRecord p{"川A12345", 5, kCheckpoint, kT0 + 5};
    auto hits = hub_->Append({p});  // the old list still holds the order
    ASSERT_EQ(hits->size(), 1u);
    ASSERT_TRUE(RecordHits(*c_, *hits, kT0 + 5).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 0);
}

TEST_P(WatchTest, ExpiredOrdersLeaveTheList) {
    const int64_t id = Active("川A12345", kT0, kT0 + 600);
    ASSERT_TRUE(RefreshWatchList(*c_, *hub_, kT0 + 600).ok());
    EXPECT_EQ(hub_->watch_list()->size(), 0u);
    EXPECT_EQ(*ExpireDue(*c_, kT0 + 600), 1);
    EXPECT_EQ(GetOrder(*c_, id)->status, "expired");
    EXPECT_EQ(*ExpireDue(*c_, kT0 + 700), 0);
}

TEST_P(WatchTest, RecordingAHitTwiceGivesOneAlertAndOneHitRow) {
    const int64_t id = Active("川A12345", kT0, kT0 + 86400);
    ASSERT_TRUE(RefreshWatchList(*c_, *hub_, kT0).ok());
    analytics::PassRecord p{"川A12345", 5, kCheckpoint, kT0 + 100, 1, 2, 60};
    auto hits = hub_->Append({p});
    ASSERT_EQ(hits->size(), 1u);
    ASSERT_TRUE(RecordHits(*c_, *hits, kT0 + 101).ok());
    ASSERT_TRUE(RecordHits(*c_, *hits, kT0 + 500).ok());  // a retried post, a restart mid-way
    EXPECT_EQ(Count("SELECT COUNT(*) FROM watch_hits"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 1);
    auto row = c_->QueryOne("SELECT title, subject, case_no, colour, dedup_key, payload FROM alerts");
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->Str(0), "布控车辆 川A12345 经过 城关卡口");
    EXPECT_EQ(row->Str(1), "川A12345");
    EXPECT_EQ(row->Str(2), "A5199012026000001");
    EXPECT_EQ(row->Str(3), "red");
    EXPECT_EQ(row->Str(4),
              "watch:" + std::to_string(id) + ":川A12345:" + kCheckpoint + ":" + std::to_string(kT0 + 100));
    EXPECT_NE(row->Str(5).find("\"checkpoint_name\":\"城关卡口\""), std::string::npos);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alert_targets WHERE unit_id = " + std::to_string(station_a_)), 1);
    HitFilter f;
    f.unit_scope = std::vector<int64_t>{station_b_};
    EXPECT_EQ(ListHits(*c_, f)->second, 0);  // another station does not see it
    f.unit_scope = std::vector<int64_t>{station_a_};
    auto seen = ListHits(*c_, f);
    ASSERT_EQ(seen->second, 1);
    EXPECT_EQ(seen->first[0].checkpoint_name, "城关卡口");
}

TEST_P(WatchTest, APlateColourOnTheOrderNarrowsIt) {
    OrderInput in = Order("川A12345", kT0, kT0 + 86400);
    in.plate_color = 6;  // yellow; the passes here are blue (5)
    auto id = CreateOrder(*c_, alerts::Policy::Default(), in, {officer_a_, station_a_}, kT0);
    ASSERT_TRUE(ApproveOrder(*c_, *id, {leader_, bureau_}, std::nullopt, kT0).ok());
    EXPECT_EQ(Pass("川A12345", kT0 + 10), 1u);           // the list matches the plate …
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 0);  // … the colour does not
}

TEST_P(WatchTest, BadInputNamesTheField) {
    auto field = [&](OrderInput in) {
        auto r = CreateOrder(*c_, alerts::Policy::Default(), in, {officer_a_, station_a_}, kT0);
        return r.ok() ? std::string("ok") : r.status().fields().begin()->first;
    };
    OrderInput in = Order("川A1234", kT0, kT0 + 60);
    EXPECT_EQ(field(in), "target");
    in = Order("川A12345", kT0, kT0 + 60);
    in.case_no = "";
    EXPECT_EQ(field(in), "case_no");
    in = Order("川A12345", kT0 + 60, kT0);
    EXPECT_EQ(field(in), "valid_to");
    in = Order("川A12345", kT0, kT0 + 60);
    in.priority = 5;
    EXPECT_EQ(field(in), "priority");
    in = Order("川A12345", kT0, kT0 + 60);
    in.unit_ids = {};
    EXPECT_EQ(field(in), "unit_ids");
    in.unit_ids = {999999};
    EXPECT_EQ(field(in), "unit_ids");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM watch_orders"), 0);
}

TEST_P(WatchTest, ChangeIsRecordedWithItsReason) {
    const int64_t id = Active("川A12345", kT0, kT0 + 600);
    ChangeInput ch;
    ch.valid_to = kT0 + 86400;
    ch.priority = 3;
    EXPECT_EQ(ChangeOrder(*c_, alerts::Policy::Default(), id, ch, {officer_a_, station_a_}, std::nullopt, kT0).code(),
              ErrorCode::kInvalidArgument);  // no reason
    ch.reason = "延长布控";
    ch.unit_ids = std::vector<int64_t>{station_a_, station_b_};
    ASSERT_TRUE(ChangeOrder(*c_, alerts::Policy::Default(), id, ch, {officer_a_, station_a_}, 2, kT0).ok());
    auto o = GetOrder(*c_, id);
    EXPECT_EQ(o->valid_to, kT0 + 86400);
    EXPECT_EQ(o->colour, "blue");
    EXPECT_EQ(o->notify_units.size(), 2u);
    auto events = ListEvents(*c_, id);
    EXPECT_EQ(events->back().action, "change");
    EXPECT_EQ(events->back().reason, "延长布控");
    OrderFilter f;
    f.unit_scope = std::vector<int64_t>{station_b_};
    EXPECT_EQ(ListOrders(*c_, f)->second, 1);  // station B is now notified, so it sees the order
    f.unit_scope = std::vector<int64_t>{};
    EXPECT_EQ(ListOrders(*c_, f)->second, 0);  // an empty scope sees no order
    EXPECT_EQ(GetOrder(*c_, id, std::vector<int64_t>{}).status().code(), ErrorCode::kNotFound);
    std::vector<int64_t> wide;
    for (int64_t i = 0; i < 2000; ++i) wide.push_back(700000 + i);
    wide.push_back(station_b_);
    f.unit_scope = wide;
    EXPECT_EQ(ListOrders(*c_, f)->second, 1);  // past one statement's placeholders, still by unit
    EXPECT_TRUE(GetOrder(*c_, id, wide).ok());
}

TEST_P(WatchTest, BatchImportReportsInvalidAndDuplicateLines) {
    Active("川A12345", kT0, kT0 + 86400);
    OrderInput common = Order("", kT0, kT0 + 86400);
    const std::string text =
        "plate,plate_color,reason\n"
        " 川a1234o ,5,\n"                                 // 2: → 川A12340
        "川B12345\n"                                      // 3
        "川A12345\n"                                      // 4: an active order exists
        "川A1234\n"                                       // 5: too short
        "{\"plate\":\"川Ｂ１２３４５\"}\n"                // 6: full-width, repeats line 3
        "{\"plate\":\"川C1I345\",\"reason\":\"套牌\"}\n"  // 7: → 川C11345
        "{bad json\n";                                    // 8
    auto rep = ImportOrders(*c_, alerts::Policy::Default(), text, common, {officer_a_, station_a_}, kT0);
    ASSERT_TRUE(rep.ok()) << rep.status().message();
    EXPECT_EQ(rep->created_plates, (std::vector<std::string>{"川A12340", "川B12345", "川C11345"}));
    ASSERT_EQ(rep->duplicates.size(), 2u);
    EXPECT_EQ(rep->duplicates[0].line, 4);
    EXPECT_EQ(rep->duplicates[1].line, 6);
    EXPECT_EQ(rep->duplicates[1].problem, "line 3");
    ASSERT_EQ(rep->invalid.size(), 2u);
    EXPECT_EQ(rep->invalid[0].line, 5);
    EXPECT_EQ(rep->invalid[1].line, 8);
    EXPECT_EQ(GetOrder(*c_, rep->created[2])->reason, "套牌");
    EXPECT_EQ(GetOrder(*c_, rep->created[0])->status, "pending");
}

INSTANTIATE_TEST_SUITE_P(Backends, WatchTest, ::testing::ValuesIn(storage::testing::Backends()));

TEST(WatchPlate, NormalisesTheSerialPartOnly) {
    EXPECT_EQ(NormaliseWatchPlate(" 川a 1234o "), "川A12340");
    EXPECT_EQ(NormaliseWatchPlate("川ａ１２３４５"), "川A12345");  // full-width → half-width
    EXPECT_EQ(NormaliseWatchPlate("川AI234O"), "川A12340");
    EXPECT_EQ(NormaliseWatchPlate("京ADO8000"), "京AD08000");  // new-energy: D stays, O → 0
    EXPECT_EQ(NormaliseWatchPlate("川O12345"), "川O12345");    // the office letter is not the serial part
    EXPECT_EQ(*CheckWatchPlate("川a1234o"), "川A12340");
    EXPECT_EQ(CheckWatchPlate("川A1234").status().fields().at("target"), "bad_length");
    EXPECT_EQ(CheckWatchPlate("").status().fields().at("target"), "required");
}

TEST(WatchImport, CsvAndJsonLinesMixWithQuotesAndEachProblemHasItsLine) {
    std::vector<ImportProblem> problems;
    const std::string text =
        "\xEF\xBB\xBFplate,plate_color,reason\r\n"
        "川A12345,2,\"套牌, \"\"嫌疑\"\"\"\r\n"
        "{\"plate\":\"川B22222\",\"reason\":\"a, b\"}\n"
        "川C3333\"3,1,x\n"
        "\n"
        "川D44444,9x,\n"
        " 川E55555 , 1 ,\"two\nlines\"\n"
        "川F66666,,\"open\n";
    auto rows = ParseImport(text, &problems);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[0].line, 2);
    EXPECT_EQ((*rows)[0].reason, "套牌, \"嫌疑\"");
    EXPECT_EQ((*rows)[0].plate_color, 2);
    EXPECT_EQ((*rows)[1].plate, "川B22222");
    EXPECT_EQ((*rows)[1].line, 3);
    EXPECT_EQ((*rows)[2].plate, "川E55555");
    EXPECT_EQ((*rows)[2].line, 7);
    EXPECT_EQ((*rows)[2].reason, "two\nlines");
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].line, 4);
    EXPECT_EQ(problems[0].problem, "column 7: quote_in_field");
    EXPECT_EQ(problems[1].line, 6);
    EXPECT_EQ(problems[1].field, "plate_color");
    EXPECT_EQ(problems[2].line, 9);
    EXPECT_EQ(problems[2].problem, "column 10: unterminated_quote");
}

}  // namespace
}  // namespace jw::checkpoint

// The live board's push (board_signal.hpp) and the phone's unit status (units/patrol_service.hpp), on SQLite and
// PostgreSQL: who hears a change, one waiting signal per desk however many changes, stored read; the unit's own
// status with its position; the callback's due time from the category's data.
#include "dispatch/board/board_signal.hpp"

#include <gtest/gtest.h>

#include "common/json_util.hpp"
#include "dispatch/board/board_view.hpp"
#include "dispatch/callbacks/callback_service.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "dispatch/dispatch_test_fixture.hpp"
#include "dispatch/units/patrol_service.hpp"

namespace jw::dispatch::testing {
namespace {

using storage::V;

class BoardTest : public DispatchTest {
  protected:
    // The signals stored for `user`: (how many, how many unread, how many undelivered).
    std::tuple<int64_t, int64_t, int64_t> Signals(int64_t user) {
        auto r = c_->QueryOne(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN read_at = 0 OR read_at IS NULL THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN delivered_at = 0 THEN 1 ELSE 0 END), 0) FROM notifications WHERE user_id = ? AND "
            "kind = ?",
            {V(user), V(std::string(kBoardSignalKind))});
        EXPECT_TRUE(r.ok()) << r.status().message();
        return r.ok() ? std::make_tuple(r->Int(0), r->Int(1), r->Int(2)) : std::make_tuple(-1L, -1L, -1L);
    }
    void Deliver() {
        ASSERT_TRUE(c_->Exec("UPDATE notifications SET delivered_at = ? WHERE delivered_at = 0", {V(now_)}).ok());
    }
};

// The desk (all units, at the command centre) and the leader above the station hear a call of the station; an
// officer (no dispatch.assign) does not. Each change replaces the desk's earlier signal (waiting or delivered):
// one row per desk, carrying the latest change, never unread (no line in the bell).
TEST_P(BoardTest, ChangesReachTheDesksOncePerDelivery) {
    const int64_t id = Take("0101");
    ASSERT_NE(id, 0);
    EXPECT_EQ(Signals(desk_id_), std::make_tuple(1L, 0L, 1L));
    EXPECT_EQ(Signals(leader_id_), std::make_tuple(1L, 0L, 1L));
    EXPECT_EQ(std::get<0>(Signals(officer_id_)), 0);
    ASSERT_TRUE(Tx([&](storage::Connection& c) {
                    return DispatchCall(c, desk_, id, patrol_, std::nullopt, std::nullopt, now_ + 5);
                }).ok());
    EXPECT_EQ(Signals(desk_id_), std::make_tuple(1L, 0L, 1L));
    Deliver();
    EXPECT_EQ(Signals(desk_id_), std::make_tuple(1L, 0L, 0L));
    ASSERT_TRUE(Tx([&](storage::Connection& c) {
                    return RespondCall(c, officer_, id, "accept", "", std::nullopt, now_ + 10);
                }).ok());
    EXPECT_EQ(Signals(desk_id_), std::make_tuple(1L, 0L, 1L));
    auto params = c_->QueryOne("SELECT params FROM notifications WHERE user_id = ? AND kind = ? ORDER BY id DESC",
                               {V(desk_id_), V(std::string(kBoardSignalKind))});
    ASSERT_TRUE(params.ok());
    const Json p = Json::parse(params->Str(0));
    EXPECT_EQ(p.value("what", ""), "call");
    EXPECT_EQ(p.value("id", ""), std::to_string(id));
    EXPECT_EQ(p.value("state", ""), "accepted");
}

// The unit sets its own status from the phone with where it is; on a call it may send its position but not free
// itself; the board hears both.
TEST_P(BoardTest, UnitStatusFromThePhone) {
    ASSERT_TRUE(Tx([&](storage::Connection& c) {
                    return SetPatrolStatus(c, officer_, patrol_, "busy", Position{30.61, 104.07}, now_);
                }).ok());
    auto p = repo::GetPatrol(*c_, patrol_);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->status, "busy");
    ASSERT_TRUE(p->latitude && p->longitude);
    EXPECT_NEAR(*p->latitude, 30.61, 1e-6);
    EXPECT_NEAR(*p->longitude, 104.07, 1e-6);
    EXPECT_EQ(p->position_at, now_);
    EXPECT_EQ(std::get<0>(Signals(desk_id_)), 1);
    EXPECT_FALSE(Tx([&](storage::Connection& c) {
                     return SetPatrolStatus(c, officer_, patrol_, "available", Position{91, 0}, now_);
                 }).ok());
    EXPECT_FALSE(Tx([&](storage::Connection& c) {
                     return SetPatrolStatus(c, other_officer_, patrol_, "available", std::nullopt, now_);
                 }).ok());
    ASSERT_TRUE(Tx([&](storage::Connection& c) {
                    return SetPatrolStatus(c, officer_, patrol_, "available", std::nullopt, now_ + 1);
                }).ok());
    const int64_t id = Take("0101");
    ASSERT_TRUE(Tx([&](storage::Connection& c) {
                    return DispatchCall(c, desk_, id, patrol_, std::nullopt, std::nullopt, now_ + 5);
                }).ok());
    Status freed = Tx([&](storage::Connection& c) {
        return SetPatrolStatus(c, officer_, patrol_, "available", std::nullopt, now_ + 6);
    });
    ASSERT_FALSE(freed.ok());
    EXPECT_EQ(freed.fields().at("status"), "on_call");
    EXPECT_TRUE(Tx([&](storage::Connection& c) {
                    return SetPatrolStatus(c, officer_, patrol_, "en_route", Position{30.62, 104.08}, now_ + 7);
                }).ok());
    auto mine = Tx([&](storage::Connection& c) { return MyPatrol(c, desk_).status(); });
    EXPECT_EQ(mine.code(), ErrorCode::kNotFound);  // the desk leads no patrol unit
}

// The callback is due the category's callback_hours after it opened (data/categories.csv, not a constant).
TEST_P(BoardTest, CallbackDueFromTheCategoryData) {
    const int64_t id = Take("0101");
    ASSERT_TRUE(Tx([&](storage::Connection& c) -> Status {
                    JW_RETURN_IF_ERROR(DispatchCall(c, desk_, id, patrol_, std::nullopt, std::nullopt, now_));
                    JW_RETURN_IF_ERROR(RespondCall(c, officer_, id, "accept", "", std::nullopt, now_ + 10));
                    JW_RETURN_IF_ERROR(RespondCall(c, officer_, id, "arrive", "", std::nullopt, now_ + 20));
                    return RespondCall(c, officer_, id, "finish", "已处置", std::nullopt, now_ + 30);
                }).ok());
    auto cb = repo::CallbackOfCall(*c_, id);
    ASSERT_TRUE(cb.ok() && cb->has_value());
    const Category* cat = FindCategory("0101");
    ASSERT_NE(cat, nullptr);
    ASSERT_GT(cat->callback_hours, 0);
    EXPECT_EQ((*cb)->due_at, now_ + 30 + int64_t(cat->callback_hours) * 3600);
    EXPECT_EQ(CallbackDueSeconds("0101"), int64_t(cat->callback_hours) * 3600);
}

// The board's reply (board_view.hpp): only what it shows — no caller, not even masked —, each category and unit
// named once, counts and total over every open call in scope (not only those shown), nothing of another station.
TEST_P(BoardTest, ReplyIsLeanNamesOnceAndKeepsToTheScope) {
    const int64_t a = Take("0101"), b = Take("0101", "13900000001"), k = Take("0201", "13900000002");
    ASSERT_TRUE(Tx([&](storage::Connection& c) {
                    return DispatchCall(c, desk_, k, patrol_, std::nullopt, std::nullopt, now_ + 5);
                }).ok());
    auto board = BoardJson(*c_, std::nullopt, now_ + 60);
    ASSERT_TRUE(board.ok()) << board.status().message();
    const Json& j = *board;
    EXPECT_EQ(j["total"], 3);
    EXPECT_EQ(j["counts"]["received"], 2);
    EXPECT_EQ(j["counts"]["dispatched"], 1);
    ASSERT_EQ(j["calls"].size(), 3u);
    for (const auto& call : j["calls"]) {
        EXPECT_FALSE(call.contains("caller_phone") || call.contains("caller_name") || call.contains("unit_name"));
        EXPECT_TRUE(j["categories"].contains(call["category"].get<std::string>()));
        if (call["id"] == k) EXPECT_EQ(call["patrol_id"], patrol_);
        if (call["id"] == a || call["id"] == b) EXPECT_TRUE(call["patrol_id"].is_null());
    }
    EXPECT_EQ(j["categories"].size(), 2u);
    EXPECT_EQ(j["categories"]["0201"]["zh"], FindCategory("0201")->name_zh);
    EXPECT_EQ(j["categories"]["0201"]["en"], FindCategory("0201")->name_en);
    const std::string text = j.dump();
    EXPECT_EQ(text.find("13800138000"), std::string::npos);
    EXPECT_EQ(text.find("韦"), std::string::npos);
    bool has_patrol = false;
    for (const auto& p : j["patrols"]) {
        EXPECT_TRUE(j["units"].contains(std::to_string(p["unit_id"].get<int64_t>())));
        has_patrol = has_patrol || p["id"] == patrol_;
    }
    EXPECT_TRUE(has_patrol);
    // Fewer shown than open: the counts still cover them all.
    auto shown = repo::ListBoardCalls(*c_, {"received", "dispatched"}, std::nullopt, 2);
    ASSERT_TRUE(shown.ok());
    ASSERT_EQ(shown->size(), 2u);
    EXPECT_EQ(shown->front().id, k);  // newest first (same time: the higher id)
    // Another station sees nothing of these.
    auto other = BoardJson(*c_, std::vector<int64_t>{other_station_}, now_ + 60);
    ASSERT_TRUE(other.ok());
    EXPECT_EQ((*other)["total"], 0);
    EXPECT_TRUE((*other)["calls"].empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, BoardTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::dispatch::testing

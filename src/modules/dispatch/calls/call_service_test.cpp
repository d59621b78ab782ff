// The call's state machine per role, intake (sealed caller, related calls, time targets from the data file),
// escalation on a simulated clock, callbacks exactly once, a case from a call — on SQLite and PostgreSQL.
#include "dispatch/calls/call_service.hpp"

#include <gtest/gtest.h>

#include "dispatch/callbacks/callback_service.hpp"
#include "dispatch/calls/call_case.hpp"
#include "dispatch/calls/call_lifecycle.hpp"
#include "dispatch/catalogue.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "dispatch/dispatch_test_fixture.hpp"
#include "dispatch/units/patrol_service.hpp"

namespace jw::dispatch::testing {
namespace {

using storage::V;

std::string Problem(const Status& s) {
    if (s.ok()) return "ok";
    if (s.code() == ErrorCode::kPermissionDenied) return "denied";
    if (s.code() == ErrorCode::kNotFound) return "not_found";
    return s.fields().empty() ? s.message() : s.fields().begin()->first + "=" + s.fields().begin()->second;
}

class CallTest : public DispatchTest {};

// Who may take which action, from permissions.csv: the desk dispatches, diverts and calls back; the patrol's
// officers (and the desk, the leader) accept, arrive and finish; only the leader concludes a review; an analyst
// reads; a department's account does none of it.
TEST_P(CallTest, TransitionsPerRole) {
    struct Row {
        const char* action;
        const char* state;
        auth::Principal who;
        const char* expect;
    };
    const Row rows[] = {
        {"dispatch", "received", desk_, "ok"},
        {"dispatch", "received", officer_, "denied"},
        {"dispatch", "received", analyst_, "denied"},
        {"dispatch", "received", city_, "denied"},
        {"dispatch", "accepted", desk_, "state=not_allowed_in_state"},
        {"accept", "dispatched", officer_, "ok"},
        {"accept", "dispatched", analyst_, "denied"},
        {"accept", "dispatched", city_, "denied"},
        {"arrive", "accepted", officer_, "ok"},
        {"arrive", "dispatched", officer_, "state=not_allowed_in_state"},
        {"finish", "arrived", officer_, "ok"},
        {"finish", "arrived", analyst_, "denied"},
        {"divert", "received", desk_, "ok"},
        {"divert", "received", officer_, "denied"},
        {"divert", "finished", desk_, "state=not_allowed_in_state"},
        {"callback", "finished", desk_, "ok"},
        {"callback", "diverted", desk_, "ok"},
        {"callback", "finished", officer_, "denied"},
        {"callback", "received", desk_, "state=not_allowed_in_state"},
        {"conclude", "review", leader_, "ok"},
        {"conclude", "review", desk_, "denied"},
        {"case", "arrived", officer_, "ok"},
        {"case", "received", officer_, "state=not_allowed_in_state"},
        {"fly", "received", desk_, "action=unknown_action"},
    };
    for (const auto& r : rows)
        EXPECT_EQ(Problem(CheckTransition(r.action, r.state, r.who).status()), r.expect)
            << r.action << " from " << r.state << " by " << r.who.username;
}

TEST_P(CallTest, IntakeSealsTheCallerAndTakesTargetsFromTheDataFile) {
    const int64_t id = Take("0102", "13800138000");
    const Call k = Get(id);
    EXPECT_EQ(k.state, "received");
    EXPECT_EQ(k.caller_phone, "13800138000");
    const Category* cat = FindCategory("0102");
    ASSERT_NE(cat, nullptr);
    EXPECT_EQ(k.dispatch_due_at, now_ + cat->dispatch_minutes * 60);
    EXPECT_EQ(k.arrival_due_at, now_ + cat->arrival_minutes * 60);
    EXPECT_EQ(k.priority, cat->priority);
    // At rest the number is sealed: neither it nor its digits' tail appear in the row.
    auto row = c_->QueryOne("SELECT caller_phone, caller_name, caller_index FROM dispatch_calls WHERE id = ?", {V(id)});
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->Str(0).rfind("sm4:", 0), 0u);
    EXPECT_EQ(row->Str(0).find("38000"), std::string::npos);
    EXPECT_EQ(row->Str(1).find("韦"), std::string::npos);
    EXPECT_EQ(row->Str(2).size(), 64u);
}

TEST_P(CallTest, IntakeRefusesBadFieldsAndOtherRoles) {
    CallInput in;
    in.caller_phone = "abc";
    in.summary = "";
    in.place_text = "解放路";
    in.category = "9999";
    Status s = ValidateCall(in, now_);
    EXPECT_EQ(s.fields().at("caller_phone"), "bad_phone");
    EXPECT_EQ(s.fields().at("summary"), "required");
    EXPECT_EQ(s.fields().at("category"), "invalid_enum");
    in.caller_phone = "13800138000";
    in.summary = "求助";
    in.category = "0501";
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) { return TakeCall(c, officer_, in, nullptr, now_).status(); })),
              "denied");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) { return TakeCall(c, city_, in, nullptr, now_).status(); })),
              "denied");
}

// Repeat callers and repeat places: an earlier call from the same number (written differently) or the same place is
// found; a call from elsewhere by someone else is not.
TEST_P(CallTest, RelatedCallsBySameNumberOrPlace) {
    const int64_t first = Take("0602", "138 0013 8000", "城关镇解放路12号");
    const int64_t same_place = Take("0602", "13900000001", "城关镇 解放路12号");
    const int64_t elsewhere = Take("0602", "13900000002", "东城区人民路3号");
    auto related = RelatedCalls(*c_, "+86 13800138000", std::nullopt, "别处", now_ + 10, 0);
    ASSERT_TRUE(related.ok());
    ASSERT_EQ(related->size(), 1u);
    EXPECT_EQ(related->front().id, first);
    related = RelatedCalls(*c_, "13700000000", std::nullopt, "城关镇解放路12号", now_ + 10, 0);
    ASSERT_TRUE(related.ok());
    std::set<int64_t> ids;
    for (const auto& k : *related) ids.insert(k.id);
    EXPECT_EQ(ids, (std::set<int64_t>{first, same_place}));
    EXPECT_EQ(ids.count(elsewhere), 0u);
}

TEST_P(CallTest, DispatchToPatrolThroughFinishOpensOneCallback) {
    const int64_t id = Take("0201");
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return DispatchCall(c, desk_, id, patrol_, std::nullopt, std::nullopt, now_ + 30);
              })),
              "ok");
    EXPECT_EQ(repo::GetPatrol(*c_, patrol_)->status, "en_route");
    // Another station's officer does not see the call.
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RespondCall(c, other_officer_, id, "accept", "", std::nullopt, now_ + 40);
              })),
              "not_found");
    // A stale version is refused.
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RespondCall(c, officer_, id, "accept", "", int64_t{1}, now_ + 40);
              })),
              "expected_version=version_mismatch");
    for (const char* a : {"accept", "arrive"})
        ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                      return RespondCall(c, officer_, id, a, "", std::nullopt, now_ + 60);
                  })),
                  "ok");
    EXPECT_EQ(repo::GetPatrol(*c_, patrol_)->status, "on_scene");
    // The unit cannot free itself by hand while on the call.
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return SetPatrolStatus(c, officer_, patrol_, "available", std::nullopt, now_);
              })),
              "status=on_call");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RespondCall(c, officer_, id, "finish", "", std::nullopt, now_ + 90);
              })),
              "note=required");
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RespondCall(c, officer_, id, "finish", "双方已调解", std::nullopt, now_ + 90);
              })),
              "ok");
    const Call k = Get(id);
    EXPECT_EQ(k.state, "finished");
    EXPECT_EQ(k.outcome, "resolved");
    EXPECT_TRUE(k.dispatched_at && k.accepted_at && k.arrived_at && k.finished_at);
    EXPECT_EQ(repo::GetPatrol(*c_, patrol_)->status, "available");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM dispatch_callbacks WHERE call_id = ?", {V(id)}), 1);
    // Exactly once: opening it again makes nothing new.
    auto again = OpenCallback(*c_, id, std::nullopt, now_ + 100);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM dispatch_callbacks WHERE call_id = ?", {V(id)}), 1);
}

TEST_P(CallTest, CallbackClosesTheCallAndUnsatisfiedReopensAReview) {
    auto finished = [&](const std::string& phone) {
        const int64_t id = Take("0602", phone);
        for (const char* a : {"accept", "arrive", "finish"}) {
            Status s = Tx([&](storage::Connection& c) -> Status {
                if (std::string(a) == "accept")
                    JW_RETURN_IF_ERROR(DispatchCall(c, desk_, id, std::nullopt, station_, std::nullopt, now_));
                return RespondCall(c, officer_, id, a, "已处理", std::nullopt, now_ + 60);
            });
            EXPECT_TRUE(s.ok()) << s.message();
        }
        auto cb = repo::CallbackOfCall(*c_, id);
        EXPECT_TRUE(cb.ok() && cb->has_value());
        return std::make_pair(id, cb.ok() && cb->has_value() ? (*cb)->id : int64_t{0});
    };
    auto [good, good_cb] = finished("13800000001");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RecordCallbackResult(c, officer_, good_cb, "satisfied", "", now_ + 120);
              })),
              "denied");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RecordCallbackResult(c, desk_, good_cb, "great", "", now_ + 120);
              })),
              "result=invalid_enum");
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RecordCallbackResult(c, desk_, good_cb, "satisfied", "", now_ + 120);
              })),
              "ok");
    EXPECT_EQ(Get(good).state, "closed");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RecordCallbackResult(c, desk_, good_cb, "satisfied", "", now_ + 130);
              })),
              "state=already_recorded");

    auto [bad, bad_cb] = finished("13800000002");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RecordCallbackResult(c, desk_, bad_cb, "unsatisfied", "", now_ + 120);
              })),
              "comment=required");
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RecordCallbackResult(c, desk_, bad_cb, "unsatisfied", "出警太慢", now_ + 120);
              })),
              "ok");
    EXPECT_EQ(Get(bad).state, "review");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return ConcludeCallbackReview(c, desk_, bad_cb, "已核查", now_ + 200);
              })),
              "denied");
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return ConcludeCallbackReview(c, leader_, bad_cb, "已核查，对出警民警批评教育", now_ + 200);
              })),
              "ok");
    EXPECT_EQ(Get(bad).state, "closed");
}

// Time targets on a simulated clock: nothing before the target, one escalation after it (an alert to the call's unit
// and a message to the leaders), never twice.
TEST_P(CallTest, MissedTargetsEscalateOnceToTheLeader) {
    const Category* cat = FindCategory("0201");
    ASSERT_NE(cat, nullptr);
    const int64_t id = Take("0201");
    const int64_t non_police = Take("0901", "13800000009");
    auto escalate = [&](int64_t at) {
        int n = -1;
        Status s = Tx([&](storage::Connection& c) -> Status {
            JW_ASSIGN_OR_RETURN(n, EscalateOverdue(c, at));
            return Status::Ok();
        });
        EXPECT_TRUE(s.ok()) << s.message();
        return n;
    };
    EXPECT_EQ(escalate(now_ + cat->dispatch_minutes * 60 - 1), 0);
    EXPECT_EQ(escalate(now_ + cat->dispatch_minutes * 60 + 1), 1);
    EXPECT_TRUE(Get(id).escalated_at.has_value());
    EXPECT_FALSE(Get(non_police).escalated_at.has_value());  // a non-police call waits for diversion, not a patrol
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts WHERE source = 'dispatch' AND subject = ?", {V(Get(id).call_no)}), 1);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND code = 'dispatch.overdue'", {V(leader_id_)}),
        1);
    EXPECT_EQ(escalate(now_ + 3600), 0);
}

TEST_P(CallTest, ArrivalTargetCountsFromTheCallNotFromDispatch) {
    const Category* cat = FindCategory("0102");
    const int64_t id = Take("0102");
    ASSERT_TRUE(Tx([&](storage::Connection& c) {
                    return DispatchCall(c, desk_, id, patrol_, std::nullopt, std::nullopt, now_ + 60);
                }).ok());
    int n = -1;
    ASSERT_TRUE(Tx([&](storage::Connection& c) -> Status {
                    JW_ASSIGN_OR_RETURN(n, EscalateOverdue(c, now_ + cat->arrival_minutes * 60 + 1));
                    return Status::Ok();
                }).ok());
    EXPECT_EQ(n, 1);
}

// A case from a call carries the call's facts, place, time and caller (nothing typed twice).
TEST_P(CallTest, CaseFromCallCarriesItsFacts) {
    const int64_t id = Take("0101");
    ASSERT_TRUE(Tx([&](storage::Connection& c) -> Status {
                    JW_RETURN_IF_ERROR(DispatchCall(c, desk_, id, patrol_, std::nullopt, std::nullopt, now_));
                    JW_RETURN_IF_ERROR(RespondCall(c, officer_, id, "accept", "", std::nullopt, now_ + 10));
                    return RespondCall(c, officer_, id, "arrive", "", std::nullopt, now_ + 20);
                }).ok());
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return CaseFromCall(c, analyst_, id, {}, "519901", now_ + 30).status();
              })),
              "denied");
    int64_t case_id = 0;
    Status s = Tx([&](storage::Connection& c) -> Status {
        JW_ASSIGN_OR_RETURN(case_id, CaseFromCall(c, officer_, id, {}, "519901", now_ + 30));
        return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
    auto row = c_->QueryOne("SELECT case_type, facts, place_address, occurred_at, unit_id FROM cases WHERE id = ?",
                            {V(case_id)});
    ASSERT_TRUE(row.ok()) << row.status().message();
    const Call k = Get(id);
    EXPECT_EQ(row->Str(0), "criminal");  // 0101 盗窃 is under 01 刑事
    EXPECT_EQ(row->Str(1), k.summary);
    EXPECT_EQ(row->Str(2), k.place_text);
    EXPECT_EQ(row->Int(3), k.received_at);
    EXPECT_EQ(row->Int(4), station_);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM case_people WHERE case_id = ? AND role = 'reporter'", {V(case_id)}), 1);
    EXPECT_EQ(k.outcome, "case");
    EXPECT_EQ(k.case_id, case_id);
    EXPECT_EQ(k.state, "finished");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return CaseFromCall(c, officer_, id, {}, "519901", now_ + 40).status();
              })),
              "case_id=already_created");
}

// A case from a call whose caller gave no name records the reporter as anonymous, explicitly (not a case with no
// reporter), without the number (it stays on the call, reached through the call number in the case's source).
TEST_P(CallTest, CaseFromAnAnonymousCallRecordsAnAnonymousReporter) {
    const int64_t id = Take("0101", "13800138000", "城关镇解放路12号", "");
    ASSERT_TRUE(Tx([&](storage::Connection& c) -> Status {
                    JW_RETURN_IF_ERROR(DispatchCall(c, desk_, id, patrol_, std::nullopt, std::nullopt, now_));
                    JW_RETURN_IF_ERROR(RespondCall(c, officer_, id, "accept", "", std::nullopt, now_ + 10));
                    return RespondCall(c, officer_, id, "arrive", "", std::nullopt, now_ + 20);
                }).ok());
    int64_t case_id = 0;
    Status s = Tx([&](storage::Connection& c) -> Status {
        JW_ASSIGN_OR_RETURN(case_id, CaseFromCall(c, officer_, id, {}, "519901", now_ + 30));
        return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
    auto people = c_->Query("SELECT role, name, id_type, phone_index FROM case_people WHERE case_id = ?", {V(case_id)});
    ASSERT_TRUE(people.ok());
    ASSERT_EQ(people->size(), 1u);
    EXPECT_EQ((*people)[0].Str(0), "reporter");
    EXPECT_EQ((*people)[0].Str(1), kAnonymousCaller);
    EXPECT_EQ((*people)[0].Str(2), "none");
    EXPECT_EQ((*people)[0].Str(3), "");  // no number (its blind index is empty): not copied into the case
    auto source = c_->QueryOne("SELECT source FROM cases WHERE id = ?", {V(case_id)});
    ASSERT_TRUE(source.ok());
    EXPECT_EQ(source->Str(0), "110报警 " + Get(id).call_no);
}

INSTANTIATE_TEST_SUITE_P(Backends, CallTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::dispatch::testing

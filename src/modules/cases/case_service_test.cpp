// The case service on a real database (SQLite always, PostgreSQL when JW_TEST_PG_URL is set): numbering,
// acceptance with query codes sent through the outbox, the lifecycle with roles and scope, optimistic
// concurrency, idempotency keys, clocks from the deadline engine and the public progress page.
#include "cases/case_service.hpp"

#include <gtest/gtest.h>

#include "cases/case_clocks.hpp"
#include "cases/case_repository.hpp"
#include "cases/case_secrets.hpp"
#include "cases/case_test_fixture.hpp"
#include "cases/public_progress.hpp"
#include "common/civil_time.hpp"
#include "common/crypto.hpp"
#include "storage/test_databases.hpp"

namespace jw::cases {
namespace {

using testing::InTx;

constexpr int64_t kNow = 1795766400;  // 2026-11-27T08:00:00Z, 16:00 in China

class CaseServiceTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        db_ = testing::OpenFresh(GetParam(), "cases");
        if (!db_) GTEST_SKIP() << "backend unavailable (JW_TEST_PG_URL unset?)";
        auto county = InTx<testing::County>(*db_, [](storage::Connection& c) { return testing::SeedCounty(c); });
        ASSERT_TRUE(county.ok()) << county.status().message();
        k_ = *county;
        officer_ = testing::Officer(k_, k_.officer_a, k_.station_a);
    }

    NewCase Administrative() {
        NewCase in;
        in.fields.case_type = "administrative";
        in.fields.cause = "殴打他人";
        in.fields.source = "call_110";
        in.fields.occurred_at = kNow - 3600;
        in.fields.place_address = "示范县城关镇人民路12号";
        in.fields.place_lon = 104.06;
        in.fields.place_lat = 30.67;
        in.fields.facts = "报警人称在人民路被人殴打。";
        in.fields.people = {{0, 0, "reporter", "张三", "resident_id", "11010519491231002X", "13812345678", "人民路1号",
                             0, std::nullopt},
                            {0, 0, "suspect", "李四", "none", "", "", "", 0, std::nullopt}};
        return in;
    }

    Result<CreateResult> Create(NewCase in, const auth::Principal& who) {
        return InTx<CreateResult>(*db_, [&](storage::Connection& c) { return CreateCase(c, who, in, "519901", kNow); });
    }

    Result<ActionResult> Act(int64_t id, const auth::Principal& who, ActionInput in, int64_t now = kNow) {
        return InTx<ActionResult>(*db_, [&](storage::Connection& c) { return ApplyAction(c, who, id, in, now); });
    }

    ActionInput Input(const std::string& action, int64_t version, const std::string& reason = "") {
        ActionInput in;
        in.action = action;
        in.expected_version = version;
        in.reason = reason;
        return in;
    }

    // The query code sent by SMS to `phone` (read from the outbox, as the gateway would).
    std::string CodeSentTo(const std::string& phone) {
        auto c = db_->Acquire();
        // The SMS is the code cases.query_code and its parameters (ADR 0027); the query code is one of them.
        auto rows = (*c)->Query(
            "SELECT params FROM notifications WHERE phone = ? AND code = 'cases.query_code' "
            "ORDER BY id DESC",
            {storage::V(phone)});
        if (!rows.ok() || rows->empty()) return "";
        const Json params = Json::parse((*rows)[0].Str(0), nullptr, false);
        return params.is_object() ? params.value("code", "") : "";
    }

    std::unique_ptr<storage::Database> db_;
    testing::County k_;
    auth::Principal officer_;
};

TEST_P(CaseServiceTest, AcceptanceNumbersTheCaseRecordsEventOneAndSendsAQueryCode) {
    auto first = Create(Administrative(), officer_);
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(first->kase.case_no, "5199012026XZ00001");
    EXPECT_EQ(first->kase.state, "accepted");
    EXPECT_EQ(first->kase.law, "2025");
    EXPECT_EQ(first->kase.version, 1);
    EXPECT_EQ(first->codes_sent, 1);
    ASSERT_EQ(first->kase.people.size(), 2u);
    EXPECT_EQ(first->kase.people[0].id_number, "11010519491231002X");
    ASSERT_TRUE(first->kase.place_lon.has_value());
    EXPECT_NEAR(*first->kase.place_lon, 104.06, 1e-6);
    const std::string code = CodeSentTo("13812345678");
    auto second = Create(Administrative(), officer_);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->kase.case_no, "5199012026XZ00002");
    NewCase criminal = Administrative();
    criminal.fields.case_type = "criminal";
    auto third = Create(criminal, officer_);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->kase.case_no, "5199012026XS00001");
    EXPECT_EQ(third->kase.law, "");

    auto c = db_->Acquire();
    auto events = repo::ListEvents(**c, first->kase.id);
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].action, "accept");
    ASSERT_EQ(code.size(), 8u);
    auto codes = repo::ListQueryCodes(**c, first->kase.id);
    ASSERT_EQ(codes->size(), 1u);
    EXPECT_EQ((*codes)[0].code_hash.find(code), std::string::npos);  // stored hashed
    EXPECT_EQ((*codes)[0].code_hash, QueryCodeHash("5199012026XZ00001", code));
    // Keyed with a secret, not with the public case number (issue 11, finding 2).
    EXPECT_NE((*codes)[0].code_hash, HmacSm3Hex("5199012026XZ00001", code));
}

TEST_P(CaseServiceTest, BadInputNamesTheFieldAndWritesNothing) {
    NewCase in = Administrative();
    in.fields.people[0].id_number = "110105194912310021";
    in.fields.people[1].role = "bystander";
    auto r = Create(in, officer_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().at("people[0].id_number"), "bad_check_character");
    in = Administrative();
    in.fields.unit_id = k_.station_b;
    EXPECT_EQ(Create(in, officer_).status().fields().at("unit_id"), "out_of_scope");
    in = Administrative();
    in.fields.lead_officer_id = k_.officer_b;
    EXPECT_EQ(Create(in, officer_).status().fields().at("lead_officer_id"), "not_in_unit");
    auto c = db_->Acquire();
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM cases")->Int(0), 0);
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM case_number_seq")->Int(0), 0);
    EXPECT_EQ((*c)->QueryOne("SELECT COUNT(*) FROM notifications")->Int(0), 0);
}

TEST_P(CaseServiceTest, AdministrativeCaseRunsItsWholeLifeWithRolesAndReview) {
    auto created = Create(Administrative(), officer_);
    ASSERT_TRUE(created.ok());
    const int64_t id = created->kase.id;
    const auth::Principal reviewer = testing::Reviewer(k_), leader = testing::Leader(k_);
    int64_t v = 1;
    auto step = [&](const auth::Principal& who, ActionInput in) {
        in.expected_version = v;
        auto r = Act(id, who, in);
        if (r.ok()) v = r->kase.version;
        return r;
    };
    ASSERT_TRUE(step(officer_, Input("file", 0)).ok());
    ASSERT_TRUE(step(officer_, Input("start_investigation", 0)).ok());
    ASSERT_TRUE(step(officer_, Input("appraisal_started", 0)).ok());
    EXPECT_EQ(step(officer_, Input("extension_approved", 0)).status().code(), ErrorCode::kPermissionDenied);
    ASSERT_TRUE(step(officer_, Input("appraisal_ended", 0)).ok());
    ASSERT_TRUE(step(officer_, Input("propose_penalty", 0, "事实清楚")).ok());
    ASSERT_TRUE(step(officer_, Input("submit_review", 0)).ok());
    EXPECT_EQ(step(officer_, Input("decide_penalty", 0)).status().code(), ErrorCode::kPermissionDenied);
    auto early = step(leader, Input("decide_penalty", 0));
    EXPECT_EQ(early.status().fields().at("penalty"), "required");
    auto set_penalty = [&](int64_t amount) {
        return InTx<Case>(*db_, [&](storage::Connection& c) {
            return SetPenalty(c, officer_, id, v, "manual",
                              Json{{"kind", "fine"}, {"amount_yuan", amount}, {"text", "罚款"}}, kNow);
        });
    };
    // Under legal review the penalty is locked (what the reviewer judges may not change); returned, it opens.
    auto locked = set_penalty(500);
    EXPECT_EQ(locked.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(locked.status().message(), "penalty_locked_review");
    ASSERT_TRUE(step(reviewer, Input("return_review", 0, "证据不足")).ok());  // reviewer of another unit
    auto penalty = set_penalty(600);
    ASSERT_TRUE(penalty.ok()) << penalty.status().message();
    v = penalty->version;
    ASSERT_TRUE(step(officer_, Input("submit_review", 0)).ok());
    EXPECT_EQ(step(leader, Input("decide_penalty", 0)).status().fields().at("review"), "not_approved");
    ASSERT_TRUE(step(reviewer, Input("review_approved", 0)).ok());
    auto decided = step(leader, Input("decide_penalty", 0));
    ASSERT_TRUE(decided.ok()) << decided.status().message();
    EXPECT_EQ(decided->kase.outcome, "penalty");
    EXPECT_EQ(step(officer_, Input("close", 0)).status().fields().at("outcome"), "penalty");
    ASSERT_TRUE(step(officer_, Input("execute", 0)).ok());
    auto closed = step(officer_, Input("close", 0));
    ASSERT_TRUE(closed.ok());
    EXPECT_EQ(closed->kase.state, "closed");
    EXPECT_EQ(closed->kase.closed_at, kNow);
    EXPECT_EQ(step(officer_, Input("note", 0, "x")).status().code(), ErrorCode::kConflict);

    auto c = db_->Acquire();
    auto events = repo::ListEvents(**c, id);
    ASSERT_TRUE(events.ok());
    auto clocks = ComputeCaseClocks(closed->kase, *events, ChinaDate(kNow));
    ASSERT_TRUE(clocks.ok()) << clocks.status().message();
    ASSERT_FALSE(clocks->empty());
    EXPECT_EQ((*clocks)[0].rule_id, "zhian_case_2025");
    EXPECT_NE((*clocks)[0].state, "running");  // decided: the clock has ended
}

TEST_P(CaseServiceTest, TwoWritesWithTheSameVersionGiveOneConflict) {
    auto created = Create(Administrative(), officer_);
    ASSERT_TRUE(created.ok());
    const auth::Principal colleague = testing::Officer(k_, k_.officer_a2, k_.station_a);
    auto first = Act(created->kase.id, officer_, Input("file", 1));
    auto second = Act(created->kase.id, colleague, Input("not_file", 1, "不属于本单位管辖"));
    ASSERT_TRUE(first.ok());
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), ErrorCode::kConflict);
    EXPECT_EQ(second.status().fields().at("expected_version"), "stale");
    auto c = db_->Acquire();
    EXPECT_EQ(repo::ListEvents(**c, created->kase.id)->size(), 2u);
}

TEST_P(CaseServiceTest, TheSameIdempotencyKeyTwiceGivesOneEvent) {
    auto created = Create(Administrative(), officer_);
    ASSERT_TRUE(created.ok());
    ActionInput in = Input("file", 1);
    in.idempotency_key = "click-1";
    auto first = Act(created->kase.id, officer_, in);
    auto again = Act(created->kase.id, officer_, in);  // a double click: same key, now-stale version
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_FALSE(first->replay);
    EXPECT_TRUE(again->replay);
    EXPECT_EQ(again->event.id, first->event.id);
    EXPECT_EQ(again->kase.version, 2);
    in.action = "start_investigation";
    in.expected_version = 2;
    EXPECT_EQ(Act(created->kase.id, officer_, in).status().fields().at("idempotency_key"), "reused_for_other_action");
    auto c = db_->Acquire();
    EXPECT_EQ(repo::ListEvents(**c, created->kase.id)->size(), 2u);

    NewCase again_case = Administrative();
    again_case.idempotency_key = "form-7";
    auto a = Create(again_case, officer_);
    auto b = Create(again_case, officer_);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->kase.id, b->kase.id);
    EXPECT_TRUE(b->replay);
}

TEST_P(CaseServiceTest, OtherStationsCannotSeeOrActAndTheEngineRefusesInconsistentFacts) {
    auto created = Create(Administrative(), officer_);
    ASSERT_TRUE(created.ok());
    const auth::Principal other = testing::Officer(k_, k_.officer_b, k_.station_b);
    EXPECT_EQ(Act(created->kase.id, other, Input("file", 1)).status().code(), ErrorCode::kNotFound);
    auto c = db_->Acquire();
    EXPECT_EQ(LoadCase(**c, other, created->kase.id).status().code(), ErrorCode::kNotFound);
    EXPECT_TRUE(LoadCase(**c, testing::Reviewer(k_), created->kase.id).ok());
    auto r = Act(created->kase.id, officer_, Input("appraisal_ended", 1));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.status().fields().count("event"), 1u);
    ActionInput future = Input("note", 1, "x");
    future.at = kNow + 3600;
    EXPECT_EQ(Act(created->kase.id, officer_, future).status().fields().at("at"), "in_future");
}

TEST_P(CaseServiceTest, CriminalMeasuresNeedASuspectAndStartPersonClocks) {
    NewCase in = Administrative();
    in.fields.case_type = "criminal";
    in.fields.cause = "盗窃";
    auto created = Create(in, officer_);
    ASSERT_TRUE(created.ok());
    const int64_t id = created->kase.id;
    const auth::Principal leader = testing::Leader(k_);
    ASSERT_TRUE(Act(id, officer_, Input("start_filing_review", 1)).ok());
    ASSERT_TRUE(Act(id, leader, Input("file", 2)).ok());
    ASSERT_TRUE(Act(id, officer_, Input("start_investigation", 3)).ok());
    ActionInput detain = Input("criminal_detention", 4);
    detain.person_id = created->kase.people[0].id;  // the reporter
    EXPECT_EQ(Act(id, officer_, detain).status().fields().at("person_id"), "not_a_suspect");
    detain.person_id = created->kase.people[1].id;
    auto r = Act(id, officer_, detain);
    ASSERT_TRUE(r.ok()) << r.status().message();
    auto c = db_->Acquire();
    auto clocks = ComputeCaseClocks(r->kase, *repo::ListEvents(**c, id), ChinaDate(kNow));
    ASSERT_TRUE(clocks.ok()) << clocks.status().message();
    bool found = false;
    for (const auto& cl : *clocks)
        if (cl.rule_id == "arrest_request") {
            found = true;
            EXPECT_EQ(cl.subject, "person-" + std::to_string(created->kase.people[1].id));
            EXPECT_EQ(cl.due, "2026-11-30");
        }
    EXPECT_TRUE(found);
}

TEST_P(CaseServiceTest, PublicProgressShowsNoPeopleRefusesWrongCodesAndRateLimits) {
    auto created = Create(Administrative(), officer_);
    ASSERT_TRUE(created.ok());
    ASSERT_TRUE(Act(created->kase.id, officer_, Input("file", 1)).ok());
    const std::string code = CodeSentTo("13812345678");
    auto query = [&](const std::string& client, const std::string& no, const std::string& qc, int64_t now) {
        return InTx<PublicQueryOutcome>(*db_,
                                        [&](storage::Connection& c) { return PublicQuery(c, client, no, qc, now); });
    };
    auto ok = query("10.0.0.1", "5199012026XZ00001", code, kNow);
    ASSERT_TRUE(ok.ok());
    ASSERT_EQ(ok->result, PublicQueryResult::kOk);
    const Json& p = ok->progress;
    EXPECT_EQ(p["stage"], "filed");
    EXPECT_EQ(p["unit_name"], "城关派出所");
    EXPECT_EQ(p["officer"]["surname"], "王");
    EXPECT_EQ(p["officer"]["police_no"], "990004");
    EXPECT_EQ(p["next_step"]["action"], "start_investigation");
    EXPECT_FALSE(p["next_step"]["deadline"].is_null());
    const std::string text = p.dump();
    for (const char* secret : {"张三", "李四", "13812345678", "11010519491231002X", "王志强", "人民路"})
        EXPECT_EQ(text.find(secret), std::string::npos) << secret;

    EXPECT_EQ(query("10.0.0.2", "5199012026XZ00001", "00000000", kNow)->result, PublicQueryResult::kWrong);
    EXPECT_EQ(query("10.0.0.2", "5199012026XZ99999", code, kNow)->result, PublicQueryResult::kWrong);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(query("10.0.0.2", "x", "1", kNow + i)->result, PublicQueryResult::kWrong);
    EXPECT_EQ(query("10.0.0.2", "5199012026XZ00001", code, kNow + 10)->result, PublicQueryResult::kRateLimited);
    EXPECT_EQ(query("10.0.0.3", "5199012026XZ00001", code, kNow + 10)->result, PublicQueryResult::kOk);  // per address
    EXPECT_EQ(query("10.0.0.2", "5199012026XZ00001", code, kNow + kWindowSeconds + 5)->result, PublicQueryResult::kOk);

    auto c = db_->Acquire();
    auto codes = repo::ListQueryCodes(**c, created->kase.id);
    ASSERT_TRUE(InTx<bool>(*db_, [&](storage::Connection& tx) -> Result<bool> {
                    JW_RETURN_IF_ERROR(RevokeQueryCode(tx, officer_, created->kase.id, (*codes)[0].id, kNow));
                    return true;
                }).ok());
    EXPECT_EQ(query("10.0.0.4", "5199012026XZ00001", code, kNow)->result, PublicQueryResult::kWrong);
}

TEST(Surname, CompoundSurnamesKeepTwoCharacters) {
    EXPECT_EQ(Surname("王志强"), "王");
    EXPECT_EQ(Surname("欧阳明丽"), "欧阳");
    EXPECT_EQ(Surname("欧阳"), "欧");
    EXPECT_EQ(Surname(""), "");
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseServiceTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jw::cases

// The lifecycle table (data/transitions.csv): every allowed transition for every role that holds it, and the
// refusals — other roles, wrong states, closed cases, units outside the actor's scope, missing requirements.
#include "cases/lifecycle.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace jw::cases {
namespace {

const std::vector<std::string> kBusinessRoles = {"officer",   "legal_reviewer", "duty_desk",
                                                 "custodian", "leader",         "courier"};

// A context in which every requirement of `t` is met, for an actor holding `role`.
ActionContext Satisfying(const Transition& t, const std::string& role) {
    ActionContext ctx;
    ctx.case_type = t.case_type;
    ctx.state = t.from_state == kAnyState ? "investigation" : t.from_state;
    if (t.from_state == kAnyState && t.case_type == "criminal") ctx.state = "filed";
    ctx.actor_roles = {role};
    ctx.actor_sees_unit = true;
    ctx.has_reason = ctx.has_suspect_person = ctx.has_days = ctx.has_penalty = ctx.review_approved = true;
    ctx.outcome = t.Requires("outcome_penalty") ? "penalty" : t.Requires("outcome_not_penalty") ? "no_penalty" : "";
    return ctx;
}

TEST(Lifecycle, ShippedTableLoadsAndHasBothCaseTypes) {
    const auto& l = Lifecycle::Default();
    EXPECT_GT(l.transitions().size(), 40u);
    EXPECT_TRUE(l.KnowsAction("administrative", "decide_penalty"));
    EXPECT_TRUE(l.KnowsAction("criminal", "criminal_detention"));
    EXPECT_FALSE(l.KnowsAction("administrative", "criminal_detention"));
}

TEST(Lifecycle, EveryAllowedTransitionForEveryRoleThatHoldsIt) {
    int checked = 0;
    for (const auto& t : Lifecycle::Default().transitions()) {
        for (const auto& role : t.roles) {
            auto r = Lifecycle::Default().Check(Satisfying(t, role), t.action);
            ASSERT_TRUE(r.ok()) << t.case_type << " " << t.from_state << " " << t.action << " by " << role << ": "
                                << r.status().message();
            EXPECT_EQ((*r)->to_state, t.to_state);
            ++checked;
        }
    }
    EXPECT_GT(checked, 60);
}

TEST(Lifecycle, EveryOtherRoleIsRefused) {
    for (const auto& t : Lifecycle::Default().transitions()) {
        for (const auto& role : kBusinessRoles) {
            if (std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end()) continue;
            auto r = Lifecycle::Default().Check(Satisfying(t, role), t.action);
            ASSERT_FALSE(r.ok()) << t.action << " by " << role;
            EXPECT_EQ(r.status().code(), ErrorCode::kPermissionDenied) << t.action << " by " << role;
            EXPECT_EQ(r.status().fields().at("action"), "role_not_allowed");
        }
    }
}

TEST(Lifecycle, MainPathsFollowTheProcedure) {
    const std::vector<std::pair<std::string, std::string>> admin = {{"file", "filed"},
                                                                    {"start_investigation", "investigation"},
                                                                    {"propose_penalty", "penalty_proposed"},
                                                                    {"submit_review", "legal_review"},
                                                                    {"decide_penalty", "decided"},
                                                                    {"execute", "executed"},
                                                                    {"close", "closed"}};
    std::string state = "accepted";
    for (const auto& [action, to] : admin) {
        const Transition* t = Lifecycle::Default().Find("administrative", state, action);
        ASSERT_NE(t, nullptr) << action << " from " << state;
        EXPECT_EQ(t->to_state, to);
        state = to;
    }
    const std::vector<std::pair<std::string, std::string>> criminal = {
        {"start_filing_review", "filing_review"},
        {"file", "filed"},
        {"start_investigation", "investigation"},
        {"transfer_for_prosecution", "transferred_for_prosecution"},
        {"close", "closed"}};
    state = "accepted";
    for (const auto& [action, to] : criminal) {
        const Transition* t = Lifecycle::Default().Find("criminal", state, action);
        ASSERT_NE(t, nullptr) << action << " from " << state;
        EXPECT_EQ(t->to_state, to);
        state = to;
    }
}

TEST(Lifecycle, ActionsOutsideTheirStateAreConflicts) {
    ActionContext ctx;
    ctx.case_type = "administrative";
    ctx.actor_roles = {"officer", "leader", "legal_reviewer"};
    ctx.actor_sees_unit = true;
    ctx.has_reason = ctx.has_penalty = ctx.review_approved = true;
    const std::vector<std::pair<std::string, std::string>> wrong = {{"accepted", "propose_penalty"},
                                                                    {"accepted", "decide_penalty"},
                                                                    {"filed", "submit_review"},
                                                                    {"investigation", "execute"},
                                                                    {"decided", "file"},
                                                                    {"executed", "decide_penalty"},
                                                                    {"closed", "note"},
                                                                    {"closed", "appraisal_started"},
                                                                    {"closed", "close"}};
    for (const auto& [state, action] : wrong) {
        ctx.state = state;
        auto r = Lifecycle::Default().Check(ctx, action);
        ASSERT_FALSE(r.ok()) << action << " in " << state;
        EXPECT_EQ(r.status().code(), ErrorCode::kConflict) << action << " in " << state;
        EXPECT_EQ(r.status().fields().at("action"), "not_allowed_in_state");
    }
    ctx.case_type = "criminal";
    ctx.state = "filing_review";
    EXPECT_EQ(Lifecycle::Default().Check(ctx, "criminal_detention").status().code(), ErrorCode::kConflict);
    ctx.state = "accepted";
    EXPECT_EQ(Lifecycle::Default().Check(ctx, "file").status().code(), ErrorCode::kConflict);  // review first
    EXPECT_EQ(Lifecycle::Default().Check(ctx, "decide_penalty").status().fields().at("action"), "unknown_action");
}

TEST(Lifecycle, UnitScopeAndCountyScope) {
    ActionContext ctx;
    ctx.case_type = "administrative";
    ctx.state = "legal_review";
    ctx.actor_roles = {"legal_reviewer"};
    ctx.actor_sees_unit = false;  // the county's legal office reviews every station's cases
    ctx.has_reason = true;
    EXPECT_TRUE(Lifecycle::Default().Check(ctx, "return_review").ok());
    EXPECT_TRUE(Lifecycle::Default().Check(ctx, "review_approved").ok());
    ctx.actor_roles = {"officer"};
    ctx.state = "accepted";
    EXPECT_EQ(Lifecycle::Default().Check(ctx, "file").status().code(), ErrorCode::kNotFound);
}

TEST(Lifecycle, RequirementsAreNamed) {
    ActionContext ctx;
    ctx.case_type = "administrative";
    ctx.actor_roles = {"officer", "leader"};
    ctx.actor_sees_unit = true;
    ctx.state = "accepted";
    auto r = Lifecycle::Default().Check(ctx, "not_file");
    EXPECT_EQ(r.status().fields().at("reason"), "required");
    ctx.state = "legal_review";
    r = Lifecycle::Default().Check(ctx, "decide_penalty");
    EXPECT_EQ(r.status().fields().at("penalty"), "required");
    ctx.has_penalty = true;
    r = Lifecycle::Default().Check(ctx, "decide_penalty");
    EXPECT_EQ(r.status().fields().at("review"), "not_approved");
    ctx.review_approved = true;
    EXPECT_TRUE(Lifecycle::Default().Check(ctx, "decide_penalty").ok());
    ctx.state = "decided";
    ctx.outcome = "no_penalty";
    EXPECT_EQ(Lifecycle::Default().Check(ctx, "execute").status().fields().at("outcome"), "not_penalty");
    EXPECT_TRUE(Lifecycle::Default().Check(ctx, "close").ok());
    ctx.outcome = "penalty";
    EXPECT_EQ(Lifecycle::Default().Check(ctx, "close").status().fields().at("outcome"), "penalty");
    ctx.case_type = "criminal";
    ctx.state = "investigation";
    ctx.actor_roles = {"officer"};
    r = Lifecycle::Default().Check(ctx, "detention_extended");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kPermissionDenied);  // extensions are approved by a leader
    ctx.actor_roles = {"leader"};
    r = Lifecycle::Default().Check(ctx, "detention_extended");
    EXPECT_EQ(r.status().fields().at("person_id"), "required");
    EXPECT_EQ(r.status().fields().at("days"), "required");
}

TEST(Lifecycle, OfferedListsOnlyWhatTheRoleMayDoNow) {
    ActionContext ctx;
    ctx.case_type = "administrative";
    ctx.state = "legal_review";
    ctx.actor_roles = {"legal_reviewer"};
    ctx.actor_sees_unit = false;
    std::set<std::string> offered;
    for (const auto* t : Lifecycle::Default().Offered(ctx)) offered.insert(t->action);
    EXPECT_EQ(offered, (std::set<std::string>{"return_review", "review_approved"}));
}

TEST(Lifecycle, MalformedTablesAreRejectedWithTheLine) {
    const std::string header = "case_type,from_state,action,to_state,roles,scope,requires\n";
    EXPECT_EQ(Lifecycle::FromCsv(header + "administrative,accepted,file,filed,officer,unit\n")
                  .status()
                  .fields()
                  .count("line 2"),
              1u);
    EXPECT_EQ(Lifecycle::FromCsv(header + "administrative,accepted,file,filed,officer,bureau,\n")
                  .status()
                  .fields()
                  .at("line 2"),
              "bad_scope");
    EXPECT_EQ(Lifecycle::FromCsv(header + "administrative,accepted,file,filed,,unit,\n").status().fields().at("line 2"),
              "no_roles");
    EXPECT_EQ(Lifecycle::FromCsv(header + "a,b,c,d,officer,unit,magic\n").status().fields().at("line 2"),
              "unknown_requirement:magic");
    EXPECT_EQ(
        Lifecycle::FromCsv(header + "a,b,c,d,officer,unit,\na,b,c,e,officer,unit,\n").status().fields().at("line 3"),
        "duplicate");
}

}  // namespace
}  // namespace jw::cases

// Diversion both directions — a department's own account and the 12345 webhook — with the callback closing the
// loop, and the other ways in (another department, a police account, a wrong signature). SQLite and PostgreSQL.
#include "dispatch/diversion/diversion_service.hpp"

#include <gtest/gtest.h>

#include "dispatch/callbacks/callback_service.hpp"
#include "dispatch/calls/call_service.hpp"
#include "dispatch/dispatch_keys.hpp"
#include "dispatch/dispatch_repository.hpp"
#include "dispatch/dispatch_test_fixture.hpp"

namespace jw::dispatch::testing {
namespace {

using storage::V;

std::string Problem(const Status& s) {
    if (s.ok()) return "ok";
    if (s.code() == ErrorCode::kPermissionDenied) return "denied";
    if (s.code() == ErrorCode::kNotFound) return "not_found";
    return s.fields().empty() ? s.message() : s.fields().begin()->first + "=" + s.fields().begin()->second;
}

class DiversionTest : public DispatchTest {
  protected:
    int64_t Divert(int64_t call, const std::string& dept) {
        int64_t order = 0;
        Status s = Tx([&](storage::Connection& c) -> Status {
            JW_ASSIGN_OR_RETURN(order,
                                DivertCall(c, desk_, call, dept, "请核实处理", std::nullopt, std::nullopt, now_));
            return Status::Ok();
        });
        EXPECT_TRUE(s.ok()) << s.message();
        return order;
    }
};

TEST_P(DiversionTest, PoliceMattersAreNotDiverted) {
    const int64_t id = Take("0201");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return DivertCall(c, desk_, id, "citymgmt", "", std::nullopt, std::nullopt, now_).status();
              })),
              "category=police_matter");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return DivertCall(c, desk_, id, "nowhere", "", std::string("0901"), std::nullopt, now_).status();
              })),
              "department_code=not_found");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return DivertCall(c, officer_, id, "citymgmt", "", std::string("0901"), std::nullopt, now_).status();
              })),
              "denied");
    // The desk may recategorise a call it finds is not a police matter, in the same action.
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return DivertCall(c, desk_, id, "citymgmt", "", std::string("0901"), std::nullopt, now_).status();
              })),
              "ok");
    EXPECT_EQ(Get(id).category, "0901");
    EXPECT_FALSE(Get(id).police);
}

TEST_P(DiversionTest, DepartmentAccountWorksItsOwnOrdersAndTheCallbackClosesTheLoop) {
    const int64_t id = Take("0901", "13800138000");
    const int64_t order = Divert(id, "citymgmt");
    EXPECT_EQ(Get(id).state, "diverted");
    // The caller is told where it went (an SMS to the number, not to a user).
    EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE user_id = 0 AND code = 'dispatch.diverted'"), 1);
    // Another department's account and a police account cannot touch it.
    EXPECT_EQ(
        Problem(Tx([&](storage::Connection& c) { return AcceptWorkOrder(c, market_, order, std::nullopt, now_); })),
        "not_found");
    EXPECT_EQ(Problem(WorkOrderInScope(*c_, market_, order).status()), "not_found");
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) { return AcceptWorkOrder(c, desk_, order, std::nullopt, now_); })),
              "denied");
    // Reporting before accepting is out of order.
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return ReportWorkOrder(c, city_, order, "已修复", std::nullopt, now_);
              })),
              "state=not_allowed_in_state");
    ASSERT_EQ(
        Problem(Tx([&](storage::Connection& c) { return AcceptWorkOrder(c, city_, order, std::nullopt, now_ + 60); })),
        "ok");
    // Nothing is closed before the department reports: no callback yet, and the desk cannot close the call.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM dispatch_callbacks WHERE call_id = ?", {V(id)}), 0);
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return ReportWorkOrder(c, city_, order, "", std::nullopt, now_ + 120);
              })),
              "report=required");
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return ReportWorkOrder(c, city_, order, "井盖已更换", std::nullopt, now_ + 120);
              })),
              "ok");
    auto cb = repo::CallbackOfCall(*c_, id);
    ASSERT_TRUE(cb.ok() && cb->has_value());
    EXPECT_EQ((*cb)->work_order_id, order);
    ASSERT_EQ(Problem(Tx([&](storage::Connection& c) {
                  return RecordCallbackResult(c, desk_, (*cb)->id, "satisfied", "", now_ + 200);
              })),
              "ok");
    EXPECT_EQ(Get(id).state, "closed");
    EXPECT_EQ(repo::GetWorkOrder(*c_, order)->state, "closed");
    // The work order as the department sees it names no caller.
    auto w = WorkOrderInScope(*c_, city_, order);
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w->summary, Get(id).summary);
}

TEST_P(DiversionTest, TwelveThreeFourFiveByWebhookBothDirections) {
    const int64_t id = Take("0909", "13800138000");
    const int64_t order = Divert(id, "hotline12345");
    auto row = c_->QueryOne("SELECT event, body FROM dispatch_webhook_out WHERE work_order_id = ?", {V(order)});
    ASSERT_TRUE(row.ok()) << row.status().message();
    EXPECT_EQ(row->Str(0), "order.created");
    EXPECT_EQ(row->Str(1).find("13800138000"), std::string::npos);  // the caller's number only masked
    const std::string order_no = repo::GetWorkOrder(*c_, order)->order_no;
    // A department account cannot act on a webhook department's order (no organisation of its own there).
    EXPECT_EQ(Problem(Tx([&](storage::Connection& c) { return AcceptWorkOrder(c, city_, order, std::nullopt, now_); })),
              "not_found");
    auto inbound = [&](const Json& m) {
        return Tx([&](storage::Connection& c) { return ApplyInbound(c, m, now_ + 100).status(); });
    };
    EXPECT_EQ(Problem(inbound({{"event", "order.reported"}, {"order_no", order_no}, {"report", "已答复"}})),
              "state=not_allowed_in_state");
    ASSERT_EQ(Problem(inbound({{"event", "order.accepted"}, {"order_no", order_no}})), "ok");
    ASSERT_EQ(Problem(inbound({{"event", "order.reported"}, {"order_no", order_no}, {"report", "已答复"}})), "ok");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM dispatch_callbacks WHERE call_id = ?", {V(id)}), 1);
    EXPECT_EQ(Problem(inbound({{"event", "order.accepted"}, {"order_no", "GD-none"}})), "order_no=not_found");
    EXPECT_EQ(Problem(inbound({{"event", "drop_table"}})), "event=invalid_enum");

    // The other direction: a police matter 12345 received becomes a call on the desk's board, once per reference.
    const Json matter = {
        {"event", "police_matter"}, {"external_ref", "12345-2026-0001"},         {"caller_phone", "13900139000"},
        {"caller_name", "李某"},    {"summary", "市民反映有人在小区内持刀威胁"}, {"place_text", "城关镇解放路12号"},
        {"category", "0201"}};
    Json first, second;
    Status took = Tx([&](storage::Connection& c) -> Status {
        JW_ASSIGN_OR_RETURN(first, ApplyInbound(c, matter, now_ + 200));
        JW_ASSIGN_OR_RETURN(second, ApplyInbound(c, matter, now_ + 210));
        return Status::Ok();
    });
    ASSERT_TRUE(took.ok()) << Problem(took);
    EXPECT_EQ(first["call_id"], second["call_id"]);
    const Call k = Get(first["call_id"].get<int64_t>());
    EXPECT_EQ(k.source, "12345");
    EXPECT_EQ(k.state, "received");
    EXPECT_EQ(k.unit_id, bureau_);
    Json non_police = matter;
    non_police["external_ref"] = "12345-2026-0002";
    non_police["category"] = "0904";
    EXPECT_EQ(Problem(inbound(non_police)), "category=police_only");
}

TEST_P(DiversionTest, WebhookSignature) {
    const std::string body = R"({"event":"order.accepted","order_no":"GD1"})";
    const std::string sig = WebhookSignature(body);
    EXPECT_EQ(sig.size(), 64u);
    EXPECT_TRUE(WebhookSignatureValid(body, sig));
    std::string upper = sig;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    EXPECT_TRUE(WebhookSignatureValid(body, upper));
    EXPECT_FALSE(WebhookSignatureValid(body + " ", sig));
    EXPECT_FALSE(WebhookSignatureValid(body, ""));
    InstallKeys(std::string(32, 'x'));  // another county's key
    EXPECT_FALSE(WebhookSignatureValid(body, sig));
}

INSTANTIATE_TEST_SUITE_P(Backends, DiversionTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::dispatch::testing

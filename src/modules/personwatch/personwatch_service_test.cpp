// The person watch list's lifecycle (personwatch_service.hpp) on SQLite and PostgreSQL: apply → approve by another
// → active → withdrawn | expired on a simulated clock; refusals; personal fields sealed at rest; the link to the
// master index.
#include "personwatch/personwatch_service.hpp"

#include <gtest/gtest.h>

#include "alerts/alert.hpp"
#include "auth/principal.hpp"
#include "community/people/people_service.hpp"
#include "personwatch/personwatch_repository.hpp"
#include "personwatch/personwatch_test_fixture.hpp"

namespace jw::personwatch {
namespace {

using storage::V;
using testing::Id18;

class PersonWatchServiceTest : public testing::PersonWatchTest {
  protected:
    Result<int64_t> Apply(const EntryInput& in) {
        Result<int64_t> out = Status::Internal("not run");
        Status s = Tx([&](storage::Connection& tx) -> Status {
            out = ApplyEntry(tx, alerts::Policy::Default(), in, officer_, now_);
            return out.ok() ? Status::Ok() : out.status();
        });
        return out;
    }
    std::string StatusOf(int64_t id) {
        auto e = GetEntry(*c_, id);
        return e.ok() ? e->status : e.status().message();
    }
};

std::string Field(const Status& s, const std::string& name) {
    auto it = s.fields().find(name);
    return it == s.fields().end() ? "" : it->second;
}

TEST_P(PersonWatchServiceTest, AppliedEntryIsPendingUntilALeaderOtherThanTheApplicantApproves) {
    if (!c_) return;
    auto id = Apply(Input("wanted", Id18("51990119850315123")));
    ASSERT_TRUE(id.ok()) << id.status().message();
    EXPECT_EQ(StatusOf(*id), "pending");
    // Four eyes: the applicant cannot approve their own application.
    Status own = Tx([&](storage::Connection& tx) { return ApproveEntry(tx, *id, officer_, std::nullopt, now_); });
    EXPECT_EQ(own.code(), ErrorCode::kPermissionDenied);
    EXPECT_EQ(StatusOf(*id), "pending");
    Status stale = Tx([&](storage::Connection& tx) { return ApproveEntry(tx, *id, leader_, 7, now_); });
    EXPECT_EQ(stale.message(), "version_mismatch");
    ASSERT_TRUE(Tx([&](storage::Connection& tx) { return ApproveEntry(tx, *id, leader_, 1, now_, "同意"); }).ok());
    auto e = GetEntry(*c_, *id);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->status, "active");
    EXPECT_EQ(e->approver_id, leader_.user_id);
    EXPECT_EQ(e->version, 2);
    EXPECT_EQ(e->colour, "red");  // wanted: priority 1 (data/kinds.csv) → red (alerts data/colours.csv)
    EXPECT_EQ(e->birth_date, "1985-03-15");
    auto events = ListEvents(*c_, *id);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].action, "create");
    EXPECT_EQ((*events)[1].action, "approve");
    EXPECT_EQ((*events)[1].reason, "同意");
    // Approved once: a second approval is refused.
    Status again = Tx([&](storage::Connection& tx) { return ApproveEntry(tx, *id, leader_, std::nullopt, now_); });
    EXPECT_EQ(again.message(), "not_pending");
}

TEST_P(PersonWatchServiceTest, RejectionNeedsAReasonAndEndsTheApplication) {
    if (!c_) return;
    auto id = Apply(Input("poi", Id18("51990119900101456")));
    ASSERT_TRUE(id.ok()) << id.status().message();
    Status no_reason =
        Tx([&](storage::Connection& tx) { return RejectEntry(tx, *id, leader_, "", std::nullopt, now_); });
    EXPECT_EQ(Field(no_reason, "reason"), "required, at most 200 characters");
    ASSERT_TRUE(Tx([&](storage::Connection& tx) {
                    return RejectEntry(tx, *id, leader_, "依据不足", std::nullopt, now_);
                }).ok());
    EXPECT_EQ(StatusOf(*id), "rejected");
    Status withdraw =
        Tx([&](storage::Connection& tx) { return WithdrawEntry(tx, *id, officer_, "撤回", std::nullopt, now_); });
    EXPECT_EQ(withdraw.message(), "not_withdrawable");
}

TEST_P(PersonWatchServiceTest, WithdrawnEntryStaysWithdrawn) {
    if (!c_) return;
    const int64_t id = Listed(Input("wanted", Id18("51990119850315123")));
    ASSERT_GT(id, 0);
    ASSERT_TRUE(Tx([&](storage::Connection& tx) {
                    return WithdrawEntry(tx, id, officer_, "已抓获", std::nullopt, now_);
                }).ok());
    EXPECT_EQ(StatusOf(id), "withdrawn");
    Status twice =
        Tx([&](storage::Connection& tx) { return WithdrawEntry(tx, id, officer_, "已抓获", std::nullopt, now_); });
    EXPECT_EQ(twice.message(), "not_withdrawable");
    // Withdrawn: the same person may be listed again.
    EXPECT_TRUE(Apply(Input("wanted", Id18("51990119850315123"))).ok());
}

TEST_P(PersonWatchServiceTest, EntriesExpireOnTheClockPendingAndActiveAlike) {
    if (!c_) return;
    const int64_t active = Listed(Input("wanted", Id18("51990119850315123")));
    auto pending = Apply(Input("poi", Id18("51990119900101456")));
    ASSERT_TRUE(pending.ok());
    Result<int> n = Status::Internal("not run");
    ASSERT_TRUE(Tx([&](storage::Connection& tx) -> Status {
                    n = ExpireDue(tx, now_ + 999);  // valid_to = now + 1000: not yet
                    return n.status();
                }).ok());
    EXPECT_EQ(*n, 0);
    ASSERT_TRUE(Tx([&](storage::Connection& tx) -> Status {
                    n = ExpireDue(tx, now_ + 1000);
                    return n.status();
                }).ok());
    EXPECT_EQ(*n, 2);
    EXPECT_EQ(StatusOf(active), "expired");
    EXPECT_EQ(StatusOf(*pending), "expired");
    auto events = ListEvents(*c_, active);
    ASSERT_TRUE(events.ok());
    EXPECT_EQ(events->back().action, "expire");
    EXPECT_FALSE(events->back().user_id.has_value());  // the system
    // An expired application can no longer be approved.
    Status late = Tx([&](storage::Connection& tx) { return ApproveEntry(tx, *pending, leader_, std::nullopt, now_); });
    EXPECT_EQ(late.message(), "not_pending");
}

TEST_P(PersonWatchServiceTest, ApprovalAfterTheWindowClosedIsRefused) {
    if (!c_) return;
    auto id = Apply(Input("poi", Id18("51990119900101456")));
    ASSERT_TRUE(id.ok());
    Status late =
        Tx([&](storage::Connection& tx) { return ApproveEntry(tx, *id, leader_, std::nullopt, now_ + 1000); });
    EXPECT_EQ(late.message(), "expired");
}

TEST_P(PersonWatchServiceTest, OnePersonIsListedOncePerKind) {
    if (!c_) return;
    ASSERT_GT(Listed(Input("wanted", Id18("51990119850315123"))), 0);
    // The 15-digit form of the same card is the same person (GB 11643 conversion).
    auto again = Apply(Input("wanted", "519901850315123"));
    EXPECT_EQ(again.status().message(), "already_listed");
    EXPECT_TRUE(Apply(Input("poi", Id18("51990119850315123"))).ok());
}

TEST_P(PersonWatchServiceTest, InvalidInputNamesTheField) {
    if (!c_) return;
    auto bad_kind = Apply(Input("suspect", Id18("51990119850315123")));
    EXPECT_EQ(Field(bad_kind.status(), "kind"), "invalid_enum");
    std::string wrong = Id18("51990119850315123");
    wrong.back() = wrong.back() == '1' ? '2' : '1';
    EXPECT_TRUE(Field(Apply(Input("wanted", wrong)).status(), "id_number") != "");
    EntryInput no_instruction = Input("wanted", Id18("51990119850315123"));
    no_instruction.instruction = "";
    EXPECT_EQ(Field(Apply(no_instruction).status(), "instruction"), "required, at most 200 characters");
    EntryInput long_window = Input("wanted", Id18("51990119850315123"));
    long_window.valid_to = long_window.valid_from + 367 * 86400;
    EXPECT_EQ(Field(Apply(long_window).status(), "valid_to"), "longer_than_366_days");
    EntryInput unknown_unit = Input("wanted", Id18("51990119850315123"));
    unknown_unit.unit_ids = {987654};
    EXPECT_TRUE(Field(Apply(unknown_unit).status(), "unit_ids").starts_with("unknown unit"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM personwatch_entries"), 0);
}

TEST_P(PersonWatchServiceTest, PersonalFieldsAreSealedAtRest) {
    if (!c_) return;
    const std::string number = Id18("51990119850315123");
    ASSERT_GT(Listed(Input("wanted", number, "韦志强")), 0);
    auto row = c_->QueryOne("SELECT id_number, name, birth_date, id_index FROM personwatch_entries");
    ASSERT_TRUE(row.ok());
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_TRUE(row->Str(i).starts_with("sm4:")) << i;
        EXPECT_EQ(row->Str(i).find("1985"), std::string::npos) << i;
    }
    EXPECT_EQ(row->Str(1).find("韦"), std::string::npos);
    EXPECT_EQ(row->Str(3).size(), 64u);
}

TEST_P(PersonWatchServiceTest, EntryIsLinkedToTheMasterIndexPersonWhenRegistered) {
    if (!c_) return;
    const std::string number = Id18("51990119700101234");
    community::PersonInput p;
    p.id_number = number;
    p.name = "李四";
    int64_t person = 0;
    ASSERT_TRUE(Tx([&](storage::Connection& tx) -> Status {
                    JW_ASSIGN_OR_RETURN(auto r, community::ResolvePerson(tx, p, officer_p_, now_));
                    person = r.person_id;
                    return Status::Ok();
                }).ok());
    const int64_t id = Listed(Input("poi", number, "李四"));
    auto e = GetEntry(*c_, id);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->person_id, person);
    const int64_t other = Listed(Input("wanted", Id18("51990119850315123")));
    EXPECT_FALSE(GetEntry(*c_, other)->person_id.has_value());
}

TEST_P(PersonWatchServiceTest, AStationSeesOnlyEntriesOfItsUnits) {
    if (!c_) return;
    const int64_t id = Listed(Input("wanted", Id18("51990119850315123")));  // applied at station, notifies centre
    EXPECT_TRUE(GetEntry(*c_, id, std::vector<int64_t>{station_}).ok());
    EXPECT_TRUE(GetEntry(*c_, id, std::vector<int64_t>{centre_}).ok());
    EXPECT_EQ(GetEntry(*c_, id, std::vector<int64_t>{other_station_}).status().code(), ErrorCode::kNotFound);
    EntryFilter f;
    f.unit_scope = std::vector<int64_t>{other_station_};
    auto page = ListEntries(*c_, f);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->second, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonWatchServiceTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::personwatch

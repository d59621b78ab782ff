// The person check (field_service.hpp) on SQLite and PostgreSQL: the master index answers known or nothing, by ID
// number or by name and birth date; a resent check (same client_key) is one row; the subject is sealed at rest.
#include "field/field_service.hpp"

#include <gtest/gtest.h>

#include "common/validators.hpp"
#include "community/community_keys.hpp"
#include "community/people/people_service.hpp"
#include "personwatch/personwatch_test_fixture.hpp"

namespace jw::field::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace jw::field {
namespace {

using personwatch::testing::Id18;

// The person watch list's set-up (a station, the command centre, an officer and a leader, keys), with this
// module's table and a person of the master index.
class FieldCheckTest : public personwatch::testing::PersonWatchTest {
  protected:
    void SetUp() override {
        PersonWatchTest::SetUp();
        if (!c_) return;
        ASSERT_TRUE(test_support::Migrate(*db_, {{"field", &data::EmbeddedFiles()}}, true).ok());
        officer_p_.permissions = {"field.check"};
        community::PersonInput p;
        p.id_number = known_id_;
        p.name = "王小明";
        ASSERT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) {
                        return community::ResolvePerson(tx, p, officer_p_, 1000).status();
                    }).ok());
    }
    Result<CheckResult> Check(const CheckInput& in) {
        Result<CheckResult> out = Status::Internal("not run");
        (void)storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
            out = RecordCheck(tx, officer_p_, in, now_);
            return out.status();
        });
        return out;
    }
    const std::string known_id_ = Id18("51990119900307123");
};

TEST_P(FieldCheckTest, TheMasterIndexAnswersKnownOrNothing) {
    CheckInput in;
    in.client_key = "k-known-1";
    in.id_number = known_id_;
    in.longitude = 104.1;
    in.latitude = 30.6;
    auto known = Check(in);
    ASSERT_TRUE(known.ok()) << known.status().message();
    EXPECT_EQ(known->outcome, "known");
    EXPECT_EQ(known->masked_name, "王**");
    EXPECT_EQ(known->masked_id, MaskIdNumber(known_id_));

    in.client_key = "k-nothing-1";
    in.id_number = Id18("51990119851111001");
    auto nothing = Check(in);
    ASSERT_TRUE(nothing.ok()) << nothing.status().message();
    EXPECT_EQ(nothing->outcome, "nothing");
    EXPECT_FALSE(nothing->person_id);

    CheckInput by_name;
    by_name.client_key = "k-name-1";
    by_name.name = "王小明";
    by_name.birth_date = "1990-03-07";
    auto named = Check(by_name);
    ASSERT_TRUE(named.ok()) << named.status().message();
    EXPECT_EQ(named->outcome, "known");
    by_name.client_key = "k-name-2";
    by_name.birth_date = "1990-03-08";
    EXPECT_EQ(Check(by_name)->outcome, "nothing");
}

TEST_P(FieldCheckTest, AResentCheckIsOneRowAndTheSubjectIsSealed) {
    CheckInput in;
    in.client_key = "k-resent-1";
    in.id_number = known_id_;
    in.checked_at = 4000;
    in.offline = true;
    auto first = Check(in);
    auto again = Check(in);
    ASSERT_TRUE(first.ok() && again.ok());
    EXPECT_FALSE(first->replay);
    EXPECT_TRUE(again->replay);
    EXPECT_EQ(again->id, first->id);
    EXPECT_EQ(again->outcome, "known");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM field_checks"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM field_checks WHERE subject LIKE ?", {storage::V("%" + known_id_ + "%")}), 0);
    auto rows = ListChecks(*c_, officer_p_.user_id, std::nullopt, 10);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].subject_masked, MaskIdNumber(known_id_));
    EXPECT_EQ((*rows)[0].checked_at, 4000);  // the phone's time of an offline check
    EXPECT_TRUE((*rows)[0].offline);
    // Another unit's desk does not see it.
    EXPECT_TRUE(ListChecks(*c_, std::nullopt, std::vector<int64_t>{other_station_}, 10)->empty());
}

TEST_P(FieldCheckTest, ACheckNamesWhatIsMissing) {
    CheckInput in;
    in.client_key = "k-bad-1";
    auto r = Check(in);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().at("name"), "required");
    EXPECT_EQ(r.status().fields().at("birth_date"), "required");
    in.id_number = "519901199003071230";  // wrong check character
    EXPECT_EQ(Check(in).status().code(), ErrorCode::kInvalidArgument);
}

TEST_P(FieldCheckTest, AWantedPersonIsAnsweredWantedAndAlertsTheDeskOnce) {
    const std::string wanted = Id18("51990119770707555");
    ASSERT_NE(Listed(Input("wanted", wanted)), 0);
    CheckInput in;
    in.client_key = "k-wanted-1";
    in.id_number = wanted;
    in.longitude = 104.07;
    in.latitude = 30.67;
    auto r = Check(in);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->outcome, "wanted");
    ASSERT_EQ(r->hits.size(), 1u);
    EXPECT_EQ(r->hits[0].instruction, "立即控制并带回审查");
    EXPECT_GT(r->hits[0].alert_id, 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 1);
    // The queue sends the same check again: the same answer, no second alert, no second row.
    auto again = Check(in);
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(again->outcome, "wanted");
    EXPECT_EQ(again->hits.at(0).alert_id, r->hits[0].alert_id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM alerts"), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM field_checks"), 1);
    // A person of interest is "watched".
    const std::string poi = Id18("51990119810203456");
    ASSERT_NE(Listed(Input("poi", poi)), 0);
    in.client_key = "k-poi-1";
    in.id_number = poi;
    EXPECT_EQ(Check(in)->outcome, "watched");
}

// A grid member's phone finds its grid by the team it is on (ADR 0064): the first grid by code, none for a user on
// no team (a member's slot without an account does not count).
TEST_P(FieldCheckTest, AGridMemberFindsTheGridOfTheirTeam) {
    const int64_t member = officer_p_.user_id;
    auto none = GridOfMember(*c_, member);
    ASSERT_TRUE(none.ok()) << none.status().message();
    EXPECT_FALSE(none->has_value());
    ASSERT_TRUE(c_->Exec("INSERT INTO community_grid_members (grid_code, user_id, name, role) VALUES "
                         "('G-02', ?, 'a', 'grid_member'), ('G-01', ?, 'a', 'grid_member'), "
                         "('G-00', NULL, 'b', 'grid_member')",
                         {storage::V(member), storage::V(member)})
                    .ok());
    auto mine = GridOfMember(*c_, member);
    ASSERT_TRUE(mine.ok()) << mine.status().message();
    ASSERT_TRUE(mine->has_value());
    EXPECT_EQ(**mine, "G-01");
    auto other = GridOfMember(*c_, member + 1000);
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(other->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, FieldCheckTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::field

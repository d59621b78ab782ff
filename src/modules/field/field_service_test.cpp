// The person check (field_service.hpp) on SQLite and PostgreSQL: the master index answers known or nothing, by ID
// number or by name and birth date; a resent check (same client_key) is one row; the subject is sealed at rest.
#include "field/field_service.hpp"

#include <gtest/gtest.h>

#include "common/validators.hpp"
#include "community/community_keys.hpp"
#include "community/people/people_service.hpp"
#include "test_support/database_test.hpp"

namespace jw::community::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace jw::field::data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace jw::field {
namespace {

std::string Id18(const std::string& first17) { return first17 + IdCheckCharacter(first17); }

class FieldCheckTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        community::InstallKeys(std::string(16, 'k'));
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"community", &community::data::EmbeddedFiles()});
        schemas.push_back({"field", &data::EmbeddedFiles()});
        if (!OpenDatabase("field_checks", schemas)) return;
        const int64_t station = Unit("519901030100", "城关派出所", std::nullopt);
        officer_.user_id = User("officer_a", station, "officer");
        officer_.unit_id = station;
        community::PersonInput p;
        p.id_number = known_id_;
        p.name = "王小明";
        ASSERT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) {
                        return community::ResolvePerson(tx, p, officer_, 1000).status();
                    }).ok());
    }
    Result<CheckResult> Check(const CheckInput& in) {
        Result<CheckResult> out = Status::Internal("not run");
        (void)storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
            out = RecordCheck(tx, officer_, in, 5000);
            return out.status();
        });
        return out;
    }
    auth::Principal officer_;
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
    auto rows = ListChecks(*c_, officer_.user_id, std::nullopt, 10);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].subject_masked, MaskIdNumber(known_id_));
    EXPECT_EQ((*rows)[0].checked_at, 4000);  // the phone's time of an offline check
    EXPECT_TRUE((*rows)[0].offline);
    // Another unit's desk does not see it.
    EXPECT_TRUE(ListChecks(*c_, std::nullopt, std::vector<int64_t>{officer_.unit_id + 100}, 10)->empty());
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

INSTANTIATE_TEST_SUITE_P(Backends, FieldCheckTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::field

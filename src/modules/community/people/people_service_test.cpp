// The person register (people_service.hpp) on SQLite and PostgreSQL: find-or-create by identity (a 15-digit and
// the 18-digit form are one person; the same passport number of two nationalities is two people), a second
// registration fills only empty fields, residence must be a standard address, and nothing personal is stored in
// the clear.
#include "community/people/people_service.hpp"

#include <gtest/gtest.h>

#include "common/validators.hpp"
#include "community/addresses/address_repository.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/community_keys.hpp"
#include "test_support/database_test.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

using storage::V;

std::string Id18(const std::string& first17) { return first17 + IdCheckCharacter(first17); }

class PeopleServiceTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        InstallKeys(std::string(16, 'k'));
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"community", &data::EmbeddedFiles()});
        if (!OpenDatabase("community_people", schemas)) return;
        const int64_t station = Unit("519901030100", "城关派出所", std::nullopt);
        officer_.user_id = User("officer_a", station, "officer");
        officer_.unit_id = station;
        other_.user_id = User("officer_b", station, "officer");
        other_.unit_id = station;
        for (const auto& a : DemoAddresses(50)) ASSERT_TRUE(UpsertAddress(*c_, a, 1).ok());
        address_ = DemoAddresses(50)[40].code;
    }
    PersonInput Resident(const std::string& number) {
        PersonInput in;
        in.id_number = number;
        in.name = "李四";
        return in;
    }
    Result<ResolveResult> Resolve(const PersonInput& in, const auth::Principal& who) {
        Result<ResolveResult> out = Status::Internal("not run");
        Status s = storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
            out = ResolvePerson(tx, in, who, 1000);
            return out.ok() ? Status::Ok() : out.status();
        });
        return out;
    }
    auth::Principal officer_, other_;
    std::string address_;
};

TEST_P(PeopleServiceTest, FifteenAndEighteenDigitsAreOnePerson) {
    auto first = Resolve(Resident("519901800101002"), officer_);
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_TRUE(first->created);
    EXPECT_EQ(first->version, 1);
    auto second = Resolve(Resident(Id18("51990119800101002")), other_);
    ASSERT_TRUE(second.ok()) << second.status().message();
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->person_id, first->person_id);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 1);

    auto p = GetPerson(*c_, first->person_id);
    ASSERT_TRUE(p.ok()) << p.status().message();
    EXPECT_EQ(p->id_number, Id18("51990119800101002"));
    EXPECT_EQ(p->collected_by, officer_.user_id);  // the first collector stays
    EXPECT_EQ(p->sex, "female");
    EXPECT_EQ(p->status, "present");

    auto by15 = FindPersonByIdNumber(*c_, "resident_id", "519901800101002");
    ASSERT_TRUE(by15.ok());
    ASSERT_TRUE(by15->has_value());
    EXPECT_EQ((*by15)->id, first->person_id);
    auto nobody = FindPersonByIdNumber(*c_, "resident_id", Id18("51990119800101003"));
    ASSERT_TRUE(nobody.ok());
    EXPECT_FALSE(nobody->has_value());
    EXPECT_FALSE(FindPersonByIdNumber(*c_, "resident_id", "12345").ok());
    EXPECT_EQ(GetPerson(*c_, first->person_id + 100).status().code(), ErrorCode::kNotFound);
}

TEST_P(PeopleServiceTest, PassportNumberOfTwoNationalitiesIsTwoPeople) {
    PersonInput us;
    us.id_kind = "passport";
    us.id_number = "E1234567";
    us.nationality = "USA";
    us.name = "John Smith";
    PersonInput gb = us;
    gb.nationality = "GBR";
    auto a = Resolve(us, officer_);
    auto b = Resolve(gb, officer_);
    auto again = Resolve(us, other_);
    ASSERT_TRUE(a.ok() && b.ok() && again.ok());
    EXPECT_TRUE(a->created);
    EXPECT_TRUE(b->created);
    EXPECT_NE(a->person_id, b->person_id);
    EXPECT_FALSE(again->created);
    EXPECT_EQ(again->person_id, a->person_id);
    auto found = FindPersonByIdNumber(*c_, "passport", "e1234567", "gbr");
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->id, b->person_id);
    EXPECT_EQ((*found)->category, "overseas");
}

TEST_P(PeopleServiceTest, SecondRegistrationFillsOnlyEmptyFields) {
    PersonInput in = Resident(Id18("51990119900215123"));
    in.ethnicity = "汉族";
    auto first = Resolve(in, officer_);
    ASSERT_TRUE(first.ok());

    PersonInput more = Resident(Id18("51990119900215123"));
    more.name = "李肆";  // a different spelling does not replace the registered name
    more.ethnicity = "回族";
    more.hukou_address = "四川省示范县城关镇解放路1号";
    more.phones = {"13800001111"};
    more.residence_address_id = address_;
    more.category = "floating";
    auto second = Resolve(more, other_);
    ASSERT_TRUE(second.ok()) << second.status().message();
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->version, 2);
    auto p = GetPerson(*c_, first->person_id);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->name, "李四");
    EXPECT_EQ(p->ethnicity, "汉族");
    EXPECT_EQ(p->category, "household");
    EXPECT_EQ(p->hukou_address, "四川省示范县城关镇解放路1号");
    EXPECT_EQ(p->phones, std::vector<std::string>{"13800001111"});
    EXPECT_EQ(p->residence_address_id.value_or(""), address_);
    EXPECT_EQ(p->version, 2);

    auto third = Resolve(more, other_);  // nothing left to fill: no new version
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->version, 2);
}

TEST_P(PeopleServiceTest, ResidenceMustBeAStandardAddress) {
    PersonInput in = Resident(Id18("51990119900215123"));
    in.residence_address_id = "519901-99-nowhere";
    auto r = Resolve(in, officer_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().at("residence_address_id"), "unknown_address");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_people"), 0);
}

TEST_P(PeopleServiceTest, PersonalFieldsAreSealedAtRest) {
    PersonInput in = Resident(Id18("51990119900215123"));
    in.phones = {"13800001111", "0833-1234567"};
    in.hukou_address = "四川省示范县城关镇解放路1号";
    ASSERT_TRUE(Resolve(in, officer_).ok());
    auto rows = c_->Query("SELECT id_number, phones, hukou_address, id_index FROM community_people");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    const auto& r = (*rows)[0];
    for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(FieldSealer::IsSealed(r.Str(i))) << r.Str(i);
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(r.Str(i).find("51990119900215123"), std::string::npos);
        EXPECT_EQ(r.Str(i).find("13800001111"), std::string::npos);
        EXPECT_EQ(r.Str(i).find("解放路"), std::string::npos);
    }
    auto p = FindPersonByIdNumber(*c_, "resident_id", in.id_number);
    ASSERT_TRUE(p.ok() && p->has_value());
    EXPECT_EQ((*p)->phones.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleServiceTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community

// Identity of a person (person_identity.hpp): resident IDs normalised, 15 digits converted to 18 and checked
// (GB 11643-1999), sex and birth date derived and checked against what was entered; the other documents with
// their nationality; the identity index keeps documents of different kinds and nationalities apart.
#include "community/people/person_identity.hpp"

#include <gtest/gtest.h>

#include "common/validators.hpp"
#include "community/community_keys.hpp"

namespace jw::community {
namespace {

std::string Id18(const std::string& first17) { return first17 + IdCheckCharacter(first17); }

PersonInput Resident(std::string number) {
    PersonInput in;
    in.id_number = std::move(number);
    in.name = "张三";
    return in;
}

std::string Problem(const Status& s, const std::string& field) {
    auto it = s.fields().find(field);
    return it == s.fields().end() ? "" : it->second;
}

TEST(PersonIdentity, FifteenDigitsBecomeEighteenWithSexAndBirthDate) {
    PersonInput in = Resident("519901800101002");  // 1980-01-01, sequence 002: even = female
    ASSERT_TRUE(NormalisePersonInput(in).ok());
    EXPECT_EQ(in.id_number, Id18("51990119800101002"));
    EXPECT_EQ(in.nationality, "CHN");
    EXPECT_EQ(in.birth_date, "1980-01-01");
    EXPECT_EQ(in.sex, "female");
    EXPECT_EQ(in.category, "household");
}

TEST(PersonIdentity, EighteenDigitsNormalisedAndChecked) {
    const std::string id = Id18("51990119900215123");
    std::string lower = id;
    if (lower.back() == 'X') lower.back() = 'x';
    PersonInput in = Resident(" " + lower.substr(0, 6) + " " + lower.substr(6));
    ASSERT_TRUE(NormalisePersonInput(in).ok());
    EXPECT_EQ(in.id_number, id);
    EXPECT_EQ(in.sex, "male");
    EXPECT_EQ(in.birth_date, "1990-02-15");

    std::string wrong = id;
    wrong.back() = wrong.back() == '0' ? '1' : '0';
    PersonInput bad = Resident(wrong);
    EXPECT_EQ(Problem(NormalisePersonInput(bad), "id_number"), "bad_check_character");
    PersonInput bad15 = Resident("519901801301002");  // month 13
    EXPECT_EQ(Problem(NormalisePersonInput(bad15), "id_number"), "bad_15_digit");
}

TEST(PersonIdentity, EnteredSexAndBirthDateMustMatchTheNumber) {
    PersonInput in = Resident(Id18("51990119900215123"));
    in.sex = "female";
    EXPECT_EQ(Problem(NormalisePersonInput(in), "sex"), "does_not_match_id");
    in = Resident(Id18("51990119900215123"));
    in.birth_date = "19900216";
    EXPECT_EQ(Problem(NormalisePersonInput(in), "birth_date"), "does_not_match_id");
    in = Resident(Id18("51990119900215123"));
    in.birth_date = "19900215";  // the compact form is accepted and normalised
    in.sex = "male";
    ASSERT_TRUE(NormalisePersonInput(in).ok());
    EXPECT_EQ(in.birth_date, "1990-02-15");
}

TEST(PersonIdentity, OtherDocumentsAndTheirNationality) {
    PersonInput p;
    p.id_kind = "passport";
    p.id_number = "e1234567";
    p.name = "John Smith";
    EXPECT_EQ(Problem(NormalisePersonInput(p), "nationality"), "required");
    p.nationality = "usa";
    ASSERT_TRUE(NormalisePersonInput(p).ok());
    EXPECT_EQ(p.id_number, "E1234567");
    EXPECT_EQ(p.nationality, "USA");
    EXPECT_EQ(p.category, "overseas");
    p.nationality = "US";
    EXPECT_EQ(Problem(NormalisePersonInput(p), "nationality"), "bad_nationality");

    PersonInput hk;
    hk.id_kind = "hk_macao_permit";
    hk.id_number = "H12345678";
    hk.name = "陈大文";
    hk.nationality = "GBR";
    EXPECT_EQ(Problem(NormalisePersonInput(hk), "nationality"), "must_be_chn");
    hk.nationality = "";
    ASSERT_TRUE(NormalisePersonInput(hk).ok());
    EXPECT_EQ(hk.nationality, "CHN");

    PersonInput odd = p;
    odd.id_kind = "driving_licence";
    EXPECT_EQ(Problem(NormalisePersonInput(odd), "id_kind"), "invalid_enum");
    odd = p;
    odd.id_number = "E12-4567";
    odd.nationality = "USA";
    EXPECT_EQ(Problem(NormalisePersonInput(odd), "id_number"), "bad_format");
}

TEST(PersonIdentity, FieldChecks) {
    PersonInput in = Resident(Id18("51990119900215123"));
    in.category = "tourist";
    EXPECT_EQ(Problem(NormalisePersonInput(in), "category"), "invalid_enum");
    in = Resident(Id18("51990119900215123"));
    in.permit_expires = "2027-02-30";
    EXPECT_EQ(Problem(NormalisePersonInput(in), "permit_expires"), "bad_date");
    in = Resident(Id18("51990119900215123"));
    in.phones = {"138 0000 1111", "abc"};
    EXPECT_EQ(Problem(NormalisePersonInput(in), "phones"), "bad_phone");
    in = Resident(Id18("51990119900215123"));
    in.name = "";
    EXPECT_EQ(Problem(NormalisePersonInput(in), "name"), "required");
}

TEST(PersonIdentity, IndexSeparatesKindsAndNationalities) {
    InstallKeys(std::string(16, 'k'));
    auto a = NormaliseIdentity("passport", "E1234567", "USA");
    auto b = NormaliseIdentity("passport", "e1234567 ", "usa");
    auto c = NormaliseIdentity("passport", "E1234567", "GBR");
    auto d = NormaliseIdentity("foreign_permanent", "E1234567", "USA");
    ASSERT_TRUE(a.ok() && b.ok() && c.ok() && d.ok());
    EXPECT_EQ(IdentityIndex(*a), IdentityIndex(*b));
    EXPECT_NE(IdentityIndex(*a), IdentityIndex(*c));
    EXPECT_NE(IdentityIndex(*a), IdentityIndex(*d));
    auto r15 = NormaliseIdentity("resident_id", "519901800101002", "");
    auto r18 = NormaliseIdentity("resident_id", Id18("51990119800101002"), "CHN");
    ASSERT_TRUE(r15.ok() && r18.ok());
    EXPECT_EQ(IdentityIndex(*r15), IdentityIndex(*r18));
}

}  // namespace
}  // namespace jw::community

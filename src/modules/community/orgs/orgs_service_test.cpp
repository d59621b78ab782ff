// Units (orgs_service.hpp) on SQLite and PostgreSQL: kinds, credit codes checked and unique, the phone sealed at
// rest, people of the master index as legal representative and security contact, versions and scope.
#include "community/orgs/orgs_service.hpp"

#include <gtest/gtest.h>

#include "community/addresses/address_repository.hpp"
#include "community/community_keys.hpp"
#include "community/houses/places_csv.hpp"
#include "community/orgs/orgs_repository.hpp"
#include "media/media_store.hpp"
#include "test_support/database_test.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

class OrgsTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        InstallKeys("master-key-for-tests");
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"media", &media::schema::EmbeddedFiles()});
        schemas.push_back({"community", &data::EmbeddedFiles()});
        if (!OpenDatabase("community_orgs", schemas)) return;
        Address a;
        a.code = "519901-001-01-0001-0012";
        a.level = "house";
        a.full_name = "示范县城关镇解放路12号";
        ASSERT_TRUE(UpsertAddress(*c_, a, 0).ok());
        ASSERT_TRUE(c_->Exec("INSERT INTO community_people (id_kind, id_number, id_index, name, category, "
                             "collected_by, unit_id, created_at, updated_at) VALUES ('resident', 'sm4:x', 'i1', "
                             "'王法人', 'household', 1, 1, 0, 0)")
                        .ok());
        person_ = Count("SELECT MAX(id) FROM community_people");
    }
    OrgInput Input() {
        OrgInput in;
        in.name = "示范县宏达建材有限公司";
        in.credit_code = "91350100m000100y43";  // typed in lower case: normalised
        in.address_id = "519901-001-01-0001-0012";
        in.kind = "enterprise";
        in.phone = "0827-5212345";
        in.legal_rep_person_id = person_;
        return in;
    }
    std::string Problem(const Status& s, const std::string& field) {
        auto it = s.fields().find(field);
        return it == s.fields().end() ? s.message() : it->second;
    }
    const PlaceActor by_{7, 1};
    int64_t person_ = 0;
};

TEST_P(OrgsTest, CreateSealsPhoneAndChecksCode) {
    auto o = CreateOrg(*c_, Input(), by_, 100);
    ASSERT_TRUE(o.ok()) << o.status().message();
    EXPECT_EQ(o->credit_code, "91350100M000100Y43");
    EXPECT_EQ(o->phone, "0827-5212345");
    EXPECT_EQ(o->legal_rep_name, "王法人");
    EXPECT_EQ(o->address_name, "示范县城关镇解放路12号");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_orgs WHERE phone LIKE '%5212345%'"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_orgs WHERE phone LIKE 'sm4:%'"), 1);
    EXPECT_EQ(Problem(CreateOrg(*c_, Input(), by_, 100).status(), "credit_code"), "already_exists");

    OrgInput bad = Input();
    bad.credit_code = "91350100M000100Y44";
    EXPECT_EQ(Problem(CreateOrg(*c_, bad, by_, 100).status(), "credit_code"), "bad_check_character");
    bad = Input();
    bad.credit_code = "";
    bad.kind = "bank";
    EXPECT_EQ(Problem(CreateOrg(*c_, bad, by_, 100).status(), "kind"), "invalid_enum");
    bad.kind = "school";
    bad.phone = "call me";
    EXPECT_EQ(Problem(CreateOrg(*c_, bad, by_, 100).status(), "phone"), "bad_format");
    bad.phone = "";
    bad.security_contact_person_id = 424242;
    EXPECT_EQ(Problem(CreateOrg(*c_, bad, by_, 100).status(), "security_contact_person_id"), "not_found");
    bad.security_contact_person_id.reset();
    bad.address_id = "519901-404";
    EXPECT_EQ(Problem(CreateOrg(*c_, bad, by_, 100).status(), "address_id"), "not_found");
    // Without a credit code (a school may have none printed): accepted.
    bad.address_id = Input().address_id;
    EXPECT_TRUE(CreateOrg(*c_, bad, by_, 100).ok());
}

TEST_P(OrgsTest, PatchVersionAndScope) {
    auto o = CreateOrg(*c_, Input(), by_, 100);
    ASSERT_TRUE(o.ok());
    OrgPatch p;
    p.version = 1;
    p.kind = "key_unit";
    p.clear_legal_rep = true;
    auto changed = UpdateOrg(*c_, o->id, p, by_, std::nullopt, 200);
    ASSERT_TRUE(changed.ok()) << changed.status().message();
    EXPECT_EQ(changed->kind, "key_unit");
    EXPECT_FALSE(changed->legal_rep_person_id);
    EXPECT_EQ(changed->version, 2);
    EXPECT_EQ(changed->phone, "0827-5212345");  // sealed again on update, opened the same
    EXPECT_EQ(UpdateOrg(*c_, o->id, p, by_, std::nullopt, 300).status().code(), ErrorCode::kConflict);
    EXPECT_EQ(ReadOrg(*c_, o->id, std::vector<int64_t>{9}).status().code(), ErrorCode::kNotFound);

    OrgFilter f;
    f.kind = "key_unit";
    EXPECT_EQ(ListOrgs(*c_, f)->second, 1);
    f.kind = "";
    f.q = "91350100M000100Y43";
    EXPECT_EQ(ListOrgs(*c_, f)->second, 1);
    f.q = "宏达";
    f.unit_scope = std::vector<int64_t>{9};
    EXPECT_EQ(ListOrgs(*c_, f)->second, 0);
}

TEST_P(OrgsTest, CsvRoundTripByCreditCode) {
    ASSERT_TRUE(CreateOrg(*c_, Input(), by_, 100).ok());
    const std::string csv = OrgsToCsv(*AllOrgs(*c_));
    auto rows = ParseOrgsCsv(csv);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].value.phone, "0827-5212345");
    auto again = ImportOrg(*c_, (*rows)[0].value, by_, 200);
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_orgs"), 1);
    auto bad = ParseOrgsCsv("name,address_id\nX,Y\n");
    EXPECT_EQ(Problem(bad.status(), "kind"), "missing_column");
}

INSTANTIATE_TEST_SUITE_P(Backends, OrgsTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community

// The person page (dossier.hpp) on SQLite and PostgreSQL: the registry's order and replacement, the subject's
// scope, and the master index's own sections — residence, moves, houses owned or rented, units where the person is
// legal representative or security contact — with rows outside the reader's scope counted, not shown.
#include "community/dossier/dossier.hpp"

#include <gtest/gtest.h>

#include "community/addresses/address_repository.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "community/community_keys.hpp"
#include "community/dossier/community_sections.hpp"
#include "community/people/people_service.hpp"
#include "test_support/database_test.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace dossier {
namespace {

using storage::V;

class Fixed final : public SectionProvider {
  public:
    Fixed(std::string name, int order, int items) : name_(std::move(name)), order_(order), items_(items) {}
    std::string_view Name() const override { return name_; }
    int Order() const override { return order_; }
    Result<Json> Build(storage::Connection&, const Subject& s, const auth::Principal&) const override {
        Json items = Json::array();
        for (int i = 0; i < items_; ++i) items.push_back({{"person", s.person_id}});
        return Json{{"items", items}, {"hidden", 0}};
    }

  private:
    std::string name_;
    int order_, items_;
};

TEST(DossierRegistry, ListsByOrderThenNameAndReplacesAProviderOfTheSameName) {
    Registry r;
    r.Add(std::make_unique<Fixed>("visits", 200, 0));
    r.Add(std::make_unique<Fixed>("cases", 100, 0));
    r.Add(std::make_unique<Fixed>("alerts", 100, 0));
    r.Add(std::make_unique<Fixed>("visits", 50, 0));  // a second start of the same module
    std::vector<std::string> names;
    for (const auto* p : r.List()) names.emplace_back(p->Name());
    EXPECT_EQ(names, (std::vector<std::string>{"visits", "alerts", "cases"}));
}

class DossierTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"community", &data::EmbeddedFiles()});
        if (!OpenDatabase("community_dossier", schemas)) return;
        InstallKeys(std::string(16, 'k'));
        bureau_ = Unit("519901000000", "示范县公安局", std::nullopt, "bureau");
        station_a_ = Unit("519901031000", "城关派出所", bureau_);
        station_b_ = Unit("519901031100", "东城派出所", bureau_);
        officer_a_ = User("wzq", station_a_, "");
        addresses_ = DemoAddresses(40);
        ASSERT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) {
                        for (const auto& a : addresses_) JW_RETURN_IF_ERROR(UpsertAddress(tx, a, 100));
                        return Status::Ok();
                    }).ok());
    }

    auth::Principal Reader(int64_t unit) {
        auth::Principal p;
        p.user_id = officer_a_;
        p.unit_id = unit;
        p.unit_scope = {unit};
        return p;
    }

    int64_t Register(const std::string& id, const std::string& name, std::optional<std::string> residence) {
        PersonInput in;
        in.id_number = id;
        in.name = name;
        in.residence_address_id = std::move(residence);
        int64_t out = 0;
        EXPECT_TRUE(storage::InTransaction(*c_, [&](storage::Connection& tx) -> Status {
                        JW_ASSIGN_OR_RETURN(auto r, ResolvePerson(tx, in, Reader(station_a_), 1000));
                        out = r.person_id;
                        return Status::Ok();
                    }).ok());
        return out;
    }

    void Exec(const std::string& sql, const storage::Params& params) {
        auto s = c_->Exec(sql, params);
        ASSERT_TRUE(s.ok()) << s.message() << " in " << sql;
    }

    int64_t bureau_ = 0, station_a_ = 0, station_b_ = 0, officer_a_ = 0;
    std::vector<Address> addresses_;
};

TEST_P(DossierTest, TheIndexSectionsShowWhatNamesThePersonWithinScope) {
    const int64_t chen = Register("519901198001011239", "陈明", addresses_[10].code);
    const int64_t other = Register("519901197503152467", "王芳", std::nullopt);
    Exec(
        "INSERT INTO community_person_moves (person_id, kind, address_code, on_date, reason, recorded_by, at) "
        "VALUES (?, 'in', ?, '2025-03-01', '购房', ?, 1000)",
        {V(chen), V(addresses_[10].code), V(officer_a_)});
    // Owns a house in A's area (rented to 王芳) and rents one in B's area.
    Exec(
        "INSERT INTO community_houses (address_code, owner_person_id, use, created_by, unit_id, created_at, "
        "updated_at) VALUES (?, ?, 'rented', ?, ?, 1000, 1000)",
        {V(addresses_[20].code), V(chen), V(officer_a_), V(station_a_)});
    Exec(
        "INSERT INTO community_houses (address_code, owner_person_id, use, created_by, unit_id, created_at, "
        "updated_at) VALUES (?, NULL, 'rented', ?, ?, 1000, 1000)",
        {V(addresses_[30].code), V(officer_a_), V(station_b_)});
    auto houses = c_->Query("SELECT id, unit_id FROM community_houses ORDER BY id");
    ASSERT_TRUE(houses.ok());
    Exec(
        "INSERT INTO community_house_tenants (house_id, person_id, from_date, recorded_by, at) VALUES (?, ?, "
        "'2025-01-01', ?, 1000)",
        {V((*houses)[0].Int(0)), V(other), V(officer_a_)});
    Exec(
        "INSERT INTO community_house_tenants (house_id, person_id, from_date, recorded_by, at) VALUES (?, ?, "
        "'2024-06-01', ?, 1000)",
        {V((*houses)[1].Int(0)), V(chen), V(officer_a_)});
    // Legal representative and security contact of one unit, security contact of another.
    Exec(
        "INSERT INTO community_orgs (name, address_code, kind, legal_rep_person_id, security_contact_person_id, "
        "created_by, unit_id, created_at, updated_at) VALUES ('明记五金店', ?, 'enterprise', ?, ?, ?, ?, 1000, 1000)",
        {V(addresses_[5].code), V(chen), V(chen), V(officer_a_), V(station_a_)});
    Exec(
        "INSERT INTO community_orgs (name, address_code, kind, security_contact_person_id, created_by, unit_id, "
        "created_at, updated_at) VALUES ('城关小学', ?, 'school', ?, ?, ?, 1000, 1000)",
        {V(addresses_[6].code), V(chen), V(officer_a_), V(station_a_)});

    Registry registry;
    AddCommunitySections(registry);
    auto page = BuildDossier(*c_, registry, chen, Reader(station_a_), 2000);
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_EQ((*page)["person"]["id_number"], "519901198001011239");  // unmasked: the purpose allows it
    EXPECT_EQ((*page)["person"]["name"], "陈明");
    std::map<std::string, Json> by_name;
    for (const auto& s : (*page)["sections"]) by_name[s["name"]] = s;
    ASSERT_EQ(by_name["residence"]["items"].size(), 1u);
    EXPECT_EQ(by_name["residence"]["items"][0]["full_name"], addresses_[10].full_name);
    ASSERT_EQ(by_name["moves"]["items"].size(), 1u);
    EXPECT_EQ(by_name["moves"]["items"][0]["on_date"], "2025-03-01");
    ASSERT_EQ(by_name["houses"]["items"].size(), 1u);  // the rented one lies in B's area
    EXPECT_EQ(by_name["houses"]["items"][0]["relation"], "owner");
    EXPECT_EQ(by_name["houses"]["hidden"], 1);
    ASSERT_EQ(by_name["orgs"]["items"].size(), 3u);
    EXPECT_EQ(by_name["orgs"]["items"][0]["role"], "legal_rep");
    EXPECT_EQ(by_name["orgs"]["items"][1]["role"], "security_contact");
    EXPECT_EQ(by_name["orgs"]["items"][2]["name"], "城关小学");

    // County-wide, both houses; the tenant 王芳 sees only her tenancy, nothing of 陈明's.
    auth::Principal county = Reader(bureau_);
    county.all_units = true;
    auto whole = BuildDossier(*c_, registry, chen, county, 2000);
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ((*whole)["sections"][2]["items"].size(), 2u);
    auto hers = BuildDossier(*c_, registry, other, county, 2000);
    ASSERT_TRUE(hers.ok());
    EXPECT_EQ((*hers)["sections"][0]["items"].size(), 0u);
    ASSERT_EQ((*hers)["sections"][2]["items"].size(), 1u);
    EXPECT_EQ((*hers)["sections"][2]["items"][0]["relation"], "tenant");
    EXPECT_EQ((*hers)["sections"][3]["items"].size(), 0u);
}

TEST_P(DossierTest, APersonOutsideTheReadersScopeOrUnknownIsNotFound) {
    const int64_t chen = Register("519901198001011239", "陈明", std::nullopt);
    Registry registry;
    EXPECT_TRUE(BuildDossier(*c_, registry, chen, Reader(station_a_), 2000).ok());
    EXPECT_EQ(BuildDossier(*c_, registry, chen, Reader(station_b_), 2000).status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(BuildDossier(*c_, registry, chen + 1000, Reader(station_a_), 2000).status().code(), ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, DossierTest, ::testing::ValuesIn(storage::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace dossier
}  // namespace jw::community

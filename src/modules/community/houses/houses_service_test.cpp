// Houses (houses_service.hpp) on SQLite and PostgreSQL: one house per standard address, owners and tenants from
// the master index, the landlord's report (治安管理处罚法 2025 art. 68 para. 1) and unreported tenants listed,
// rental checks, versions, scope, photos attached through media, and the CSV round trip.
#include "community/houses/houses_service.hpp"

#include <gtest/gtest.h>

#include "community/addresses/address_repository.hpp"
#include "community/houses/houses_repository.hpp"
#include "community/houses/places_csv.hpp"
#include "media/media_store.hpp"
#include "test_support/database_test.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

constexpr int64_t kNow = 1780000000;  // 2026-05-29 China time

class HousesTest : public test_support::DatabaseTest {
  protected:
    void SetUp() override {
        auto schemas = test_support::PlatformSchemas();
        schemas.push_back({"media", &media::schema::EmbeddedFiles()});
        schemas.push_back({"community", &data::EmbeddedFiles()});
        if (!OpenDatabase("community_houses", schemas)) return;
        AddAddress("519901-001", "township", "示范县城关镇");
        AddAddress("519901-001-01-0001-0012", "house", "示范县城关镇解放路12号");
        AddAddress("519901-001-01-0001-0012-01-01-0301", "room", "示范县城关镇解放路12号1栋1单元301室");
        AddAddress("519901-001-01-0001-0012-01-01-0302", "room", "示范县城关镇解放路12号1栋1单元302室");
        owner_ = Person("张三丰");
        tenant_ = Person("李四");
    }
    void AddAddress(const std::string& code, const std::string& level, const std::string& name) {
        Address a;
        a.code = code;
        a.level = level;
        a.full_name = name;
        ASSERT_TRUE(UpsertAddress(*c_, a, kNow).ok());
    }
    int64_t Person(const std::string& name) {
        static int n = 0;
        ++n;
        EXPECT_TRUE(c_->Exec("INSERT INTO community_people (id_kind, id_number, id_index, name, category, "
                             "collected_by, unit_id, created_at, updated_at) VALUES ('resident', 'sm4:x', ?, ?, "
                             "'household', 1, 1, 0, 0)",
                             {storage::V("idx" + std::to_string(n)), storage::V(name)})
                        .ok());
        return Count("SELECT MAX(id) FROM community_people");
    }
    HouseInput Room(const std::string& use) {
        HouseInput in;
        in.address_id = "519901-001-01-0001-0012-01-01-0301";
        in.use = use;
        in.owner_person_id = owner_;
        in.area_m2 = 88.5;
        return in;
    }
    std::string Problem(const Status& s, const std::string& field) {
        auto it = s.fields().find(field);
        return it == s.fields().end() ? s.message() : it->second;
    }
    const PlaceActor by_{7, 1};
    int64_t owner_ = 0, tenant_ = 0;
};

TEST_P(HousesTest, CreateOnePerAddressWithOwner) {
    auto h = CreateHouse(*c_, Room("own"), by_, kNow);
    ASSERT_TRUE(h.ok()) << h.status().message();
    EXPECT_EQ(h->address_name, "示范县城关镇解放路12号1栋1单元301室");
    EXPECT_EQ(h->owner_name, "张三丰");
    EXPECT_EQ(h->version, 1);
    EXPECT_DOUBLE_EQ(h->area_m2.value_or(0), 88.5);
    EXPECT_EQ(Problem(CreateHouse(*c_, Room("own"), by_, kNow).status(), "address_id"), "already_exists");

    HouseInput bad = Room("own");
    bad.address_id = "519901-001";
    EXPECT_EQ(Problem(CreateHouse(*c_, bad, by_, kNow).status(), "address_id"), "not_a_room");
    bad.address_id = "519901-999";
    EXPECT_EQ(Problem(CreateHouse(*c_, bad, by_, kNow).status(), "address_id"), "not_found");
    bad = Room("leased");
    bad.address_id = "519901-001-01-0001-0012";
    EXPECT_EQ(Problem(CreateHouse(*c_, bad, by_, kNow).status(), "use"), "invalid_enum");
    bad.use = "own";
    bad.owner_person_id = 999999;
    EXPECT_EQ(Problem(CreateHouse(*c_, bad, by_, kNow).status(), "owner_person_id"), "not_found");
}

TEST_P(HousesTest, VersionConflictAndScope) {
    auto h = CreateHouse(*c_, Room("own"), by_, kNow);
    ASSERT_TRUE(h.ok());
    HousePatch p;
    p.version = 1;
    p.use = "rented";
    p.clear_owner = true;
    auto changed = UpdateHouse(*c_, h->id, p, by_, std::nullopt, kNow);
    ASSERT_TRUE(changed.ok()) << changed.status().message();
    EXPECT_EQ(changed->version, 2);
    EXPECT_EQ(changed->use, "rented");
    EXPECT_FALSE(changed->owner_person_id);
    // A phone that edited version 1 gets a conflict, not an overwrite.
    auto stale = UpdateHouse(*c_, h->id, p, by_, std::nullopt, kNow);
    EXPECT_EQ(stale.status().code(), ErrorCode::kConflict);
    // Another station's officer: the same answer as an unknown house.
    EXPECT_EQ(ReadHouse(*c_, h->id, std::vector<int64_t>{2}, kNow).status().code(), ErrorCode::kNotFound);
    EXPECT_TRUE(ReadHouse(*c_, h->id, std::vector<int64_t>{1, 2}, kNow).ok());
    p.version = 2;
    EXPECT_EQ(UpdateHouse(*c_, h->id, p, by_, std::vector<int64_t>{2}, kNow).status().code(), ErrorCode::kNotFound);
}

TEST_P(HousesTest, TenantsReportedAndUnreportedListed) {
    auto own = CreateHouse(*c_, Room("own"), by_, kNow);
    ASSERT_TRUE(own.ok());
    TenantInput t;
    t.person_id = tenant_;
    t.from_date = "2026-05-01";
    // Tenants belong to rented houses only.
    EXPECT_EQ(Problem(RecordTenant(*c_, own->id, t, by_, std::nullopt, kNow).status(), "use"), "not_rented");

    HouseInput in = Room("rented");
    in.address_id = "519901-001-01-0001-0012-01-01-0302";
    auto rented = CreateHouse(*c_, in, by_, kNow);
    ASSERT_TRUE(rented.ok());
    auto made = RecordTenant(*c_, rented->id, t, by_, std::nullopt, kNow);
    ASSERT_TRUE(made.ok()) << made.status().message();
    EXPECT_FALSE(made->reported_at);
    // A tenancy that ended before today is not current and so not listed as unreported.
    TenantInput past = t;
    past.from_date = "2025-01-01";
    past.to_date = "2025-06-30";
    ASSERT_TRUE(RecordTenant(*c_, rented->id, past, by_, std::nullopt, kNow).ok());

    HouseFilter f;
    f.today = "2026-05-29";
    f.unreported = true;
    auto listed = ListHouses(*c_, f);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->second, 1);
    EXPECT_EQ(listed->first[0].id, rented->id);
    EXPECT_EQ(listed->first[0].tenants_current, 1);
    EXPECT_EQ(listed->first[0].tenants_unreported, 1);

    // The landlord reports: the house leaves the list.
    TenantInput report;
    report.tenant_id = made->id;
    report.reported = true;
    auto reported = RecordTenant(*c_, rented->id, report, by_, std::nullopt, kNow);
    ASSERT_TRUE(reported.ok());
    EXPECT_EQ(reported->reported_at.value_or(0), kNow);
    EXPECT_EQ(ListHouses(*c_, f)->second, 0);

    TenantInput wrong = t;
    wrong.to_date = "2026-04-01";
    EXPECT_EQ(Problem(RecordTenant(*c_, rented->id, wrong, by_, std::nullopt, kNow).status(), "to_date"),
              "before_from");
    wrong = t;
    wrong.from_date = "2026-02-30";
    EXPECT_EQ(Problem(RecordTenant(*c_, rented->id, wrong, by_, std::nullopt, kNow).status(), "from_date"), "bad_date");
    report.tenant_id = 999999;
    EXPECT_EQ(Problem(RecordTenant(*c_, rented->id, report, by_, std::nullopt, kNow).status(), "tenant_id"),
              "not_found");
}

TEST_P(HousesTest, RentalChecksSetCheckedAt) {
    auto own = CreateHouse(*c_, Room("own"), by_, kNow);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(Problem(RecordCheck(*c_, own->id, {"ok", ""}, by_, std::nullopt, kNow).status(), "use"), "not_rented");
    HousePatch p;
    p.version = 1;
    p.use = "rented";
    ASSERT_TRUE(UpdateHouse(*c_, own->id, p, by_, std::nullopt, kNow).ok());
    EXPECT_EQ(Problem(RecordCheck(*c_, own->id, {"fine", ""}, by_, std::nullopt, kNow).status(), "result"),
              "invalid_enum");
    auto k = RecordCheck(*c_, own->id, {"problems", "消防通道堵塞"}, by_, std::nullopt, kNow + 60);
    ASSERT_TRUE(k.ok()) << k.status().message();
    auto h = GetHouse(*c_, own->id, "2026-05-29");
    EXPECT_EQ(h->checked_at.value_or(0), kNow + 60);
    auto checks = ListChecks(*c_, own->id);
    ASSERT_EQ(checks->size(), 1u);
    EXPECT_EQ((*checks)[0].notes, "消防通道堵塞");
}

TEST_P(HousesTest, PhotoAttachedOnlyByItsUploader) {
    media::MediaObject m;
    m.media_id = media::NewMediaId();
    m.content_type = "image/jpeg";
    m.sealed = "x";
    m.uploaded_by = 8;  // someone else
    ASSERT_TRUE(media::InsertMedia(*c_, m).ok());
    HouseInput in = Room("own");
    in.photo_media_id = m.media_id;
    // Refused, and the house is not half-made: the caller's transaction rolls back as a whole.
    Status refused =
        storage::InTransaction(*c_, [&](storage::Connection& tx) { return CreateHouse(tx, in, by_, kNow).status(); });
    EXPECT_EQ(Problem(refused, "photo_media_id"), "not_found");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM community_houses"), 0);
    m.media_id = media::NewMediaId();
    m.uploaded_by = by_.user_id;
    ASSERT_TRUE(media::InsertMedia(*c_, m).ok());
    in.address_id = "519901-001-01-0001-0012-01-01-0302";
    in.photo_media_id = m.media_id;
    auto h = CreateHouse(*c_, in, by_, kNow);
    ASSERT_TRUE(h.ok()) << h.status().message();
    EXPECT_EQ(h->photo_media_id.value_or(""), m.media_id);
    EXPECT_EQ(h->version, 1);
    auto stored = media::LoadMedia(*c_, m.media_id);
    EXPECT_EQ(stored->owner_kind.value_or(""), "community.house");
    EXPECT_EQ(stored->owner_id.value_or(0), h->id);
}

TEST_P(HousesTest, CsvRoundTrip) {
    ASSERT_TRUE(CreateHouse(*c_, Room("rented"), by_, kNow).ok());
    auto all = AllHouses(*c_);
    ASSERT_TRUE(all.ok());
    const std::string csv = HousesToCsv(*all);
    auto rows = ParseHousesCsv(csv);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].value.address_id, "519901-001-01-0001-0012-01-01-0301");
    EXPECT_EQ((*rows)[0].value.use, "rented");
    EXPECT_EQ((*rows)[0].value.owner_person_id.value_or(0), owner_);
    // Importing the export changes nothing but the version; a new row is created.
    auto again = ImportHouse(*c_, (*rows)[0].value, by_, kNow);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->id, (*all)[0].id);
    auto bad = ParseHousesCsv("address_id,use,colour\nX,own,red\n");
    EXPECT_EQ(Problem(bad.status(), "colour"), "unknown_column");
    bad = ParseHousesCsv("address_id,use\nX,\n");
    EXPECT_EQ(Problem(bad.status(), "use"), "required");
    bad = ParseHousesCsv("address_id,use,owner_person_id\nX,own,abc\n");
    EXPECT_EQ(Problem(bad.status(), "owner_person_id"), "not_a_number");
}

INSTANTIATE_TEST_SUITE_P(Backends, HousesTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community

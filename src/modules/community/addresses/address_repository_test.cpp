// The standard addresses' storage (address_repository.hpp) on SQLite and PostgreSQL: upsert by code, load in code
// order with coordinates and grid, the version the server compares, and a matcher built from what was loaded.
#include "community/addresses/address_repository.hpp"

#include <gtest/gtest.h>

#include "community/addresses/address_matcher.hpp"
#include "community/addresses/demo_addresses.hpp"
#include "storage/migrations.hpp"
#include "storage/test_databases.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

class AddressRepositoryTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        const std::string url = storage::testing::FreshDatabaseUrl(GetParam(), "community_addresses");
        if (url.empty()) GTEST_SKIP() << GetParam() << " not available";
        auto db = storage::Database::Open(url);
        ASSERT_TRUE(db.ok()) << db.status().message();
        db_ = std::move(db).value();
        auto c = db_->Acquire();
        ASSERT_TRUE(c.ok());
        auto applied = storage::ApplyMigrations(
            **c, storage::MigrationsFromFiles("community", db_->dialect(), data::EmbeddedFiles()));
        ASSERT_TRUE(applied.ok()) << applied.status().message();
    }
    std::unique_ptr<storage::Database> db_;
};

TEST_P(AddressRepositoryTest, UpsertLoadAndVersion) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    auto v0 = AddressesVersion(**c);
    ASSERT_TRUE(v0.ok());
    EXPECT_EQ(v0->first, 0);
    const auto demo = DemoAddresses(1000);
    ASSERT_TRUE(storage::InTransaction(**c, [&](storage::Connection& tx) {
                    for (const auto& a : demo) JW_RETURN_IF_ERROR(UpsertAddress(tx, a, 100));
                    return Status::Ok();
                }).ok());
    Address changed = demo[500];
    changed.full_name += "（改）";
    changed.grid_id = "G-01";
    changed.longitude.reset();
    changed.latitude.reset();
    ASSERT_TRUE(UpsertAddress(**c, changed, 200).ok());
    auto v1 = AddressesVersion(**c);
    ASSERT_TRUE(v1.ok());
    EXPECT_EQ(v1->first, 1000);
    EXPECT_EQ(v1->second, 200);

    auto loaded = LoadAddresses(**c);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    ASSERT_EQ(loaded->size(), demo.size());
    for (size_t i = 1; i < loaded->size(); ++i) EXPECT_LT((*loaded)[i - 1].code, (*loaded)[i].code);
    const Address* got = nullptr;
    for (const auto& a : *loaded)
        if (a.code == changed.code) got = &a;
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(got->full_name, changed.full_name);
    EXPECT_EQ(got->grid_id.value_or(""), "G-01");
    EXPECT_FALSE(got->longitude.has_value());
    const Address& first = (*loaded)[0];
    ASSERT_TRUE(first.longitude.has_value());
    EXPECT_NEAR(*first.longitude, *demo[0].longitude, 1e-6);

    const AddressMatcher m(std::move(*loaded));
    const auto r = m.Match("城关镇解放路5号1栋1单元101");
    ASSERT_TRUE(r.matched);
    EXPECT_EQ(m.addresses()[r.best.index].code, "519901-01-01-001-0005-01-01-0101");
}

INSTANTIATE_TEST_SUITE_P(Backends, AddressRepositoryTest, ::testing::ValuesIn(storage::testing::Backends()));

}  // namespace
}  // namespace jw::community

// CSV import/export of standard addresses (address_csv.hpp): round trip and errors naming the column and line.
#include "community/addresses/address_csv.hpp"

#include <gtest/gtest.h>

#include "community/addresses/demo_addresses.hpp"

namespace jw::community {
namespace {

TEST(AddressesCsv, RoundTripsTheDemoAddresses) {
    const auto demo = DemoAddresses(500);
    auto back = ParseAddressesCsv(AddressesToCsv(demo));
    ASSERT_TRUE(back.ok()) << back.status().message();
    ASSERT_EQ(back->size(), demo.size());
    for (size_t i = 0; i < demo.size(); ++i) {
        EXPECT_EQ((*back)[i].code, demo[i].code);
        EXPECT_EQ((*back)[i].full_name, demo[i].full_name);
        EXPECT_EQ((*back)[i].level, demo[i].level);
        EXPECT_EQ((*back)[i].room, demo[i].room);
        ASSERT_TRUE((*back)[i].longitude.has_value());
        EXPECT_NEAR(*(*back)[i].longitude, *demo[i].longitude, 1e-6);
    }
}

TEST(AddressesCsv, LevelDerivedWhenEmpty) {
    auto r = ParseAddressesCsv("address_id,full_name,road,house_no\nA-1,解放路12号,解放路,12\n");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ((*r)[0].level, "house");
}

void ExpectError(const char* csv, const char* field, const char* problem, const char* where) {
    auto r = ParseAddressesCsv(csv);
    ASSERT_FALSE(r.ok()) << csv;
    ASSERT_TRUE(r.status().fields().count(field)) << r.status().message();
    EXPECT_EQ(r.status().fields().at(field), problem);
    EXPECT_NE(r.status().message().find(where), std::string::npos) << r.status().message();
}

TEST(AddressesCsv, ErrorsNameTheColumnAndLine) {
    ExpectError("address_id,full_name\nA-1,x\n,y\n", "address_id", "required", "line 3");
    ExpectError("address_id,full_name\nA-1,x\nA-1,y\n", "address_id", "duplicate", "line 3");
    ExpectError("address_id,full_name\nA 1,x\n", "address_id", "bad_code", "line 2");
    ExpectError("address_id\nA-1\n", "full_name", "missing_column", "line 1");
    ExpectError("address_id,full_name,colour\n", "colour", "unknown_column", "line 1, column 22");
    ExpectError("address_id,full_name,longitude,latitude\nA-1,x,104.1,\n", "latitude", "both_or_neither", "line 2");
    ExpectError("address_id,full_name,longitude,latitude\nA-1,x,east,30\n", "longitude", "not_a_number", "line 2");
    ExpectError("address_id,full_name,longitude,latitude\nA-1,x,200,30\n", "longitude", "out_of_range", "line 2");
    ExpectError("address_id,full_name,level\nA-1,x,flat\n", "level", "unknown_level", "line 2");
    ExpectError("address_id,full_name\nA-1,\"x\n", "file", "line 2, column 5: unterminated_quote", "line 2");
}

}  // namespace
}  // namespace jw::community

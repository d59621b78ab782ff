// Address matching against the labelled set testdata/match_cases.csv (input, expected standard full name or
// "new", what the case is about) over the demo county's 20,000 standard addresses. Reports precision (matches that
// are right), recall (known addresses found) and accuracy (all cases, "new" included); prints every miss.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/csv_reader.hpp"
#include "community/addresses/address_matcher.hpp"
#include "community/addresses/demo_addresses.hpp"

namespace jw::community {
namespace {

const AddressMatcher& Demo() {
    static const AddressMatcher m(DemoAddresses(kDemoAddresses));
    return m;
}

std::string Name(const MatchResult& r) { return r.matched ? Demo().addresses()[r.best.index].full_name : "new"; }

TEST(AddressMatch, LabelledSet) {
    std::ifstream in(std::string(JW_COMMUNITY_TESTDATA) + "/match_cases.csv", std::ios::binary);
    ASSERT_TRUE(in) << "testdata/match_cases.csv";
    std::stringstream text;
    text << in.rdbuf();
    auto rows = ReadCsv(text.str(), {.name = "match_cases", .comment = '#'});
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_GT(rows->size(), 300u);
    int cases = 0, right = 0, matched = 0, matched_right = 0, known = 0, found = 0;
    for (size_t i = 1; i < rows->size(); ++i) {
        const auto& row = (*rows)[i];
        ASSERT_GE(row.size(), 2u) << row.Where(0);
        const MatchResult r = Demo().Match(row[0]);
        const std::string got = Name(r);
        const bool ok = got == row[1];
        ++cases;
        right += ok;
        if (r.matched) {
            ++matched;
            matched_right += ok;
        }
        if (row[1] != "new") {
            ++known;
            found += ok;
        }
        if (!ok)
            std::cout << "  miss " << row.Where(0) << ": " << row[0] << " → " << got << " (expected " << row[1]
                      << ", score " << r.best.score << ")\n";
    }
    const double precision = matched ? double(matched_right) / matched : 0;
    const double recall = known ? double(found) / known : 0;
    const double accuracy = double(right) / cases;
    std::cout << "cases " << cases << ", precision " << precision << " (" << matched_right << "/" << matched
              << "), recall " << recall << " (" << found << "/" << known << "), accuracy " << accuracy << "\n";
    RecordProperty("precision", std::to_string(precision));
    EXPECT_GE(precision, 0.98);
    EXPECT_GE(recall, 0.90);
    EXPECT_GE(accuracy, 0.90);
}

TEST(AddressMatch, ScoresAndRunnersUp) {
    const MatchResult exact = Demo().Match("示范县城关镇东门社区解放路5号1栋1单元101室");
    ASSERT_TRUE(exact.matched);
    EXPECT_DOUBLE_EQ(exact.best.score, 1.0);
    EXPECT_EQ(Name(exact), "示范县城关镇东门社区解放路5号1栋1单元101室");
    EXPECT_FALSE(exact.candidates.empty());
    EXPECT_LT(exact.candidates[0].score, exact.best.score);

    // A room that does not exist: a new address, the unit and its rooms as runners-up for review.
    const MatchResult room = Demo().Match("解放路5号1栋1单元909");
    EXPECT_FALSE(room.matched);
    EXPECT_FALSE(room.candidates.empty());

    // A number the road does not have: new, the nearest houses offered.
    const MatchResult house = Demo().Match("解放路41号");
    EXPECT_FALSE(house.matched);
    ASSERT_FALSE(house.candidates.empty());
    EXPECT_EQ(Demo().addresses()[house.candidates[0].index].full_name, "示范县城关镇东门社区解放路40号");

    EXPECT_FALSE(Demo().Match("火星大街1号").matched);
    EXPECT_FALSE(Demo().Match("").matched);
}

}  // namespace
}  // namespace jw::community

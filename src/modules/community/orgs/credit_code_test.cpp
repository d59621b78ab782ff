// GB 32100-2015 check character (§4.2): published codes of real organisations verify, single-character changes
// and transpositions are caught, and characters outside the set are refused.
#include "community/orgs/credit_code.hpp"

#include <gtest/gtest.h>

namespace jw::community {
namespace {

std::string Problem(const Status& s) { return s.ok() ? "ok" : s.fields().at("credit_code"); }

TEST(CreditCode, PublishedCodesVerify) {
    // The standard's example (GB 32100-2015 Annex) and codes printed on business licences.
    for (const char* code : {"91350100M000100Y43", "91110000600037341L", "91440300708461136T", "911100001000044477"})
        EXPECT_EQ(Problem(CheckCreditCode(code)), "ok") << code;
}

TEST(CreditCode, CheckCharacterComputed) {
    EXPECT_EQ(CreditCodeCheckCharacter("91350100M000100Y4"), '3');
    EXPECT_EQ(CreditCodeCheckCharacter("91440300708461136"), 'T');
    EXPECT_EQ(CreditCodeCheckCharacter("9144030070846113"), '\0');   // too short
    EXPECT_EQ(CreditCodeCheckCharacter("9144030070846113I"), '\0');  // I is not in the set
}

TEST(CreditCode, ChangesCaught) {
    EXPECT_EQ(Problem(CheckCreditCode("91350100M000100Y44")), "bad_check_character");
    EXPECT_EQ(Problem(CheckCreditCode("91350100M000010Y43")), "bad_check_character");  // two swapped
    EXPECT_EQ(Problem(CheckCreditCode("91350100M000100Y4")), "bad_length");
    EXPECT_EQ(Problem(CheckCreditCode("91350100M000100Y433")), "bad_length");
    EXPECT_EQ(Problem(CheckCreditCode("91350100O000100Y43")), "bad_charset");  // letter O
    EXPECT_EQ(Problem(CheckCreditCode("91350100m000100Y43")), "bad_charset");  // not normalised
    EXPECT_EQ(Problem(CheckCreditCode("913501A0M000100Y43")), "bad_region");
}

TEST(CreditCode, Normalise) { EXPECT_EQ(NormaliseCreditCode(" 9135 0100 m000 100y 43"), "91350100M000100Y43"); }

}  // namespace
}  // namespace jw::community

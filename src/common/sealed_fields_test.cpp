// The shared field sealer (sealed_fields.hpp): round trips, keys per purpose, tampering, the stored forms of
// before the tag and before the sealer was shared (so those rows stay readable), and the normal forms of the
// blind indexes.
#include "common/sealed_fields.hpp"

#include <gtest/gtest.h>

#include "common/crypto.hpp"

namespace jw {
namespace {

const std::string kMaster(16, 'k');

TEST(FieldSealer, SealsAndOpens) {
    const FieldSealer s(kMaster, "community", "community_people");
    EXPECT_EQ(s.Seal(""), "");
    const std::string sealed = s.Seal("51990119800101001X");
    EXPECT_TRUE(FieldSealer::IsSealed(sealed));
    EXPECT_EQ(sealed.find("51990119800101001X"), std::string::npos);
    EXPECT_NE(sealed, s.Seal("51990119800101001X"));  // a fresh IV each time
    auto opened = s.Open(sealed);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(*opened, "51990119800101001X");
    EXPECT_EQ(*s.Open(""), "");
}

TEST(FieldSealer, AnotherPurposeOrKeyCannotOpen) {
    const FieldSealer a(kMaster, "community", "community_people");
    const FieldSealer b(kMaster, "cases", "case_people");
    const FieldSealer c(std::string(16, 'x'), "community", "community_people");
    // The tag makes this certain, not likely: without it a wrong key passed the padding check once in ~256 seals.
    for (int i = 0; i < 1000; ++i) {
        const std::string sealed = a.Seal("13800001111");
        auto by_b = b.Open(sealed);
        ASSERT_FALSE(by_b.ok()) << i;
        EXPECT_NE(by_b.status().message().find("case_people"), std::string::npos);
        ASSERT_FALSE(c.Open(sealed).ok()) << i;
    }
    EXPECT_FALSE(a.Open("plain text").ok());
    EXPECT_FALSE(a.Open("sm4:zz").ok());
    EXPECT_FALSE(a.Open("sm4:v2:zz").ok());
    EXPECT_NE(a.BlindIndex("id", "X"), b.BlindIndex("id", "X"));
    EXPECT_NE(a.BlindIndex("id", "X"), c.BlindIndex("id", "X"));
}

TEST(FieldSealer, AChangedValueDoesNotOpen) {
    const FieldSealer a(kMaster, "community", "community_people");
    const std::string sealed = a.Seal("解放路12号");
    ASSERT_TRUE(sealed.starts_with("sm4:v2:"));
    for (size_t pos = 7; pos < sealed.size(); ++pos) {  // every hex digit of IV, ciphertext and tag
        std::string changed = sealed;
        changed[pos] = changed[pos] == '0' ? '1' : '0';
        EXPECT_FALSE(a.Open(changed).ok()) << pos;
    }
    EXPECT_FALSE(a.Open(sealed.substr(0, sealed.size() - 2)).ok());
}

TEST(FieldSealer, StoredFormsAreTheOnesCasesStored) {
    // Before the sealer was shared, cases sealed with SM4 under DeriveKey(master, "cases.fields") and indexed
    // with HMAC-SM3 under DeriveKey(master, "cases.blind_index") over "id:" / "phone:" + the normal form.
    const FieldSealer s(kMaster, "cases", "case_people");
    EXPECT_EQ(s.BlindIndex("id", "51990119800101001X"),
              HmacSm3Hex(DeriveKey(kMaster, "cases.blind_index"), "id:51990119800101001X"));
    const std::string old = "sm4:" + ToHex(Sm4Encrypt(DeriveKey(kMaster, "cases.fields"), "解放路12号"));
    auto opened = s.Open(old);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(*opened, "解放路12号");
    EXPECT_EQ(s.BlindIndex("id", ""), "");
}

TEST(FieldSealer, NormalForms) {
    EXPECT_EQ(NormaliseIdNumber(" 519901 19800101001x\t"), "51990119800101001X");
    EXPECT_EQ(NormalisePhone("+86 138-0000-1111"), "13800001111");
    EXPECT_EQ(NormalisePhone("0833-1234567"), "08331234567");
    EXPECT_EQ(NormalisePhone("--"), "");
}

}  // namespace
}  // namespace jw

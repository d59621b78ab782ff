#include "common/validators.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace jw {
namespace {

// The problem key a Check* reported for `field`, or "ok".
std::string Problem(const Status& s, const std::string& field) {
    if (s.ok()) return "ok";
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
    auto it = s.fields().find(field);
    return it == s.fields().end() ? "<no field " + field + ">" : it->second;
}

// 17 digits plus the right check character: lets a test change one part of a number and nothing else.
std::string WithCheck(const std::string& first17) { return first17 + IdCheckCharacter(first17); }

std::string DateDigits(CivilDate d) {
    std::string s = FormatDate(d);
    return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

struct Case {
    const char* input;
    const char* want;  // problem key or "ok"
};

// Valid and invalid examples are those of STANDARDS.md, "GB 11643-1999 citizen ID number".
TEST(IdNumber, StandardsExamples) {
    const Case cases[] = {
        {"11010119900307002X", "ok"},
        {"110101199003074610", "ok"},
        {"110101199001010074", "ok"},
        {"11010119900101004X", "ok"},
        {"110101199003071235", "bad_check_character"},
    };
    for (const Case& c : cases) EXPECT_EQ(Problem(CheckIdNumber(c.input), "id_number"), c.want) << c.input;
}

TEST(IdNumber, Problems) {
    const std::string demo = WithCheck("51990119900307123");  // demo county 519901
    const Case cases[] = {
        {demo.c_str(), "ok"},
        {"11010119900307002x", "ok"},  // lower-case x is how people type it
        {"", "bad_length"},
        {"11010119900307002", "bad_length"},
        {"11010119900307002X0", "bad_length"},
        {"110101900307002", "bad_length"},  // legacy 15 digits: convert first
        {"1101011990030700X2", "bad_characters"},
        {"11010119900307002Y", "bad_characters"},
        {"11010119900307 02X", "bad_characters"},
        {"０10101199003070020", "bad_length"},  // a full-width digit is three bytes
        {"010101199003070020", "bad_region"},
        {"160101199003070020", "bad_region"},
        {"910101199003070020", "bad_region"},
        {"110101199013070020", "bad_birth_date"},
        {"110101199002300020", "bad_birth_date"},
        {"110101190002290020", "bad_birth_date"},  // 1900 was not a leap year
        {"110101179912310020", "bad_birth_date"},
    };
    for (const Case& c : cases) EXPECT_EQ(Problem(CheckIdNumber(c.input), "id_number"), c.want) << c.input;
}

// People keep their numbers when their county is merged away, so only the province digits are judged.
TEST(IdNumber, RetiredAndUnusualRegionsPass) {
    for (const char* region : {"512301", "513001", "110000", "810000", "820000", "710000", "469001"}) {
        const std::string id = WithCheck(std::string(region) + "19800101001");
        EXPECT_TRUE(CheckIdNumber(id).ok()) << id;
    }
}

TEST(IdNumber, ReportsTheCallersFieldName) {
    const Status s = CheckIdNumber("123", "suspect.id_number");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.fields().size(), 1u);
    EXPECT_EQ(s.fields().at("suspect.id_number"), "bad_length");
}

TEST(IdNumber, BirthDateMayBeTodayButNotTomorrow) {
    const CivilDate today = TodayInChina();
    const CivilDate tomorrow = CivilFromDays(DaysFromCivil(today) + 1);
    EXPECT_TRUE(CheckIdNumber(WithCheck("519901" + DateDigits(today) + "123")).ok());
    EXPECT_EQ(Problem(CheckIdNumber(WithCheck("519901" + DateDigits(tomorrow) + "123")), "id_number"),
              "future_birth_date");
}

TEST(IdNumber, CheckCharacter) {
    EXPECT_EQ(IdCheckCharacter("11010119900307002"), 'X');
    EXPECT_EQ(IdCheckCharacter("11010119900307461"), '0');
    EXPECT_EQ(IdCheckCharacter("11010119900307123"), '3');
    EXPECT_THROW(IdCheckCharacter("1101011990030700"), std::invalid_argument);
    EXPECT_THROW(IdCheckCharacter("1101011990030700X"), std::invalid_argument);
}

TEST(IdNumber, Convert15To18) {
    // STANDARDS.md: insert 19 after the region code, then compute the check character.
    EXPECT_EQ(ConvertId15To18("110101900307002").value(), "11010119900307002X");
    EXPECT_EQ(ConvertId15To18("110101900307461").value(), "110101199003074610");
    EXPECT_TRUE(CheckIdNumber(ConvertId15To18("519901850228123").value()).ok());
    EXPECT_FALSE(ConvertId15To18("11010190030700"));
    EXPECT_FALSE(ConvertId15To18("1101019003070021"));
    EXPECT_FALSE(ConvertId15To18("11010190030700X"));
    EXPECT_FALSE(ConvertId15To18("110101900230002"));  // 1990-02-30
    EXPECT_FALSE(ConvertId15To18("110101001301002"));  // month 13
    EXPECT_FALSE(ConvertId15To18("11010119900307002X"));
}

TEST(IdNumber, BirthDate) {
    EXPECT_EQ(IdBirthDate("11010119900307002X"), (CivilDate{1990, 3, 7}));
    EXPECT_EQ(IdBirthDate("519901200002291234"), (CivilDate{2000, 2, 29}));
    EXPECT_FALSE(IdBirthDate("519901190002291234"));
    EXPECT_FALSE(IdBirthDate("51990119900307123"));
    EXPECT_FALSE(IdBirthDate("5199011990030712345"));
    EXPECT_FALSE(IdBirthDate("5199011990O307123X"));
}

TEST(IdNumber, SexFromSequenceDigit) {
    EXPECT_FALSE(IdIsMale("11010119900307002X"));  // 002: even, female
    EXPECT_TRUE(IdIsMale("110101199003074610"));   // 461: odd, male
    EXPECT_TRUE(IdIsMale("110101199001010074"));   // 007
    EXPECT_FALSE(IdIsMale("11010119900101004X"));  // 004
    EXPECT_FALSE(IdIsMale(""));
    EXPECT_FALSE(IdIsMale("1101011990010100X4"));
}

// Plate formats are those of STANDARDS.md, "GA 36-2018 motor vehicle plates".
TEST(Plate, Accepts) {
    for (const char* plate :
         {"川A12345", "京AD08000", "沪A12116D", "川A1234挂", "粤Z1234港", "粤Z1234澳", "川A1234学", "川A1234警",
          "京AF1234", "京ADA1234", "沪A12345F", "新AHJ0NP", "琼B12345", "粤O12345", "川AD1234"}) {
        EXPECT_TRUE(CheckPlate(plate).ok()) << plate << ": " << Problem(CheckPlate(plate), "plate_no");
    }
}

TEST(Plate, Problems) {
    const Case cases[] = {
        {"", "bad_length"},
        {"川A1234", "bad_length"},
        {"川A123456", "bad_new_energy_format"},
        {"川A1234567", "bad_length"},
        {"川", "bad_length"},
        {"AA12345", "bad_province"},
        {"台A12345", "bad_province"},
        {"使A12345", "bad_province"},
        {"川112345", "bad_office_letter"},
        {"川I12345", "bad_office_letter"},
        {"川京12345", "bad_office_letter"},
        {"川A1234I", "bad_characters"},
        {"川AO1234", "bad_characters"},
        {"川A12I45", "bad_characters"},
        {"川A挂1234", "bad_characters"},
        {"川A1234领", "bad_characters"},
        {"川A12-45", "bad_characters"},
        {"川AD1234挂", "bad_characters"},  // suffixes are for 7-character plates only
        {"京AD0800A", "bad_new_energy_format"},
        {"京AX12345", "bad_new_energy_format"},
        {"沪A1211DD", "bad_new_energy_format"},
        {"沪A12116E", "bad_new_energy_format"},
        {"川A1234\xe5\xb7", "bad_characters"},  // truncated UTF-8
    };
    for (const Case& c : cases) EXPECT_EQ(Problem(CheckPlate(c.input), "plate_no"), c.want) << c.input;
}

TEST(Plate, NormalisesWhatPeopleType) {
    const Case cases[] = {
        {"川Ａ１２３４５", "川A12345"},  // full-width letters and digits from a Chinese input method
        {"川ａ12345", "川A12345"},
        {"川a12345", "川A12345"},
        {" 川A 12345 ", "川A12345"},
        {"川A·12345", "川A12345"},
        {"川A・12345", "川A12345"},
        {"川A\u300012345", "川A12345"},  // ideographic space
        {"京ａｄ０８０００", "京AD08000"},
        {"川A1234挂", "川A1234挂"},
        {"", ""},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(NormalisePlate(c.input), c.want) << c.input;
        EXPECT_TRUE(CheckPlate(c.input).ok() || std::string(c.want).empty()) << c.input;
    }
    EXPECT_EQ(NormalisePlate("川\xe5\xb7"), "川\xe5\xb7");  // malformed bytes are left for CheckPlate to reject
}

TEST(Plate, KindCodes) {
    for (const char* code : {"01", "02", "08", "13", "16", "20", "22", "23", "24", "26", "27", "31", "32", "33", "41",
                             "43", "51", "52", "99"}) {
        EXPECT_TRUE(IsPlateKindCode(code)) << code;
    }
    for (const char* code : {"", "00", "1", "2", "001", "09", "17", "21", "25", "28", "53", "98", "A1"}) {
        EXPECT_FALSE(IsPlateKindCode(code)) << code;
    }
}

// Examples from STANDARDS.md, "GB/T 2260 administrative division codes".
TEST(RegionCode, Cases) {
    const Case cases[] = {
        {"519901", "ok"},  // demo county
        {"519900", "ok"},  // demo prefecture itself
        {"510000", "ok"},
        {"510100", "ok"},
        {"510104", "ok"},
        {"110101", "ok"},
        {"500229", "ok"},
        {"429004", "ok"},  // province-administered county-level city
        {"659001", "ok"},
        {"710000", "ok"},
        {"810000", "ok"},
        {"820000", "ok"},
        {"510104001001", "ok"},
        {"441900003000", "ok"},  // township directly under a prefecture-level city
        {"", "bad_length"},
        {"5101", "bad_length"},
        {"5101040", "bad_length"},
        {"51010400100", "bad_length"},
        {"51010A", "bad_characters"},
        {"５１０１０４", "bad_length"},
        {"51010400100A", "bad_characters"},
        {"000000", "bad_province"},
        {"100000", "bad_province"},
        {"160000", "bad_province"},
        {"240000", "bad_province"},
        {"470000", "bad_province"},
        {"550000", "bad_province"},
        {"660000", "bad_province"},
        {"720000", "bad_province"},
        {"830000", "bad_province"},
        {"990000", "bad_province"},
        {"529901", "bad_prefecture"},  // 99 is the demo prefecture of Sichuan only
        {"517101", "bad_prefecture"},
        {"518901", "bad_prefecture"},
        {"510001", "bad_county"},
    };
    for (const Case& c : cases) EXPECT_EQ(Problem(CheckRegionCode(c.input), "region_code"), c.want) << c.input;
}

TEST(RegionCode, EveryListedProvincePasses) {
    for (int p : {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                  43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}) {
        EXPECT_TRUE(CheckRegionCode(std::to_string(p) + "0000").ok()) << p;
    }
}

TEST(Mobile, Cases) {
    const Case cases[] = {
        {"13812345678", "ok"},
        {"19912345678", "ok"},
        {"14700000000", "ok"},
        {"+8613812345678", "ok"},
        {"8613812345678", "ok"},
        {"", "bad_mobile"},
        {"1381234567", "bad_mobile"},
        {"138123456789", "bad_mobile"},
        {"12812345678", "bad_mobile"},
        {"10812345678", "bad_mobile"},
        {"23812345678", "bad_mobile"},
        {"1381234567a", "bad_mobile"},
        {"138 1234 5678", "bad_mobile"},
        {"+86 13812345678", "bad_mobile"},
        {"008613812345678", "bad_mobile"},
        {"+8612812345678", "bad_mobile"},
        {"+86", "bad_mobile"},
        {"+1381234567", "bad_mobile"},
        {"02812345678", "bad_mobile"},
    };
    for (const Case& c : cases) EXPECT_EQ(Problem(CheckMobile(c.input), "phone"), c.want) << c.input;
    EXPECT_EQ(CheckMobile("1", "contact_phone").fields().at("contact_phone"), "bad_mobile");
}

// 等保 masking in STANDARDS.md: ID first 6 and last 4, phone 138****5678.
TEST(Mask, IdNumber) {
    EXPECT_EQ(MaskIdNumber("519901199003071234"), "519901********1234");
    EXPECT_EQ(MaskIdNumber("51990119900307123X"), "519901********123X");
    EXPECT_EQ(MaskIdNumber("519901900307123"), "519901*****7123");
    EXPECT_EQ(MaskIdNumber("12345678901"), "123456*8901");
    EXPECT_EQ(MaskIdNumber("1234567890"), "**********");  // would otherwise show every character
    EXPECT_EQ(MaskIdNumber(""), "");
}

TEST(Mask, Phone) {
    EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
    EXPECT_EQ(MaskPhone("+8613812345678"), "+86138****5678");
    EXPECT_EQ(MaskPhone("8613812345678"), "86138****5678");
    EXPECT_EQ(MaskPhone("02887654321"), "028****4321");
    EXPECT_EQ(MaskPhone("1234567"), "*******");
    EXPECT_EQ(MaskPhone(""), "");
}

TEST(Mask, Name) {
    EXPECT_EQ(MaskName("张三"), "张*");
    EXPECT_EQ(MaskName("李小龙"), "李**");
    EXPECT_EQ(MaskName("欧阳明月"), "欧***");
    EXPECT_EQ(MaskName("阿卜杜拉·艾买提"), "阿*******");
    EXPECT_EQ(MaskName("John Smith"), "J*********");
    EXPECT_EQ(MaskName("张"), "*");  // keeping the first character would show the whole name
    EXPECT_EQ(MaskName(""), "");
    EXPECT_EQ(MaskName("\xe5\xb7张三"), "****");  // a malformed byte is never echoed
}

}  // namespace
}  // namespace jw

#include "common/log_mask.hpp"

#include <gtest/gtest.h>

namespace jw {
namespace {

TEST(MaskForLog, QueryCodeSmsKeepsNoDigitOfTheCodeNorThePhone) {
    const std::string sms = "【城关派出所】您的案件已受理，案件编号5199012026XZ00001，查询码04718263。请勿告知他人。";
    const std::string masked = MaskForLog(sms);
    EXPECT_EQ(masked, "【城关派出所】您的案件已受理，案件编号**********XZ00001，查询码********。请勿告知他人。");
    EXPECT_EQ(masked.find("04718263"), std::string::npos);
}

TEST(MaskForLog, PhonesAndIdNumbersKeepTheirLastFour) {
    EXPECT_EQ(MaskForLog("call 13812345678 now"), "call *******5678 now");
    EXPECT_EQ(MaskForLog("id 11010519491231002X."), "id **************002X.");
    EXPECT_EQ(MaskForLog("id 11010519491231002x"), "id **************002x");
    EXPECT_EQ(MaskForLog("+8613812345678"), "+*********5678");
}

TEST(MaskForLog, ShortNumbersAndPlainTextAreKept) {
    EXPECT_EQ(MaskForLog("case 42 has 3 people, 12345 yuan"), "case 42 has 3 people, 12345 yuan");
    EXPECT_EQ(MaskForLog("code 123456"), "code ******");
    EXPECT_EQ(MaskForLog(""), "");
    EXPECT_EQ(MaskForLog("没有数字"), "没有数字");
}

}  // namespace
}  // namespace jw

// The rules loader with a module's own schema: the selector columns are the module's, errors name line and column.
#include "timelimits/rule_set.hpp"

#include <gtest/gtest.h>

namespace jw::timelimits {
namespace {

const RuleSchema kSchema{.file = "petition_rules.csv",
                         .family_column = "kind",
                         .families = {"petition", "call"},
                         .variant_column = "edition",
                         .variants = {"2022"}};

const std::string kHeader =
    "id,kind,edition,scope,start,pause,resume,end,restart,length,unit,ext_event,ext_mode,ext_steps,ext_max,"
    "ext_approver,ext_basis,request_lead,liberty,name_zh,name_en,basis,counting_basis\n";

TEST(RuleSet, ReadsAModulesColumns) {
    auto set = RuleSet::FromCsv(kHeader +
                                    "reply,petition,2022,case,registered,,,replied,,60,days,extended,add,30,1,上级,"
                                    "b2,0,0,答复,reply,《信访工作条例》第三十二条,c\n"
                                    "any,petition,,case,registered,,,replied,,15,days,,add,,0,,,0,0,告知,n,b,c\n",
                                kSchema);
    ASSERT_TRUE(set.ok()) << set.status().message();
    EXPECT_EQ(set->Find("reply")->family, "petition");
    EXPECT_EQ(set->Find("reply")->variant, "2022");
    EXPECT_EQ(set->For("petition", "2022").size(), 2u);
    EXPECT_EQ(set->For("petition", "").size(), 1u);  // only the rule for any edition
    EXPECT_TRUE(set->KnowsEvent("petition", "extended"));
    EXPECT_FALSE(set->KnowsEvent("call", "registered"));
}

TEST(RuleSet, ErrorsNameTheSchemasColumns) {
    auto family = RuleSet::FromCsv(kHeader + "r,parcel,,case,a,,,f,,3,days,,add,,0,,,0,0,n,n,b,c\n", kSchema);
    ASSERT_FALSE(family.ok());
    EXPECT_EQ(family.status().fields().count("line 2.kind"), 1u) << family.status().message();
    auto variant = RuleSet::FromCsv(kHeader + "r,call,2012,case,a,,,f,,3,days,,add,,0,,,0,0,n,n,b,c\n", kSchema);
    ASSERT_FALSE(variant.ok());
    EXPECT_EQ(variant.status().fields().count("line 2.edition"), 1u);
    // A file in another module's schema lacks this module's columns.
    auto missing = RuleSet::FromCsv("id,case_type,law\nr,criminal,\n", kSchema);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().fields().count("line 1.kind"), 1u) << missing.status().message();
}

}  // namespace
}  // namespace jw::timelimits

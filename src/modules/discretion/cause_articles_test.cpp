// Cause → article (cause_articles.hpp): every row of the data file read against the law text it cites and the
// tiers it points to, the demo county's causes mapped to their articles, and the match exact (no substring).

#include "discretion/cause_articles.hpp"

#include <gtest/gtest.h>

#include "discretion/catalogue.hpp"
#include "discretion/law_texts_for_tests.hpp"

namespace jw::discretion {
namespace {

using testing::Article;
using testing::LoadLaw;

std::string Cite(const CauseArticle& a) { return a.law + " §" + std::to_string(a.article); }

// The words a row quotes after "：" are the law's own words in the article it cites.
TEST(CauseArticles, EveryRowQuotesTheArticleItCites) {
    const auto law = LoadLaw();
    if (!law) GTEST_SKIP() << "law texts not available";
    int quoted = 0;
    for (const auto& a : CauseArticles()) {
        SCOPED_TRACE(a.cause + " " + Cite(a));
        const std::string text = Article(law->Of(a.law), a.article);
        ASSERT_FALSE(text.empty());
        const size_t colon = a.source.find("：");
        if (colon == std::string::npos) continue;
        std::string words = a.source.substr(colon + 3);
        // "有下列行为之一的……（四）其他寻衅滋事行为": each part around the ellipsis is in the article.
        for (size_t pos; (pos = words.find("……")) != std::string::npos;) {
            EXPECT_NE(text.find(words.substr(0, pos)), std::string::npos);
            words = words.substr(pos + 6);
        }
        EXPECT_NE(text.find(words), std::string::npos);
        ++quoted;
    }
    EXPECT_GE(quoted, 10);
}

// A row points to tiers of the calculator's catalogue (a suggestion the calculator can compute).
TEST(CauseArticles, EveryRowHasATierInTheCatalogue) {
    const Catalogue& c = Catalogue::Embedded();
    for (const auto& a : CauseArticles()) {
        SCOPED_TRACE(a.cause + " " + Cite(a));
        bool found = false;
        for (const auto& t : c.tiers())
            found = found || (t.key.law == a.law && t.key.article == a.article && t.key.paragraph == a.paragraph);
        EXPECT_TRUE(found);
    }
}

// The demo county's administrative causes (cases/demo_cases.cpp kAdminCauses) and a criminal one.
TEST(CauseArticles, DemoCausesMapToTheirArticles) {
    struct Want {
        const char* cause;
        int a2012, a2025;
    };
    const Want wants[] = {
        {"殴打他人", 43, 51},      // 2012 §43¶1, 2025 §51¶1: 殴打他人的，或者故意伤害他人身体的
        {"盗窃", 49, 58},          // 2012 §49; 2025 §58: 盗窃、诈骗、哄抢、抢夺或者敲诈勒索的
        {"寻衅滋事", 26, 30},      // 2012 §26(四); 2025 §30(四)
        {"故意损毁财物", 49, 59},  // 2012 §49; 2025 §59: 故意损毁公私财物的
        {"扰乱单位秩序", 23, 26},  // 2012 §23¶1(一); 2025 §26¶1(一)
        {"赌博", 70, 82},          // 2012 §70; 2025 §82
        {"诈骗", 49, 58},          // 2012 §49; 2025 §58
        {"盗窃罪", 49, 58},        // a criminal cause names the same act
    };
    for (const auto& w : wants) {
        SCOPED_TRACE(w.cause);
        auto old_text = ArticlesForCause(w.cause, "2012");
        auto new_text = ArticlesForCause(w.cause, "2025");
        ASSERT_EQ(old_text.size(), 1u);
        ASSERT_EQ(new_text.size(), 1u);
        EXPECT_EQ(old_text[0].article, w.a2012);
        EXPECT_EQ(new_text[0].article, w.a2025);
        EXPECT_EQ(ArticlesForCause(w.cause, "").size(), 2u);
    }
    EXPECT_EQ(ArticlesForCause("扰乱单位秩序", "2025")[0].item, 1);  // 第二十六条第一款第（一）项
}

TEST(CauseArticles, OnlyTheSameActMatches) {
    EXPECT_TRUE(ArticlesForCause("殴打", "").empty());            // a part of 殴打他人 is not the act
    EXPECT_TRUE(ArticlesForCause("盗窃电动车案件", "").empty());  // nor a longer text containing a cause
    EXPECT_TRUE(ArticlesForCause("危险驾驶罪", "").empty());      // not an act of the 治安管理处罚法
    EXPECT_TRUE(ArticlesForCause("", "").empty());
    EXPECT_EQ(ArticlesForCause(" 盗窃 ", "2025").size(), 1u);  // spaces are not part of the cause
    EXPECT_EQ(ArticlesForCause("盗窃案", "2025").size(), 1u);
    EXPECT_EQ(NormaliseCause("罪"), "罪");  // a lone 罪 is kept (nothing left to match otherwise)
}

TEST(CauseArticles, BadRowsAreRefusedNamingTheField) {
    const std::string head = "law,cause,article,paragraph,item,source\n";
    EXPECT_EQ(ParseCauseArticles(head + "2019,盗窃,49,1,0,x\n").status().fields().begin()->first, "law");
    EXPECT_EQ(ParseCauseArticles(head + "2012,盗窃,0,1,0,x\n").status().fields().begin()->first, "article");
    EXPECT_EQ(ParseCauseArticles(head + "2012,盗窃,4x,1,0,x\n").status().fields().begin()->first, "article");
    EXPECT_EQ(ParseCauseArticles(head + "2012,,49,1,0,x\n").status().fields().begin()->first, "cause");
    EXPECT_EQ(ParseCauseArticles(head + "2012,盗窃,49,1\n").status().fields().begin()->first, "row");
    EXPECT_TRUE(ParseCauseArticles(head + "2012,盗窃,49,1,0,x\n").ok());
}

}  // namespace
}  // namespace jw::discretion

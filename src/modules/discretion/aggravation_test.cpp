// The aggravating paragraphs as data (ADR 0022): every row checked against the law text it cites, the 从重
// paragraphs of the catalogued articles all covered, the condition semantics at their edges, and broken rows
// refused. The decisions themselves are tested by testdata/cases/065–101 (discretion_test).

#include "discretion/aggravation.hpp"

#include <gtest/gtest.h>

#include <set>

#include "discretion/catalogue.hpp"
#include "discretion/decision_json.hpp"
#include "discretion/documents.hpp"
#include "discretion/law_texts_for_tests.hpp"
#include "docs/html_renderer.hpp"

namespace jw::discretion {
namespace {

using testing::Article;
using testing::LoadLaw;

// Each condition's words must be in the article it cites: the age with 不满/以上 as the law writes it (the
// 2012 text says 六十周岁, the 2025 text 七十周岁), 结伙, 多次, 多人, 首要分子, 一年以内, 从重处罚.
TEST(DiscretionAggravations, EveryRowReadsInTheArticleItCites) {
    auto law = LoadLaw();
    if (!law) GTEST_SKIP() << "law texts not available";
    const Catalogue& c = Catalogue::Embedded();
    ASSERT_GE(c.aggravations().size(), 30u);
    for (const auto& a : c.aggravations()) {
        SCOPED_TRACE(a.law + " " + a.code + ": " + a.condition);
        const std::string text = Article(law->Of(a.law), a.article);
        ASSERT_FALSE(text.empty());
        auto has = [&](const std::string& w) { return text.find(w) != std::string::npos; };
        EXPECT_EQ(a.from_article, a.article) << "a paragraph aggravates its own article";
        for (const auto& cond : a.conditions) {
            if (cond.fact == "victim.age" && cond.op == "<")
                EXPECT_TRUE(has("不满" + ChineseNumber(cond.value) + "周岁"));
            if (cond.fact == "victim.age" && cond.op == ">=") EXPECT_TRUE(has(ChineseNumber(cond.value) + "周岁以上"));
            if (cond.fact == "victim.age") EXPECT_TRUE(cond.op == "<" || cond.op == ">=");
            if (cond.fact == "offenders") EXPECT_TRUE(has("结伙"));
            if (cond.fact == "times") EXPECT_TRUE(has("多次"));
            if (cond.fact == "victims_at_once") EXPECT_TRUE(has("多人"));
            if (cond.fact == "ringleader") EXPECT_TRUE(has("首要分子"));
            if (cond.fact == "victim.pregnant") EXPECT_TRUE(has("孕妇"));
            if (cond.fact == "victim.disabled") EXPECT_TRUE(has("残疾人"));
            if (cond.fact == "victim.mental_illness") EXPECT_TRUE(has("精神病人"));
            if (cond.fact == "victim.intellectual_disability") EXPECT_TRUE(has("智力残疾人"));
            if (cond.fact == "public_place") EXPECT_TRUE(has("进入公共场所"));
            if (cond.fact == "public_transport") EXPECT_TRUE(has("公共交通工具"));
            if (cond.fact == "banned_date") EXPECT_TRUE(has(ChineseNumber(cond.value / 12) + "年以内又实施"));
        }
        if (a.RaisesTier()) {
            const Tier* t = c.Find({a.law, a.article, a.paragraph, a.kind, 1});
            ASSERT_NE(t, nullptr);
            EXPECT_NE(text.find(t->clause), std::string::npos);
        } else {
            EXPECT_TRUE(has("从重处罚"));
            const Factor* f = c.FindFactor(a.law, a.factor);
            ASSERT_NE(f, nullptr);
            EXPECT_EQ(f->article, a.article);
            EXPECT_EQ(f->paragraph, a.paragraph);
        }
    }
}

// Every article of the catalogue that orders 从重 itself, and every higher paragraph defined by facts that the
// law texts hold for a catalogued article, has a rule.
TEST(DiscretionAggravations, CoversTheAggravatingParagraphsOfTheCatalogue) {
    auto law = LoadLaw();
    if (!law) GTEST_SKIP() << "law texts not available";
    const Catalogue& c = Catalogue::Embedded();
    std::set<std::pair<std::string, int>> articles, with_factor_rule;
    for (const auto& t : c.tiers()) articles.insert({t.key.law, t.key.article});
    for (const auto& a : c.aggravations()) {
        if (!a.RaisesTier()) with_factor_rule.insert({a.law, a.article});
    }
    int orders = 0;
    for (const auto& [l, n] : articles) {
        if (Article(law->Of(l), n).find("从重处罚") == std::string::npos) continue;
        ++orders;
        EXPECT_TRUE(with_factor_rule.count({l, n})) << l << " §" << n << " orders 从重 but has no rule";
    }
    EXPECT_EQ(orders, 7);  // 2012 §50, §51; 2025 §61, §62, §80, §81, §84
    std::set<std::tuple<std::string, int, int, std::string>> targets;
    for (const auto& a : c.aggravations()) {
        if (a.RaisesTier()) targets.insert({a.law, a.article, a.paragraph, a.kind});
    }
    const std::set<std::tuple<std::string, int, int, std::string>> expected = {
        {"2012", 23, 2, "base"},  {"2012", 32, 2, "base"}, {"2012", 43, 2, "base"}, {"2012", 44, 1, "heavy"},
        {"2025", 26, 2, "base"},  {"2025", 38, 2, "base"}, {"2025", 46, 2, "base"}, {"2025", 51, 2, "base"},
        {"2025", 52, 1, "heavy"}, {"2025", 65, 2, "base"}};
    EXPECT_EQ(targets, expected);
}

Aggravation Rule(const std::string& condition) {
    auto defs = ParseFactDefs(
        "name,type,min,max,name_zh\nbanned_date,date,0,0,取缔日期\nvictim.age,int,0,150,年龄\n"
        "victim.pregnant,bool,0,1,孕妇\n");
    EXPECT_TRUE(defs.ok());
    auto rules = ParseAggravations("h\n2025,x,65,1,65,2,base,0,," + condition + ",n,\n", *defs);
    EXPECT_TRUE(rules.ok()) << rules.status().message();
    return rules.ok() ? rules->front() : Aggravation{};
}

TEST(DiscretionAggravations, WithinMonthsIncludesTheLastDayAndClampsTheMonthEnd) {
    auto defs = *ParseFactDefs("name,type,min,max,name_zh\nbanned_date,date,0,0,取缔日期\n");
    const Aggravation r = Rule("banned_date within 12m");
    Facts f;
    f.act.dates["banned_date"] = {2024, 2, 29};
    EXPECT_TRUE(MatchAggravation(r, f, {2025, 2, 28}, defs));  // 2024-02-29 + 12 months = 2025-02-28
    EXPECT_FALSE(MatchAggravation(r, f, {2025, 3, 1}, defs));
    EXPECT_TRUE(MatchAggravation(r, f, {2024, 2, 29}, defs));
    EXPECT_FALSE(MatchAggravation(r, f, {2024, 2, 28}, defs));  // before the ban: not "又实施"
    EXPECT_FALSE(MatchAggravation(r, Facts{}, {2025, 1, 1}, defs)) << "a fact not entered meets nothing";
}

TEST(DiscretionAggravations, VictimConditionsHoldForOneAndTheSameVictim) {
    auto defs = *ParseFactDefs("name,type,min,max,name_zh\nvictim.age,int,0,150,年龄\nvictim.pregnant,bool,0,1,孕妇\n");
    const Aggravation r = Rule("victim.age < 14 & victim.pregnant = 1");
    Facts f;
    f.victims.resize(2);
    f.victims[0].numbers = {{"victim.age", 13}, {"victim.pregnant", 0}};
    f.victims[1].numbers = {{"victim.age", 20}, {"victim.pregnant", 1}};
    EXPECT_FALSE(MatchAggravation(r, f, {2026, 1, 1}, defs));
    f.victims[1].numbers["victim.age"] = 13;
    auto met = MatchAggravation(r, f, {2026, 1, 1}, defs);
    ASSERT_TRUE(met);
    EXPECT_EQ(*met, "第2名年龄：13，孕妇");
}

TEST(DiscretionAggravations, BrokenRowsAreRefusedWithTheirLine) {
    auto defs = *ParseFactDefs("name,type,min,max,name_zh\nvictim.age,int,0,150,年龄\nflag,bool,0,1,旗\n");
    for (const std::string& bad : {
             "2012,x,43,1,43,2,base,0,,colour = 1,n,",        // unknown fact
             "2012,x,43,1,43,2,base,0,,flag >= 1,n,",         // bool takes =
             "2012,x,43,1,43,2,base,0,,victim.age ~ 3,n,",    // operator
             "2012,x,43,1,43,2,base,0,f,flag = 1,n,",         // both tier and factor
             "2012,x,43,1,43,2,,0,,flag = 1,n,",              // neither
             "2012,x,43,1,43,2,base,0,,,n,",                  // no condition
             "2012,x,43,1,43,2,base,0,,victim.age >= old,n,"  // value
         }) {
        auto r = ParseAggravations("h\n" + bad + "\n", defs);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
    }
    EXPECT_FALSE(ParseFactDefs("h\nx,float,0,1,x\n").ok());
}

// The documents name the item of the aggravating paragraph and each 从重 paragraph the facts met.
TEST(DiscretionAggravations, DocumentsCiteTheItemThatRaisedTheRange) {
    auto req = ParseDecisionRequest(R"({"act_end_date":"2025-11-03","decision_date":"2025-12-01",
        "offender":{"birth_date":"1990-05-01"},
        "violations":[{"tier":{"law":"2012","article":43,"paragraph":1,"kind":"base"},
                       "facts":{"victims":[{"birth_date":"1960-01-01"}]}},
                      {"tier":{"law":"2012","article":50,"paragraph":1,"kind":"base"},"pick":"fine",
                       "facts":{"police_obstructed":true}}]})");
    ASSERT_TRUE(req.ok()) << req.status().message();
    auto d = Decide(Catalogue::Embedded(), *req);
    ASSERT_TRUE(d.ok()) << d.status().message();
    CaseFacts f{"示公（城关）行案〔2025〕89号",
                "示范县公安局",
                "张三",
                "男",
                "居民身份证 519901199005010011",
                "示范县城关镇",
                "张三殴打六十五周岁的李四，并阻碍民警依法执行职务。",
                {"询问笔录"},
                "",
                "",
                "示范县人民政府",
                "示范县人民法院",
                {2025, 12, 1}};
    const std::string decision = docs::RenderHtml(DecisionDocument(f, *d, Catalogue::Embedded(), "1号"));
    // The decision cites the article, paragraph and item alone (the 公安行政法律文书 form); the report adds the words.
    EXPECT_NE(decision.find("根据《中华人民共和国治安管理处罚法》第四十三条第二款第（二）项之规定"), std::string::npos);
    EXPECT_NE(
        decision.find(
            "根据《中华人民共和国治安管理处罚法》第五十条第一款、《中华人民共和国治安管理处罚法》第五十条第二款之规定"),
        std::string::npos);
    EXPECT_EQ(decision.find("（有下列情形之一的"), std::string::npos);
    const std::string report = docs::RenderHtml(ApprovalReport(f, *req, *d, Catalogue::Embedded()));
    EXPECT_NE(report.find("符合“殴打、伤害六十周岁以上的人”"), std::string::npos);
    EXPECT_NE(report.find("符合“阻碍人民警察依法执行职务”"), std::string::npos);
}

}  // namespace
}  // namespace jw::discretion

// The scoring engine against data files a reviewer can read: caps (testdata/caps.csv), editions in force at the
// China-midnight month boundaries (testdata/editions.csv), monthly folding, ranks that share ties, station totals.
#include "scoring/engine.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/civil_time.hpp"
#include "common/csv_reader.hpp"

namespace jw::scoring {
namespace {

std::string ReadTestData(const std::string& name) {
    const char* dir = std::getenv("JW_SOURCE_DIR");
    std::ifstream in(std::string(dir ? dir : ".") + "/src/scoring/testdata/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<CsvRow> Rows(const std::string& name) {
    auto rows = ReadCsv(ReadTestData(name));
    EXPECT_TRUE(rows.ok()) << name;
    if (!rows.ok() || rows->empty()) return {};
    rows->erase(rows->begin());  // header
    return *rows;
}

const std::string kHeader = "code,kind,points,cap,events,name_zh,name_en,basis\n";

Edition MustParse(const std::string& csv) {
    auto e = Edition::Parse(csv);
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.ok() ? *e : Edition{};
}

int64_t Utc(const std::string& iso) { return *ParseUtcIso(iso); }

TEST(Caps, EveryScenarioOfTheDataFile) {
    const auto rows = Rows("caps.csv");
    ASSERT_GE(rows.size(), 8u);
    for (const auto& r : rows) {
        const std::string scenario = r.fields[0];
        const Edition e =
            MustParse(kHeader + "x," + r.fields[1] + "," + r.fields[2] + "," + r.fields[3] + ",,名,name,依据\n");
        const int n = std::stoi(r.fields[4]);
        std::vector<Item> items;
        // One officer, one month; a second officer's items must not use up the first one's cap.
        for (int i = 0; i < n; ++i) {
            items.push_back({i + 1, 7, 3, "x", e.Find("x")->Signed(), Utc("2026-03-10T02:00:00Z") + i, ""});
            items.push_back({1000 + i, 8, 3, "x", e.Find("x")->Signed(), Utc("2026-03-10T02:00:00Z") + i, ""});
        }
        const auto scores = MonthlyScores(items, Fixed(e));
        ASSERT_EQ(scores.size(), 2u) << scenario;
        for (const auto& s : scores) {
            EXPECT_EQ(s.score, std::stoi(r.fields[5])) << scenario;
            EXPECT_EQ(s.capped, std::stoi(r.fields[6])) << scenario;
            EXPECT_EQ(s.items, n) << scenario;
        }
    }
}

TEST(Caps, ItemsCountInTimeOrderAndTheCapIsPerMonthAndRule) {
    const Edition e = MustParse(kHeader + "visit,add,1,2,community.visit.create,走访,Visit,依据\n" +
                                "collect,add,1,0,community.person.create,采集,Collected,依据\n");
    const int64_t march = Utc("2026-03-10T02:00:00Z"), april = Utc("2026-04-10T02:00:00Z");
    // Given out of order: the earliest two count, the latest is over the cap.
    std::vector<Item> items = {{3, 7, 3, "visit", 1, march + 30, "audit:3"},
                               {1, 7, 3, "visit", 1, march + 10, "audit:1"},
                               {2, 7, 3, "visit", 1, march + 20, "audit:2"},
                               {4, 7, 3, "collect", 1, march + 40, "audit:4"},
                               {5, 7, 3, "visit", 1, april, "audit:5"}};  // a new month, a new cap
    const auto counted = ApplyCaps(items, Fixed(e));
    ASSERT_EQ(counted.size(), 5u);
    EXPECT_EQ(counted[0].item.ref, "audit:1");
    EXPECT_EQ(counted[0].counted, 1);
    EXPECT_EQ(counted[1].counted, 1);
    EXPECT_EQ(counted[2].item.ref, "audit:3");
    EXPECT_EQ(counted[2].counted, 0);
    EXPECT_EQ(counted[3].counted, 1);  // another rule: its own cap
    EXPECT_EQ(counted[4].month, "2026-04");
    EXPECT_EQ(counted[4].counted, 1);
    const auto scores = MonthlyScores(items, Fixed(e));
    ASSERT_EQ(scores.size(), 2u);
    EXPECT_EQ(scores[0].score, 3);
    EXPECT_EQ(scores[0].by_code.at("visit"), 2);
    EXPECT_EQ(scores[0].capped, 1);
    EXPECT_EQ(scores[1].score, 1);
}

TEST(Editions, TheEditionInForceAtEachBoundaryOfTheDataFile) {
    const std::string rules = kHeader + "base,base,0,,,基础分,Base,依据\n";
    std::vector<Edition> editions;
    for (auto [month, version] :
         std::vector<std::pair<std::string, int>>{{"2026-01", 1}, {"2026-03", 2}, {"2026-04", 1}, {"2026-04", 3}}) {
        Edition e = MustParse(rules);
        e.effective_month = month;
        e.version = version;
        editions.push_back(e);
    }
    for (const auto& r : Rows("editions.csv")) {
        const std::string month = MonthOf(Utc(r.fields[0]));
        EXPECT_EQ(month, r.fields[1]) << r.fields[3];
        const Edition* e = EditionFor(editions, month);
        const int expect = std::stoi(r.fields[2]);
        if (expect == 0) {
            EXPECT_EQ(e, nullptr) << r.fields[3];
        } else {
            ASSERT_NE(e, nullptr) << r.fields[3];
            EXPECT_EQ(e->version, expect) << r.fields[3];
        }
    }
    EXPECT_EQ(*MonthStart("2026-03"), Utc("2026-02-28T16:00:00Z"));
    EXPECT_FALSE(MonthStart("2026-13").ok());
    EXPECT_FALSE(MonthStart("2026-3").ok());
}

TEST(Editions, APastMonthKeepsItsEditionsPointsWhenALaterEditionChangesThem) {
    Edition old = MustParse(kHeader + "visit,add,1,40,community.visit.create,走访,Visit,依据\n");
    old.effective_month = "2026-01";
    Edition later = MustParse(kHeader + "visit,add,2,10,community.visit.create,走访,Visit,依据\n");
    later.effective_month = "2026-04";
    const std::vector<Edition> editions = {old, later};
    std::vector<Item> items;
    for (int i = 0; i < 12; ++i) {
        items.push_back({i, 7, 3, "visit", 1, Utc("2026-03-05T02:00:00Z") + i, ""});
        items.push_back({100 + i, 7, 3, "visit", 2, Utc("2026-04-05T02:00:00Z") + i, ""});
    }
    const auto scores = MonthlyScores(items, InForce(editions));
    ASSERT_EQ(scores.size(), 2u);
    EXPECT_EQ(scores[0].month, "2026-03");
    EXPECT_EQ(scores[0].score, 12);  // March: the old cap of 40
    EXPECT_EQ(scores[1].score, 10);  // April: the new cap of 10
}

TEST(Editions, BadTablesAreRefusedNamingTheLine) {
    EXPECT_FALSE(Edition::Parse("code,kind,points\n").ok());  // missing columns
    auto bad_cap = Edition::Parse(kHeader + "a,add,1,x,,a,b,c\n");
    ASSERT_FALSE(bad_cap.ok());
    EXPECT_EQ(bad_cap.status().fields().count("line 2"), 1u);
    EXPECT_FALSE(Edition::Parse(kHeader + "a,add,1,,,a,b,\n").ok());                        // no basis
    EXPECT_FALSE(Edition::Parse(kHeader + "a,add,1,,e1,a,b,c\nb,add,1,,e1,a,b,c\n").ok());  // event twice
    EXPECT_FALSE(Edition::Parse(kHeader + "a,base,1,,,a,b,c\nb,base,1,,,a,b,c\n").ok());    // two bases
    EXPECT_FALSE(Edition::Parse(kHeader + "a,bonus,1,,,a,b,c\n").ok());
    EXPECT_FALSE(Edition::Parse(kHeader + "a,add,-1,,,a,b,c\n").ok());
    auto ok = Edition::Parse("code,kind,points,name_zh,name_en,basis,review_problem\nx,add,2,a,b,c,1\n");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->Find("x")->Extra("review_problem"), "1");  // a module's own column is kept
    EXPECT_EQ(ok->Find("x")->cap, 0);
}

TEST(Ranking, TiesShareARankAndStationsRankByAverage) {
    std::vector<MonthlyScore> s(5);
    const int64_t officer[] = {11, 12, 13, 14, 15}, unit[] = {1, 1, 2, 2, 3};
    const int score[] = {90, 95, 95, 80, 92};
    for (int i = 0; i < 5; ++i) {
        s[i].officer_id = officer[i];
        s[i].unit_id = unit[i];
        s[i].score = score[i];
    }
    const auto ranked = Rank(s);
    ASSERT_EQ(ranked.size(), 5u);
    EXPECT_EQ(ranked[0].score.officer_id, 12);
    EXPECT_EQ(ranked[0].rank, 1);
    EXPECT_EQ(ranked[1].score.officer_id, 13);
    EXPECT_EQ(ranked[1].rank, 1);
    EXPECT_EQ(ranked[2].rank, 3);
    EXPECT_EQ(ranked[4].rank, 5);
    const auto units = UnitTotals(s);  // unit 1: 92.5, unit 2: 87.5, unit 3: 92
    ASSERT_EQ(units.size(), 3u);
    EXPECT_EQ(units[0].unit_id, 1);
    EXPECT_EQ(units[0].total, 185);
    EXPECT_EQ(units[1].unit_id, 3);
    EXPECT_EQ(units[2].rank, 3);
    s[4].score = 85;  // unit 3 now 85; make units 1 and 2 tie
    s[0].score = 80;
    s[1].score = 95;
    const auto tied = UnitTotals(s);  // unit 1: 87.5, unit 2: 87.5
    EXPECT_EQ(tied[0].rank, 1);
    EXPECT_EQ(tied[1].rank, 1);
    EXPECT_EQ(tied[2].rank, 3);
}

}  // namespace
}  // namespace jw::scoring

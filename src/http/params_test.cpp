#include "http/params.hpp"

#include <gtest/gtest.h>

#include "common/china_day.hpp"

namespace jw::http {
namespace {

Request WithQuery(std::map<std::string, std::string> query) {
    Request r;
    r.query = std::move(query);
    return r;
}

// The one problem the status names for `field`, or "" when ok / another field.
template <typename T>
std::string ProblemOf(const Result<T>& r, const std::string& field) {
    if (r.ok()) return "";
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.status().fields().size(), 1u);
    auto it = r.status().fields().find(field);
    return it == r.status().fields().end() ? "<other field>" : it->second;
}

TEST(Params, IntegerAcceptsPlainDecimalOnly) {
    EXPECT_EQ(*ParseInteger("n", "12", 0, 100), 12);
    EXPECT_EQ(*ParseInteger("n", "007", 0, 100), 7);
    EXPECT_EQ(*ParseInteger("n", "-5", -10, 10), -5);
    EXPECT_EQ(*ParseInteger("n", "9223372036854775807", 0, INT64_MAX), INT64_MAX);
    for (const char* bad : {"12abc", "+5", " 5", "5 ", "", "-", "--5", "1.0", "0x10", "1e3", "١٢", "5\n", "1,2"})
        EXPECT_EQ(ProblemOf(ParseInteger("n", bad, INT64_MIN, INT64_MAX), "n"), "invalid_integer") << bad;
}

TEST(Params, IntegerOutsideRangeOrOverflowIsOutOfRange) {
    EXPECT_EQ(ProblemOf(ParseInteger("n", "101", 0, 100), "n"), "out_of_range");
    EXPECT_EQ(ProblemOf(ParseInteger("n", "-1", 0, 100), "n"), "out_of_range");
    EXPECT_EQ(ProblemOf(ParseInteger("n", "9223372036854775808", 0, INT64_MAX), "n"), "out_of_range");
    EXPECT_EQ(ProblemOf(ParseInteger("n", "-99999999999999999999", INT64_MIN, 0), "n"), "out_of_range");
}

TEST(Params, QueryIntAbsentOrEmptyIsTheFallback) {
    EXPECT_FALSE(QueryInt(WithQuery({}), "limit", 1, 10)->has_value());
    EXPECT_FALSE(QueryInt(WithQuery({{"limit", ""}}), "limit", 1, 10)->has_value());
    EXPECT_EQ(*QueryInt(WithQuery({}), "limit", 1, 10, 5), 5);
    EXPECT_EQ(*QueryInt(WithQuery({{"limit", "7"}}), "limit", 1, 10, 5), 7);
    EXPECT_EQ(ProblemOf(QueryInt(WithQuery({{"limit", "11"}}), "limit", 1, 10, 5), "limit"), "out_of_range");
    EXPECT_EQ(ProblemOf(QueryInt(WithQuery({{"limit", "7x"}}), "limit", 1, 10), "limit"), "invalid_integer");
}

TEST(Params, QueryIdIsPositive) {
    EXPECT_EQ(**QueryId(WithQuery({{"unit_id", "3"}}), "unit_id"), 3);
    EXPECT_EQ(ProblemOf(QueryId(WithQuery({{"unit_id", "0"}}), "unit_id"), "unit_id"), "out_of_range");
    EXPECT_EQ(ProblemOf(QueryId(WithQuery({{"unit_id", "-3"}}), "unit_id"), "unit_id"), "out_of_range");
    EXPECT_EQ(ProblemOf(QueryId(WithQuery({{"unit_id", "3abc"}}), "unit_id"), "unit_id"), "invalid_integer");
}

TEST(Params, EnumIsExactAndCaseSensitive) {
    const std::vector<std::string> kinds{"tollgate", "ape"};
    EXPECT_EQ(*QueryEnum(WithQuery({{"kind", "ape"}}), "kind", kinds), "ape");
    EXPECT_EQ(*QueryEnum(WithQuery({}), "kind", kinds), "");
    for (const char* bad : {"APE", "ape ", "tollgates", "x"})
        EXPECT_EQ(ProblemOf(QueryEnum(WithQuery({{"kind", bad}}), "kind", kinds), "kind"), "invalid_enum") << bad;
}

TEST(Params, DateIsYyyyMmDdAndReal) {
    auto d = QueryDate(WithQuery({{"from", "2024-02-29"}}), "from");
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(**d, (CivilDate{2024, 2, 29}));
    EXPECT_FALSE(QueryDate(WithQuery({}), "from")->has_value());
    for (const char* bad : {"2023-02-29", "2026-13-01", "20260101", "2026-1-01", "2026-01-01T00:00:00Z", "1799-12-31",
                            "２０２６-01-01", "2026/01/01"})
        EXPECT_EQ(ProblemOf(QueryDate(WithQuery({{"from", bad}}), "from"), "from"), "invalid_date") << bad;
}

TEST(Params, MonthIsYyyyMm) {
    EXPECT_EQ(**QueryMonth(WithQuery({{"month", "2026-12"}}), "month"), "2026-12");
    for (const char* bad : {"2026-13", "2026-1", "202612", "2026-12-01", "x"})
        EXPECT_EQ(ProblemOf(QueryMonth(WithQuery({{"month", bad}}), "month"), "month"), "invalid_month") << bad;
}

TEST(Params, InstantTakesUtcIsoChinaTimeOrChinaDate) {
    EXPECT_EQ(**QueryInstant(WithQuery({{"from", "2026-01-01T00:00:00Z"}}), "from"), 1767225600);
    EXPECT_EQ(**QueryInstant(WithQuery({{"from", "2026-01-01 08:00:00"}}), "from"), 1767225600);
    EXPECT_EQ(**QueryInstant(WithQuery({{"from", "2026-01-01"}}), "from"), ChinaMidnightOf(CivilDate{2026, 1, 1}));
    for (const char* bad : {"1767225600", "2026-01-01T00:00:00", "2026-01-01T00:00:00+08:00", "2026-01-01T24:00:00Z",
                            "2026-02-30", "yesterday"})
        EXPECT_EQ(ProblemOf(QueryInstant(WithQuery({{"to", bad}}), "to"), "to"), "invalid_time") << bad;
}

TEST(Params, BooleanIsOneZeroTrueFalse) {
    EXPECT_TRUE(*QueryBool(WithQuery({{"open", "1"}}), "open", false));
    EXPECT_TRUE(*QueryBool(WithQuery({{"open", "true"}}), "open", false));
    EXPECT_FALSE(*QueryBool(WithQuery({{"open", "0"}}), "open", true));
    EXPECT_FALSE(*QueryBool(WithQuery({{"open", "false"}}), "open", true));
    EXPECT_TRUE(*QueryBool(WithQuery({}), "open", true));
    for (const char* bad : {"yes", "TRUE", "2", "on"})
        EXPECT_EQ(ProblemOf(QueryBool(WithQuery({{"open", bad}}), "open", false), "open"), "invalid_boolean") << bad;
}

TEST(Params, IdListKeepsOrderDropsDuplicatesAndCountsEntries) {
    EXPECT_EQ(*QueryIdList(WithQuery({{"ids", "3,7,3,12"}}), "ids", 5), (std::vector<int64_t>{3, 7, 12}));
    EXPECT_TRUE(QueryIdList(WithQuery({}), "ids", 5)->empty());
    for (const char* bad : {"3,,7", "3,", ",3", "3, 7", "3,x", "0", "3;7"})
        EXPECT_EQ(ProblemOf(QueryIdList(WithQuery({{"ids", bad}}), "ids", 5), "ids"), "invalid_id_list") << bad;
    EXPECT_EQ(ProblemOf(QueryIdList(WithQuery({{"ids", "1,2,3,4,5,6"}}), "ids", 5), "ids"), "too_many");
    EXPECT_EQ(QueryIdList(WithQuery({{"ids", "1,2,3,4,5"}}), "ids", 5)->size(), 5u);
}

TEST(Params, PagingDefaultsLimitsAndNamesTheField) {
    auto p = QueryPage(WithQuery({}));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->page, 1);
    EXPECT_EQ(p->page_size, 20);
    EXPECT_EQ(QueryPage(WithQuery({{"page", "3"}, {"page_size", "200"}}))->page_size, 200);
    EXPECT_EQ(ProblemOf(QueryPage(WithQuery({{"page_size", "201"}})), "page_size"), "out_of_range");
    EXPECT_EQ(ProblemOf(QueryPage(WithQuery({{"page_size", "0"}})), "page_size"), "out_of_range");
    EXPECT_EQ(ProblemOf(QueryPage(WithQuery({{"page", "0"}})), "page"), "out_of_range");
    EXPECT_EQ(ProblemOf(QueryPage(WithQuery({{"page", "abc"}})), "page"), "invalid_integer");
    EXPECT_EQ(ProblemOf(QueryPage(WithQuery({{"page_size", "50"}}), 40), "page_size"), "out_of_range");
    int page = 0, size = 0;
    EXPECT_FALSE(WithQuery({{"page", "1x"}}).Paging(&page, &size).ok());
}

TEST(Params, PathIdIsAPositiveInteger) {
    Request r;
    r.params = {{"id", "42"}, {"cid", "x"}};
    EXPECT_EQ(*PathId(r), 42);
    EXPECT_EQ(*r.IdParam(), 42);
    r.params["id"] = "42abc";
    EXPECT_EQ(ProblemOf(PathId(r), "id"), "invalid_integer");
    r.params["id"] = "0";
    EXPECT_EQ(ProblemOf(PathId(r), "id"), "out_of_range");
    EXPECT_EQ(ProblemOf(PathId(r, "qid"), "qid"), "required");
}

TEST(Params, RepeatedQueryNameIsRefused) {
    std::map<std::string, std::string> q;
    EXPECT_TRUE(CollectQuery({{"a", "1"}, {"b", ""}}, &q).ok());
    EXPECT_EQ(q.at("a"), "1");
    std::map<std::string, std::string> q2;
    Status s = CollectQuery({{"unit_id", "1"}, {"page", "2"}, {"unit_id", "9"}}, &q2);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.fields().at("unit_id"), "repeated");
}

}  // namespace
}  // namespace jw::http

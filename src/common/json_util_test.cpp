#include "common/json_util.hpp"

#include <gtest/gtest.h>

namespace jw {
namespace {

TEST(JsonUtil, MalformedBodyNamesBody) {
    auto r = ParseJsonObject("{\"a\":");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().at("body"), "malformed_json");
    EXPECT_EQ(ParseJsonObject("[1]").status().fields().at("body"), "not_an_object");
}

TEST(JsonUtil, CollectsEveryProblem) {
    Json j = Json::parse(R"({"name": 5, "extra": 1, "count": "3", "flag": true})");
    JsonReader r(j, {"name", "count", "flag", "missing"});
    EXPECT_FALSE(r.Text("name", true));
    EXPECT_FALSE(r.Int("count", true, 0, 10));
    EXPECT_TRUE(r.Bool("flag", true).value());
    EXPECT_FALSE(r.Text("missing", true));
    Status s = r.status();
    ASSERT_EQ(s.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.fields().at("name"), "must_be_string");
    EXPECT_EQ(s.fields().at("count"), "must_be_integer");
    EXPECT_EQ(s.fields().at("extra"), "unknown_field");
    EXPECT_EQ(s.fields().at("missing"), "required");
    EXPECT_EQ(s.fields().count("flag"), 0u);
}

TEST(JsonUtil, TextLimitsCountCharactersNotBytes) {
    Json j = {{"name", "欧阳明月"}, {"long", std::string(201, 'a')}, {"ctl", "a\x01"}};
    JsonReader r(j, {"name", "long", "ctl"});
    EXPECT_EQ(r.Text("name", true, 4).value(), "欧阳明月");
    EXPECT_FALSE(r.Text("long", true));
    EXPECT_FALSE(r.Text("ctl", true));
    EXPECT_EQ(r.status().fields().at("long"), "too_long");
    EXPECT_EQ(r.status().fields().at("ctl"), "bad_characters");
}

TEST(JsonUtil, IntRange) {
    Json j = {{"n", 11}};
    JsonReader r(j, {"n"});
    EXPECT_FALSE(r.Int("n", true, 0, 10));
    EXPECT_EQ(r.status().fields().at("n"), "out_of_range");
}

TEST(JsonUtil, Utf8LengthRejectsBrokenSequences) {
    EXPECT_EQ(Utf8Length("川A").value(), 2u);
    EXPECT_FALSE(Utf8Length("\xe5\xb7"));
}

}  // namespace
}  // namespace jw

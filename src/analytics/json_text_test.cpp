// JsonText and RunQueryText: the text replies are RunQuery(...).dump() byte for byte on the same results, and
// the writer's strings and times equal nlohmann's and FormatChinaTime.

#include "analytics/json_text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "analytics/query_json.hpp"
#include "analytics/test_data.hpp"

namespace jw::analytics {
namespace {

TEST(JsonText, StringsEscapeAsNlohmannDumps) {
    std::string all;
    for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
    for (const std::string& s : {std::string(), all, std::string("川A·12345 警"), std::string("a\"b\\c\x7f")}) {
        JsonText w;
        w.BeginObject();
        w.Key(s);
        w.BeginArray();
        w.String(s);
        w.Uint(0);
        w.Uint(UINT64_MAX);
        w.BeginObject();
        w.EndObject();
        w.BeginArray();
        w.EndArray();
        w.EndArray();
        w.EndObject();
        EXPECT_EQ(w.str(), (Json{{s, Json::array({s, 0, UINT64_MAX, Json::object(), Json::array()})}}.dump()));
    }
}

TEST(JsonText, TimesEqualFormatChinaTime) {
    std::mt19937_64 rng(7);
    std::vector<int64_t> times = {0, 1, 86399, 86400 - 8 * 3600, 951782400, 4102444800, int64_t{UINT32_MAX}};
    for (int i = 0; i < 20000; ++i) times.push_back(static_cast<int64_t>(rng() % (uint64_t{UINT32_MAX} + 1)));
    for (int64_t t : times) {
        char buf[19];
        JsonText::FormatChinaTimeTo(t, buf);
        ASSERT_EQ(std::string(buf, 19), FormatChinaTime(t)) << t;
    }
    // Through the writer, whose date cache serves runs of times on one China day (around midnight both ways).
    std::vector<int64_t> run;
    for (int64_t t = 1772294400 - 300; t < 1772294400 + 3 * 86400; t += static_cast<int64_t>(rng() % 2000)) {
        run.push_back(t);
    }
    run.insert(run.end(), times.begin(), times.begin() + 200);
    JsonText w;
    w.BeginArray();
    Json want = Json::array();
    for (int64_t t : run) {
        w.ChinaTime(t);
        want.push_back(FormatChinaTime(t));
    }
    w.EndArray();
    EXPECT_EQ(w.str(), want.dump());
}

TEST(RunQueryText, EqualsTheJsonReplyByteForByte) {
    const testing::Dataset d = testing::Generate(11);
    testing::TempDir dir;
    auto opened = Store::Open(dir.path(), StoreOptions{.sync = false});
    ASSERT_TRUE(opened.ok());
    auto store = std::move(opened).value();
    ASSERT_TRUE(store->UpsertCheckpoints(d.checkpoints).ok());
    ASSERT_TRUE(store->Append(d.passes).ok());
    const Snapshot snap = store->GetSnapshot();
    const std::string range = R"("from":"2026-03-01 00:00:00","to":"2026-03-04 00:00:00")";
    const std::string day2 = R"("from":"2026-03-02 00:00:00","to":"2026-03-03 12:00:00")";
    std::vector<std::string> requests = {
        R"({"q":"first_seen",)" + day2 + R"(,"lookback_days":1})",
        R"({"q":"first_seen",)" + range + R"(,"lookback_days":0})",
        R"({"q":"first_seen",)" + day2 + R"(,"lookback_days":1,"checkpoints":[")" + d.checkpoints[2].id +
            R"(","nowhere"]})",
        R"({"q":"trajectory","plate":"川Z99999",)" + range + "}",  // no such plate: an empty list
        R"({"q":"cloned",)" + range + R"(,"max_speed_kmh":120})",
        R"({"q":"companion","plate":")" + d.plates[0] + "\"," + range + R"(,"window_s":300,"min_checkpoints":1})",
        R"({"q":"collision","min_match":1,"conditions":[{"checkpoints":[")" + d.checkpoints[0].id + R"(","x"],)" +
            day2 + R"(},{"checkpoints":[")" + d.checkpoints[1].id + R"("],)" + range + "}]}",
        R"({"q":"night",)" + range +
            R"(,"night_start":"22:00","night_end":"05:00","min_nights":1,"min_night_share":0.2})",
        R"({"q":"first_seen","from":"2026-03-02 00:00:00"})",  // invalid: the same error
        R"({"q":"trajectory","plate":"x",)" + range + "}",
        R"({"q":"teleport"})",
        R"([1])",
    };
    for (int i = 0; i < 40; ++i) {
        requests.push_back(R"({"q":"trajectory","plate":")" + d.plates[i * 7 % d.plates.size()] + "\"," + range + "}");
    }
    size_t rows = 0;
    std::set<std::string> kinds_with_rows;
    for (const auto& text : requests) {
        const Json request = Json::parse(text);
        const auto tree = RunQuery(snap, request);
        const auto flat = RunQueryText(snap, request);
        ASSERT_EQ(tree.ok(), flat.ok()) << text;
        if (!tree.ok()) {
            EXPECT_EQ(tree.status().fields(), flat.status().fields()) << text;
            continue;
        }
        EXPECT_EQ(*flat, tree->dump()) << text;
        // With its row count and checkpoint ids: what the same fields of the Json tree say.
        const auto reply = RunQueryReply(snap, request);
        ASSERT_TRUE(reply.ok()) << text;
        const TextReply from_tree = TextReplyOf(*tree);
        EXPECT_EQ(reply->json, from_tree.json) << text;
        EXPECT_EQ(reply->rows, from_tree.rows) << text;
        EXPECT_EQ(reply->checkpoint_ids, from_tree.checkpoint_ids) << text;
        rows += reply->rows;
        if (reply->rows > 0) kinds_with_rows.insert(request["q"].get<std::string>());
    }
    EXPECT_GT(rows, 200u);  // the comparison covered real rows, not only empty lists
    EXPECT_EQ(kinds_with_rows.size(), 6u) << Json(kinds_with_rows).dump();
}

}  // namespace
}  // namespace jw::analytics

// RunQuery: reply shapes of each contract query and InvalidArgument naming the field.

#include "analytics/query_json.hpp"

#include <gtest/gtest.h>

#include "analytics/queries.hpp"
#include "analytics/test_data.hpp"

namespace jw::analytics {
namespace {

class QueryJson : public ::testing::Test {
  protected:
    void SetUp() override {
        d_ = testing::Generate(3);
        auto s = Store::Open(dir_.path(), StoreOptions{.sync = false});
        ASSERT_TRUE(s.ok());
        store_ = std::move(s).value();
        ASSERT_TRUE(store_->UpsertCheckpoints(d_.checkpoints).ok());
        ASSERT_TRUE(store_->Append(d_.passes).ok());
    }
    Json Run(const std::string& text) {
        auto r = RunQuery(store_->GetSnapshot(), Json::parse(text));
        EXPECT_TRUE(r.ok()) << r.status().message();
        return r.ok() ? *r : Json();
    }
    Status Fail(const std::string& text) {
        auto r = RunQuery(store_->GetSnapshot(), Json::parse(text));
        EXPECT_FALSE(r.ok()) << text;
        return r.status();
    }
    testing::Dataset d_;
    testing::TempDir dir_;
    std::unique_ptr<Store> store_;
};

TEST_F(QueryJson, TrajectoryShapeAndNormalisedPlate) {
    // Lower case with a space and a full-width letter is normalised before lookup.
    ASSERT_EQ(d_.plates[0], "川AD0000");
    Json r = Run(R"({"q":"trajectory","plate":"川a d0０00","from":"2026-03-01 00:00:00","to":"2026-03-04 00:00:00"})");
    Json want = Json::array();
    for (const auto& p : testing::RefTrajectory(d_, d_.plates[0], d_.start, d_.start + 3 * 86400)) {
        want.push_back({{"checkpoint_id", p.checkpoint_id}, {"pass_time", FormatChinaTime(p.time)}});
    }
    EXPECT_EQ(r["passes"], want);
}

TEST_F(QueryJson, EveryQueryAnswers) {
    const std::string range = R"("from":"2026-03-01 00:00:00","to":"2026-03-03 00:00:00")";
    Json c = Run(R"({"q":"companion","plate":")" + d_.plates[0] + R"(",)" + range +
                 R"(,"window_s":60,"min_checkpoints":2})");
    ASSERT_FALSE(c["companions"].empty());
    for (const char* k : {"plate", "checkpoints", "co_passes", "score"}) EXPECT_TRUE(c["companions"][0].contains(k));
    Json col = Run(R"({"q":"collision","conditions":[{"checkpoints":[")" + d_.checkpoints[0].id + R"("],)" + range +
                   R"(},{"checkpoints":[")" + d_.checkpoints[1].id + R"("],)" + range + R"(}],"min_match":2})");
    ASSERT_TRUE(col["plates"].is_array());
    ASSERT_FALSE(col["plates"].empty());
    EXPECT_EQ(col["plates"][0]["matched"], 2);
    Json fs = Run(R"({"q":"first_seen",)" + range + R"(,"lookback_days":1})");
    EXPECT_EQ(fs["count"], fs["plates"].size());
    Json cl = Run(R"({"q":"cloned",)" + range + R"(,"max_speed_kmh":120})");
    bool null_speed = false;
    for (const auto& x : cl["suspects"]) null_speed |= x["speed_kmh"].is_null();
    EXPECT_TRUE(null_speed);  // plate 3's same-second pair
    Json n = Run(R"({"q":"night",)" + range +
                 R"(,"night_start":"22:00","night_end":"05:00","min_nights":2,"min_night_share":0.5})");
    bool found = false;
    for (const auto& x : n["plates"]) found |= x["plate"] == d_.plates[4];
    EXPECT_TRUE(found);
}

TEST_F(QueryJson, ErrorsNameTheField) {
    const std::string range = R"("from":"2026-03-01 00:00:00","to":"2026-03-02 00:00:00")";
    EXPECT_EQ(Fail(R"({"q":"trajectory","plate":"ABC",)" + range + "}").fields().at("plate"), "bad_plate");
    EXPECT_EQ(Fail(R"({"q":"trajectory","plate":"川A12345","from":"2026-02-30 00:00:00","to":"2026-03-02 00:00:00"})")
                  .fields()
                  .at("from"),
              "bad_time");
    EXPECT_EQ(Fail(R"({"q":"trajectory","plate":"川A12345","from":"2026-03-02 00:00:00","to":"2026-03-01 00:00:00"})")
                  .fields()
                  .at("to"),
              "to_before_from");
    EXPECT_EQ(Fail(R"({"q":"trajectory","plate":"川A12345","from":"2026-01-01 00:00:00","to":"2026-03-01 00:00:00"})")
                  .fields()
                  .at("to"),
              "range_too_long");
    EXPECT_EQ(Fail(R"({"q":"trajectory","plate":"川A12345"})").fields().at("from"), "required");
    EXPECT_EQ(Fail(R"({"q":"trajectory","plate":"川A12345","extra":1,)" + range + "}").fields().at("extra"),
              "unknown_field");
    EXPECT_EQ(Fail(R"({"q":"companion","plate":"川A12345",)" + range + R"(,"window_s":99999,"min_checkpoints":1})")
                  .fields()
                  .at("window_s"),
              "out_of_range");
    std::string many = R"({"q":"collision","min_match":1,"conditions":[)";
    for (int i = 0; i < 40; ++i) many += std::string(i ? "," : "") + R"({"checkpoints":["a"],)" + range + "}";
    EXPECT_EQ(Fail(many + "]}").fields().at("conditions"), "too_many");
    EXPECT_EQ(
        Fail(
            R"({"q":"collision","min_match":1,"conditions":[{"checkpoints":["a"],"from":"x","to":"2026-03-01 00:00:00"}]})")
            .fields()
            .at("conditions[0].from"),
        "bad_time");
    EXPECT_EQ(Fail(R"({"q":"night",)" + range +
                   R"(,"night_start":"25:00","night_end":"05:00","min_nights":1,"min_night_share":0})")
                  .fields()
                  .at("night_start"),
              "bad_time");
    EXPECT_EQ(Fail(R"({"q":"night",)" + range +
                   R"(,"night_start":"22:00","night_end":"05:00","min_nights":1,"min_night_share":2})")
                  .fields()
                  .at("min_night_share"),
              "out_of_range");
    EXPECT_EQ(Fail(R"({"q":"teleport"})").fields().at("q"), "unknown_query");
    EXPECT_EQ(Fail(R"([1,2])").fields().at("body"), "not_an_object");
    EXPECT_EQ(Fail(R"({"q":"cloned",)" + range + R"(,"max_speed_kmh":"fast"})").fields().at("max_speed_kmh"),
              "bad_type");
}

TEST_F(QueryJson, BatchEqualsSequentialInOrder) {
    const std::string range = R"("from":"2026-03-01 00:00:00","to":"2026-03-04 00:00:00")";
    std::vector<Json> requests;
    for (int i = 0; i < 12; ++i) {
        requests.push_back(Json::parse(R"({"q":"trajectory","plate":")" + d_.plates[i] + "\"," + range + "}"));
        requests.push_back(Json::parse(R"({"q":"companion","plate":")" + d_.plates[i] + "\"," + range +
                                       R"(,"window_s":60,"min_checkpoints":1})"));
    }
    requests.push_back(
        Json::parse(R"({"q":"night",)" + range +
                    R"(,"night_start":"22:00","night_end":"05:00","min_nights":1,"min_night_share":0.2})"));
    requests.push_back(Json::parse(R"({"q":"cloned",)" + range + R"(,"max_speed_kmh":120})"));
    requests.push_back(Json::parse(R"({"q":"teleport"})"));
    const Snapshot snap = store_->GetSnapshot();
    std::vector<int64_t> us;
    const auto batch = RunBatch(snap, requests, {}, &us);
    ASSERT_EQ(batch.size(), requests.size());
    ASSERT_EQ(us.size(), requests.size());
    for (size_t i = 0; i < requests.size(); ++i) {
        const auto one = RunQuery(snap, requests[i]);
        ASSERT_EQ(batch[i].ok(), one.ok()) << i;
        if (one.ok()) {
            EXPECT_EQ(*batch[i], *one) << i;
        } else {
            EXPECT_EQ(batch[i].status().fields(), one.status().fields()) << i;
        }
    }
    EXPECT_FALSE(batch.back().ok());
}

}  // namespace
}  // namespace jw::analytics

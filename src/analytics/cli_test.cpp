// The CLI bodies end to end: generated CSVs → load → one JSON query per line → one reply per line.

#include "analytics/cli.hpp"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

#include "analytics/queries.hpp"
#include "analytics/test_data.hpp"
#include "common/json_util.hpp"

namespace jw::analytics {
namespace {

TEST(Cli, LoadThenQueryEveryContract) {
    testing::TempDir dir;
    const auto d = testing::Generate(21, 200, 12, 3000, 2);
    const std::string cps = dir.path() + "/checkpoints.csv", passes = dir.path() + "/passes.csv";
    {
        std::ofstream c(cps);
        c << "checkpoint_id,name,longitude,latitude\n";
        for (const auto& cp : d.checkpoints) {
            if (cp.HasCoordinates()) c << cp.id << "," << cp.name << "," << cp.longitude << "," << cp.latitude << "\n";
        }
        std::ofstream p(passes);
        p << "plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed\n";
        for (const auto& x : d.passes) {
            p << x.plate << "," << int(x.plate_color) << "," << x.checkpoint_id << "," << FormatChinaTime(x.time) << ","
              << int(x.direction) << "," << int(x.lane) << "," << x.speed << "\n";
        }
        p << "bad row\n";
    }
    std::ostringstream out, err;
    ASSERT_EQ(RunLoadCommand(dir.path() + "/store", cps, passes, out, err), 0) << err.str();
    const std::string report = out.str();
    EXPECT_NE(report.find("passes: " + std::to_string(d.passes.size()) + " rows loaded, 1 rows rejected"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("line " + std::to_string(d.passes.size() + 2)), std::string::npos) << report;

    const std::string range = R"("from":"2026-03-01 00:00:00","to":"2026-03-03 00:00:00")";
    std::istringstream in(R"({"q":"trajectory","plate":")" + d.plates[0] + R"(",)" + range + "}\n" + "not json\n" +
                          R"({"q":"companion","plate":")" + d.plates[0] + R"(",)" + range +
                          R"(,"window_s":60,"min_checkpoints":2})" + "\n" +
                          R"({"q":"collision","conditions":[{"checkpoints":[")" + d.checkpoints[0].id + R"("],)" +
                          range + R"(}],"min_match":1})" + "\n" + R"({"q":"first_seen",)" + range +
                          R"(,"lookback_days":1,"checkpoints":[")" + d.checkpoints[1].id + R"("]})" + "\n" +
                          R"({"q":"cloned",)" + range + R"(,"max_speed_kmh":120})" + "\n" + R"({"q":"night",)" + range +
                          R"(,"night_start":"22:00","night_end":"05:00","min_nights":1,"min_night_share":0.3})" + "\n" +
                          R"({"q":"trajectory","plate":"bad",)" + range + "}\n");
    const std::string input = in.str();
    std::ostringstream replies;
    ASSERT_EQ(RunQueryCommand(dir.path() + "/store", in, replies, err), 0);
    // --batch: the same replies in the same order (elapsed_us aside), whatever the batch size.
    for (size_t batch : {size_t{3}, size_t{100}}) {
        std::istringstream again(input);
        std::ostringstream batched;
        ASSERT_EQ(RunQueryCommand(dir.path() + "/store", again, batched, err, batch), 0);
        std::istringstream a(replies.str()), b(batched.str());
        std::string la, lb;
        size_t n = 0;
        while (std::getline(a, la)) {
            ASSERT_TRUE(static_cast<bool>(std::getline(b, lb))) << batch;
            Json ja = Json::parse(la), jb = Json::parse(lb);
            ja.erase("elapsed_us");
            jb.erase("elapsed_us");
            EXPECT_EQ(ja, jb) << batch << " line " << n++;
        }
        EXPECT_FALSE(static_cast<bool>(std::getline(b, lb)));
    }
    std::istringstream lines(replies.str());
    std::vector<Json> got;
    for (std::string line; std::getline(lines, line);) got.push_back(Json::parse(line));
    ASSERT_EQ(got.size(), 8u);
    EXPECT_EQ(got[0]["passes"].size(), testing::RefTrajectory(d, d.plates[0], d.start, d.start + 2 * 86400).size());
    EXPECT_TRUE(got[0].contains("elapsed_us"));
    EXPECT_EQ(got[1]["error"]["code"], "invalid_argument");
    EXPECT_FALSE(got[2]["companions"].empty());
    EXPECT_FALSE(got[3]["plates"].empty());
    EXPECT_TRUE(got[4].contains("count"));
    EXPECT_FALSE(got[5]["suspects"].empty());
    EXPECT_FALSE(got[6]["plates"].empty());
    EXPECT_EQ(got[7]["error"]["fields"]["plate"], "bad_plate");
}

TEST(Cli, CommandsRegister) {
    CLI::App app("jingwu");
    AddAnalyticsCommands(app);
    testing::TempDir dir;
    const std::string bad = dir.path() + "/missing.csv";
    std::vector<std::string> args = {"jingwu", "analytics", "load", "--data", dir.path(), "--passes", bad};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    EXPECT_THROW(app.parse(static_cast<int>(argv.size()), argv.data()), CLI::RuntimeError);
}

}  // namespace
}  // namespace jw::analytics

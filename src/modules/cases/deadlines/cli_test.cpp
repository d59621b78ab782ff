// The body of `jingwu deadlines compute` on streams: exit codes and what goes to stdout. The real binary is run
// against every scenario file by tests/integration/deadlines.test.mjs.
#include "cases/deadlines/cli.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "common/json_util.hpp"

namespace jw::cases::deadlines {
namespace {

struct Run {
    int code;
    Json out;
};

Run Compute(const std::string& input) {
    std::ostringstream out;
    const int code = RunComputeCommand(input, out);
    return {code, Json::parse(out.str())};  // stdout is one JSON document, success or not
}

TEST(DeadlinesCli, PrintsTheClocks) {
    auto r = Compute(R"({"case_type": "administrative", "law": "2025",
        "events": [{"type": "accepted", "at": "2026-01-05T09:30:00+08:00"}, {"type": "filed", "at": "2026-01-05"}],
        "now": "2026-01-10T08:00:00+08:00"})");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out["law"], "2025");
    EXPECT_EQ(r.out["clocks"][0]["deadline"], "2026-02-04");
}

TEST(DeadlinesCli, InvalidInputExitsTwoNamingTheField) {
    auto r = Compute("{\"case_type\": ");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out["code"], "invalid_argument");
    EXPECT_TRUE(r.out["fields"].contains("body")) << r.out.dump();
    EXPECT_FALSE(r.out.contains("clocks"));
    r = Compute(R"({"case_type": "civil", "events": []})");
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.out["fields"].contains("case_type")) << r.out.dump();
    r = Compute(R"({"case_type": "criminal", "events": [{"type": "criminal_detention", "at": "2026-02-31"}]})");
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.out["fields"].contains("events[0].at")) << r.out.dump();
    EXPECT_TRUE(r.out["message"].is_string());
}

}  // namespace
}  // namespace jw::cases::deadlines

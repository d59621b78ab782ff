#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "checkpoint/checkpoint_test_fixture.hpp"
#include "checkpoint/viid/import_passes.hpp"

namespace jw::checkpoint {
namespace {

constexpr const char* kTollgate = "51990100001210000001";

class PassImportsTest : public ::testing::Test {
  protected:
    void SetUp() override { hub_->SetKnownCheckpoints({kTollgate}); }
    testing::TempHub hub_;
    PassImports imports_;
    std::vector<PassHit> hits_;
};

std::string Row(const std::string& plate, const std::string& checkpoint, const std::string& time) {
    return plate + ",5," + checkpoint + "," + time + ",1,2,60\n";
}

TEST_F(PassImportsTest, ChunksSplitMidLineLoadEveryGoodRowAndReportBadLines) {
    std::string csv = std::string(kPassCsvHeader) + "\r\n";
    csv += Row("川A12345", kTollgate, "2026-09-01 08:00:00");               // line 2
    csv += Row("川A1234", kTollgate, "2026-09-01 08:00:01");                // line 3: bad plate
    csv += Row("川A12346", "51990100001210000099", "2026-09-01 08:00:02");  // line 4: unregistered
    csv += Row("川A12347", kTollgate, "2026-09-01 08:00:03");               // line 5
    csv += Row("川A12348", kTollgate, "not a time");                        // line 6
    const auto p0 = imports_.Start("admin", 100);
    // Three chunks cut at arbitrary bytes (inside a UTF-8 character too).
    const size_t a = 50, b = 101;
    auto r1 = imports_.Feed(*hub_, p0.id, "admin", 0, std::string_view(csv).substr(0, a), false, &hits_, 101);
    ASSERT_TRUE(r1.ok()) << r1.status().message();
    auto r2 = imports_.Feed(*hub_, p0.id, "admin", 1, std::string_view(csv).substr(a, b - a), false, &hits_, 102);
    ASSERT_TRUE(r2.ok());
    // A retried chunk is not loaded twice.
    auto again = imports_.Feed(*hub_, p0.id, "admin", 1, std::string_view(csv).substr(a, b - a), false, &hits_, 102);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->loaded, r2->loaded);
    EXPECT_EQ(imports_.Feed(*hub_, p0.id, "admin", 5, "", false, &hits_, 103).status().code(), ErrorCode::kConflict);
    auto r3 = imports_.Feed(*hub_, p0.id, "admin", 2, std::string_view(csv).substr(b), true, &hits_, 103);
    ASSERT_TRUE(r3.ok());
    EXPECT_TRUE(r3->finished);
    EXPECT_EQ(r3->loaded, 2u);
    EXPECT_EQ(r3->rejected, 3u);
    ASSERT_EQ(r3->errors.size(), 3u);
    EXPECT_EQ(r3->errors[0].line, 3u);
    EXPECT_EQ(r3->errors[0].message.rfind("plate_no", 0), 0u) << r3->errors[0].message;
    EXPECT_EQ(r3->errors[1].line, 4u);
    EXPECT_EQ(r3->errors[1].message, "checkpoint_id: not a registered checkpoint (column 11)");
    EXPECT_EQ(r3->lines, 6u);
    EXPECT_EQ(r3->errors[2].line, 6u);
    EXPECT_EQ(hub_->appended(), 2u);
    EXPECT_EQ(imports_.Feed(*hub_, p0.id, "admin", 3, "", true, &hits_, 104).status().code(), ErrorCode::kConflict);
}

TEST_F(PassImportsTest, QuotedFieldsSplitAcrossChunksAndAnOpenQuoteIsOneBadRow) {
    std::string csv = "\xEF\xBB\xBF" + std::string(kPassCsvHeader) + "\n";
    csv += std::string("\"川A12345\",5,\"") + kTollgate + "\",\"2026-09-01 08:00:00\",1,2,60\r\n";  // line 2
    csv += std::string("川A12346,5,\"") + kTollgate + ",2026-09-01 08:00:01,1,2,60\n";  // line 3: quote left open
    csv += Row("川A12347", kTollgate, "2026-09-01 08:00:03");                           // line 4
    const auto p0 = imports_.Start("admin", 100);
    const size_t cut = csv.find("2026-09-01 08:00:00") - 3;  // inside the quoted checkpoint id
    auto r1 = imports_.Feed(*hub_, p0.id, "admin", 0, std::string_view(csv).substr(0, cut), false, &hits_, 101);
    ASSERT_TRUE(r1.ok()) << r1.status().message();
    EXPECT_EQ(r1->loaded, 0u);
    auto r2 = imports_.Feed(*hub_, p0.id, "admin", 1, std::string_view(csv).substr(cut), true, &hits_, 102);
    ASSERT_TRUE(r2.ok()) << r2.status().message();
    EXPECT_EQ(r2->loaded, 2u);
    ASSERT_EQ(r2->errors.size(), 1u);
    EXPECT_EQ(r2->errors[0].line, 3u);
    EXPECT_EQ(r2->errors[0].message, "column 11: unterminated_quote");
    EXPECT_EQ(r2->lines, 4u);
}

TEST_F(PassImportsTest, WrongHeaderLoadsNothingAndOtherUsersSeeNothing) {
    const auto p = imports_.Start("admin", 100);
    auto r = imports_.Feed(*hub_, p.id, "admin", 0, "plate,time\n" + Row("川A12345", kTollgate, "2026-09-01 08:00:00"),
                           true, &hits_, 101);
    ASSERT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.status().fields().count("header"), 1u);
    EXPECT_EQ(hub_->appended(), 0u);
    EXPECT_EQ(imports_.Get(p.id, "someone").status().code(), ErrorCode::kNotFound);
    EXPECT_EQ(imports_.Get(p.id, "admin")->next_seq, 0);
    EXPECT_EQ(imports_.Get("nope", "admin").status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace jw::checkpoint

// CSV loading: good rows stored, bad rows reported with line numbers, header checked.

#include "analytics/csv_loader.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "analytics/queries.hpp"
#include "analytics/test_data.hpp"

namespace jw::analytics {
namespace {

TEST(CsvLoader, BadRowsAreReportedWithLineNumbersAndGoodRowsLoad) {
    testing::TempDir dir;
    auto s = Store::Open(dir.path(), StoreOptions{.sync = false});
    ASSERT_TRUE(s.ok());
    std::istringstream cps(
        "checkpoint_id,name,longitude,latitude\r\n"
        "CP1,东门,104.06,30.67\r\n"
        "CP2,西门,east,30.6\r\n"
        "CP3,南门,104.1\r\n");
    LoadReport cr;
    Status cps_loaded = LoadCheckpointsCsv(**s, cps, &cr);
    ASSERT_TRUE(cps_loaded.ok()) << cps_loaded.message();
    EXPECT_EQ(cr.rows_loaded, 1u);
    ASSERT_EQ(cr.rows_rejected, 2u);
    EXPECT_EQ(cr.errors[0].line, 3u);
    EXPECT_NE(cr.errors[0].message.find("longitude"), std::string::npos);
    EXPECT_EQ(cr.errors[1].line, 4u);

    std::istringstream passes(
        "plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed\n"
        "川A12345,2,CP1,2026-03-01 08:00:00,1,2,45.6\n"
        "川A1234,2,CP1,2026-03-01 08:00:01,1,2,45\n"    // line 3: short plate
        "川a 12345,2,CP1,2026-03-01 08:00:02,1,2,45\n"  // normalised, fine
        "川A12345,2,CP1,2026-03-01 25:00:00,1,2,45\n"   // line 5: bad time
        "\n"
        "川A12345,2,,2026-03-01 08:00:03,1,2,45\n"        // line 7: no checkpoint
        "川A12345,2,CP1,2026-03-01 08:00:04,1,2,-3\n"     // line 8: bad speed
        "川A12345,2,CP1,2026-03-01 08:00:05,1,2\n"        // line 9: 6 fields
        "川AD12345,999,CP2,2026-03-01 08:00:06,1,2,45\n"  // line 10: colour out of range
        "川AD12345,5,CP2,2026-03-01 08:00:06,1,2,45\n");
    LoadReport pr;
    ASSERT_TRUE(LoadPassesCsv(**s, passes, &pr, LoadOptions{.batch_rows = 2, .max_errors = 100}).ok());
    EXPECT_EQ(pr.rows_loaded, 3u);
    EXPECT_EQ(pr.rows_rejected, 6u);
    std::vector<uint64_t> lines;
    for (const auto& e : pr.errors) lines.push_back(e.line);
    EXPECT_EQ(lines, (std::vector<uint64_t>{3, 5, 7, 8, 9, 10}));
    EXPECT_NE(pr.errors[1].message.find("pass_time"), std::string::npos);
    const Snapshot snap = (*s)->GetSnapshot();
    EXPECT_EQ(snap.pass_count(), 3u);
    EXPECT_EQ(Trajectory(snap, "川A12345", 0, UINT32_MAX).size(), 2u);
}

TEST(CsvLoader, QuotedFieldsAndCsvErrorsAreReadLikeEveryOtherCsvOfTheHouse) {
    testing::TempDir dir;
    auto s = Store::Open(dir.path(), StoreOptions{.sync = false});
    ASSERT_TRUE(s.ok());
    std::istringstream cps(
        "\xEF\xBB\xBF"
        "checkpoint_id,name,longitude,latitude\r\n"
        "CP1,\"东门, \"\"老\"\"卡口\",104.06,30.67\r\n"
        "CP2,西\"门,104.1,30.6\r\n"              // line 3: a quote inside an unquoted field
        "CP3,\"南门\nnew gate\",104.2,30.5\r\n"  // a name over two lines
        "CP4,北门,104.3,x\r\n");                 // line 6: bad latitude
    LoadReport cr;
    Status cps_loaded = LoadCheckpointsCsv(**s, cps, &cr);
    ASSERT_TRUE(cps_loaded.ok()) << cps_loaded.message();
    EXPECT_EQ(cr.rows_loaded, 2u);
    ASSERT_EQ(cr.errors.size(), 2u);
    EXPECT_EQ(cr.errors[0].line, 3u);
    EXPECT_EQ(cr.errors[0].message, "column 6: quote_in_field");
    EXPECT_EQ(cr.errors[1].line, 6u);
    EXPECT_EQ(cr.errors[1].message, "latitude: bad_number (column 14)");

    std::istringstream passes(
        "plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed\n"
        "\"川A12345\",2,\"CP1\",2026-03-01 08:00:00,1,2,45.6\n"
        "川A12346,2,\"CP1,2026-03-01 08:00:01,1,2,45\n"  // line 3: a quote never closed
        "川A12347,2,CP1,2026-03-01 08:00:02,1,2,45");    // no line end
    LoadReport pr;
    Status loaded = LoadPassesCsv(**s, passes, &pr);
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    EXPECT_EQ(pr.rows_loaded, 2u);
    ASSERT_EQ(pr.errors.size(), 1u);
    EXPECT_EQ(pr.errors[0].line, 3u);
    EXPECT_EQ(pr.errors[0].message, "column 11: unterminated_quote");
}

TEST(CsvLoader, WrongHeaderIsAnError) {
    testing::TempDir dir;
    auto s = Store::Open(dir.path(), StoreOptions{.sync = false});
    ASSERT_TRUE(s.ok());
    std::istringstream in("plate,time\n川A12345,2026-03-01 08:00:00\n");
    LoadReport r;
    Status st = LoadPassesCsv(**s, in, &r);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(st.fields().count("header"), 1u);
    std::istringstream empty("");
    EXPECT_FALSE(LoadPassesCsv(**s, empty, &r).ok());
}

TEST(CsvLoader, ParsePassLine) {
    auto p = ParsePassLine("京A12345, 1 ,CP9,2026-01-02 03:04:05,3,4,299.6");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->plate, "京A12345");
    EXPECT_EQ(p->plate_color, 1);
    EXPECT_EQ(p->time, *ParseChinaTime("2026-01-02 03:04:05"));
    EXPECT_EQ(p->speed, 300);
    EXPECT_FALSE(ParsePassLine("京A12345,1,CP9,2026-01-02 03:04:05,3,4,1e999").ok());
}

// The plate fast path gives exactly what the full NormalisePlate + CheckPlate gives, for plates in normal
// form, plates that need normalising, and bad plates that look almost right (each judged after the fast path
// has learned the provinces of the rows before it, as in a load).
TEST(CsvLoader, PlateFastPathEqualsTheFullCheck) {
    const std::vector<std::string> heads = {"川", "京", "粤", "中", "ｂ", "川 ", "川·"};
    std::mt19937 rng(5);
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    std::vector<std::string> pieces = {"A", "B", "H", "I", "O", "Z", "a", "0", "9", "D", "F", "Ｆ", " ", "·", "挂"};
    PlateFastPath fast;
    size_t fast_hits = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string plate = pick(heads);
        const int n = i % 5 == 0 ? static_cast<int>(rng() % 9) : 6;
        for (int k = 0; k < n; ++k) {
            plate += i % 3 == 0 ? pick(pieces) : std::string(1, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"[rng() % 34]);
        }
        const std::vector<std::string_view> f = {plate, "1", "CP9", "2026-01-02 03:04:05", "3", "4", "60"};
        const bool took_fast = fast.Canonical(plate);
        fast_hits += took_fast;
        auto with = ParsePassFields(f, fast);
        auto without = ParsePassFields(f);
        ASSERT_EQ(with.ok(), without.ok()) << plate;
        if (with.ok()) {
            EXPECT_EQ(with->plate, without->plate) << plate;
        } else {
            EXPECT_FALSE(took_fast) << plate;
            EXPECT_EQ(with.status().fields(), without.status().fields()) << plate;
        }
    }
    EXPECT_GT(fast_hits, 2000u);  // the fast path was taken, so the comparison covers it
}

}  // namespace
}  // namespace jw::analytics

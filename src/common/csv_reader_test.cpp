// The CSV reader: the data-driven cases in testdata/csv (inputs and the records or errors expected, see its
// README), reading in chunks split anywhere giving what a whole read gives, and what the views point into.

#include "common/csv_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/csv.hpp"
#include "common/json_util.hpp"

namespace jw {
namespace {

namespace fs = std::filesystem;

fs::path DataDir() {
    const char* dir = std::getenv("JW_SOURCE_DIR");
    return fs::path(dir ? dir : ".") / "src/common/testdata/csv";
}

std::string ReadFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string Render(const CsvRecord& r) {
    Json fields = Json::array();
    for (auto f : r.fields) fields.push_back(std::string(f));
    return std::to_string(r.line) + ": " + fields.dump();
}

// Everything the reader gives for `text`, one line per record or error, as in the .expected files. Chunked:
// the text is fed in two chunks split at `split` (the second one final), the way the pass import feeds it.
std::vector<std::string> ReadAll(std::string_view text, CsvOptions opt, size_t split = std::string::npos) {
    std::vector<std::string> out;
    auto drain = [&](CsvReader& reader) {
        CsvRecord rec;
        for (;;) {
            auto more = reader.Next(&rec);
            if (!more.ok()) {
                out.push_back("error: " + more.status().fields().at(std::string(opt.name)));
                continue;
            }
            if (!*more) break;
            out.push_back(Render(rec));
        }
    };
    if (split >= text.size()) {
        CsvReader reader(text, opt);
        drain(reader);
        return out;
    }
    CsvOptions first = opt;
    first.final = false;
    CsvReader a(text.substr(0, split), first);
    drain(a);
    const std::string rest = std::string(text.substr(a.consumed()));
    CsvOptions second = opt;
    second.first_line = a.line();
    CsvReader b(rest, second);
    drain(b);
    return out;
}

CsvOptions ParseOptions(std::string_view line) {
    CsvOptions opt;
    std::istringstream words{std::string(line)};
    for (std::string w; words >> w;) {
        if (!w.empty() && w.back() == ',') w.pop_back();
        auto number = [&](std::string_view key) { return std::stoul(w.substr(key.size())); };
        if (w == "trim")
            opt.trim = true;
        else if (w == "keep_blank")
            opt.skip_blank = false;
        else if (w.starts_with("comment="))
            opt.comment = w.back();
        else if (w.starts_with("max_field="))
            opt.max_field_bytes = number("max_field=");
        else if (w.starts_with("max_records="))
            opt.max_records = number("max_records=");
        else if (w.starts_with("max_record="))
            opt.max_record_bytes = number("max_record=");
        else
            ADD_FAILURE() << "unknown option " << w;
    }
    return opt;
}

struct Case {
    std::string name, text;
    CsvOptions options;
    std::vector<std::string> expected;
};

std::vector<Case> LoadCases() {
    std::vector<Case> cases;
    for (const auto& e : fs::directory_iterator(DataDir())) {
        if (e.path().extension() != ".csv") continue;
        Case c{e.path().stem().string(), ReadFile(e.path()), {}, {}};
        std::istringstream exp(ReadFile(fs::path(e.path()).replace_extension(".expected")));
        for (std::string l; std::getline(exp, l);) {
            if (l.starts_with("options: "))
                c.options = ParseOptions(l.substr(9));
            else if (!l.empty())
                c.expected.push_back(l);
        }
        cases.push_back(std::move(c));
    }
    std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
    return cases;
}

TEST(CsvReader, TestdataCases) {
    const auto cases = LoadCases();
    ASSERT_GE(cases.size(), 23u) << "testdata not found under " << DataDir();
    for (const auto& c : cases) EXPECT_EQ(ReadAll(c.text, c.options), c.expected) << c.name;
}

// A chunk may end anywhere: inside a quoted field, between "" of a doubled quote, between CR and LF, inside a
// UTF-8 character. Whatever the split, the records, their lines and the errors are those of the whole read.
TEST(CsvReader, ChunksSplitAnywhereReadLikeTheWholeText) {
    for (const auto& c : LoadCases()) {
        if (c.options.max_records != SIZE_MAX) continue;  // a count that spans two readers is the caller's
        for (size_t split = 0; split < c.text.size(); ++split)
            EXPECT_EQ(ReadAll(c.text, c.options, split), c.expected) << c.name << " split at " << split;
    }
}

TEST(CsvReader, UnquotedAndSimpleQuotedFieldsPointIntoTheText) {
    const std::string text = "ab,\"c,d\",\"e\"\"f\"\n";
    CsvReader reader(text);
    CsvRecord rec;
    auto more = reader.Next(&rec);
    ASSERT_TRUE(more.ok() && *more);
    ASSERT_EQ(rec.size(), 3u);
    EXPECT_EQ(rec[0].data(), text.data());
    EXPECT_EQ(rec[1].data(), text.data() + 4);
    EXPECT_EQ(rec[2], "e\"f");  // doubled quote: a copy
    EXPECT_EQ(reader.consumed(), text.size());
    EXPECT_EQ(reader.line(), 2u);
}

TEST(CsvReader, ErrorsNameTheFieldAndSayWhereInWords) {
    CsvReader reader("id\n\"x\n", CsvOptions{.name = "permissions.csv"});
    CsvRecord rec;
    ASSERT_TRUE(*reader.Next(&rec));
    auto bad = reader.Next(&rec);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(bad.status().fields().at("permissions.csv"), "line 2, column 1: unterminated_quote");
    EXPECT_EQ(bad.status().message(), "permissions.csv: line 2, column 1: a quoted field has no closing quote");
}

TEST(CsvReader, PositionOfAFieldCountsCharactersAndQuotedLineBreaks) {
    const std::string text = "名字,\"a\nb\",城关,x\n";
    CsvReader reader(text);
    CsvRecord rec;
    ASSERT_TRUE(*reader.Next(&rec));
    EXPECT_EQ(reader.Where(rec, 0), "line 1, column 1");
    EXPECT_EQ(reader.Where(rec, 1), "line 1, column 4");
    EXPECT_EQ(reader.Where(rec, 2), "line 2, column 4");
    EXPECT_EQ(reader.Where(rec, 3), "line 2, column 7");
    auto rows = ReadCsv(text);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].Where(3), "line 2, column 7");
    EXPECT_EQ((*rows)[0][1], "a\nb");
}

TEST(CsvReader, ChunkWithFirstLineContinuesLineNumbers) {
    CsvReader reader("a,\"b\n", CsvOptions{.first_line = 41, .final = false});
    CsvRecord rec;
    auto more = reader.Next(&rec);
    ASSERT_TRUE(more.ok());
    EXPECT_FALSE(*more);  // the quoted field may go on in the next chunk
    EXPECT_EQ(reader.consumed(), 0u);
    EXPECT_EQ(reader.line(), 41u);
    CsvReader rest("a,\"b\nc\"\n", CsvOptions{.first_line = 41});
    ASSERT_TRUE(*rest.Next(&rec));
    EXPECT_EQ(rec.line, 41u);
    EXPECT_EQ(rest.line(), 43u);
}

// The export cell writer and the reader agree: what CsvCell writes reads back (formula guard aside).
TEST(CsvReader, ReadsBackWhatTheExportWriterWrites) {
    const std::vector<std::string> cells = {"plain", "a, b", "say \"hi\"", "two\nlines", "", "城关"};
    std::string line;
    for (const auto& c : cells) line += (line.empty() ? "" : ",") + CsvCell(c);
    auto rows = ReadCsv(line + "\r\n");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].fields, cells);
}

}  // namespace
}  // namespace jw

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "docs/html_renderer.hpp"
#include "docs/pdf_renderer.hpp"
#include "docs/qr.hpp"

namespace jw::docs {
namespace {

namespace fs = std::filesystem;

const char* const kFacts =
    "经查，2024年2月20日21时许，违法行为人张三在示范县城关镇人民路88号某烧烤店内，因琐事与他人发生争执，"
    "随手拿起啤酒瓶砸向被侵害人李四头部，致李四头皮挫裂伤。经鉴定，李四的伤情构成轻微伤。以上事实有违法行为人"
    "陈述和申辩、被侵害人陈述、证人证言、鉴定意见、现场视频监控录像（编号JW-2024-0220-07）等证据证实。";

Document SampleDecision() {
    Document doc;
    doc.issuer = "示范县公安局";
    doc.title = "行政处罚决定书";
    doc.number = "示公（治）行罚决字〔2024〕12号";
    doc.blocks = {
        Block::Table({{"违法行为人", "张三，男，1990年5月12日出生"},
                      {"身份证件号码", "519901199005120011"},
                      {"现住址", "示范县城关镇人民路88号2单元301室"}}),
        Block::Heading("一、违法事实"),
        Block::Paragraph(kFacts),
        Block::Heading("二、处罚决定"),
        Block::Paragraph("根据《中华人民共和国治安管理处罚法》第四十三条第一款之规定，现决定对张三处行政拘留十日，"
                         "并处罚款伍佰元。"),
        Block::Paragraph("如不服本决定，可以在收到本决定书之日起六十日内向示范县人民政府申请行政复议，"
                         "或者在六个月内依法向示范县人民法院提起行政诉讼。"),
        Block::Signature("示范县公安局", "2024年3月1日"),
    };
    doc.footer = "本决定书一式三份，被处罚人、执行单位各一份，一份附卷。";
    return doc;
}

std::string WithoutWhitespace(std::string text) {
    std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; });
    return text;
}

std::atomic<int> next_temp_id{0};

// A PDF written to a temporary file for the poppler command-line tools, removed afterwards.
class TempPdf {
  public:
    explicit TempPdf(const std::string& bytes)
        : path_(fs::temp_directory_path() /
                ("jw_docs_test_" + std::to_string(getpid()) + "_" + std::to_string(next_temp_id++) + ".pdf")) {
        std::ofstream(path_, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    ~TempPdf() { fs::remove(path_); }
    TempPdf(const TempPdf&) = delete;
    TempPdf& operator=(const TempPdf&) = delete;

    // Output of `tool [args] file -` (or `tool file` when to_stdout is false); fails the test if it fails.
    std::string Run(const std::string& tool, const std::string& args = "", bool to_stdout = true) const {
        std::string command = tool + " " + args + " '" + path_.string() + "'" + (to_stdout ? " -" : "") + " 2>&1";
        FILE* pipe = popen(command.c_str(), "r");
        if (pipe == nullptr) {
            ADD_FAILURE() << "cannot run " << command;
            return "";
        }
        std::string out;
        std::array<char, 4096> chunk{};
        for (size_t n; (n = fread(chunk.data(), 1, chunk.size(), pipe)) > 0;) out.append(chunk.data(), n);
        int rc = pclose(pipe);
        EXPECT_EQ(rc, 0) << command << " (poppler-utils installed?)\n" << out;
        return out;
    }

    std::string Text(const std::string& args = "") const { return Run("pdftotext", "-enc UTF-8 " + args); }

  private:
    fs::path path_;
};

TEST(RenderPdfTest, ChineseTextSurvivesExtraction) {
    Result<std::string> pdf = RenderPdf(SampleDecision());
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    ASSERT_TRUE(pdf->starts_with("%PDF-"));
    std::string text = TempPdf(*pdf).Text();
    for (const char* expected : {"行政处罚决定书", "示范县公安局", "示公（治）行罚决字〔2024〕12号", "一、违法事实",
                                 "519901199005120011", "2024年3月1日"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
    // Wrapped lines must join back into the original sentences, in order, with nothing lost.
    std::string flat = WithoutWhitespace(text);
    EXPECT_NE(flat.find(WithoutWhitespace(kFacts)), std::string::npos) << flat;
    EXPECT_NE(flat.find("本决定书一式三份，被处罚人、执行单位各一份，一份附卷。"), std::string::npos);
    EXPECT_NE(flat.find("—1—"), std::string::npos);
}

TEST(RenderPdfTest, EmbedsASmallFontSubset) {
    Result<std::string> pdf = RenderPdf(SampleDecision());
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    EXPECT_LT(pdf->size(), 200u * 1024);
    EXPECT_GT(pdf->size(), 2u * 1024);
    TempPdf file(*pdf);
    std::string fonts = file.Run("pdffonts", "", false);
    EXPECT_NE(fonts.find("CID TrueType"), std::string::npos) << fonts;
    EXPECT_NE(fonts.find("Identity-H       yes yes yes"), std::string::npos) << fonts;  // embedded, subset, unicode
    EXPECT_NE(file.Run("pdfinfo", "", false).find("A4"), std::string::npos);
}

TEST(RenderPdfTest, LongDocumentBreaksPagesAndNumbersThem) {
    Document doc = SampleDecision();
    doc.page_label = "第{page}页 共{pages}页";
    std::string long_value;
    for (int i = 0; i < 120; ++i) long_value += "物品清单第" + std::to_string(i) + "项；";
    doc.blocks.push_back(Block::Table({{"随案物品", long_value}}));  // a row taller than a page
    for (int i = 0; i < 40; ++i) doc.blocks.push_back(Block::Paragraph("第" + std::to_string(i) + "段。" + kFacts));
    Result<std::string> pdf = RenderPdf(doc);
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    TempPdf file(*pdf);
    std::string info = file.Run("pdfinfo", "", false);
    int pages = std::stoi(info.substr(info.find("Pages:") + 6));
    EXPECT_GE(pages, 5);
    std::string flat = WithoutWhitespace(file.Text());
    std::string flat_without_labels = flat;
    for (int page = 1; page <= pages; ++page) {
        std::string label = "第" + std::to_string(page) + "页共" + std::to_string(pages) + "页";
        size_t at = flat_without_labels.find(label);
        ASSERT_NE(at, std::string::npos) << label;
        flat_without_labels.erase(at, label.size());
    }
    EXPECT_NE(flat_without_labels.find(long_value), std::string::npos) << "a row split across pages lost text";
    for (int i = 0; i < 40; ++i) EXPECT_NE(flat.find("第" + std::to_string(i) + "段。经查"), std::string::npos) << i;
    EXPECT_NE(WithoutWhitespace(file.Text("-f 2 -l 2")).find("第2页共" + std::to_string(pages) + "页"),
              std::string::npos);
    // The footer closes the document: it follows the last paragraph.
    EXPECT_GT(flat.find("本决定书一式三份"), flat.find("第39段"));
}

// The 落款 (seal and date) must never stand alone on a page: whatever the length of the text above it, the page
// with the signature also carries the end of the paragraph before it. Filler of 0..24 lines moves the signature
// across the page break, so some of these layouts put it exactly where it used to fall alone.
TEST(RenderPdfTest, SignatureNeverStandsAloneOnAPage) {
    int split_documents = 0;
    for (int filler = 0; filler <= 24; filler += 2) {
        Document doc = SampleDecision();
        for (int i = 0; i < filler; ++i)
            doc.blocks.insert(doc.blocks.begin() + 3, Block::Paragraph("补充查明事实第" + std::to_string(i) + "项。"));
        auto pdf = RenderPdf(doc);
        ASSERT_TRUE(pdf.ok()) << pdf.status().message();
        const std::string text = TempPdf(*pdf).Run("pdftotext", "-enc UTF-8");
        std::vector<std::string> pages;
        for (size_t from = 0, ff; from < text.size(); from = ff + 1) {
            ff = text.find('\f', from);
            if (ff == std::string::npos) ff = text.size();
            pages.push_back(WithoutWhitespace(text.substr(from, ff - from)));
        }
        auto signature = std::find_if(pages.begin(), pages.end(),
                                      [](const std::string& p) { return p.find("2024年3月1日") != std::string::npos; });
        ASSERT_NE(signature, pages.end()) << text;
        EXPECT_NE(signature->find("提起行政诉讼"), std::string::npos) << "filler " << filler << ": " << *signature;
        if (signature != pages.begin()) ++split_documents;
    }
    EXPECT_GT(split_documents, 0) << "no layout put the signature on a later page: the test checks nothing";
}

TEST(RenderHtmlTest, KeepsTheLastParagraphWithTheSignature) {
    const std::string html = RenderHtml(SampleDecision());
    const size_t keep = html.find("<div class=\"keep\">");
    ASSERT_NE(keep, std::string::npos);
    EXPECT_LT(keep, html.find("提起行政诉讼"));
    EXPECT_LT(html.find("提起行政诉讼"), html.find("<div class=\"signature\">"));
    EXPECT_NE(html.find(".keep { break-inside: avoid"), std::string::npos);
}

TEST(RenderPdfTest, MissingFontIsUnavailable) {
    Result<std::string> pdf = RenderPdf(SampleDecision(), {.font_path = "/nonexistent/font.ttf"});
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.status().code(), ErrorCode::kUnavailable);
    EXPECT_NE(pdf.status().message().find("/nonexistent/font.ttf"), std::string::npos);
}

TEST(RenderPdfTest, FileThatIsNoFontIsUnavailable) {
    fs::path path = fs::temp_directory_path() / ("jw_docs_not_a_font_" + std::to_string(getpid()) + ".ttf");
    std::ofstream(path) << "not a font";
    Result<std::string> pdf = RenderPdf(SampleDecision(), {.font_path = path.string()});
    fs::remove(path);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.status().code(), ErrorCode::kUnavailable);
}

TEST(RenderPdfTest, QrBlockIsDrawnAndBadPayloadNamesTheBlock) {
    Document doc;
    doc.title = "涉案财物标签";
    doc.blocks = {Block::Qr("JW-PROP-519901-2024-000123", "JW-PROP-519901-2024-000123")};
    Result<std::string> pdf = RenderPdf(doc);
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    EXPECT_NE(TempPdf(*pdf).Text().find("JW-PROP-519901-2024-000123"), std::string::npos);

    doc.blocks.insert(doc.blocks.begin(), Block::Paragraph("说明"));
    doc.blocks.push_back(Block::Qr(std::string(4000, 'x'), ""));
    Result<std::string> bad = RenderPdf(doc);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(bad.status().fields().count("blocks[2].text"), 1u);
}

TEST(RenderPdfTest, ConcurrentCallsAllSucceed) {
    std::vector<std::thread> threads;
    threads.reserve(4);
    std::atomic<int> ok{0};
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&ok] {
            if (RenderPdf(SampleDecision()).ok()) ++ok;
        });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(ok.load(), 4);
}

TEST(RenderHtmlTest, IsAStandalonePrintPage) {
    std::string html = RenderHtml(SampleDecision());
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("size: A4"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_NE(html.find("serif;"), std::string::npos);
    EXPECT_NE(html.find("<h1>行政处罚决定书</h1>"), std::string::npos);
    EXPECT_NE(html.find("示公（治）行罚决字〔2024〕12号"), std::string::npos);
    EXPECT_NE(html.find("<th scope=\"row\">身份证件号码</th><td>519901199005120011</td>"), std::string::npos);
    EXPECT_NE(html.find("content: \"— \" counter(page) \" —\""), std::string::npos);
    EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST(RenderHtmlTest, EscapesAllDocumentText) {
    const std::string kEvil = "<script>alert(\"x\" & 'y')</script>";
    Document doc;
    doc.issuer = doc.title = doc.number = doc.footer = kEvil;
    doc.page_label = "</style>" + kEvil + "{page}";
    doc.blocks = {Block::Heading(kEvil), Block::Paragraph(kEvil), Block::Table({{kEvil, kEvil}}),
                  Block::Signature(kEvil, kEvil), Block::Qr("data", kEvil)};
    std::string html = RenderHtml(doc);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("</style>", html.find("</style>") + 1), std::string::npos);  // only our own
    EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(HtmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

// Reads the 15-bit format information (ISO/IEC 18004 §7.9) from both of its copies.
std::pair<int, int> FormatInfo(const QrCode& code) {
    int near_finder = 0;
    int split = 0;
    for (int i = 0; i < 8; ++i) {
        near_finder |= code.Dark(8, i < 6 ? i : i + 1) << i;
        split |= code.Dark(code.size - 1 - i, 8) << i;
    }
    for (int i = 0; i < 7; ++i) {
        near_finder |= code.Dark(i == 0 ? 7 : 6 - i, 8) << (8 + i);
        split |= code.Dark(8, code.size - 7 + i) << (8 + i);
    }
    return {near_finder, split};
}

bool IsFinderPattern(const QrCode& code, int left, int top) {
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (code.Dark(left + x, top + y) != (ring || core)) return false;
        }
    }
    return true;
}

TEST(QrTest, MatrixIsAWellFormedSymbol) {
    Result<QrCode> code = QrMatrix("https://jingwu.example/p/JW-PROP-519901-2024-000123");
    ASSERT_TRUE(code.ok());
    ASSERT_GE(code->size, 21);
    EXPECT_EQ((code->size - 17) % 4, 0);
    EXPECT_TRUE(IsFinderPattern(*code, 0, 0));
    EXPECT_TRUE(IsFinderPattern(*code, code->size - 7, 0));
    EXPECT_TRUE(IsFinderPattern(*code, 0, code->size - 7));
    // The always-dark module, then the timing pattern along row 6.
    EXPECT_TRUE(code->Dark(8, code->size - 8));
    for (int i = 8; i < code->size - 8; ++i) EXPECT_EQ(code->Dark(i, 6), i % 2 == 0) << i;
    auto [near_finder, split] = FormatInfo(*code);
    EXPECT_EQ(near_finder, split);
    int format = near_finder ^ 0x5412;
    int remainder = format;
    for (int bit = 14; bit >= 10; --bit) {
        if (remainder & (1 << bit)) remainder ^= 0x537 << (bit - 10);
    }
    EXPECT_EQ(remainder, 0) << "format information fails its BCH check";
    EXPECT_EQ(format >> 13, 0) << "error correction level should be M";
}

TEST(QrTest, SvgDrawsExactlyTheMatrix) {
    const std::string kText = "示范县公安局 涉案财物 JW-PROP-2024-000123";
    Result<std::string> svg = QrSvg(kText);
    Result<QrCode> code = QrMatrix(kText);
    ASSERT_TRUE(svg.ok() && code.ok());
    EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_TRUE(svg->ends_with("</svg>"));
    int full = code->size + 2 * kQrQuietZone;
    EXPECT_NE(svg->find("viewBox=\"0 0 " + std::to_string(full) + " " + std::to_string(full) + "\""),
              std::string::npos);
    // Replay the path's "Mx yhNv1h-Nz" runs onto a blank grid and compare with the matrix.
    std::vector<uint8_t> drawn(static_cast<size_t>(code->size) * code->size, 0);
    size_t d = svg->find(" d=\"");
    ASSERT_NE(d, std::string::npos);
    int x = 0;
    int y = 0;
    int length = 0;
    for (const char* p = svg->c_str() + d + 4; std::sscanf(p, "M%d %dh%d", &x, &y, &length) == 3;) {
        for (int i = 0; i < length; ++i) {
            drawn[static_cast<size_t>(y - kQrQuietZone) * code->size + (x - kQrQuietZone + i)] = 1;
        }
        p = std::strchr(p, 'z') + 1;
    }
    EXPECT_EQ(drawn, code->modules);
}

TEST(QrTest, RejectsEmptyAndOversizedPayloads) {
    EXPECT_EQ(QrMatrix("").status().code(), ErrorCode::kInvalidArgument);
    Result<std::string> too_long = QrSvg(std::string(3000, 'x'));
    ASSERT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_TRUE(QrMatrix(std::string(2000, 'x'), QrLevel::kLow).ok());
}

}  // namespace
}  // namespace jw::docs

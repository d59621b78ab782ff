// Data-driven tests of the discretion engine (testdata/cases/*.json: request, expected decision, and the
// articles each expectation rests on) and a check of the catalogue against the clause texts it cites.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "discretion/catalogue.hpp"
#include "discretion/decision_json.hpp"
#include "discretion/discretion_module.hpp"
#include "discretion/document_request.hpp"
#include "discretion/documents.hpp"
#include "docs/html_renderer.hpp"

namespace jw::discretion {
namespace {

namespace fs = std::filesystem;

fs::path SourceDir() {
    const char* dir = std::getenv("JW_SOURCE_DIR");
    return fs::path(dir ? dir : ".") / "src/modules/discretion";
}

std::string ReadFile(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every key of `expected` must equal the same key of `actual`; arrays match element by element and in length.
void ExpectSubset(const Json& expected, const Json& actual, const std::string& path, std::vector<std::string>* errors) {
    if (expected.is_object()) {
        if (!actual.is_object()) {
            errors->push_back(path + ": not an object in " + actual.dump());
            return;
        }
        for (const auto& [k, v] : expected.items()) {
            if (!actual.contains(k)) {
                errors->push_back(path + "." + k + ": missing");
            } else {
                ExpectSubset(v, actual[k], path + "." + k, errors);
            }
        }
    } else if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) {
            errors->push_back(path + ": array length differs: " + actual.dump().substr(0, 200));
            return;
        }
        for (size_t i = 0; i < expected.size(); ++i)
            ExpectSubset(expected[i], actual[i], path + "[" + std::to_string(i) + "]", errors);
    } else if (expected != actual) {
        errors->push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
    }
}

TEST(DiscretionCases, AllCasesFromDataFiles) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(SourceDir() / "testdata/cases")) {
        if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 60u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        Json c = Json::parse(ReadFile(file));
        ASSERT_TRUE(c.contains("basis")) << "every case cites its articles";
        auto result = DecideJson(c["request"].dump());
        std::vector<std::string> errors;
        if (c.contains("expect_error")) {
            ASSERT_FALSE(result.ok()) << "expected an error";
            ExpectSubset(c["expect_error"], ErrorToJson(result.status()), "error", &errors);
        } else {
            ASSERT_TRUE(result.ok()) << ErrorToJson(result.status()).dump();
            ExpectSubset(c["expect"], *result, "decision", &errors);
            for (const auto& v : (*result)["violations"]) EXPECT_FALSE(v["trace"].empty());
        }
        for (const auto& e : errors) ADD_FAILURE() << e;
    }
}

TEST(DiscretionCases, TraceCitesLawForEveryStep) {
    auto r =
        DecideJson(R"({"act_end_date":"2025-11-03","decision_date":"2025-12-01","offender":{"birth_date":"1990-05-01"},
        "violations":[{"tier":{"law":"2012","article":43,"paragraph":2,"kind":"base"}}]})");
    ASSERT_TRUE(r.ok());
    const Json& trace = (*r)["violations"][0]["trace"];
    ASSERT_GE(trace.size(), 3u);
    for (const auto& s : trace) {
        EXPECT_FALSE(s["basis"].get<std::string>().empty()) << s.dump();
        EXPECT_FALSE(s["detail"].get<std::string>().empty()) << s.dump();
    }
    EXPECT_EQ(trace[0]["basis"], "《中华人民共和国治安管理处罚法》第四十三条第二款");
    EXPECT_EQ((*r)["trace"][0]["basis"], "《中华人民共和国行政处罚法》第三十七条第一款");
}

TEST(DiscretionCases, MalformedBodyAndMissingFieldsAreNamed) {
    auto r = DecideJson("{");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().fields().at("body"), "malformed_json");
    auto m = DecideJson(R"({"offender":{"birth_date":"1990-13-01","x":1},"violations":[{"pick":"jail"}]})");
    ASSERT_FALSE(m.ok());
    const Status st = m.status();
    const auto& f = st.fields();
    EXPECT_EQ(f.at("act_end_date"), "required");
    EXPECT_EQ(f.at("decision_date"), "required");
    EXPECT_EQ(f.at("offender.birth_date"), "bad_date");
    EXPECT_EQ(f.at("offender.x"), "unknown_field");
    EXPECT_EQ(f.at("violations[0].tier"), "required");
    EXPECT_EQ(f.at("violations[0].pick"), "unknown_value");
}

TEST(DiscretionCatalogue, ChineseNumbers) {
    EXPECT_EQ(ChineseNumber(5), "五");
    EXPECT_EQ(ChineseNumber(10), "十");
    EXPECT_EQ(ChineseNumber(15), "十五");
    EXPECT_EQ(ChineseNumber(200), "二百");
    EXPECT_EQ(ChineseNumber(1000), "一千");
    EXPECT_EQ(ChineseNumber(2500), "二千五百");
    EXPECT_EQ(ChineseNumber(20000), "二万");
    EXPECT_EQ(ChineseNumber(105), "一百零五");
}

// Every tier's ranges and combination must be readable in the clause text it cites.
TEST(DiscretionCatalogue, EveryTierMatchesItsClause) {
    const Catalogue& c = Catalogue::Embedded();
    int n2012 = 0, n2025 = 0;
    for (const auto& t : c.tiers()) {
        SCOPED_TRACE(t.key.law + " §" + std::to_string(t.key.article) + "¶" + std::to_string(t.key.paragraph) + " " +
                     t.key.kind + ": " + t.clause);
        (t.key.law == "2012" ? n2012 : n2025)++;
        const std::string& s = t.clause;
        auto has = [&](const std::string& x) { return s.find(x) != std::string::npos; };
        if (t.HasDetention()) {
            std::string d = t.detention_min > 1
                                ? ChineseNumber(t.detention_min) + "日以上" + ChineseNumber(t.detention_max) + "日以下"
                                : ChineseNumber(t.detention_max) + "日以下";
            EXPECT_TRUE(has(d + "拘留") || has(d + "行政拘留")) << d;
        } else {
            EXPECT_FALSE(has("拘留，") || has("拘留或者") || has("日以下拘留"));
        }
        if (t.fine_max > 0) {
            std::string f = t.fine_min > 0 ? ChineseNumber(t.fine_min) + "元以上" + ChineseNumber(t.fine_max) + "元以下"
                                           : ChineseNumber(t.fine_max) + "元以下";
            EXPECT_TRUE(has(f)) << f;
        }
        if (t.gains_multiple_max > 0) {
            EXPECT_TRUE(
                has(ChineseNumber(t.gains_multiple_min) + "倍以上" + ChineseNumber(t.gains_multiple_max) + "倍以下"));
        }
        EXPECT_EQ(t.warning, has("处警告") || has("或者警告"));
        switch (t.combination) {
            case Combination::kAnd:
                EXPECT_TRUE(has("并处") && !has("可以并处"));
                break;
            case Combination::kMay:
                EXPECT_TRUE(has("可以并处"));
                break;
            case Combination::kOr:
            case Combination::kWarnOrFine:
                EXPECT_TRUE(has("或者"));
                break;
            default:
                break;
        }
        if (t.key.kind == "light") {
            EXPECT_TRUE(has("情节较轻") || has("情节轻微"));
        }
        if (t.key.kind == "heavy") {
            EXPECT_TRUE(has("情节较重") || has("严重") || s.rfind("情节恶劣", 0) == 0);
        }
    }
    EXPECT_GE(n2012, 100);
    EXPECT_GE(n2025, 149);
}

// When the law texts are present (the shared reference folder), each clause must occur in its article verbatim.
TEST(DiscretionCatalogue, ClausesAreVerbatimInTheLawTexts) {
    const fs::path law_dir =
        std::getenv("JW_LAW_DIR") ? fs::path(std::getenv("JW_LAW_DIR")) : fs::path("/work/shared/law");
    if (!fs::exists(law_dir / "zhian_guanli_chufa_fa_2012.md")) GTEST_SKIP() << "law texts not available";
    const std::string t2012 = ReadFile(law_dir / "zhian_guanli_chufa_fa_2012.md");
    const std::string t2025 = ReadFile(law_dir / "zhian_guanli_chufa_fa_2025_revised.md");
    for (const auto& t : Catalogue::Embedded().tiers()) {
        const std::string& text = t.key.law == "2012" ? t2012 : t2025;
        EXPECT_NE(text.find(t.clause), std::string::npos) << t.key.law << " §" << t.key.article << ": " << t.clause;
        EXPECT_NE(text.find("第" + ChineseNumber(t.key.article) + "条"), std::string::npos);
    }
}

TEST(DiscretionCatalogue, MappingAndFactors) {
    const Catalogue& c = Catalogue::Embedded();
    const Tier* t = c.MapTo2025({"2012", 43, 2, "base", 1});
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->key.article, 51);
    EXPECT_EQ(t->key.paragraph, 2);
    const Tier* theft = c.MapTo2025({"2012", 49, 1, "heavy", 1});
    ASSERT_NE(theft, nullptr);
    EXPECT_EQ(theft->key.article, 58);
    const Factor* f = c.FindFactor("2025", "lenient.admit_and_accept");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->article, 21);
    EXPECT_EQ(f->percent, -10);
    EXPECT_EQ(c.FindFactor("2012", "lenient.admit_and_accept"), nullptr);
    EXPECT_NE(PermissionsCsv().find("discretion.decide,discretion,,,,x,x,,,x,"), std::string_view::npos);
}

TEST(DiscretionCatalogue, SampleBenchmarkCoversFortyItemsWithThreeCircumstances) {
    std::map<std::pair<std::string, int>, int> per_item;
    for (const auto& c : Catalogue::Embedded().circumstances()) {
        EXPECT_EQ(c.edition, "SAMPLE-1");
        EXPECT_EQ(c.description.rfind("【样本】", 0), 0u) << c.id;
        per_item[{c.tier.law, c.tier.article}]++;
    }
    int items_2012 = 0;
    for (const auto& [item, n] : per_item) {
        EXPECT_GE(n, 3) << item.first << " §" << item.second;
        if (item.first == "2012") ++items_2012;
    }
    EXPECT_GE(items_2012, 40);
}

TEST(DiscretionCases, UnknownCircumstanceIsNamed) {
    auto r =
        DecideJson(R"({"act_end_date":"2025-11-03","decision_date":"2025-12-01","offender":{"birth_date":"1990-05-01"},
        "violations":[{"circumstance":"no-such"}]})");
    ASSERT_FALSE(r.ok());
    const Status st = r.status();
    EXPECT_EQ(st.fields().at("violations[0].circumstance"), "unknown_circumstance");
}

TEST(DiscretionDocuments, ReportAndDecisionCarryTheResultAndBasis) {
    auto req = ParseDecisionRequest(R"({"act_end_date":"2025-11-03","decision_date":"2025-12-01",
        "offender":{"birth_date":"1990-05-01"}, "prior_restraint_days": 3,
        "violations":[{"tier":{"law":"2012","article":43,"paragraph":2,"kind":"base"}}]})");
    ASSERT_TRUE(req.ok());
    auto d = Decide(Catalogue::Embedded(), *req);
    ASSERT_TRUE(d.ok());
    CaseFacts f{"示公（城关）行案〔2025〕88号",
                "示范县公安局",
                "张三",
                "男",
                "居民身份证 519901199005010011",
                "示范县城关镇",
                "2025年11月3日，张三殴打六十五周岁的李四。",
                {"询问笔录", "视听资料"},
                "建议行政拘留十二日并处罚款七百五十元。",
                "事实清楚，证据确实充分，同意。",
                "示范县人民政府",
                "示范县人民法院",
                {2025, 12, 1}};
    std::string report = docs::RenderHtml(ApprovalReport(f, *req, *d, Catalogue::Embedded()));
    EXPECT_NE(report.find("呈请行政处罚审批报告"), std::string::npos);
    EXPECT_NE(report.find("行政拘留12日，并处罚款750元"), std::string::npos);
    EXPECT_NE(report.find("《中华人民共和国治安管理处罚法》第四十三条第二款"), std::string::npos);
    EXPECT_NE(report.find("实际执行9日"), std::string::npos);
    const std::string number = DecisionNumber("示公(城关)行罚决字〔{year}〕{seq}号", 2026, 12);
    EXPECT_EQ(number, "示公(城关)行罚决字〔2026〕12号");
    std::string decision = docs::RenderHtml(DecisionDocument(f, *d, Catalogue::Embedded(), number));
    EXPECT_NE(decision.find("行政处罚决定书"), std::string::npos);
    EXPECT_NE(decision.find(number), std::string::npos);
    EXPECT_NE(decision.find("申请行政复议"), std::string::npos);
}

// Text of a PDF as pdftotext (poppler-utils) extracts it, whitespace removed so wrapped lines join again.
std::string PdfText(const std::string& pdf) {
    const fs::path file = fs::temp_directory_path() / ("jw_discretion_" + std::to_string(getpid()) + ".pdf");
    std::ofstream(file, std::ios::binary).write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    FILE* pipe = popen(("pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1").c_str(), "r");
    std::string out;
    char chunk[4096];
    for (size_t n; pipe && (n = fread(chunk, 1, sizeof chunk, pipe)) > 0;) out.append(chunk, n);
    EXPECT_EQ(pipe ? pclose(pipe) : -1, 0) << out;
    fs::remove(file);
    std::string flat;
    for (char ch : out) {
        if (ch != ' ' && ch != '\n' && ch != '\f' && ch != '\r') flat += ch;
    }
    return flat;
}

constexpr const char* kDocumentBody = R"({"request":{"act_end_date":"2025-11-03","decision_date":"2025-12-01",
    "offender":{"birth_date":"1990-05-01"},
    "violations":[{"tier":{"law":"2012","article":43,"paragraph":2,"kind":"base"}}]},
  "facts":{"case_no":"示公（城关）行案〔2025〕88号","authority":"示范县公安局","offender_name":"张三","gender":"男",
    "id_document":"居民身份证 519901199005010011","address":"示范县城关镇","facts":"2025年11月3日，张三殴打李四。",
    "evidence":["询问笔录"],"reconsideration_body":"示范县人民政府","court":"示范县人民法院"},
  "number":{"scheme":"示公(城关)行罚决字〔{year}〕{seq}号","seq":12}})";

TEST(DiscretionDocuments, PdfsCarryTheChineseTextOfBothDocuments) {
    auto req = ParseDocumentRequest(kDocumentBody);
    ASSERT_TRUE(req.ok()) << ErrorToJson(req.status()).dump();
    auto decision = RenderDocument(Catalogue::Embedded(), *req, "decision", "pdf");
    ASSERT_TRUE(decision.ok()) << decision.status().message();
    EXPECT_EQ(decision->content_type, "application/pdf");
    const std::string text = PdfText(decision->bytes);
    EXPECT_NE(text.find("行政处罚决定书"), std::string::npos) << text;
    EXPECT_NE(text.find("示公(城关)行罚决字〔2025〕12号"), std::string::npos) << text;
    // 2012 §43¶2 base tier with no factors: 12 days and 750 yuan (DISCRETION.md worked example).
    EXPECT_NE(text.find("对张三决定行政拘留12日，并处罚款750元"), std::string::npos) << text;
    auto report = RenderDocument(Catalogue::Embedded(), *req, "approval_report", "pdf");
    ASSERT_TRUE(report.ok());
    const std::string report_text = PdfText(report->bytes);
    EXPECT_NE(report_text.find("呈请行政处罚审批报告"), std::string::npos);
    EXPECT_NE(report_text.find("《中华人民共和国治安管理处罚法》第四十三条第二款"), std::string::npos);
    EXPECT_NE(report_text.find("适用裁量基准：SAMPLE-1第1版（样本，非正式裁量基准）"), std::string::npos)
        << report_text;
    auto html = RenderDocument(Catalogue::Embedded(), *req, "decision", "html");
    ASSERT_TRUE(html.ok());
    EXPECT_EQ(html->bytes.rfind("<!DOCTYPE html>", 0), 0u);
}

TEST(DiscretionDocuments, BadDocumentRequestNamesTheFields) {
    auto r = ParseDocumentRequest(R"({"request":{"offender":{"birth_date":"1990-05-01"},"violations":[]},
        "facts":{"authority":"示范县公安局"},"number":{"scheme":"无序号"}})");
    ASSERT_FALSE(r.ok());
    const Status st = r.status();
    EXPECT_EQ(st.fields().at("request.act_end_date"), "required");
    EXPECT_EQ(st.fields().at("facts.offender_name"), "required");
    EXPECT_EQ(st.fields().at("number.scheme"), "must_contain_{seq}");
}

TEST(DiscretionEngine, AgeCountsFromTheDayAfterTheBirthday) {
    EXPECT_EQ(AgeOn({2011, 11, 3}, {2025, 11, 3}), 13);
    EXPECT_EQ(AgeOn({2011, 11, 3}, {2025, 11, 4}), 14);
}

}  // namespace
}  // namespace jw::discretion

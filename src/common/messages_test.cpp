#include "common/messages.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "common/status.hpp"

namespace jw {
namespace {

std::set<std::string> Placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-z_]+)(:[a-z_.]+)?\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
        std::string p = (*it)[0];
        // name_en is the en text's own value of name (messages.hpp).
        if (const size_t at = p.find("_en}"); at != std::string::npos && (*it)[2].length() == 0) p.erase(at, 3);
        out.insert(p);
    }
    return out;
}

TEST(Messages, BothLanguagesHaveTheSameCodesAndPlaceholders) {
    const auto zh = MessageCodes(Lang::kZhCN), en = MessageCodes(Lang::kEn);
    ASSERT_GT(zh.size(), 50u);
    EXPECT_EQ(zh, en);
    for (const auto& code : zh) {
        // The raw template: rendering with no parameters leaves every {placeholder} as it is.
        EXPECT_EQ(Placeholders(Message(code, Lang::kZhCN)), Placeholders(Message(code, Lang::kEn))) << code;
        EXPECT_NE(Message(code, Lang::kZhCN), Message(code, Lang::kEn)) << code << " is not translated";
    }
}

TEST(Messages, EveryCodeParameterPrefixExists) {
    static const std::regex re(R"(\{[a-z_]+:([a-z_.]+)\})");
    const auto codes = MessageCodes(Lang::kEn);
    for (const auto& code : codes) {
        const std::string text = Message(code, Lang::kEn);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
            const std::string prefix = (*it)[1].str() + ".";
            const bool any =
                std::any_of(codes.begin(), codes.end(), [&](const std::string& c) { return c.rfind(prefix, 0) == 0; });
            EXPECT_TRUE(any) << code << " refers to " << prefix << "* which has no codes";
        }
    }
}

TEST(Messages, EveryErrorCodeHasWords) {
    for (int c = static_cast<int>(ErrorCode::kOk) + 1; c <= static_cast<int>(ErrorCode::kInternal); ++c) {
        const std::string code = std::string("error.") + ErrorCodeName(static_cast<ErrorCode>(c));
        EXPECT_TRUE(HasMessage(code, Lang::kZhCN)) << code;
        EXPECT_TRUE(HasMessage(code, Lang::kEn)) << code;
    }
}

// Every MessageCode("…") in the server's source is in the catalogue in both languages: the code itself, or for a
// notification its .title and .body.
TEST(Messages, EveryCodeInTheSourceIsInTheCatalogue) {
    const char* root = std::getenv("JW_SOURCE_DIR");
    ASSERT_NE(root, nullptr) << "JW_SOURCE_DIR is set by CTest";
    static const std::regex re(R"re(MessageCode\("([^"]*)"\))re");
    size_t found = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(root) / "src")) {
        const auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
        if (entry.path().filename() == "messages.hpp" || entry.path().filename() == "messages_test.cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
            const std::string code = (*it)[1];
            ++found;
            for (Lang lang : {Lang::kZhCN, Lang::kEn}) {
                const bool whole = HasMessage(code, lang);
                const bool titled = HasMessage(code + ".title", lang) && HasMessage(code + ".body", lang);
                EXPECT_TRUE(whole || titled) << entry.path() << ": " << code << " has no words in " << LangTag(lang);
            }
        }
    }
    EXPECT_GT(found, 0u) << "no MessageCode(\"…\") found under " << root << "/src";
}

TEST(Messages, FillsParametersAndCodeParameters) {
    const MessageParams p{{"colour", "red"}, {"title", "套牌车"}};
    EXPECT_EQ(Message("alerts.raised.title", Lang::kZhCN, p), "【红色预警】套牌车");
    EXPECT_EQ(Message("alerts.raised.title", Lang::kEn, p), "[red alert] 套牌车");
}

TEST(Messages, MissingParameterStaysVisibleAndUnknownCodeShowsItself) {
    EXPECT_EQ(Message("alerts.raised.title", Lang::kEn, {{"colour", "red"}}), "[red alert] {title}");
    // A code parameter with no words shows its value (a colour added to colours.csv before the catalogue).
    EXPECT_EQ(Message("alerts.raised.title", Lang::kEn, {{"colour", "purple"}, {"title", "x"}}), "[purple alert] x");
    EXPECT_EQ(Message("no.such.code", Lang::kZhCN), "no.such.code");
    EXPECT_FALSE(HasMessage("no.such.code", Lang::kEn));
}

TEST(Messages, ParameterValuesAreNotExpandedAgain) {
    // A value typed by a person that looks like a placeholder is kept literally.
    EXPECT_EQ(Message("alerts.raised.title", Lang::kEn, {{"colour", "red"}, {"title", "{colour}"}}),
              "[red alert] {colour}");
}

TEST(Messages, LanguageFromAcceptLanguage) {
    EXPECT_EQ(LangFromAcceptLanguage(""), Lang::kZhCN);
    EXPECT_EQ(LangFromAcceptLanguage("en"), Lang::kEn);
    EXPECT_EQ(LangFromAcceptLanguage("en-US,en;q=0.9"), Lang::kEn);
    EXPECT_EQ(LangFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"), Lang::kZhCN);
    EXPECT_EQ(LangFromAcceptLanguage("zh-TW"), Lang::kZhCN);
    EXPECT_EQ(LangFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5"), Lang::kEn);
    EXPECT_EQ(LangFromAcceptLanguage("zh;q=0.3, EN-gb;q=0.7"), Lang::kEn);
    EXPECT_EQ(LangFromAcceptLanguage("fr, de"), Lang::kZhCN);
    EXPECT_EQ(LangFromAcceptLanguage("en;q=0, zh"), Lang::kZhCN);
    EXPECT_STREQ(LangTag(Lang::kEn), "en");
    EXPECT_STREQ(LangTag(Lang::kZhCN), "zh-CN");
}

}  // namespace
}  // namespace jw

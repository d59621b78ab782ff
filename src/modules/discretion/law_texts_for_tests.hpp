#pragma once
// For the discretion module's tests that read a data row against the law text it cites: the two texts of the
// 治安管理处罚法 from JW_LAW_DIR (default /work/shared/law), and one article's text. Header-only, tests only.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "discretion/catalogue.hpp"

namespace jw::discretion::testing {

inline std::string ReadFile(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The text of article `n` ("第n条" up to the next article heading at a line start); "" when absent.
inline std::string Article(const std::string& law_text, int n) {
    const std::string head = "\n第" + ChineseNumber(n) + "条";
    const size_t start = law_text.find(head);
    if (start == std::string::npos) return "";
    const size_t end = law_text.find("\n第" + ChineseNumber(n + 1) + "条", start + 1);
    return law_text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

struct LawTexts {
    std::string t2012, t2025;
    const std::string& Of(const std::string& law) const { return law == "2012" ? t2012 : t2025; }
};

// Both texts, or nullopt when the directory does not hold them (the test then skips).
inline std::optional<LawTexts> LoadLaw() {
    namespace fs = std::filesystem;
    const fs::path dir = std::getenv("JW_LAW_DIR") ? fs::path(std::getenv("JW_LAW_DIR")) : fs::path("/work/shared/law");
    if (!fs::exists(dir / "zhian_guanli_chufa_fa_2012.md")) return std::nullopt;
    return LawTexts{ReadFile(dir / "zhian_guanli_chufa_fa_2012.md"),
                    ReadFile(dir / "zhian_guanli_chufa_fa_2025_revised.md")};
}

}  // namespace jw::discretion::testing

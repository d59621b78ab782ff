#include "discretion/cause_articles.hpp"

#include <stdexcept>

#include "common/csv_reader.hpp"

namespace jw::discretion {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

bool EndsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

Result<int> Number(const CsvRow& row, size_t i, const char* field, int min, int max) {
    const std::string& s = row[i];
    int v = 0;
    for (char ch : s) {
        if (ch < '0' || ch > '9' || v > 1000) return CsvInvalid(field, "not_a_number", row.Where(i));
        v = v * 10 + (ch - '0');
    }
    if (s.empty() || v < min || v > max) return CsvInvalid(field, "out_of_range", row.Where(i));
    return v;
}

}  // namespace

std::string NormaliseCause(const std::string& cause) {
    std::string out;
    for (size_t i = 0; i < cause.size();) {
        if (cause[i] == ' ' || cause[i] == '\t') {
            ++i;
        } else if (cause.compare(i, 3, "\u3000") == 0) {  // full-width space
            i += 3;
        } else {
            out += cause[i++];
        }
    }
    for (const char* tail : {"罪", "案"}) {
        if (EndsWith(out, tail) && out.size() > 3) {
            out.resize(out.size() - 3);
            break;
        }
    }
    return out;
}

Result<std::vector<CauseArticle>> ParseCauseArticles(std::string_view text) {
    JW_ASSIGN_OR_RETURN(auto rows, ReadCsv(text, CsvOptions{.name = "cause_articles.csv"}));
    std::vector<CauseArticle> out;
    for (size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        if (row.size() != 6) return CsvInvalid("row", "six_fields", row.Where(0));
        CauseArticle a;
        a.law = row[0];
        if (a.law != "2012" && a.law != "2025") return CsvInvalid("law", "bad_value", row.Where(0));
        a.cause = NormaliseCause(row[1]);
        if (a.cause.empty()) return CsvInvalid("cause", "required", row.Where(1));
        JW_ASSIGN_OR_RETURN(a.article, Number(row, 2, "article", 1, 144));
        JW_ASSIGN_OR_RETURN(a.paragraph, Number(row, 3, "paragraph", 0, 9));
        JW_ASSIGN_OR_RETURN(a.item, Number(row, 4, "item", 0, 20));
        a.source = row[5];
        out.push_back(std::move(a));
    }
    return out;
}

const std::vector<CauseArticle>& CauseArticles() {
    static const std::vector<CauseArticle> rows = [] {
        for (const auto& [name, text] : data::EmbeddedFiles()) {
            if (name != "cause_articles.csv") continue;
            auto parsed = ParseCauseArticles(text);
            if (!parsed.ok()) throw std::logic_error(parsed.status().message());
            return std::move(parsed).value();
        }
        throw std::logic_error("cause_articles.csv not embedded");
    }();
    return rows;
}

std::vector<CauseArticle> ArticlesForCause(const std::string& cause, const std::string& law,
                                           const std::vector<CauseArticle>& rows) {
    const std::string key = NormaliseCause(cause);
    std::vector<CauseArticle> out;
    if (key.empty()) return out;
    for (const auto& a : rows)
        if (a.cause == key && (law.empty() || a.law == law)) out.push_back(a);
    return out;
}

}  // namespace jw::discretion

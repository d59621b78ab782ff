#pragma once
// Cause → article (issue 13): the articles of the 治安管理处罚法 a case's cause (案由) points to, from a data file
// (data/cause_articles.csv: law, cause, article, paragraph, item, source) a legal reviewer checks row by row
// against the law text. A cause matches a row only when it names the same act: the cause as written, with spaces
// and a trailing 罪 / 案 dropped, equals the row's cause exactly — no substring guesses (盗窃 does not match
// 盗窃罪案件的赃物, 殴打 does not match 殴打他人). A cause the file does not know has no suggestion: the officer
// picks the article in the calculator.
//
// Thread safety: the table is built once (static) and immutable.

#include <string>
#include <vector>

#include "common/status.hpp"

namespace jw::discretion {

struct CauseArticle {
    std::string law;    // "2012" | "2025" (治安管理处罚法 text)
    std::string cause;  // the cause as officers record it (案由), e.g. 殴打他人
    int article = 0, paragraph = 0, item = 0;
    std::string source;  // the law's words the row rests on, for the reviewer
};

// The rows of the shipped file, in file order. A file that does not parse is a bug of the data: std::logic_error.
const std::vector<CauseArticle>& CauseArticles();

// The rows of `rows` (the shipped file by default) for `cause` under `law` ("" = both texts), in file order.
std::vector<CauseArticle> ArticlesForCause(const std::string& cause, const std::string& law,
                                           const std::vector<CauseArticle>& rows = CauseArticles());

// The cause as matched: ASCII and full-width spaces removed, then one trailing 罪 or 案 dropped.
std::string NormaliseCause(const std::string& cause);

// Parses a cause_articles.csv text. InvalidArgument naming the field and line for a bad row.
Result<std::vector<CauseArticle>> ParseCauseArticles(std::string_view text);

}  // namespace jw::discretion

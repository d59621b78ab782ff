#include "common/messages.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "common/csv_reader.hpp"

namespace jw {
namespace messages {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

using Table = std::unordered_map<std::string, std::string>;

// A broken catalogue is a build mistake, caught by messages_test; at run time the codes then show as themselves.
Table Load(std::string_view file) {
    Table t;
    for (const auto& [name, content] : messages::EmbeddedFiles()) {
        if (name != file) continue;
        auto rows = ReadCsv(content, CsvOptions{.name = file});
        if (!rows.ok()) return t;
        for (size_t i = 1; i < rows->size(); ++i) {  // row 0: the header
            const auto& r = (*rows)[i];
            if (r.size() == 2 && !r[0].empty()) t.emplace(r[0], r[1]);
        }
    }
    return t;
}

const Table& TableFor(Lang lang) {
    static const Table zh = Load("zh-CN.csv"), en = Load("en.csv");
    return lang == Lang::kEn ? en : zh;
}

std::string Render(const std::string& tmpl, Lang lang, const MessageParams& params) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    size_t i = 0;
    while (i < tmpl.size()) {
        const size_t open = tmpl.find('{', i);
        const size_t close = open == std::string::npos ? open : tmpl.find('}', open);
        if (close == std::string::npos) {
            out.append(tmpl, i, std::string::npos);
            break;
        }
        out.append(tmpl, i, open - i);
        const std::string inner = tmpl.substr(open + 1, close - open - 1);
        const size_t colon = inner.find(':');
        const std::string name = inner.substr(0, colon);
        auto it = params.find(name);
        // "{name_en}" of a row written before the fact had English words falls back to "{name}" (the words it has).
        const std::string en = "_en";
        if (it == params.end() && name.size() > en.size() && name.compare(name.size() - en.size(), en.size(), en) == 0)
            it = params.find(name.substr(0, name.size() - en.size()));
        if (it == params.end()) {
            out.append(tmpl, open, close - open + 1);
        } else if (colon == std::string::npos) {
            out += it->second;
        } else {
            // A parameter that is a code: its words, or the code itself when the catalogue has none.
            const std::string code = inner.substr(colon + 1) + "." + it->second;
            out += HasMessage(code, lang) ? TableFor(lang).at(code) : it->second;
        }
        i = close + 1;
    }
    return out;
}

}  // namespace

std::string Message(std::string_view code, Lang lang, const MessageParams& params) {
    const Table& t = TableFor(lang);
    auto it = t.find(std::string(code));
    if (it == t.end()) return std::string(code);
    return Render(it->second, lang, params);
}

bool HasMessage(std::string_view code, Lang lang) { return TableFor(lang).count(std::string(code)) > 0; }

std::vector<std::string> MessageCodes(Lang lang) {
    std::vector<std::string> codes;
    for (const auto& [k, v] : TableFor(lang)) codes.push_back(k);
    std::sort(codes.begin(), codes.end());
    return codes;
}

Lang LangFromAcceptLanguage(std::string_view header) {
    Lang best = kDefaultLang;
    double best_q = 0;
    size_t pos = 0;
    while (pos <= header.size()) {
        size_t end = header.find(',', pos);
        if (end == std::string_view::npos) end = header.size();
        std::string_view item = header.substr(pos, end - pos);
        pos = end + 1;
        double q = 1;
        if (const size_t semi = item.find(';'); semi != std::string_view::npos) {
            std::string_view rest = item.substr(semi + 1);
            item = item.substr(0, semi);
            if (const size_t eq = rest.find("q="); eq != std::string_view::npos)
                q = std::strtod(std::string(rest.substr(eq + 2)).c_str(), nullptr);
        }
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        std::string tag(item);
        std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
        const std::string primary = tag.substr(0, tag.find('-'));
        if (primary != "zh" && primary != "en") continue;
        // Equal q: the earlier item wins, as the client listed it first.
        if (q > best_q) {
            best_q = q;
            best = primary == "en" ? Lang::kEn : Lang::kZhCN;
        }
    }
    return best;
}

const char* LangTag(Lang lang) { return lang == Lang::kEn ? "en" : "zh-CN"; }

bool IsMessageCode(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

std::string ErrorMessage(const Status& s, Lang lang) {
    if (s.code() == ErrorCode::kInternal) return Message("error.internal", lang);
    std::string code = ErrorCodeName(s.code());
    if (auto it = s.fields().find("totp");
        s.code() == ErrorCode::kPermissionDenied && it != s.fields().end() && it->second == "enrolment_required")
        code = "totp_enrolment_required";
    const std::string detail = "error." + code + "." + s.message();
    std::string words =
        IsMessageCode(s.message()) && HasMessage(detail, lang) ? Message(detail, lang) : Message("error." + code, lang);
    if (s.fields().empty() || s.code() != ErrorCode::kInvalidArgument) return words;
    std::string list;
    for (const auto& [field, problem] : s.fields()) {
        const std::string problem_code = "error.field." + problem;
        if (!list.empty()) list += Message("error.field_separator", lang);
        list += Message(
            "error.field_item", lang,
            {{"field", field}, {"problem", HasMessage(problem_code, lang) ? Message(problem_code, lang) : problem}});
    }
    return Message("error.with_fields", lang, {{"message", words}, {"fields", list}});
}

}  // namespace jw

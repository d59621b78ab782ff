// The person watch list's data files (catalogue.hpp).
#include "personwatch/catalogue.hpp"

#include <utility>

#include "common/csv_reader.hpp"

namespace jw::personwatch {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

// The rows of an embedded CSV after its header; a file that does not parse is a build defect (tests read it).
std::vector<std::vector<std::string>> Rows(std::string_view file) {
    std::vector<std::vector<std::string>> out;
    for (const auto& [name, content] : data::EmbeddedFiles()) {
        if (name != file) continue;
        auto rows = ReadCsv(content, CsvOptions{.name = file});
        if (!rows.ok()) return out;
        for (size_t i = 1; i < rows->size(); ++i) out.push_back((*rows)[i].fields);
    }
    return out;
}

}  // namespace

const std::vector<Kind>& Kinds() {
    static const std::vector<Kind> kinds = [] {
        std::vector<Kind> out;
        for (const auto& r : Rows("kinds.csv")) {
            if (r.size() != 6) continue;
            out.push_back(Kind{r[0], r[1], r[2], std::stoi(r[3]), r[4] == "1", r[5]});
        }
        return out;
    }();
    return kinds;
}

const Kind* FindKind(std::string_view code) {
    for (const auto& k : Kinds())
        if (k.code == code) return &k;
    return nullptr;
}

const std::vector<CheckSource>& CheckSources() {
    static const std::vector<CheckSource> sources = [] {
        std::vector<CheckSource> out;
        for (const auto& r : Rows("check_sources.csv")) {
            if (r.size() != 5) continue;
            out.push_back(CheckSource{r[0], r[1] == "1", r[2], r[3], r[4]});
        }
        return out;
    }();
    return sources;
}

const CheckSource* FindCheckSource(std::string_view code) {
    for (const auto& s : CheckSources())
        if (s.code == code) return &s;
    return nullptr;
}

}  // namespace jw::personwatch

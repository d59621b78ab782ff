// The centre's data files (catalogue.hpp).
#include "servicedesk/tickets/catalogue.hpp"

#include <cstdio>
#include <cstdlib>

#include "common/csv_reader.hpp"

namespace jw::servicedesk {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

const std::vector<std::pair<std::string_view, std::string_view>>& ModuleFiles() { return data::EmbeddedFiles(); }

static std::string_view File(std::string_view file) {
    for (const auto& [name, content] : data::EmbeddedFiles())
        if (name == file) return content;
    std::fprintf(stderr, "servicedesk: %s is not embedded\n", std::string(file).c_str());
    std::abort();
}

std::vector<std::vector<std::string>> DataRows(std::string_view file, size_t columns) {
    std::vector<std::vector<std::string>> out;
    auto rows = ReadCsv(File(file), CsvOptions{.name = file, .comment = '#'});
    if (!rows.ok()) return out;
    for (size_t i = 1; i < rows->size(); ++i)
        if ((*rows)[i].fields.size() == columns) out.push_back((*rows)[i].fields);
    return out;
}

std::string_view DataFile(std::string_view name) { return File(name); }

const std::vector<Channel>& Channels() {
    static const std::vector<Channel> all = [] {
        std::vector<Channel> out;
        for (const auto& r : DataRows("channels.csv", 7))
            out.push_back({r[0], r[1], r[2], r[3] == "1", r[4] == "1", r[5], r[6]});
        return out;
    }();
    return all;
}

const Channel* FindChannel(std::string_view code) {
    for (const auto& c : Channels())
        if (c.code == code) return &c;
    return nullptr;
}

const std::vector<Category>& Categories() {
    static const std::vector<Category> all = [] {
        std::vector<Category> out;
        for (const auto& r : DataRows("categories.csv", 4)) out.push_back({r[0], r[1], r[2], r[3] == "1"});
        return out;
    }();
    return all;
}

const Category* FindCategory(std::string_view code) {
    for (const auto& c : Categories())
        if (c.code == code) return &c;
    return nullptr;
}

std::vector<std::string> ChannelCodes() {
    std::vector<std::string> out;
    for (const auto& c : Channels()) out.push_back(c.code);
    return out;
}

std::vector<std::string> CategoryCodes() {
    std::vector<std::string> out;
    for (const auto& c : Categories()) out.push_back(c.code);
    return out;
}

const timelimits::RuleSet& TimeLimitRules() {
    static const timelimits::RuleSet set = timelimits::RuleSet::LoadShipped(
        File("time_limits.csv"), timelimits::RuleSchema{.file = "time_limits.csv",
                                                        .family_column = "family",
                                                        .families = {"general", "hotline12345", "xinfang"},
                                                        .variant_column = "variant",
                                                        .variants = {"2022"}});
    return set;
}

const timelimits::Vocabulary& TimeLimitWords() {
    static const timelimits::Vocabulary words = [] {
        timelimits::Vocabulary w;
        w.subject_noun = "ticket";
        w.event_names_zh = {{"received", "收件"},
                            {"assigned", "受理交办"},
                            {"extension_approved", "批准延期"},
                            {"replied", "办理答复"},
                            {"closed", "办结"}};
        return w;
    }();
    return words;
}

}  // namespace jw::servicedesk

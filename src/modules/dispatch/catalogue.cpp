// The data files of 110 dispatch (catalogue.hpp).
#include "dispatch/catalogue.hpp"

#include "common/csv_reader.hpp"
#include "common/text.hpp"

namespace jw::dispatch {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}
namespace {

// The rows of an embedded CSV after its header; a file that does not parse gives none (the tests read the files).
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

const std::vector<Category>& Categories() {
    static const std::vector<Category> all = [] {
        std::vector<Category> out;
        for (const auto& r : Rows("categories.csv")) {
            if (r.size() != 10) continue;
            out.push_back(Category{r[0], r[1], r[2], r[3], r[4] == "1", std::stoi(r[5]), std::stoi(r[6]),
                                   std::stoi(r[7]), std::stoi(r[8]), r[9]});
        }
        return out;
    }();
    return all;
}

const Category* FindCategory(std::string_view code) {
    for (const auto& c : Categories())
        if (c.code == code) return &c;
    return nullptr;
}

const std::vector<Department>& Departments() {
    static const std::vector<Department> all = [] {
        std::vector<Department> out;
        for (const auto& r : Rows("departments.csv")) {
            if (r.size() != 9) continue;
            Department d;
            d.code = r[0];
            d.name = r[1];
            d.org_code = r[2];
            d.contact_name = r[3];
            d.contact_phone = r[4];
            d.limit_hours = std::stoi(r[5]);
            d.channel = r[6];
            d.topics = SplitNonEmpty(r[7], ';');
            d.basis = r[8];
            out.push_back(std::move(d));
        }
        return out;
    }();
    return all;
}

const Department* FindDepartment(std::string_view code) {
    for (const auto& d : Departments())
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace jw::dispatch

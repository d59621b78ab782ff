#include "courier/records/categories.hpp"

#include <stdexcept>

#include "common/csv_reader.hpp"

namespace jw::courier {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

const std::vector<Category>& Categories() {
    static const std::vector<Category> all = [] {
        std::vector<Category> out;
        for (const auto& [name, text] : data::EmbeddedFiles()) {
            if (name != "categories.csv") continue;
            auto rows = ReadCsv(text, CsvOptions{.name = "categories.csv"});
            if (!rows.ok()) throw std::runtime_error("courier: data/categories.csv: " + rows.status().message());
            for (size_t i = 1; i < rows->size(); ++i) {
                const auto& r = (*rows)[i];
                if (r.size() < 5) throw std::runtime_error("courier: data/categories.csv: short row " + r.Where(0));
                out.push_back({r[0], r[1], r[2], r[3], r[4]});
            }
        }
        return out;
    }();
    return all;
}

const Category* FindCategory(const std::string& code) {
    for (const auto& c : Categories())
        if (c.code == code) return &c;
    return nullptr;
}

}  // namespace jw::courier

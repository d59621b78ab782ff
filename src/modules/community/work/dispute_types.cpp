#include "community/work/dispute_types.hpp"

#include <set>
#include <stdexcept>

#include "common/csv_reader.hpp"

namespace jw::community {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

Result<DisputeTypes> DisputeTypes::FromCsv(std::string_view csv) {
    DisputeTypes out;
    std::set<std::string> seen;
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = "dispute_types.csv", .comment = '#'}));
    for (const auto& cells : rows) {
        if (cells.line == 1) continue;  // header
        const std::string where = "line " + std::to_string(cells.line);
        if (cells.size() != 4) return Status::Invalid(where, "expected_4_columns");
        DisputeType t{std::string(cells[0]), std::string(cells[1]), std::string(cells[2]), std::string(cells[3])};
        if (t.code.empty() || t.name_zh.empty() || t.name_en.empty()) return Status::Invalid(where, "empty_cell");
        if (!seen.insert(t.code).second) return Status::Invalid(where, "duplicate");
        out.types_.push_back(std::move(t));
    }
    return out;
}

const DisputeTypes& DisputeTypes::Default() {
    static const DisputeTypes instance = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name != "dispute_types.csv") continue;
            auto t = FromCsv(content);
            if (!t.ok()) throw std::logic_error("dispute_types.csv: " + t.status().message());
            return std::move(t).value();
        }
        throw std::logic_error("dispute_types.csv is not embedded");
    }();
    return instance;
}

bool DisputeTypes::Has(std::string_view code) const {
    for (const auto& t : types_)
        if (t.code == code) return true;
    return false;
}

}  // namespace jw::community

#include "alerts/alert.hpp"
#include "common/csv_reader.hpp"

namespace jw::alerts {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

Result<Policy> Policy::FromCsv(std::string_view csv) {
    Policy p;
    JW_ASSIGN_OR_RETURN(const auto rows, ReadCsv(csv, CsvOptions{.name = "colours.csv"}));
    for (size_t i = 1; i < rows.size(); ++i) {  // rows[0]: the header
        const auto& cells = rows[i];
        const std::string where = "colours.csv:" + std::to_string(cells.line);
        if (cells.size() != 8) return CsvInvalid(where, "expected 8 columns", cells.Where(0));
        ColourRule r;
        r.colour = cells[0];
        r.name_zh = cells[1];
        r.name_en = cells[2];
        r.meaning_zh = cells[3];
        try {
            r.sign_within_s = std::stoll(cells[4]);
            r.priority = std::stoi(cells[7]);
        } catch (...) {
            return CsvInvalid(where, "sign_within_s and priority must be numbers", cells.Where(4));
        }
        if (r.sign_within_s <= 0) return CsvInvalid(where, "sign_within_s must be positive", cells.Where(4));
        r.sms = cells[5] == "1";
        r.sound = cells[6] == "1";
        p.rules_.push_back(std::move(r));
    }
    if (p.rules_.empty()) return Status::Invalid("colours.csv", "no colours");
    return p;
}

const Policy& Policy::Default() {
    static const Policy policy = [] {
        for (const auto& [name, content] : data::EmbeddedFiles())
            if (name == "colours.csv") return std::move(FromCsv(content)).value();
        return Policy{};
    }();
    return policy;
}

const ColourRule* Policy::Find(std::string_view colour) const {
    for (const auto& r : rules_)
        if (r.colour == colour) return &r;
    return nullptr;
}

const ColourRule& Policy::ForPriority(int priority) const {
    const ColourRule* lowest = &rules_.front();
    for (const auto& r : rules_) {
        if (r.priority == priority) return r;
        if (r.priority > lowest->priority) lowest = &r;
    }
    return *lowest;
}

}  // namespace jw::alerts

#include <sstream>

#include "alerts/alert.hpp"

namespace jw::alerts {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

std::vector<std::string> SplitCsvLine(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    return cells;
}

}  // namespace

Result<Policy> Policy::FromCsv(std::string_view csv) {
    Policy p;
    std::istringstream in{std::string(csv)};
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_no == 1 || line.empty()) continue;
        auto cells = SplitCsvLine(line);
        const std::string where = "colours.csv:" + std::to_string(line_no);
        if (cells.size() != 8) return Status::Invalid(where, "expected 8 columns");
        ColourRule r;
        r.colour = cells[0];
        r.name_zh = cells[1];
        r.name_en = cells[2];
        r.meaning_zh = cells[3];
        try {
            r.sign_within_s = std::stoll(cells[4]);
            r.priority = std::stoi(cells[7]);
        } catch (...) {
            return Status::Invalid(where, "sign_within_s and priority must be numbers");
        }
        if (r.sign_within_s <= 0) return Status::Invalid(where, "sign_within_s must be positive");
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

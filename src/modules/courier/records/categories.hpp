#pragma once
// The item categories of the counter form, from the prohibited/restricted catalogue (禁止寄递物品指导目录) as
// versioned data (data/categories.csv, each prohibited row citing its basis). Thread-safe after first use.
#include <string>
#include <vector>

namespace jw::courier {

struct Category {
    std::string code, name_zh, name_en;
    std::string level;  // allowed | restricted (accepted within limits) | prohibited (refused)
    std::string basis;  // the catalogue item / article
};

const std::vector<Category>& Categories();
const Category* FindCategory(const std::string& code);

}  // namespace jw::courier

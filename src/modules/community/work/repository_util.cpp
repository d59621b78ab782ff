#include "community/work/repository_util.hpp"

#include "storage/in_list.hpp"

namespace jw::community::work_sql {

using storage::V;

std::string JoinIds(const std::vector<int64_t>& ids) {
    if (ids.empty()) return "";
    std::string out = ",";
    for (int64_t id : ids) out += std::to_string(id) + ",";
    return out;
}

std::vector<int64_t> ParseIds(std::string_view text) {
    std::vector<int64_t> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(',', i);
        if (j == std::string_view::npos) j = text.size();
        if (j > i) out.push_back(std::stoll(std::string(text.substr(i, j - i))));
        i = j + 1;
    }
    return out;
}

Result<std::optional<int64_t>> IdByKey(storage::Connection& c, std::string_view sql, int64_t author,
                                       const std::string& key) {
    if (key.empty()) return std::optional<int64_t>();
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, {V(author), V(key)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

void Where::Add(const std::string& predicate, const storage::Params& params) {
    predicates_.push_back(predicate);
    params_.insert(params_.end(), params.begin(), params.end());
}

void Where::Eq(const std::string& column, const std::string& value) {
    if (!value.empty()) Add(column + " = ?", {V(value)});
}

void Where::Scope(const std::string& column, const std::optional<std::vector<int64_t>>& units) {
    if (!units) return;
    predicates_.push_back(storage::InFilter(dialect_, column, *units, params_));
}

std::string Where::Sql() const {
    std::string out;
    for (size_t i = 0; i < predicates_.size(); ++i) out += (i ? " AND " : " WHERE ") + predicates_[i];
    return out;
}

}  // namespace jw::community::work_sql

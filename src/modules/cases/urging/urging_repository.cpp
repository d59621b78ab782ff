#include "cases/urging/urging_repository.hpp"

#include <nlohmann/json.hpp>

#include "storage/in_list.hpp"

namespace jw::cases::urging::repo {

using storage::V;

namespace {

constexpr const char* kColumns =
    "u.id, u.case_id, u.parent_id, u.message, u.due_date, u.issued_by, COALESCE(i.name, ''), u.issued_at, "
    "u.recipients, u.answer, u.answered_by, COALESCE(a.name, ''), u.answered_at";
constexpr const char* kFrom =
    " FROM case_urgings u LEFT JOIN users i ON i.id = u.issued_by LEFT JOIN users a ON a.id = u.answered_by";

Urging FromRow(const storage::Row& r) {
    Urging u;
    u.id = r.Int(0);
    u.case_id = r.Int(1);
    u.parent_id = r.Int(2);
    u.message = r.Str(3);
    u.due_date = r.Str(4);
    u.issued_by = r.Int(5);
    u.issued_by_name = r.Str(6);
    u.issued_at = r.Int(7);
    const auto j = nlohmann::json::parse(r.Str(8), nullptr, false);
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_number_integer()) u.recipients.push_back(x.get<int64_t>());
    u.answer = r.Str(9);
    u.answered_by = r.Int(10);
    u.answered_by_name = r.Str(11);
    u.answered_at = r.Int(12);
    return u;
}

// Open 督办 of cases not closed, in `units` when given; `params` receives the filter's parameters.
std::string OpenWhere(storage::Connection& c, const std::optional<std::vector<int64_t>>& units,
                      storage::Params& params) {
    std::string where = " WHERE u.parent_id = 0 AND u.answered_at = 0 AND k.state <> 'closed'";
    if (units) where += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *units, params);
    return where;
}

}  // namespace

Result<int64_t> Insert(storage::Connection& c, const Urging& u) {
    JW_ASSIGN_OR_RETURN(
        auto r, c.QueryOne("INSERT INTO case_urgings (case_id, parent_id, message, due_date, issued_by, issued_at, "
                           "recipients) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                           {V(u.case_id), V(u.parent_id), V(u.message), V(u.due_date), V(u.issued_by), V(u.issued_at),
                            V(nlohmann::json(u.recipients).dump())}));
    return r.Int(0);
}

Result<Urging> Get(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE u.id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("urging");
    return FromRow(rows[0]);
}

Result<std::vector<Urging>> ListOfCase(storage::Connection& c, int64_t case_id) {
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE u.case_id = ? ORDER BY u.id", {V(case_id)}));
    std::vector<Urging> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Status SetAnswer(storage::Connection& c, int64_t id, const std::string& answer, int64_t by, int64_t now) {
    return c.Exec("UPDATE case_urgings SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ?",
                  {V(answer), V(by), V(now), V(id)});
}

Result<int64_t> CountOpen(storage::Connection& c, const std::optional<std::vector<int64_t>>& units) {
    storage::Params params;
    const std::string where = OpenWhere(c, units, params);
    JW_ASSIGN_OR_RETURN(
        auto r, c.QueryOne("SELECT COUNT(*) FROM case_urgings u JOIN cases k ON k.id = u.case_id" + where, params));
    return r.Int(0);
}

Result<std::vector<OpenUrging>> ListOpen(storage::Connection& c, const std::optional<std::vector<int64_t>>& units,
                                         int limit) {
    storage::Params params;
    const std::string where = OpenWhere(c, units, params);
    params.push_back(V(static_cast<int64_t>(limit)));
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string("SELECT ") + kColumns + ", k.case_no, k.cause, COALESCE(n.name, '')" + kFrom +
                               " JOIN cases k ON k.id = u.case_id LEFT JOIN units n ON n.id = "
                               "k.unit_id" +
                               where + " ORDER BY u.due_date, u.id LIMIT ?",
                           params));
    std::vector<OpenUrging> out;
    for (const auto& r : rows) out.push_back({FromRow(r), r.Str(13), r.Str(14), r.Str(15)});
    return out;
}

}  // namespace jw::cases::urging::repo

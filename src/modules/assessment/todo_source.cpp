#include "assessment/todo_source.hpp"

#include "storage/in_list.hpp"

namespace jw::assessment {
namespace {

using notify::todo::Entry;
using storage::V;

class AppealSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "assessment.appeals"; }
    int Order() const override { return 30; }
    std::string_view Link() const override { return "/assessment/scores?tab=appeals"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("assessment.appeal.decide"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        storage::Params params;
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*)" + From(c, r, params), params));
        return row.Int(0);
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                    int limit) const override {
        storage::Params params;
        const std::string from = From(c, r, params);
        params.push_back(V(static_cast<int64_t>(limit)));
        JW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT a.id, COALESCE(o.name, ''), COALESCE(un.name, ''), a.created_at" + from +
                                        " ORDER BY a.created_at, a.id LIMIT ?",
                                    params));
        std::vector<Entry> out;
        for (const auto& row : rows)
            out.push_back({row.Int(0), row.Str(1), row.Str(2), row.Int(3), "", "/assessment/scores?tab=appeals"});
        return out;
    }

  private:
    static std::string From(storage::Connection& c, const auth::Principal& r, storage::Params& params) {
        std::string sql =
            " FROM assessment_appeals a LEFT JOIN users o ON o.id = a.officer_id LEFT JOIN units un ON un.id = "
            "a.unit_id WHERE a.status = 'pending' AND a.officer_id <> ?";
        params.push_back(V(r.user_id));
        if (r.all_units) return sql;
        return sql + " AND " + storage::InFilter(c.dialect(), "a.unit_id", r.unit_scope, params);
    }
};

}  // namespace

std::unique_ptr<notify::todo::Source> MakeAppealTodoSource() { return std::make_unique<AppealSource>(); }

}  // namespace jw::assessment

// The alerts module's line of the to-do centre (notify/todo.hpp, issue 13): alerts sent to the reader's units and
// not yet signed for (签收). A unit-scoped reader: their unit and below; the county's alert centre (alerts.centre,
// the duty desk): every unit; another county-wide reader (a leader): their own unit only — they oversee the board,
// they do not sign for the stations.
#include "alerts/todo_source.hpp"

#include "storage/in_list.hpp"

namespace jw::alerts {
namespace {

using storage::V;

class SignSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "alerts.sign"; }
    int Order() const override { return 1; }
    std::string_view Link() const override { return "/alerts/board"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("alerts.sign"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        storage::Params params;
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*)" + From(c, r, params), params));
        return row.Int(0);
    }
    Result<std::vector<notify::todo::Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                                  int limit) const override {
        storage::Params params;
        const std::string from = From(c, r, params);
        params.push_back(V(static_cast<int64_t>(limit)));
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT a.id, a.subject, a.title, a.raised_at, t.sign_due_at, "
                                               "COALESCE(u.name, '')" +
                                                   from + " ORDER BY t.sign_due_at, a.id LIMIT ?",
                                               params));
        std::vector<notify::todo::Entry> out;
        for (const auto& row : rows)
            out.push_back({row.Int(0), row.Str(1) + " " + row.Str(2), row.Str(5), row.Int(3), FormatUtcIso(row.Int(4)),
                           "/alerts/board"});
        return out;
    }

  private:
    static std::string From(storage::Connection& c, const auth::Principal& r, storage::Params& params) {
        std::string sql =
            " FROM alert_targets t JOIN alerts a ON a.id = t.alert_id LEFT JOIN units u ON u.id = t.unit_id WHERE "
            "t.signed_at IS NULL AND a.status <> 'closed'";
        if (r.all_units && r.Can("alerts.centre")) return sql;
        const std::vector<int64_t> units = r.all_units ? std::vector<int64_t>{r.unit_id} : r.unit_scope;
        return sql + " AND " + storage::InFilter(c.dialect(), "t.unit_id", units, params);
    }
};

}  // namespace

std::unique_ptr<notify::todo::Source> MakeTodoSource() { return std::make_unique<SignSource>(); }

}  // namespace jw::alerts

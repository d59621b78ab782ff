// 110 dispatch's lines of the to-do centre (todo_sources.hpp).
#include "dispatch/callbacks/todo_sources.hpp"

#include "auth/external.hpp"
#include "common/civil_time.hpp"
#include "storage/in_list.hpp"

namespace jw::dispatch {
namespace {

using storage::V;

// One line: `where` selects the rows (after FROM …), `scope` adds the reader's restriction.
class QuerySource final : public notify::todo::Source {
  public:
    using Scoper = std::string (*)(storage::Connection&, const auth::Principal&, storage::Params&);
    QuerySource(std::string kind, int order, std::string link, std::string permission, std::string from,
                std::string entry_link, Scoper scope)
        : kind_(std::move(kind)),
          order_(order),
          link_(std::move(link)),
          permission_(std::move(permission)),
          from_(std::move(from)),
          entry_link_(std::move(entry_link)),
          scope_(scope) {}
    std::string_view Kind() const override { return kind_; }
    int Order() const override { return order_; }
    std::string_view Link() const override { return link_; }
    bool Applies(const auth::Principal& r) const override { return r.Can(permission_); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        storage::Params params;
        std::string sql = "SELECT COUNT(*) " + from_ + scope_(c, r, params);
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, params));
        return row.Int(0);
    }
    Result<std::vector<notify::todo::Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                                  int limit) const override {
        storage::Params params;
        std::string sql = "SELECT x.id, x.title, x.detail, x.since, x.due " + from_ + scope_(c, r, params) +
                          " ORDER BY x.due, x.id LIMIT " + std::to_string(limit);
        JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
        std::vector<notify::todo::Entry> out;
        for (const auto& row : rows)
            out.push_back({row.Int(0), row.Str(1), row.Str(2), row.Int(3), FormatUtcIso(row.Int(4)), entry_link_});
        return out;
    }

  private:
    std::string kind_;
    int order_;
    std::string link_, permission_, from_, entry_link_;
    Scoper scope_;
};

std::string UnitScope(storage::Connection& c, const auth::Principal& r, storage::Params& params) {
    if (r.all_units) return "";
    return " AND " + storage::InFilter(c.dialect(), "x.unit_id", r.unit_scope, params);
}

std::string OrgScope(storage::Connection& c, const auth::Principal& r, storage::Params& params) {
    auto orgs = auth::OrgFilter(r);
    if (!orgs) return " AND 1 = 0";  // a police reader has no department orders to accept
    return " AND " + storage::InFilter(c.dialect(), "x.org_id", *orgs, params);
}

}  // namespace

std::vector<std::unique_ptr<notify::todo::Source>> MakeTodoSources() {
    std::vector<std::unique_ptr<notify::todo::Source>> out;
    const std::string callbacks =
        "FROM (SELECT b.id, k.call_no AS title, k.summary AS detail, b.created_at AS since, b.due_at AS due, "
        "b.unit_id, b.state, b.review FROM dispatch_callbacks b JOIN dispatch_calls k ON k.id = b.call_id) x ";
    out.push_back(std::make_unique<QuerySource>("dispatch.callbacks", 30, "/dispatch/callbacks", "dispatch.callback",
                                                callbacks + "WHERE x.state = 'pending'", "/dispatch/callbacks",
                                                &UnitScope));
    out.push_back(std::make_unique<QuerySource>("dispatch.reviews", 31, "/dispatch/callbacks?review=open",
                                                "dispatch.review", callbacks + "WHERE x.review = 'open'",
                                                "/dispatch/callbacks?review=open", &UnitScope));
    out.push_back(std::make_unique<QuerySource>(
        "dispatch.work_orders", 32, "/dispatch/dept", "dispatch.workorder",
        "FROM (SELECT w.id, w.order_no AS title, k.summary AS detail, w.created_at AS since, w.due_at AS due, "
        "w.org_id, w.state FROM dispatch_work_orders w JOIN dispatch_calls k ON k.id = w.call_id) x "
        "WHERE x.state IN ('sent', 'accepted')",
        "/dispatch/dept", &OrgScope));
    return out;
}

}  // namespace jw::dispatch

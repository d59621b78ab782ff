#include "checkpoint/todo_sources.hpp"

#include "common/civil_time.hpp"
#include "storage/in_list.hpp"

namespace jw::checkpoint {
namespace {

using notify::todo::Entry;
using storage::V;

class WatchApprovalSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "checkpoint.watch_approve"; }
    int Order() const override { return 20; }
    std::string_view Link() const override { return "/checkpoint/watch?status=pending"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("watch.approve"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t now) const override {
        storage::Params params;
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*)" + From(c, r, now, params), params));
        return row.Int(0);
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t now,
                                    int limit) const override {
        storage::Params params;
        const std::string from = From(c, r, now, params);
        params.push_back(V(static_cast<int64_t>(limit)));
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT o.id, o.target, o.case_no, COALESCE(u.name, ''), o.created_at, "
                                               "o.valid_to" +
                                                   from + " ORDER BY o.created_at, o.id LIMIT ?",
                                               params));
        std::vector<Entry> out;
        for (const auto& row : rows)
            out.push_back({row.Int(0), row.Str(1) + " " + row.Str(2), row.Str(3), row.Int(4), FormatUtcIso(row.Int(5)),
                           "/checkpoint/watch?status=pending"});
        return out;
    }

  private:
    static std::string From(storage::Connection& c, const auth::Principal& r, int64_t now, storage::Params& params) {
        std::string sql =
            " FROM watch_orders o LEFT JOIN units u ON u.id = o.unit_id WHERE o.status = 'pending' AND o.valid_to > ? "
            "AND o.applicant_id <> ?";
        params.push_back(V(now));
        params.push_back(V(r.user_id));
        if (r.all_units) return sql;
        return sql + " AND " + storage::InFilter(c.dialect(), "o.unit_id", r.unit_scope, params);
    }
};

class ExceptionApprovalSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "checkpoint.exception_approve"; }
    int Order() const override { return 21; }
    std::string_view Link() const override { return "/checkpoint/analysis"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("analysis.exception_approve"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM analysis_exceptions WHERE status = 'pending' "
                                                 "AND user_id <> ?",
                                                 {V(r.user_id)}));
        return row.Int(0);
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                    int limit) const override {
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, case_no, username, requested_at FROM analysis_exceptions "
                                               "WHERE status = 'pending' AND user_id <> ? ORDER BY requested_at, id "
                                               "LIMIT ?",
                                               {V(r.user_id), V(static_cast<int64_t>(limit))}));
        std::vector<Entry> out;
        for (const auto& row : rows)
            out.push_back({row.Int(0), row.Str(1), row.Str(2), row.Int(3), "", "/checkpoint/analysis"});
        return out;
    }
};

}  // namespace

std::unique_ptr<notify::todo::Source> MakeWatchApprovalSource() { return std::make_unique<WatchApprovalSource>(); }
std::unique_ptr<notify::todo::Source> MakeExceptionApprovalSource() {
    return std::make_unique<ExceptionApprovalSource>();
}

}  // namespace jw::checkpoint

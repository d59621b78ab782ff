#include "community/work/todo_source.hpp"

#include "common/civil_time.hpp"
#include "common/log_mask.hpp"

namespace jw::community {
namespace {

using notify::todo::Entry;
using storage::V;

class TaskSource final : public notify::todo::Source {
  public:
    std::string_view Kind() const override { return "community.tasks"; }
    int Order() const override { return 40; }
    std::string_view Link() const override { return "/community/work/tasks"; }
    bool Applies(const auth::Principal& r) const override { return r.Can("community.work.write"); }
    Result<int64_t> Count(storage::Connection& c, const auth::Principal& r, int64_t) const override {
        JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM community_tasks WHERE assignee_id = ? AND "
                                                 "status = 'open'",
                                                 {V(r.user_id)}));
        return row.Int(0);
    }
    Result<std::vector<Entry>> List(storage::Connection& c, const auth::Principal& r, int64_t,
                                    int limit) const override {
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, title, grid_id, created_at, due_at FROM community_tasks "
                                               "WHERE assignee_id = ? AND status = 'open' ORDER BY due_at, id LIMIT ?",
                                               {V(r.user_id), V(static_cast<int64_t>(limit))}));
        std::vector<Entry> out;
        // The title is the assigner's words and may name people: masked as the reminders mask it.
        for (const auto& row : rows)
            out.push_back({row.Int(0), MaskForLog(row.Str(1)), row.Str(2), row.Int(3), FormatUtcIso(row.Int(4)),
                           "/community/work/tasks"});
        return out;
    }
};

}  // namespace

std::unique_ptr<notify::todo::Source> MakeTaskTodoSource() { return std::make_unique<TaskSource>(); }

}  // namespace jw::community

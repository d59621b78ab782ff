// SQL of the live board (board_view.hpp): the calls it shows, read without the sealed caller.
#include "dispatch/board/board_view.hpp"
#include "storage/in_list.hpp"

namespace jw::dispatch::repo {
namespace {
std::optional<double> Coordinate(const storage::Row& r, size_t i) {
    if (r.IsNull(i)) return std::nullopt;
    try {
        return std::stod(r.Str(i));
    } catch (...) {
        return std::nullopt;
    }
}
std::string Where(storage::Connection& c, const std::vector<std::string>& states,
                  const std::optional<std::vector<int64_t>>& scope, storage::Params& params) {
    std::string where = " WHERE " + storage::InFilter(c.dialect(), "k.state", states, params);
    if (scope) where += " AND " + storage::InFilter(c.dialect(), "k.unit_id", *scope, params);
    return where;
}
}  // namespace

Result<std::vector<BoardCall>> ListBoardCalls(storage::Connection& c, const std::vector<std::string>& states,
                                              const std::optional<std::vector<int64_t>>& scope, int limit) {
    storage::Params params;
    const std::string where = Where(c, states, scope, params);
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT k.id, k.call_no, k.received_at, k.state, k.category, k.police, k.summary, "
                           "k.place_text, k.latitude, k.longitude, k.patrol_id, k.dispatch_due_at, k.arrival_due_at "
                           "FROM dispatch_calls k" +
                               where + " ORDER BY k.received_at DESC, k.id DESC LIMIT " + std::to_string(limit),
                           params));
    std::vector<BoardCall> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        BoardCall k;
        k.id = r.Int(0);
        k.call_no = r.Str(1);
        k.received_at = r.Int(2);
        k.state = r.Str(3);
        k.category = r.Str(4);
        k.police = r.Bool(5);
        k.summary = r.Str(6);
        k.place_text = r.Str(7);
        k.latitude = Coordinate(r, 8);
        k.longitude = Coordinate(r, 9);
        if (!r.IsNull(10)) k.patrol_id = r.Int(10);
        k.dispatch_due_at = r.Int(11);
        k.arrival_due_at = r.Int(12);
        out.push_back(std::move(k));
    }
    return out;
}

Result<std::map<std::string, int64_t>> CountCallsByState(storage::Connection& c, const std::vector<std::string>& states,
                                                         const std::optional<std::vector<int64_t>>& scope) {
    storage::Params params;
    const std::string where = Where(c, states, scope, params);
    JW_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT k.state, COUNT(*) FROM dispatch_calls k" + where + " GROUP BY k.state", params));
    std::map<std::string, int64_t> out;
    for (const auto& s : states) out[s] = 0;
    for (const auto& r : rows) out[r.Str(0)] = r.Int(1);
    return out;
}

}  // namespace jw::dispatch::repo

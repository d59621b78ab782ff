#include "checkpoint/analysis/analysis_exceptions.hpp"

namespace jw::checkpoint {
namespace {

using storage::Null;
using storage::V;

constexpr const char* kColumns =
    "id, user_id, username, case_no, reason, status, requested_at, decided_by, decider_name, decided_at, "
    "decision_note, valid_until";

SearchException FromRow(const storage::Row& r) {
    SearchException e;
    e.id = r.Int(0);
    e.user_id = r.Int(1);
    e.username = r.Str(2);
    e.case_no = r.Str(3);
    e.reason = r.Str(4);
    e.status = r.Str(5);
    e.requested_at = r.Int(6);
    if (!r.IsNull(7)) e.decided_by = r.Int(7);
    e.decider_name = r.Str(8);
    if (!r.IsNull(9)) e.decided_at = r.Int(9);
    e.decision_note = r.Str(10);
    if (!r.IsNull(11)) e.valid_until = r.Int(11);
    return e;
}

}  // namespace

Result<int64_t> RequestException(storage::Connection& c, int64_t user_id, const std::string& username,
                                 const std::string& case_no, const std::string& reason, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto open, c.Query("SELECT 1 FROM analysis_exceptions WHERE user_id = ? AND case_no = ? AND "
                                           "(status = 'pending' OR (status = 'approved' AND valid_until > ?))",
                                           {V(user_id), V(case_no), V(now)}));
    if (!open.empty()) return Status(ErrorCode::kConflict, "already_requested", {{"case_no", "already_requested"}});
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("INSERT INTO analysis_exceptions (user_id, username, case_no, reason, "
                                             "status, requested_at) VALUES (?,?,?,?,'pending',?) RETURNING id",
                                             {V(user_id), V(username), V(case_no), V(reason), V(now)}));
    return row.Int(0);
}

Result<SearchException> DecideException(storage::Connection& c, int64_t id, bool approve, int64_t decider_id,
                                        const std::string& decider_name, const std::string& note, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kColumns + " FROM analysis_exceptions WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("exception");
    SearchException e = FromRow(rows[0]);
    if (e.user_id == decider_id)
        return Status(ErrorCode::kPermissionDenied, "own_request", {{"decided_by", "own_request"}});
    if (e.status != "pending")
        return Status(ErrorCode::kConflict, "already_decided", {{"status", "already_" + e.status}});
    e.status = approve ? "approved" : "rejected";
    e.decided_by = decider_id;
    e.decider_name = decider_name;
    e.decided_at = now;
    e.decision_note = note;
    if (approve) e.valid_until = now + kExceptionValidDays * 86400;
    // The status in the WHERE makes two leaders deciding at once a conflict, not two decisions.
    JW_ASSIGN_OR_RETURN(
        auto changed, c.Query("UPDATE analysis_exceptions SET status = ?, decided_by = ?, decider_name = ?, "
                              "decided_at = ?, decision_note = ?, valid_until = ? WHERE id = ? AND status = 'pending' "
                              "RETURNING id",
                              {V(e.status), V(decider_id), V(decider_name), V(now), V(note),
                               e.valid_until ? V(*e.valid_until) : Null(), V(id)}));
    if (changed.size() != 1) return Status(ErrorCode::kConflict, "already_decided", {{"status", "already_decided"}});
    return e;
}

Result<bool> HasApprovedException(storage::Connection& c, int64_t user_id, const std::string& case_no, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT 1 FROM analysis_exceptions WHERE user_id = ? AND case_no = ? AND "
                                           "status = 'approved' AND valid_until > ?",
                                           {V(user_id), V(case_no), V(now)}));
    return !rows.empty();
}

Result<std::pair<std::vector<SearchException>, int64_t>> ListExceptions(storage::Connection& c, int64_t user_id,
                                                                        const std::string& status, int page,
                                                                        int page_size) {
    std::string where = " WHERE 1 = 1";
    std::vector<storage::Value> params;
    if (user_id != 0) {
        where += " AND user_id = ?";
        params.push_back(V(user_id));
    }
    if (!status.empty()) {
        where += " AND status = ?";
        params.push_back(V(status));
    }
    JW_ASSIGN_OR_RETURN(auto count, c.QueryOne("SELECT COUNT(*) FROM analysis_exceptions" + where, params));
    auto paged = params;
    paged.push_back(V(static_cast<int64_t>(page_size)));
    paged.push_back(V(static_cast<int64_t>((page - 1) * page_size)));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns + " FROM analysis_exceptions" + where +
                                               " ORDER BY id DESC LIMIT ? OFFSET ?",
                                           paged));
    std::vector<SearchException> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return std::make_pair(std::move(out), count.Int(0));
}

}  // namespace jw::checkpoint

// Watch-order rules (watch_service.hpp).
#include "checkpoint/watch/watch_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/json_util.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

constexpr int64_t kMaxValidity = 366 * 86400;

bool TextOk(const std::string& s, size_t max) {
    auto n = Utf8Length(s);
    return !s.empty() && n && *n <= max;
}

Status AddEvent(storage::Connection& c, int64_t order, int64_t at, std::optional<int64_t> user,
                const std::string& action, const std::string& reason, const std::string& detail = "") {
    return c.Exec("INSERT INTO watch_order_events (order_id, at, user_id, action, reason, detail) VALUES (?,?,?,?,?,?)",
                  {V(order), V(at), user ? V(*user) : storage::Null(), V(action), V(reason), V(detail)});
}

struct Head {
    int64_t applicant = 0;
    std::string status;
    int64_t version = 0, valid_to = 0;
};

Result<Head> LoadHead(storage::Connection& c, int64_t id, std::optional<int64_t> expected_version) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT applicant_id, status, version, valid_to FROM watch_orders "
                                           "WHERE id = ?", {V(id)}));
    if (rows.empty()) return Status::NotFound("watch order");
    Head h{rows[0].Int(0), rows[0].Str(1), rows[0].Int(2), rows[0].Int(3)};
    if (expected_version && *expected_version != h.version) return Status::Conflict("version_mismatch");
    return h;
}

Status SetStatus(storage::Connection& c, int64_t id, const std::string& status, int64_t now) {
    return c.Exec("UPDATE watch_orders SET status = ?, version = version + 1, updated_at = ? WHERE id = ?",
                  {V(status), V(now), V(id)});
}

Status CheckUnits(storage::Connection& c, const std::vector<int64_t>& units) {
    for (int64_t u : units) {
        JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM units WHERE id = ?", {V(u)}));
        if (rows.empty()) return Status::Invalid("unit_ids", "unknown unit " + std::to_string(u));
    }
    return Status::Ok();
}

Status ValidateWindow(int64_t from, int64_t to, int64_t now) {
    if (from < 0 || from >= (int64_t{1} << 32)) return Status::Invalid("valid_from", "out_of_range");
    if (to >= (int64_t{1} << 32)) return Status::Invalid("valid_to", "out_of_range");
    if (to <= from) return Status::Invalid("valid_to", "must_be_after_valid_from");
    if (to <= now) return Status::Invalid("valid_to", "already_passed");
    if (to - from > kMaxValidity) return Status::Invalid("valid_to", "longer_than_366_days");
    return Status::Ok();
}

Status ValidateUnits(const std::vector<int64_t>& units) {
    if (units.empty() || units.size() > 50) return Status::Invalid("unit_ids", "between 1 and 50 units");
    return Status::Ok();
}

Result<int64_t> InsertOrder(storage::Connection& c, const OrderInput& in, const Actor& actor, int64_t now) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO watch_orders (target_kind, target, plate_color, reason, case_no, applicant_id, "
                   "unit_id, valid_from, valid_to, priority, colour, status, version, created_at, updated_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,'pending',1,?,?) RETURNING id",
                   {V(in.target_kind), V(in.target), V(in.plate_color), V(in.reason), V(in.case_no),
                    V(actor.user_id), V(actor.unit_id), V(in.valid_from), V(in.valid_to), V(in.priority),
                    V(in.colour), V(now), V(now)}));
    const int64_t id = row.Int(0);
    const std::set<int64_t> units(in.unit_ids.begin(), in.unit_ids.end());
    for (int64_t u : units)
        JW_RETURN_IF_ERROR(c.Exec("INSERT INTO watch_order_units (order_id, unit_id) VALUES (?,?)", {V(id), V(u)}));
    JW_RETURN_IF_ERROR(AddEvent(c, id, now, actor.user_id, "create", in.reason));
    return id;
}

// Everything but the target.
Status ValidateCommon(const alerts::Policy& policy, OrderInput& in, int64_t now) {
    if (in.target_kind != "plate") return Status::Invalid("target_kind", "must be plate");
    if (in.plate_color < 0 || in.plate_color > 255) return Status::Invalid("plate_color", "out_of_range");
    if (!TextOk(in.reason, 200)) return Status::Invalid("reason", "required, at most 200 characters");
    if (!TextOk(in.case_no, 40)) return Status::Invalid("case_no", "required, at most 40 characters");
    JW_RETURN_IF_ERROR(ValidateWindow(in.valid_from, in.valid_to, now));
    if (in.priority < 1 || in.priority > 4) return Status::Invalid("priority", "must be 1 to 4");
    if (in.colour.empty()) in.colour = policy.ForPriority(in.priority).colour;
    if (!policy.Find(in.colour)) return Status::Invalid("colour", "must be red, orange, blue or green");
    return ValidateUnits(in.unit_ids);
}

}  // namespace

Status ValidateOrder(const alerts::Policy& policy, OrderInput& in, int64_t now) {
    if (in.target_kind != "plate") return Status::Invalid("target_kind", "must be plate");
    JW_ASSIGN_OR_RETURN(in.target, CheckWatchPlate(in.target, "target"));
    return ValidateCommon(policy, in, now);
}

Result<int64_t> CreateOrder(storage::Connection& c, const alerts::Policy& policy, OrderInput in, const Actor& actor,
                            int64_t now) {
    JW_RETURN_IF_ERROR(ValidateOrder(policy, in, now));
    JW_RETURN_IF_ERROR(CheckUnits(c, in.unit_ids));
    return InsertOrder(c, in, actor, now);
}

Status ApproveOrder(storage::Connection& c, int64_t id, const Actor& actor, std::optional<int64_t> expected_version,
                    int64_t now, const std::string& comment) {
    JW_ASSIGN_OR_RETURN(Head h, LoadHead(c, id, expected_version));
    if (h.status != "pending") return Status::Conflict("not_pending");
    if (h.applicant == actor.user_id) return Status::Denied("applicant_cannot_approve");
    if (h.valid_to <= now) return Status::Conflict("expired");
    JW_RETURN_IF_ERROR(c.Exec("UPDATE watch_orders SET status = 'active', approver_id = ?, approved_at = ?, "
                              "version = version + 1, updated_at = ? WHERE id = ?",
                              {V(actor.user_id), V(now), V(now), V(id)}));
    return AddEvent(c, id, now, actor.user_id, "approve", comment);
}

Status RejectOrder(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                   std::optional<int64_t> expected_version, int64_t now) {
    if (!TextOk(reason, 200)) return Status::Invalid("reason", "required, at most 200 characters");
    JW_ASSIGN_OR_RETURN(Head h, LoadHead(c, id, expected_version));
    if (h.status != "pending") return Status::Conflict("not_pending");
    if (h.applicant == actor.user_id) return Status::Denied("applicant_cannot_approve");
    JW_RETURN_IF_ERROR(c.Exec("UPDATE watch_orders SET status = 'rejected', approver_id = ?, version = version + 1, "
                              "updated_at = ? WHERE id = ?", {V(actor.user_id), V(now), V(id)}));
    return AddEvent(c, id, now, actor.user_id, "reject", reason);
}

Status ChangeOrder(storage::Connection& c, const alerts::Policy& policy, int64_t id, const ChangeInput& in,
                   const Actor& actor, std::optional<int64_t> expected_version, int64_t now) {
    if (!TextOk(in.reason, 200)) return Status::Invalid("reason", "required, at most 200 characters");
    JW_ASSIGN_OR_RETURN(Head h, LoadHead(c, id, expected_version));
    if (h.status != "pending" && h.status != "active") return Status::Conflict("not_changeable");
    JW_ASSIGN_OR_RETURN(auto cur, c.QueryOne("SELECT valid_from, valid_to, priority, colour, reason FROM watch_orders "
                                             "WHERE id = ?", {V(id)}));
    const int64_t from = in.valid_from.value_or(cur.Int(0)), to = in.valid_to.value_or(cur.Int(1));
    const int priority = in.priority.value_or(static_cast<int>(cur.Int(2)));
    std::string colour = in.colour.value_or(cur.Str(3));
    const std::string stated = in.reason_text.value_or(cur.Str(4));
    std::string detail;
    if (in.valid_from || in.valid_to) {
        JW_RETURN_IF_ERROR(ValidateWindow(from, to, now));
        detail += "validity ";
    }
    if (in.priority) {
        if (priority < 1 || priority > 4) return Status::Invalid("priority", "must be 1 to 4");
        if (!in.colour) colour = policy.ForPriority(priority).colour;
        detail += "priority ";
    }
    if (!policy.Find(colour)) return Status::Invalid("colour", "must be red, orange, blue or green");
    if (in.colour) detail += "colour ";
    if (in.reason_text) {
        if (!TextOk(stated, 200)) return Status::Invalid("reason_text", "required, at most 200 characters");
        detail += "reason ";
    }
    if (in.unit_ids) {
        JW_RETURN_IF_ERROR(ValidateUnits(*in.unit_ids));
        JW_RETURN_IF_ERROR(CheckUnits(c, *in.unit_ids));
        JW_RETURN_IF_ERROR(c.Exec("DELETE FROM watch_order_units WHERE order_id = ?", {V(id)}));
        const std::set<int64_t> units(in.unit_ids->begin(), in.unit_ids->end());
        for (int64_t u : units)
            JW_RETURN_IF_ERROR(c.Exec("INSERT INTO watch_order_units (order_id, unit_id) VALUES (?,?)", {V(id), V(u)}));
        detail += "units ";
    }
    if (detail.empty()) return Status::Invalid("change", "nothing_to_change");
    detail.pop_back();
    JW_RETURN_IF_ERROR(c.Exec("UPDATE watch_orders SET valid_from = ?, valid_to = ?, priority = ?, colour = ?, "
                              "reason = ?, version = version + 1, updated_at = ? WHERE id = ?",
                              {V(from), V(to), V(priority), V(colour), V(stated), V(now), V(id)}));
    return AddEvent(c, id, now, actor.user_id, "change", in.reason, detail);
}

Status WithdrawOrder(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                     std::optional<int64_t> expected_version, int64_t now) {
    if (!TextOk(reason, 200)) return Status::Invalid("reason", "required, at most 200 characters");
    JW_ASSIGN_OR_RETURN(Head h, LoadHead(c, id, expected_version));
    if (h.status != "pending" && h.status != "active") return Status::Conflict("not_withdrawable");
    JW_RETURN_IF_ERROR(SetStatus(c, id, "withdrawn", now));
    return AddEvent(c, id, now, actor.user_id, "withdraw", reason);
}

Result<int> ExpireDue(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM watch_orders WHERE status IN ('pending','active') AND "
                                           "valid_to <= ? ORDER BY id", {V(now)}));
    for (const auto& r : rows) {
        JW_RETURN_IF_ERROR(SetStatus(c, r.Int(0), "expired", now));
        JW_RETURN_IF_ERROR(AddEvent(c, r.Int(0), now, std::nullopt, "expire", ""));
    }
    return static_cast<int>(rows.size());
}

Result<ImportReport> ImportOrders(storage::Connection& c, const alerts::Policy& policy, std::string_view text,
                                  OrderInput common, const Actor& actor, int64_t now) {
    ImportReport report;
    JW_ASSIGN_OR_RETURN(auto rows, ParseImport(text, &report.invalid));
    report.rows = static_cast<int>(rows.size() + report.invalid.size());
    if (report.rows == 0) return Status::Invalid("text", "no_rows");
    JW_RETURN_IF_ERROR(ValidateCommon(policy, common, now));
    JW_RETURN_IF_ERROR(CheckUnits(c, common.unit_ids));
    std::map<std::string, int> first_line;
    std::vector<OrderInput> valid;
    for (const auto& row : rows) {
        auto plate = CheckWatchPlate(row.plate, "plate");
        if (!plate.ok()) {
            const Status s = plate.status();
            const auto& f = s.fields();
            report.invalid.push_back({row.line, row.plate, "plate", f.empty() ? "invalid" : f.begin()->second});
            continue;
        }
        if (auto it = first_line.find(*plate); it != first_line.end()) {
            report.duplicates.push_back({row.line, *plate, "plate", "line " + std::to_string(it->second)});
            continue;
        }
        first_line[*plate] = row.line;
        JW_ASSIGN_OR_RETURN(auto existing, c.Query("SELECT id FROM watch_orders WHERE target_kind = 'plate' AND "
                                                   "target = ? AND status IN ('pending','active') ORDER BY id",
                                                   {V(*plate)}));
        if (!existing.empty()) {
            report.duplicates.push_back({row.line, *plate, "plate", "order " + std::to_string(existing[0].Int(0))});
            continue;
        }
        OrderInput in = common;
        in.target = *plate;
        in.plate_color = row.plate_color;
        if (!row.reason.empty()) {
            if (!TextOk(row.reason, 200)) {
                report.invalid.push_back({row.line, row.plate, "reason", "at most 200 characters"});
                continue;
            }
            in.reason = row.reason;
        }
        valid.push_back(std::move(in));
    }
    for (const auto& in : valid) {
        JW_ASSIGN_OR_RETURN(int64_t id, InsertOrder(c, in, actor, now));
        report.created.push_back(id);
        report.created_plates.push_back(in.target);
    }
    std::sort(report.invalid.begin(), report.invalid.end(),
              [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
    return report;
}

}  // namespace jw::checkpoint

// Watch-order rules (watch_service.hpp).
#include "checkpoint/watch/watch_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "auth/auth_repository.hpp"
#include "checkpoint/watch/watch_repository.hpp"
#include "common/json_util.hpp"
#include "watchlist/lifecycle.hpp"

namespace jw::checkpoint {
namespace {

using watchlist::CheckUnits;
using watchlist::TextOk;
using watchlist::ValidateWindow;

Status AddEvent(storage::Connection& c, int64_t order, int64_t at, std::optional<int64_t> user,
                const std::string& action, const std::string& reason, const std::string& detail = "") {
    return InsertOrderEvent(c, order, at, user, action, reason, detail);
}

// The order's head as the shared lifecycle rules see it (watchlist/lifecycle.hpp), its version checked.
Result<watchlist::Head> LoadHead(storage::Connection& c, int64_t id, std::optional<int64_t> expected_version) {
    JW_ASSIGN_OR_RETURN(auto head, LoadOrderHead(c, id));
    if (!head) return Status::NotFound("watch order");
    const watchlist::Head h{head->applicant, head->status, head->version, head->valid_to};
    JW_RETURN_IF_ERROR(watchlist::CheckVersion(h, expected_version));
    return h;
}

Status ValidateUnits(const std::vector<int64_t>& units) { return watchlist::ValidateUnitCount(units); }

Result<int64_t> CreatePending(storage::Connection& c, const OrderInput& in, const Actor& actor, int64_t now) {
    JW_ASSIGN_OR_RETURN(const int64_t id, InsertOrder(c, in, actor, now));
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
    return CreatePending(c, in, actor, now);
}

Status ApproveOrder(storage::Connection& c, int64_t id, const Actor& actor, std::optional<int64_t> expected_version,
                    int64_t now, const std::string& comment) {
    JW_ASSIGN_OR_RETURN(const watchlist::Head h, LoadHead(c, id, expected_version));
    JW_RETURN_IF_ERROR(watchlist::CheckApprove(h, actor.user_id, now));
    JW_RETURN_IF_ERROR(MarkOrderApproved(c, id, actor.user_id, now));
    return AddEvent(c, id, now, actor.user_id, "approve", comment);
}

Status RejectOrder(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                   std::optional<int64_t> expected_version, int64_t now) {
    if (!TextOk(reason, 200)) return Status::Invalid("reason", "required, at most 200 characters");
    JW_ASSIGN_OR_RETURN(const watchlist::Head h, LoadHead(c, id, expected_version));
    JW_RETURN_IF_ERROR(watchlist::CheckReject(h, actor.user_id));
    JW_RETURN_IF_ERROR(MarkOrderRejected(c, id, actor.user_id, now));
    return AddEvent(c, id, now, actor.user_id, "reject", reason);
}

Status ChangeOrder(storage::Connection& c, const alerts::Policy& policy, int64_t id, const ChangeInput& in,
                   const Actor& actor, std::optional<int64_t> expected_version, int64_t now) {
    if (!TextOk(in.reason, 200)) return Status::Invalid("reason", "required, at most 200 characters");
    JW_ASSIGN_OR_RETURN(const watchlist::Head h, LoadHead(c, id, expected_version));
    JW_RETURN_IF_ERROR(watchlist::CheckChange(h));
    JW_ASSIGN_OR_RETURN(const OrderTerms cur, LoadOrderTerms(c, id));
    const int64_t from = in.valid_from.value_or(cur.valid_from), to = in.valid_to.value_or(cur.valid_to);
    const int priority = in.priority.value_or(cur.priority);
    std::string colour = in.colour.value_or(cur.colour);
    const std::string stated = in.reason_text.value_or(cur.reason);
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
        JW_RETURN_IF_ERROR(ReplaceOrderUnits(c, id, *in.unit_ids));
        detail += "units ";
    }
    if (detail.empty()) return Status::Invalid("change", "nothing_to_change");
    detail.pop_back();
    JW_RETURN_IF_ERROR(UpdateOrderTerms(c, id, OrderTerms{from, to, priority, colour, stated}, now));
    return AddEvent(c, id, now, actor.user_id, "change", in.reason, detail);
}

Status WithdrawOrder(storage::Connection& c, int64_t id, const Actor& actor, const std::string& reason,
                     std::optional<int64_t> expected_version, int64_t now) {
    if (!TextOk(reason, 200)) return Status::Invalid("reason", "required, at most 200 characters");
    JW_ASSIGN_OR_RETURN(const watchlist::Head h, LoadHead(c, id, expected_version));
    JW_RETURN_IF_ERROR(watchlist::CheckWithdraw(h));
    JW_RETURN_IF_ERROR(SetOrderStatus(c, id, "withdrawn", now));
    return AddEvent(c, id, now, actor.user_id, "withdraw", reason);
}

Result<int> ExpireDue(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto due, ListDueOrderIds(c, now));
    for (int64_t id : due) {
        JW_RETURN_IF_ERROR(SetOrderStatus(c, id, "expired", now));
        JW_RETURN_IF_ERROR(AddEvent(c, id, now, std::nullopt, "expire", ""));
    }
    return static_cast<int>(due.size());
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
        JW_ASSIGN_OR_RETURN(auto existing, FindOpenPlateOrder(c, *plate));
        if (existing) {
            report.duplicates.push_back({row.line, *plate, "plate", "order " + std::to_string(*existing)});
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
        JW_ASSIGN_OR_RETURN(int64_t id, CreatePending(c, in, actor, now));
        report.created.push_back(id);
        report.created_plates.push_back(in.target);
    }
    std::sort(report.invalid.begin(), report.invalid.end(),
              [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
    return report;
}

}  // namespace jw::checkpoint

#include "checkpoint/unit_participant.hpp"

#include "storage/in_list.hpp"

namespace jw::checkpoint {
namespace {

using storage::V;

constexpr const char* kDevices = "devices";
constexpr const char* kOrders = "watch_orders";
constexpr const char* kNotified = "watch_order_units";
// The order already notifies the unit taking over: the old link stays (nothing to move back).
constexpr const char* kNotifiedAlready = "watch_order_units_already_there";
constexpr const char* kClients = "viid_clients";
constexpr const char* kLive = "('pending', 'active')";

class CheckpointParticipant : public units::Participant {
  public:
    std::string module() const override { return "checkpoint"; }

    Result<std::vector<units::Candidate>> Candidates(storage::Connection& c, const units::MoveContext& ctx) override {
        std::vector<units::Candidate> out;
        const auto sources = ctx.Sources();
        auto add = [&](const char* what, std::string_view sql) -> Status {
            JW_ASSIGN_OR_RETURN(auto rows, storage::QueryIn(c, sql, sources));
            // A third column is the officer the row follows into a part of a split unit.
            for (const auto& r : rows) out.push_back({what, r.Str(0), r.Int(1), r.size() > 2 ? r.Int(2) : 0});
            return Status::Ok();
        };
        JW_RETURN_IF_ERROR(add(kDevices, "SELECT id, unit_id FROM checkpoint_devices WHERE unit_id IN @IDS@"));
        JW_RETURN_IF_ERROR(
            add(kOrders, std::string("SELECT id, unit_id, applicant_id FROM watch_orders WHERE status IN ") + kLive +
                             " AND unit_id IN @IDS@"));
        JW_RETURN_IF_ERROR(add(kNotified, std::string("SELECT w.order_id, w.unit_id FROM watch_order_units w JOIN "
                                                      "watch_orders o ON o.id = w.order_id WHERE o.status IN ") +
                                              kLive + " AND w.unit_id IN @IDS@"));
        JW_RETURN_IF_ERROR(add(kClients, "SELECT id, unit_id FROM viid_clients WHERE unit_id IN @IDS@"));
        return out;
    }

    Result<std::vector<units::MoveCount>> Kept(storage::Connection& c, const units::MoveContext& ctx) override {
        storage::Params params;
        const std::string in = storage::InFilter(c.dialect(), "unit_id", ctx.Sources(), params);
        JW_ASSIGN_OR_RETURN(auto r, c.QueryOne(std::string("SELECT COUNT(*) FROM watch_orders WHERE status NOT IN ") +
                                                   kLive + " AND " + in,
                                               params));
        return std::vector<units::MoveCount>{{"checkpoint", "ended_watch_orders", r.Int(0)}};
    }

    Result<std::string> Move(storage::Connection& c, const std::string& what, const std::string& row, int64_t from,
                             int64_t to) override {
        if (what == kDevices)
            JW_RETURN_IF_ERROR(c.Exec("UPDATE checkpoint_devices SET unit_id = ? WHERE id = ? AND unit_id = ?",
                                      {V(to), V(row), V(from)}));
        else if (what == kOrders)
            JW_RETURN_IF_ERROR(
                c.Exec("UPDATE watch_orders SET unit_id = ? WHERE id = ? AND unit_id = ?", {V(to), V(row), V(from)}));
        else if (what == kClients)
            JW_RETURN_IF_ERROR(
                c.Exec("UPDATE viid_clients SET unit_id = ? WHERE id = ? AND unit_id = ?", {V(to), V(row), V(from)}));
        else if (what == kNotified) {
            JW_ASSIGN_OR_RETURN(
                auto there,
                c.Query("SELECT 1 FROM watch_order_units WHERE order_id = ? AND unit_id = ?", {V(row), V(to)}));
            if (!there.empty()) return std::string(kNotifiedAlready);
            JW_RETURN_IF_ERROR(c.Exec("UPDATE watch_order_units SET unit_id = ? WHERE order_id = ? AND unit_id = ?",
                                      {V(to), V(row), V(from)}));
        } else if (what != kNotifiedAlready) {
            return Status::Internal("checkpoint restructure participant: unknown kind " + what);
        }
        return what;
    }
};

}  // namespace

std::unique_ptr<units::Participant> MakeUnitParticipant() { return std::make_unique<CheckpointParticipant>(); }

}  // namespace jw::checkpoint

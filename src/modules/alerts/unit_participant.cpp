#include "alerts/unit_participant.hpp"

#include "storage/in_list.hpp"

namespace jw::alerts {
namespace {

using storage::V;

constexpr const char* kOpen = "open_alert_targets";
// The alert already targets the unit taking over: the old target row stays as it is (nothing to move back).
constexpr const char* kAlreadyThere = "open_alert_targets_already_there";

class AlertsParticipant : public units::Participant {
  public:
    std::string module() const override { return "alerts"; }

    Result<std::vector<units::Candidate>> Candidates(storage::Connection& c, const units::MoveContext& ctx) override {
        JW_ASSIGN_OR_RETURN(auto rows,
                            storage::QueryIn(c,
                                             "SELECT t.alert_id, t.unit_id FROM alert_targets t JOIN alerts a "
                                             "ON a.id = t.alert_id WHERE a.status = 'open' AND "
                                             "t.feedback_at IS NULL AND t.unit_id IN @IDS@",
                                             ctx.Sources()));
        std::vector<units::Candidate> out;
        for (const auto& r : rows) out.push_back({kOpen, r.Str(0), r.Int(1)});
        return out;
    }

    Result<std::vector<units::MoveCount>> Kept(storage::Connection& c, const units::MoveContext& ctx) override {
        storage::Params params;
        const std::string in = storage::InFilter(c.dialect(), "t.unit_id", ctx.Sources(), params);
        JW_ASSIGN_OR_RETURN(auto r,
                            c.QueryOne("SELECT COUNT(*) FROM alert_targets t JOIN alerts a ON a.id = t.alert_id "
                                       "WHERE (a.status <> 'open' OR t.feedback_at IS NOT NULL) AND " +
                                           in,
                                       params));
        return std::vector<units::MoveCount>{{"alerts", "closed_alert_targets", r.Int(0)}};
    }

    Result<std::string> Move(storage::Connection& c, const std::string& what, const std::string& row, int64_t from,
                             int64_t to) override {
        const int64_t alert = std::stoll(row);
        if (what == kAlreadyThere) return what;
        JW_ASSIGN_OR_RETURN(
            auto there, c.Query("SELECT 1 FROM alert_targets WHERE alert_id = ? AND unit_id = ?", {V(alert), V(to)}));
        if (!there.empty()) return std::string(kAlreadyThere);
        JW_RETURN_IF_ERROR(c.Exec("UPDATE alert_targets SET unit_id = ? WHERE alert_id = ? AND unit_id = ?",
                                  {V(to), V(alert), V(from)}));
        return what;
    }
};

}  // namespace

std::unique_ptr<units::Participant> MakeUnitParticipant() { return std::make_unique<AlertsParticipant>(); }

}  // namespace jw::alerts

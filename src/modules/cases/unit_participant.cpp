#include "cases/unit_participant.hpp"

#include "storage/in_list.hpp"

namespace jw::cases {
namespace {

using storage::V;

class CasesParticipant : public units::Participant {
  public:
    std::string module() const override { return "cases"; }

    Result<std::vector<units::Candidate>> Candidates(storage::Connection& c, const units::MoveContext& ctx) override {
        JW_ASSIGN_OR_RETURN(auto rows, storage::QueryIn(c,
                                                        "SELECT id, unit_id, lead_officer_id, state FROM cases WHERE "
                                                        "state <> 'closed' AND unit_id IN @IDS@",
                                                        ctx.Sources()));
        std::vector<units::Candidate> out;
        for (const auto& r : rows)
            out.push_back({r.Str(3) == "legal_review" ? "review_queue" : "open_cases", r.Str(0), r.Int(1), r.Int(2)});
        return out;
    }

    Result<std::vector<units::MoveCount>> Kept(storage::Connection& c, const units::MoveContext& ctx) override {
        std::vector<units::MoveCount> out;
        for (const auto& [what, sql] : {std::pair<const char*, const char*>{"closed_cases",
                                                                            "SELECT COUNT(*) FROM cases "
                                                                            "WHERE state = 'closed' AND "},
                                        {"supervision_letters", "SELECT COUNT(*) FROM supervision_letters WHERE "}}) {
            storage::Params params;
            const std::string in = storage::InFilter(c.dialect(), "unit_id", ctx.Sources(), params);
            JW_ASSIGN_OR_RETURN(auto r, c.QueryOne(std::string(sql) + in, params));
            out.push_back({"cases", what, r.Int(0)});
        }
        return out;
    }

    Result<std::string> Move(storage::Connection& c, const std::string& what, const std::string& row, int64_t from,
                             int64_t to) override {
        JW_RETURN_IF_ERROR(
            c.Exec("UPDATE cases SET unit_id = ? WHERE id = ? AND unit_id = ?", {V(to), V(row), V(from)}));
        return what;
    }
};

}  // namespace

std::unique_ptr<units::Participant> MakeUnitParticipant() { return std::make_unique<CasesParticipant>(); }

}  // namespace jw::cases

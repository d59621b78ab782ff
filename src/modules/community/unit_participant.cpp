#include "community/unit_participant.hpp"

#include <array>

#include "storage/in_list.hpp"

namespace jw::community {
namespace {

using storage::V;

// One kind of row that moves: its table, key, the officer it follows ("0" for none) and which rows are live.
struct Kind {
    const char* what;
    const char* table;
    const char* key;
    const char* officer;
    const char* live;  // SQL condition; "1 = 1" for every row
};

constexpr std::array<Kind, 6> kMoving = {{
    {"people", "community_people", "id", "0", "1 = 1"},
    {"houses", "community_houses", "id", "created_by", "1 = 1"},
    {"orgs", "community_orgs", "id", "created_by", "1 = 1"},
    {"grids", "community_grids", "code", "0", "1 = 1"},
    {"open_mediations", "community_mediations", "id", "created_by", "status <> 'closed'"},
    {"open_tasks", "community_tasks", "id", "COALESCE(assignee_id, 0)", "status = 'open'"},
}};

// History: kept where it was recorded.
struct KeptKind {
    const char* what;
    const char* table;
    const char* where;
};
constexpr std::array<KeptKind, 4> kKept = {{
    {"visits", "community_visits", "1 = 1"},
    {"patrols", "community_patrols", "1 = 1"},
    {"closed_mediations", "community_mediations", "status = 'closed'"},
    {"done_tasks", "community_tasks", "status <> 'open'"},
}};

const Kind* Find(const std::string& what) {
    for (const Kind& k : kMoving)
        if (what == k.what) return &k;
    return nullptr;
}

class CommunityParticipant : public units::Participant {
  public:
    std::string module() const override { return "community"; }

    Result<std::vector<units::Candidate>> Candidates(storage::Connection& c, const units::MoveContext& ctx) override {
        std::vector<units::Candidate> out;
        for (const Kind& k : kMoving) {
            JW_ASSIGN_OR_RETURN(auto rows, storage::QueryIn(c,
                                                            std::string("SELECT ") + k.key + ", unit_id, " + k.officer +
                                                                " FROM " + k.table + " WHERE " + k.live +
                                                                " AND unit_id IN @IDS@ ORDER BY " + k.key,
                                                            ctx.Sources()));
            for (const auto& r : rows) out.push_back({k.what, r.Str(0), r.Int(1), r.Int(2)});
        }
        return out;
    }

    Result<std::vector<units::MoveCount>> Kept(storage::Connection& c, const units::MoveContext& ctx) override {
        std::vector<units::MoveCount> out;
        for (const KeptKind& k : kKept) {
            storage::Params params;
            const std::string in = storage::InFilter(c.dialect(), "unit_id", ctx.Sources(), params);
            JW_ASSIGN_OR_RETURN(
                auto r, c.QueryOne(std::string("SELECT COUNT(*) FROM ") + k.table + " WHERE " + k.where + " AND " + in,
                                   params));
            out.push_back({"community", k.what, r.Int(0)});
        }
        return out;
    }

    Result<std::string> Move(storage::Connection& c, const std::string& what, const std::string& row, int64_t from,
                             int64_t to) override {
        const Kind* k = Find(what);
        if (k == nullptr) return Status::Invalid("what", "unknown");
        const std::string key = k->key;
        JW_RETURN_IF_ERROR(
            c.Exec(std::string("UPDATE ") + k->table + " SET unit_id = ? WHERE " + key + " = ? AND unit_id = ?",
                   {V(to), V(row), V(from)}));
        return what;
    }
};

}  // namespace

std::unique_ptr<units::Participant> MakeUnitParticipant() { return std::make_unique<CommunityParticipant>(); }

}  // namespace jw::community

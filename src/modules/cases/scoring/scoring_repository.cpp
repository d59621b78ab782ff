#include "cases/scoring/scoring_repository.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "common/csv.hpp"
#include "scoring/engine.hpp"
#include "storage/in_list.hpp"

namespace jw::cases::scoring {

using storage::V;

namespace {

// Runs `sql` (with storage::kIdsToken) over chunks of ids and passes each row to `fn`.
template <typename Fn>
Status ForIds(Connection& c, const std::string& sql, const std::vector<int64_t>& ids, Fn fn) {
    JW_ASSIGN_OR_RETURN(auto rows, storage::QueryIn(c, sql, ids));
    for (const auto& r : rows) fn(r);
    return Status::Ok();
}

}  // namespace

Result<std::vector<ScoringCase>> LoadScoringCases(Connection& c, std::optional<int64_t> officer_id,
                                                  const std::optional<std::vector<int64_t>>& unit_scope) {
    storage::Params params;
    std::string sql = "SELECT id, case_no, unit_id, lead_officer_id, closed_at FROM cases WHERE 1 = 1";
    if (officer_id) {
        sql += " AND lead_officer_id = ?";
        params.push_back(V(*officer_id));
    }
    if (unit_scope) sql += " AND " + storage::InFilter(c.dialect(), "unit_id", *unit_scope, params);
    auto rows = c.Query(sql + " ORDER BY id", params);
    if (!rows.ok()) return rows.status();
    std::vector<ScoringCase> out;
    std::map<int64_t, size_t> index;
    std::vector<int64_t> ids;
    for (const auto& r : *rows) {
        ScoringCase k;
        k.case_id = r.Int(0);
        k.case_no = r.Str(1);
        k.unit_id = r.Int(2);
        k.officer_id = r.Int(3);
        k.closed_at = r.Int(4);
        index[k.case_id] = out.size();
        ids.push_back(k.case_id);
        out.push_back(std::move(k));
    }
    JW_RETURN_IF_ERROR(ForIds(
        c, "SELECT case_id, action, at, recorded_at FROM case_events WHERE case_id IN @IDS@ ORDER BY case_id, seq", ids,
        [&](const storage::Row& r) {
            out[index[r.Int(0)]].events.push_back({r.Str(1), r.Int(2), r.Int(3)});
        }));
    std::map<int64_t, std::pair<int64_t, size_t>> review_pos;  // review id → (case id, position)
    JW_RETURN_IF_ERROR(
        ForIds(c, "SELECT id, case_id, opinion, at FROM case_reviews WHERE case_id IN @IDS@ ORDER BY case_id, round",
               ids, [&](const storage::Row& r) {
                   auto& reviews = out[index[r.Int(1)]].reviews;
                   review_pos[r.Int(0)] = {r.Int(1), reviews.size()};
                   reviews.push_back({r.Str(2), r.Int(3), {}});
               }));
    JW_RETURN_IF_ERROR(ForIds(c, "SELECT review_id, type FROM review_problems WHERE case_id IN @IDS@ ORDER BY id", ids,
                              [&](const storage::Row& r) {
                                  auto it = review_pos.find(r.Int(0));
                                  if (it == review_pos.end()) return;
                                  out[index[it->second.first]].reviews[it->second.second].problem_types.push_back(
                                      r.Str(1));
                              }));
    JW_RETURN_IF_ERROR(
        ForIds(c, "SELECT case_id, stage, clock, sent_at FROM supervision_reminders WHERE case_id IN @IDS@ ORDER BY id",
               ids, [&](const storage::Row& r) {
                   out[index[r.Int(0)]].supervision.push_back({r.Str(1), r.Str(2), r.Int(3)});
               }));
    return out;
}

Result<OfficerFile> LoadOfficerFile(Connection& c, int64_t officer_id, const ScoreRules& rules) {
    auto who = c.QueryOne(
        "SELECT u.id, u.name, u.police_no, u.unit_id, un.name FROM users u JOIN units un ON un.id = "
        "u.unit_id WHERE u.id = ?",
        {V(officer_id)});
    if (!who.ok()) return who.status().code() == ErrorCode::kNotFound ? Status::NotFound("officer") : who.status();
    OfficerFile f;
    f.officer_id = officer_id;
    f.name = who->Str(1);
    f.police_no = who->Str(2);
    f.unit_id = who->Int(3);
    f.unit_name = who->Str(4);
    auto rows = c.Query(
        "SELECT id, case_no, case_type, cause, state, unit_id, accepted_at, closed_at FROM cases WHERE "
        "lead_officer_id = ? ORDER BY accepted_at DESC, id DESC",
        {V(officer_id)});
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows)
        f.cases.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Int(5), r.Int(6), r.Int(7)});
    JW_ASSIGN_OR_RETURN(f.problems, review::ProblemsOfOfficer(c, officer_id, false));
    JW_ASSIGN_OR_RETURN(auto inputs, LoadScoringCases(c, officer_id, std::nullopt));
    for (const auto& k : inputs) {
        auto items = DeriveScoreItems(k, rules);
        f.items.insert(f.items.end(), items.begin(), items.end());
    }
    std::stable_sort(f.items.begin(), f.items.end(),
                     [](const ScoreItem& a, const ScoreItem& b) { return a.at < b.at; });
    f.months = MonthlyScores(f.items, rules);
    return f;
}

Result<Ranking> LoadRanking(Connection& c, const std::string& month,
                            const std::optional<std::vector<int64_t>>& unit_scope, const ScoreRules& rules) {
    JW_ASSIGN_OR_RETURN(auto inputs, LoadScoringCases(c, std::nullopt, unit_scope));
    std::vector<ScoreItem> items;
    std::vector<int64_t> officers;
    for (const auto& k : inputs) {
        if (std::find(officers.begin(), officers.end(), k.officer_id) == officers.end())
            officers.push_back(k.officer_id);
        for (auto& it : DeriveScoreItems(k, rules)) {
            if (it.month == month) items.push_back(std::move(it));
        }
    }
    std::map<int64_t, MonthlyScore> scores;
    for (const auto& s : MonthlyScores(items, rules)) scores[s.officer_id] = s;
    Ranking out;
    out.month = month;
    JW_RETURN_IF_ERROR(ForIds(c,
                              "SELECT u.id, u.name, u.police_no, u.unit_id, un.name FROM users u JOIN units un ON "
                              "un.id = u.unit_id WHERE u.id IN @IDS@",
                              officers, [&](const storage::Row& r) {
                                  RankedOfficer o{r.Int(0), r.Str(1), r.Str(2), r.Int(3), r.Str(4)};
                                  auto s = scores.find(o.officer_id);
                                  o.score = s == scores.end() ? rules.base() : s->second.score;
                                  if (s != scores.end()) {
                                      o.deducted = s->second.deducted;
                                      o.added = s->second.added;
                                      o.items = s->second.items;
                                  }
                                  out.officers.push_back(std::move(o));
                              }));
    // Ranks and station averages by the platform's engine (ADR 0036): equal scores and equal averages share a rank.
    std::sort(out.officers.begin(), out.officers.end(), [](const RankedOfficer& a, const RankedOfficer& b) {
        return a.score != b.score ? a.score > b.score : a.officer_id < b.officer_id;
    });
    std::vector<int> all;
    std::map<int64_t, std::vector<size_t>> of_unit;  // unit → positions, best first
    std::vector<::jw::scoring::MonthlyScore> for_units;
    std::map<int64_t, std::string> unit_names;
    for (size_t i = 0; i < out.officers.size(); ++i) {
        const auto& o = out.officers[i];
        all.push_back(o.score);
        of_unit[o.unit_id].push_back(i);
        ::jw::scoring::MonthlyScore m;
        m.officer_id = o.officer_id;
        m.unit_id = o.unit_id;
        m.score = o.score;
        for_units.push_back(std::move(m));
        unit_names[o.unit_id] = o.unit_name;
    }
    const auto ranks = ::jw::scoring::CompetitionRanks(all);
    for (size_t i = 0; i < out.officers.size(); ++i) out.officers[i].rank = ranks[i];
    for (const auto& [unit, positions] : of_unit) {
        std::vector<int> scores;
        for (size_t i : positions) scores.push_back(out.officers[i].score);
        const auto unit_ranks = ::jw::scoring::CompetitionRanks(scores);
        for (size_t k = 0; k < positions.size(); ++k) out.officers[positions[k]].unit_rank = unit_ranks[k];
    }
    for (const auto& u : ::jw::scoring::UnitTotals(for_units))
        out.units.push_back({u.unit_id, unit_names[u.unit_id], u.officers, u.average, u.rank});
    return out;
}

std::string RankingCsv(const Ranking& r) {
    std::string csv =
        "\xEF\xBB\xBF"
        "month,rank,unit_rank,police_no,name,unit,score,deducted,added,items\r\n";
    for (const auto& o : r.officers) {
        csv += CsvCell(r.month) + "," + std::to_string(o.rank) + "," + std::to_string(o.unit_rank) + "," +
               CsvCell(o.police_no) + "," + CsvCell(o.name) + "," + CsvCell(o.unit_name) + "," +
               std::to_string(o.score) + "," + std::to_string(o.deducted) + "," + std::to_string(o.added) + "," +
               std::to_string(o.items) + "\r\n";
    }
    return csv;
}

}  // namespace jw::cases::scoring

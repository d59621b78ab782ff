#include "assessment/assessment_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "common/json_util.hpp"

namespace jw::assessment {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedFiles();
}

namespace {

constexpr const char* kDefaultEffective = "2020-01";

bool InScope(const std::optional<std::vector<int64_t>>& scope, int64_t unit) {
    return !scope || std::find(scope->begin(), scope->end(), unit) != scope->end();
}

}  // namespace

const std::string& DefaultRulesCsv() {
    static const std::string csv = [] {
        for (const auto& [name, content] : data::EmbeddedFiles()) {
            if (name == "community_rules.csv") return std::string(content);
        }
        throw std::logic_error("community_rules.csv is not embedded");
    }();
    return csv;
}

Result<std::vector<scoring::Edition>> LoadEditions(Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, repo::ListEditions(c));
    std::vector<scoring::Edition> out;
    for (const auto& r : rows) {
        auto e = scoring::Edition::Parse(r.rules_csv, "community_rules.csv");
        if (!e.ok()) return Status::Internal("assessment edition " + std::to_string(r.version) + " does not parse");
        e->code = "community";
        e->version = r.version;
        e->effective_month = r.effective_month;
        out.push_back(std::move(*e));
    }
    return out;
}

Status EnsureDefaultEdition(Connection& tx, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, repo::ListEditions(tx));
    if (!rows.empty()) return Status::Ok();
    auto parsed = scoring::Edition::Parse(DefaultRulesCsv(), "community_rules.csv");
    if (!parsed.ok()) return parsed.status();
    return repo::InsertEdition(tx, {0, 0, kDefaultEffective, DefaultRulesCsv(), "shipped rules", 0, now}).status();
}

Result<int64_t> CreateEdition(Connection& tx, const std::string& effective_month, const std::string& rules_csv,
                              const std::string& note, int64_t by, int64_t now) {
    if (!scoring::IsMonth(effective_month)) return Status::Invalid("effective_month", "invalid_month");
    if (effective_month < scoring::MonthOf(now)) return Status::Invalid("effective_month", "in_the_past");
    auto parsed = scoring::Edition::Parse(rules_csv, "rules");
    if (!parsed.ok()) return parsed.status();
    return repo::InsertEdition(tx, {0, 0, effective_month, rules_csv, note, by, now});
}

std::vector<std::string> EventsOf(const std::string& action, const std::string& detail) {
    std::vector<std::string> out{action};
    if (detail.empty() || detail.front() != '{') return out;
    const Json d = Json::parse(detail, nullptr, false);
    if (!d.is_object()) return out;
    if (d.contains("replay") && d["replay"].is_boolean() && d["replay"].get<bool>()) return {};
    if (d.contains("action") && d["action"].is_string()) out.push_back(action + "/" + d["action"].get<std::string>());
    if (d.contains("late") && d["late"].is_boolean() && d["late"].get<bool>()) out.push_back(action + "/late");
    return out;
}

Result<ImportResult> ImportFromAudit(Connection& tx, int64_t now, int limit) {
    JW_ASSIGN_OR_RETURN(auto editions, LoadEditions(tx));
    std::set<std::string> action_set;
    for (const auto& e : editions) {
        for (const auto& r : e.rules()) {
            for (const auto& ev : r.events) action_set.insert(ev.substr(0, ev.find('/')));
        }
    }
    ImportResult out;
    JW_ASSIGN_OR_RETURN(out.from_id, repo::LastImported(tx));
    JW_ASSIGN_OR_RETURN(int64_t upto, repo::MaxAuditId(tx));
    out.to_id = upto;
    const std::vector<std::string> actions(action_set.begin(), action_set.end());
    JW_ASSIGN_OR_RETURN(auto rows, repo::AuditRowsAfter(tx, out.from_id, upto, actions, limit));
    if (static_cast<int>(rows.size()) == limit) out.to_id = rows.back().id;  // the rest next time
    std::map<std::string, int64_t> unit_by_code;
    for (const auto& a : rows) {
        const std::string month = scoring::MonthOf(a.at);
        const scoring::Edition* e = scoring::EditionFor(editions, month);
        if (e == nullptr) continue;
        for (const auto& ev : EventsOf(a.action, a.detail)) {
            const scoring::Rule* rule = e->ForEvent(ev);
            if (rule == nullptr) continue;
            auto [pos, fresh] = unit_by_code.try_emplace(a.unit_code, 0);
            if (fresh) {
                JW_ASSIGN_OR_RETURN(auto unit, repo::UnitIdByCode(tx, a.unit_code));
                pos->second = unit.value_or(0);
            }
            int64_t unit_id = pos->second;
            if (unit_id == 0) {
                JW_ASSIGN_OR_RETURN(unit_id, repo::UserUnit(tx, a.user_id));
            }
            repo::ItemRow item;
            item.officer_id = a.user_id;
            item.unit_id = unit_id;
            item.code = rule->code;
            item.at = a.at;
            item.month = month;
            item.audit_id = a.id;
            item.event = ev;
            item.object = a.object;
            JW_ASSIGN_OR_RETURN(bool inserted, repo::InsertItem(tx, item, now));
            if (inserted) ++out.items;
        }
    }
    JW_RETURN_IF_ERROR(repo::SetLastImported(tx, out.to_id));
    return out;
}

namespace {

int PointsOf(const std::vector<scoring::Edition>& editions, const repo::ItemRow& i) {
    const scoring::Edition* e = scoring::EditionFor(editions, i.month);
    const scoring::Rule* r = e ? e->Find(i.code) : nullptr;
    return r ? r->Signed() : 0;
}

scoring::Item EngineItem(const std::vector<scoring::Edition>& editions, const repo::ItemRow& i) {
    return {i.id,
            i.officer_id,
            i.unit_id,
            i.code,
            PointsOf(editions, i),
            i.at,
            i.audit_id ? "audit:" + std::to_string(*i.audit_id) : "item:" + std::to_string(i.id),
            i.month};
}

}  // namespace

Result<Results> Scores(Connection& c, const std::string& month, const std::optional<std::vector<int64_t>>& unit_scope) {
    JW_ASSIGN_OR_RETURN(auto editions, LoadEditions(c));
    JW_ASSIGN_OR_RETURN(auto rows, repo::Items(c, month, std::nullopt, unit_scope, /*with_appeals=*/false));
    std::vector<scoring::Item> items;
    for (const auto& r : rows) {
        if (r.voided_at == 0) items.push_back(EngineItem(editions, r));
    }
    Results out;
    out.month = month;
    if (const scoring::Edition* e = scoring::EditionFor(editions, month)) out.edition_version = e->version;
    const auto monthly = scoring::MonthlyScores(items, scoring::InForce(editions));
    std::vector<int64_t> user_ids, unit_ids;
    for (const auto& m : monthly) {
        user_ids.push_back(m.officer_id);
        unit_ids.push_back(m.unit_id);
    }
    JW_ASSIGN_OR_RETURN(auto users, repo::Users(c, user_ids));
    JW_ASSIGN_OR_RETURN(auto units, repo::UnitNames(c, unit_ids));
    std::map<int64_t, repo::Person> user_by_id;
    for (auto& u : users) user_by_id[u.id] = u;
    std::map<int64_t, std::string> unit_name(units.begin(), units.end());
    std::map<int64_t, std::vector<int>> unit_scores;
    for (const auto& r : scoring::Rank(monthly)) {
        OfficerScore o{r.score,
                       r.rank,
                       0,
                       user_by_id[r.score.officer_id].name,
                       user_by_id[r.score.officer_id].police_no,
                       unit_name[r.score.unit_id]};
        auto& in_unit = unit_scores[r.score.unit_id];
        in_unit.push_back(r.score.score);
        o.unit_rank = scoring::CompetitionRanks(in_unit).back();
        out.officers.push_back(std::move(o));
    }
    for (const auto& t : scoring::UnitTotals(monthly)) out.stations.push_back({t, unit_name[t.unit_id]});
    JW_ASSIGN_OR_RETURN(auto grid_officers, repo::GridOfficers(c));
    std::map<int64_t, int> score_of;
    for (const auto& m : monthly) score_of[m.officer_id] = m.score;
    std::map<std::string, GridScore> grids;
    for (const auto& g : grid_officers) {
        GridScore& s = grids[g.grid_code];
        s.grid_code = g.grid_code;
        s.grid_name = g.grid_name;
        ++s.officers;
        s.total += score_of.count(g.user_id) ? score_of[g.user_id] : 0;
    }
    for (auto& [code, g] : grids) {
        g.average = g.officers ? static_cast<double>(g.total) / g.officers : 0;
        out.grids.push_back(g);
    }
    std::sort(out.grids.begin(), out.grids.end(), [](const GridScore& a, const GridScore& b) {
        return a.average != b.average ? a.average > b.average : a.grid_code < b.grid_code;
    });
    std::vector<double> averages;
    for (const auto& g : out.grids) averages.push_back(g.average);
    const auto ranks = scoring::CompetitionRanks(averages);
    for (size_t i = 0; i < out.grids.size(); ++i) out.grids[i].rank = ranks[i];
    return out;
}

Result<std::vector<ItemView>> OfficerItems(Connection& c, int64_t officer_id, const std::string& month) {
    JW_ASSIGN_OR_RETURN(auto editions, LoadEditions(c));
    JW_ASSIGN_OR_RETURN(auto rows, repo::Items(c, month, officer_id, std::nullopt));
    std::vector<scoring::Item> live;
    for (const auto& r : rows) {
        if (r.voided_at == 0) live.push_back(EngineItem(editions, r));
    }
    std::map<int64_t, int> counted;
    for (const auto& ci : scoring::ApplyCaps(live, scoring::InForce(editions))) counted[ci.item.id] = ci.counted;
    const scoring::Edition* e = scoring::EditionFor(editions, month);
    std::vector<ItemView> out;
    for (const auto& r : rows) {
        ItemView v;
        v.row = r;
        const scoring::Rule* rule = e ? e->Find(r.code) : nullptr;
        if (rule) {
            v.name_zh = rule->name_zh;
            v.name_en = rule->name_en;
            v.basis = rule->basis;
        }
        v.points = r.voided_at ? 0 : PointsOf(editions, r);
        v.counted = r.voided_at ? 0 : counted[r.id];
        out.push_back(std::move(v));
    }
    return out;
}

Result<int64_t> FileAppeal(Connection& tx, int64_t officer_id, int64_t item_id, const std::string& reason,
                           int64_t now) {
    auto item = repo::GetItem(tx, item_id);
    if (!item.ok()) return item.status();
    if (item->officer_id != officer_id) return Status::NotFound("item");
    if (item->voided_at != 0) return Status::Conflict("voided");
    JW_ASSIGN_OR_RETURN(bool pending, repo::HasPendingAppeal(tx, item_id));
    if (pending) return Status::Conflict("pending");
    if (reason.empty()) return Status::Invalid("reason", "required");
    repo::AppealRow a;
    a.item_id = item_id;
    a.officer_id = officer_id;
    a.unit_id = item->unit_id;
    a.reason = reason;
    a.created_at = now;
    return repo::InsertAppeal(tx, a);
}

Result<repo::AppealRow> DecideAppeal(Connection& tx, int64_t leader_id,
                                     const std::optional<std::vector<int64_t>>& unit_scope, int64_t appeal_id,
                                     const std::string& outcome, const std::string& opinion, int64_t now) {
    if (outcome != "upheld" && outcome != "rejected") return Status::Invalid("outcome", "invalid_enum");
    auto a = repo::GetAppeal(tx, appeal_id);
    if (!a.ok()) return a.status();
    if (!InScope(unit_scope, a->unit_id)) return Status::NotFound("appeal");
    if (a->officer_id == leader_id) return Status::Denied("one's own appeal");
    if (a->status != "pending") return Status::Conflict("decided");
    JW_RETURN_IF_ERROR(repo::DecideAppeal(tx, appeal_id, outcome, opinion, leader_id, now));
    if (outcome == "upheld") JW_RETURN_IF_ERROR(repo::VoidItem(tx, a->item_id, now));
    return repo::GetAppeal(tx, appeal_id);
}

}  // namespace jw::assessment

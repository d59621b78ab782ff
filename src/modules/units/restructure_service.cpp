#include "units/restructure_service.hpp"

#include <algorithm>

#include "auth/auth_repository.hpp"
#include "auth/unit_moves.hpp"
#include "common/civil_time.hpp"
#include "units/history_repository.hpp"
#include "units/resolve.hpp"

namespace jw::units {
namespace {

Json Ref(const UnitAttrs& u) { return {{"id", u.id}, {"code", u.code}, {"name", u.name}, {"kind", u.kind}}; }

Json UnitsJson(const Resolved& r) {
    Json create = Json::array(), dissolve = Json::array(), rename = Json::array(), move = Json::array();
    for (const auto& u : r.creates) {
        UnitAttrs x = u;
        x.id = r.Id(u.code);
        create.push_back(Ref(x));
    }
    for (const auto& code : r.dissolve) dissolve.push_back(Ref(r.before.at(code)));
    for (const auto& [code, after] : r.updates) {
        const UnitAttrs& b = r.before.at(code);
        if (after.code != b.code || after.name != b.name)
            rename.push_back(
                {{"id", b.id}, {"code", b.code}, {"name", b.name}, {"new_code", after.code}, {"new_name", after.name}});
        if (after.parent_code != b.parent_code)
            move.push_back({{"id", b.id},
                            {"code", b.code},
                            {"name", b.name},
                            {"parent_id", b.parent_code.empty() ? Json() : Json(r.Id(b.parent_code))},
                            {"new_parent_id", after.parent_code.empty() ? Json() : Json(r.Id(after.parent_code))}});
    }
    return {{"create", create}, {"dissolve", dissolve}, {"rename", rename}, {"move", move}};
}

Json CountsJson(const std::vector<MoveCount>& counts) {
    Json out = Json::array();
    for (const auto& m : counts) out.push_back({{"module", m.module}, {"what", m.what}, {"count", m.count}});
    return out;
}

void AddCount(std::vector<MoveCount>& counts, const std::string& module, const std::string& what, int64_t n) {
    for (auto& m : counts)
        if (m.module == module && m.what == what) {
            m.count += n;
            return;
        }
    counts.push_back({module, what, n});
}

// Rows each participant would move and keep. `apply`: move them and journal each move under `restructure_id`.
Result<std::pair<std::vector<MoveCount>, std::vector<MoveCount>>> Participate(storage::Connection& c,
                                                                              const Participants& participants,
                                                                              const MoveContext& ctx,
                                                                              int64_t restructure_id) {
    std::vector<MoveCount> moves, kept;
    for (const auto& p : participants.list()) {
        JW_ASSIGN_OR_RETURN(auto k, p->Kept(c, ctx));
        for (const auto& m : k) AddCount(kept, p->module(), m.what, m.count);
        JW_ASSIGN_OR_RETURN(auto candidates, p->Candidates(c, ctx));
        for (const auto& row : candidates) {
            const int64_t to = row.to ? row.to : ctx.Target(row.unit_id, row.officer_id);
            if (to == row.unit_id) continue;
            AddCount(moves, p->module(), row.what, 1);
            if (!restructure_id) continue;
            JW_ASSIGN_OR_RETURN(std::string what, p->Move(c, row.what, row.row, row.unit_id, to));
            JW_RETURN_IF_ERROR(repo::RecordMove(c, restructure_id, {0, p->module(), what, row.row, row.unit_id, to}));
        }
    }
    return std::make_pair(std::move(moves), std::move(kept));
}

Json Summary(const Resolved& r, const std::vector<MoveCount>& moves, const std::vector<MoveCount>& kept, bool dry_run) {
    int64_t total = 0;
    for (const auto& m : moves) total += m.count;
    return {{"dry_run", dry_run},       {"title", r.plan.title}, {"effective_date", r.plan.effective_date},
            {"reason", r.plan.reason},  {"units", UnitsJson(r)}, {"moves", CountsJson(moves)},
            {"kept", CountsJson(kept)}, {"total_moved", total}};
}

std::optional<int64_t> ParentId(const Resolved& r, const std::string& code) {
    if (code.empty()) return std::nullopt;
    return r.Id(code);
}

Status CreateUnits(storage::Connection& tx, Resolved& r, int64_t id, int64_t now) {
    for (const auto& u : r.creates) {
        auth::Unit unit{0, u.code, u.name, u.kind, ParentId(r, u.parent_code), u.code.substr(0, 6), 0};
        auto inserted = auth::repo::InsertUnit(tx, unit, now);
        if (!inserted.ok())
            return inserted.status().code() == ErrorCode::kConflict ? Status::Invalid("operations", "code_exists")
                                                                    : inserted.status();
        r.ids[u.code] = *inserted;
        JW_RETURN_IF_ERROR(repo::RecordUnitChange(tx, id, {*inserted, "created", "", "", "", std::nullopt}));
        JW_RETURN_IF_ERROR(repo::OpenVersion(
            tx, {*inserted, u.code, u.name, u.kind, unit.parent_id, r.effective_at, std::nullopt, id}));
    }
    return Status::Ok();
}

Status ChangeUnits(storage::Connection& tx, const Resolved& r, int64_t id) {
    for (const auto& [code, after] : r.updates) {
        const UnitAttrs& b = r.before.at(code);
        JW_RETURN_IF_ERROR(repo::EnsureBaseline(tx, b.id));
        JW_RETURN_IF_ERROR(repo::CloseVersion(tx, b.id, r.effective_at, id));
        const auto parent = ParentId(r, after.parent_code);
        JW_RETURN_IF_ERROR(repo::OpenVersion(
            tx, {b.id, after.code, after.name, after.kind, parent, r.effective_at, std::nullopt, id}));
        JW_RETURN_IF_ERROR(
            repo::RecordUnitChange(tx, id, {b.id, "updated", b.code, b.name, b.kind, ParentId(r, b.parent_code)}));
        JW_RETURN_IF_ERROR(auth::repo::SetUnitStructure(tx, b.id, after.code, after.name, after.kind, parent));
    }
    for (const auto& code : r.dissolve) {
        const int64_t unit = r.Id(code);
        JW_RETURN_IF_ERROR(repo::EnsureBaseline(tx, unit));
        JW_RETURN_IF_ERROR(repo::CloseVersion(tx, unit, r.effective_at, id));
        // Hidden from every unit choice from now on: its officers and live work move in this transaction.
        JW_RETURN_IF_ERROR(auth::repo::SetUnitDissolved(tx, unit, r.effective_at));
    }
    for (const auto& [source, outcome] : r.parts)
        for (const auto& part : outcome)
            if (part != source)
                JW_RETURN_IF_ERROR(
                    repo::RecordSuccession(tx, id, r.Id(source), r.Id(part), r.unit_map.at(source) == part));
    return Status::Ok();
}

Json RestructureJson(const repo::RestructureRow& row, int64_t latest, int64_t now, bool with_plan) {
    Json j = Json::parse(row.summary_json, nullptr, false);
    if (!j.is_object()) j = Json::object();
    j["dry_run"] = false;
    j["id"] = row.id;
    j["status"] = row.status;
    j["title"] = row.title;
    j["effective_date"] = row.effective_date;
    j["reason"] = row.reason;
    j["created_by"] = row.created_by;
    j["created_by_name"] = row.created_by_name;
    j["created_at"] = FormatUtcIso(row.created_at);
    j["effective_at"] = FormatUtcIso(row.effective_at);
    j["undo_until"] = FormatUtcIso(row.effective_at);
    j["undoable"] = row.status == "applied" && now < row.effective_at && row.id == latest;
    j["undone_at"] = row.undone_at ? Json(FormatUtcIso(row.undone_at)) : Json();
    j["undone_by"] = row.undone_by ? Json(row.undone_by) : Json();
    j["undo_reason"] = row.undo_reason;
    if (with_plan) j["plan"] = Json::parse(row.plan_json, nullptr, false);
    return j;
}

// After an undo's history revert: a unit marked dissolved that has an open version again is live again. Read
// from the history rather than the undone plan, so units dissolved before units.dissolved_at existed (marked by
// the units/002 backfill) come back too.
Status ReviveUnits(storage::Connection& tx) {
    JW_ASSIGN_OR_RETURN(auto units, auth::repo::ListUnits(tx));
    JW_ASSIGN_OR_RETURN(auto dissolved, repo::DissolvedUnits(tx));
    for (const auto& u : units)
        if (u.dissolved_at && !dissolved.count(u.id)) JW_RETURN_IF_ERROR(auth::repo::SetUnitDissolved(tx, u.id, 0));
    return Status::Ok();
}

Status Refuse(const std::string& why) {
    // A detail code with words in the catalogue (error.conflict.restructure_<why>); the field says why for clients.
    return Status(ErrorCode::kConflict, "restructure_" + why, {{"restructure", why}});
}

}  // namespace

Result<Json> DryRun(storage::Connection& c, const Participants& participants, const Plan& plan, int64_t now) {
    JW_ASSIGN_OR_RETURN(Resolved r, ResolvePlan(c, plan));
    JW_ASSIGN_OR_RETURN(auto counts, Participate(c, participants, r.Context(now), 0));
    return Summary(r, counts.first, counts.second, true);
}

Result<Json> Apply(storage::Connection& tx, const Participants& participants, const Plan& plan, const Actor& actor,
                   int64_t now) {
    JW_ASSIGN_OR_RETURN(Resolved r, ResolvePlan(tx, plan));
    repo::RestructureRow row;
    row.title = plan.title;
    row.reason = plan.reason;
    row.effective_date = plan.effective_date;
    row.effective_at = r.effective_at;
    row.status = "applied";
    row.plan_json = PlanToJson(plan).dump();
    row.summary_json = "{}";
    row.created_by = actor.user_id;
    row.created_by_name = actor.name;
    row.created_at = now;
    JW_ASSIGN_OR_RETURN(row.id, repo::InsertRestructure(tx, row));
    JW_RETURN_IF_ERROR(CreateUnits(tx, r, row.id, now));
    JW_RETURN_IF_ERROR(ChangeUnits(tx, r, row.id));
    JW_ASSIGN_OR_RETURN(auto counts, Participate(tx, participants, r.Context(now), row.id));
    row.summary_json = Summary(r, counts.first, counts.second, false).dump();
    JW_RETURN_IF_ERROR(repo::SetSummary(tx, row.id, row.summary_json));
    return RestructureJson(row, row.id, now, true);
}

Result<Json> Undo(storage::Connection& tx, const Participants& participants, int64_t id, const Actor& actor,
                  const std::string& reason, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto row, repo::GetRestructure(tx, id));
    if (row.status != "applied") return Refuse("already_undone");
    if (now >= row.effective_at) return Refuse("effective_date_reached");
    JW_ASSIGN_OR_RETURN(int64_t latest, repo::LatestApplied(tx));
    if (latest != id) return Refuse("later_restructure_applied");
    JW_ASSIGN_OR_RETURN(auto journal, repo::Journal(tx, id));
    for (auto it = journal.rbegin(); it != journal.rend(); ++it) {
        Participant* p = participants.Find(it->module);
        if (!p) return Status(ErrorCode::kInternal, "no restructure participant for module " + it->module);
        JW_RETURN_IF_ERROR(p->Move(tx, it->what, it->row, it->to_unit, it->from_unit).status());
    }
    JW_ASSIGN_OR_RETURN(auto changes, repo::UnitChanges(tx, id));
    for (const auto& u : changes)
        if (u.change == "updated")
            JW_RETURN_IF_ERROR(auth::repo::SetUnitStructure(tx, u.unit_id, u.code, u.name, u.kind, u.parent_id));
    JW_RETURN_IF_ERROR(repo::RevertHistory(tx, id));
    JW_RETURN_IF_ERROR(ReviveUnits(tx));
    for (const auto& u : changes) {
        if (u.change != "created") continue;
        Status s = auth::repo::DeleteUnit(tx, u.unit_id);
        if (s.code() == ErrorCode::kConflict) return Refuse("new_unit_in_use");
        JW_RETURN_IF_ERROR(s);
    }
    JW_RETURN_IF_ERROR(repo::MarkUndone(tx, id, now, actor.user_id, reason));
    JW_ASSIGN_OR_RETURN(row, repo::GetRestructure(tx, id));
    return RestructureJson(row, 0, now, true);
}

Result<Json> GetRestructure(storage::Connection& c, int64_t id, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto row, repo::GetRestructure(c, id));
    JW_ASSIGN_OR_RETURN(int64_t latest, repo::LatestApplied(c));
    return RestructureJson(row, latest, now, true);
}

Result<Json> ListRestructures(storage::Connection& c, int page, int page_size, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, repo::ListRestructures(c, page, page_size));
    JW_ASSIGN_OR_RETURN(int64_t latest, repo::LatestApplied(c));
    Json items = Json::array();
    for (const auto& row : rows.first) items.push_back(RestructureJson(row, latest, now, false));
    return Json{{"items", items}, {"total", rows.second}};
}

}  // namespace jw::units

#include "units/history_repository.hpp"

namespace jw::units::repo {

using storage::Null;
using storage::V;

namespace {

constexpr const char* kVersionCols = "unit_id, code, name, kind, parent_id, valid_from, valid_to, opened_by";

UnitVersion VersionFrom(const storage::Row& r) {
    UnitVersion v;
    v.unit_id = r.Int(0);
    v.code = r.Str(1);
    v.name = r.Str(2);
    v.kind = r.Str(3);
    if (!r.IsNull(4)) v.parent_id = r.Int(4);
    v.valid_from = r.Int(5);
    if (!r.IsNull(6)) v.valid_to = r.Int(6);
    if (!r.IsNull(7)) v.restructure_id = r.Int(7);
    return v;
}

constexpr const char* kRestructureCols =
    "id, title, reason, effective_date, status, plan_json, summary_json, created_by_name, undo_reason, effective_at, "
    "created_by, created_at, undone_at, undone_by";

RestructureRow RestructureFrom(const storage::Row& r) {
    RestructureRow x;
    x.id = r.Int(0);
    x.title = r.Str(1);
    x.reason = r.Str(2);
    x.effective_date = r.Str(3);
    x.status = r.Str(4);
    x.plan_json = r.Str(5);
    x.summary_json = r.Str(6);
    x.created_by_name = r.Str(7);
    x.undo_reason = r.Str(8);
    x.effective_at = r.Int(9);
    x.created_by = r.Int(10);
    x.created_at = r.Int(11);
    x.undone_at = r.Int(12);
    x.undone_by = r.Int(13);
    return x;
}

}  // namespace

Result<std::vector<UnitVersion>> AllVersions(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string("SELECT ") + kVersionCols +
                                " FROM unit_history UNION ALL SELECT id, code, name, kind, parent_id, 0, NULL, NULL "
                                "FROM units u WHERE NOT EXISTS (SELECT 1 FROM unit_history h WHERE h.unit_id = u.id) "
                                "ORDER BY 1, 6"));
    std::vector<UnitVersion> out;
    for (const auto& r : rows) out.push_back(VersionFrom(r));
    return out;
}

Result<std::vector<UnitVersion>> VersionsOf(storage::Connection& c, int64_t unit_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kVersionCols +
                                               " FROM unit_history WHERE unit_id = ? ORDER BY valid_from, id",
                                           {V(unit_id)}));
    std::vector<UnitVersion> out;
    for (const auto& r : rows) out.push_back(VersionFrom(r));
    if (!out.empty()) return out;
    auto u = c.QueryOne("SELECT id, code, name, kind, parent_id, 0, NULL, NULL FROM units WHERE id = ?", {V(unit_id)});
    if (!u.ok()) return u.status().code() == ErrorCode::kNotFound ? Status::NotFound("unit") : u.status();
    out.push_back(VersionFrom(*u));
    return out;
}

Result<std::set<int64_t>> DissolvedUnits(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT unit_id FROM unit_history GROUP BY unit_id "
                                           "HAVING SUM(CASE WHEN valid_to IS NULL THEN 1 ELSE 0 END) = 0"));
    std::set<int64_t> out;
    for (const auto& r : rows) out.insert(r.Int(0));
    return out;
}

Status EnsureBaseline(storage::Connection& c, int64_t unit_id) {
    return c.Exec(
        "INSERT INTO unit_history (unit_id, code, name, kind, parent_id, valid_from, valid_to, opened_by, closed_by) "
        "SELECT id, code, name, kind, parent_id, 0, NULL, NULL, NULL FROM units u WHERE id = ? AND NOT EXISTS "
        "(SELECT 1 FROM unit_history h WHERE h.unit_id = u.id)",
        {V(unit_id)});
}

Status CloseVersion(storage::Connection& c, int64_t unit_id, int64_t at, int64_t by) {
    return c.Exec("UPDATE unit_history SET valid_to = ?, closed_by = ? WHERE unit_id = ? AND valid_to IS NULL",
                  {V(at), V(by), V(unit_id)});
}

Status OpenVersion(storage::Connection& c, const UnitVersion& v) {
    return c.Exec(
        "INSERT INTO unit_history (unit_id, code, name, kind, parent_id, valid_from, valid_to, opened_by, closed_by) "
        "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL)",
        {V(v.unit_id), V(v.code), V(v.name), V(v.kind), v.parent_id ? V(*v.parent_id) : Null(), V(v.valid_from),
         v.restructure_id ? V(*v.restructure_id) : Null()});
}

Result<int64_t> InsertRestructure(storage::Connection& c, const RestructureRow& r) {
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne("INSERT INTO unit_restructures (title, reason, effective_date, effective_at, "
                   "status, plan_json, summary_json, created_by, created_by_name, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {V(r.title), V(r.reason), V(r.effective_date), V(r.effective_at), V(r.status), V(r.plan_json),
                    V(r.summary_json), V(r.created_by), V(r.created_by_name), V(r.created_at)}));
    return row.Int(0);
}

Status SetSummary(storage::Connection& c, int64_t id, const std::string& summary_json) {
    return c.Exec("UPDATE unit_restructures SET summary_json = ? WHERE id = ?", {V(summary_json), V(id)});
}

Result<RestructureRow> GetRestructure(storage::Connection& c, int64_t id) {
    auto r = c.QueryOne(std::string("SELECT ") + kRestructureCols + " FROM unit_restructures WHERE id = ?", {V(id)});
    if (!r.ok()) return r.status().code() == ErrorCode::kNotFound ? Status::NotFound("restructure") : r.status();
    return RestructureFrom(*r);
}

Result<std::pair<std::vector<RestructureRow>, int64_t>> ListRestructures(storage::Connection& c, int page,
                                                                         int page_size) {
    JW_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM unit_restructures"));
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kRestructureCols +
                                               " FROM unit_restructures ORDER BY id DESC LIMIT ? OFFSET ?",
                                           {V(page_size), V(static_cast<int64_t>(page - 1) * page_size)}));
    std::vector<RestructureRow> out;
    for (const auto& r : rows) out.push_back(RestructureFrom(r));
    return std::make_pair(std::move(out), total.Int(0));
}

Result<int64_t> LatestApplied(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto r,
                        c.QueryOne("SELECT COALESCE(MAX(id), 0) FROM unit_restructures WHERE status = 'applied'"));
    return r.Int(0);
}

Status MarkUndone(storage::Connection& c, int64_t id, int64_t at, int64_t by, const std::string& reason) {
    return c.Exec(
        "UPDATE unit_restructures SET status = 'undone', undone_at = ?, undone_by = ?, undo_reason = ? "
        "WHERE id = ?",
        {V(at), V(by), V(reason), V(id)});
}

Status RecordUnitChange(storage::Connection& c, int64_t restructure_id, const UnitChangeRow& b) {
    return c.Exec(
        "INSERT INTO unit_restructure_units (restructure_id, unit_id, change, before_code, before_name, "
        "before_kind, before_parent_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {V(restructure_id), V(b.unit_id), V(b.change), V(b.code), V(b.name), V(b.kind),
         b.parent_id ? V(*b.parent_id) : Null()});
}

Result<std::vector<UnitChangeRow>> UnitChanges(storage::Connection& c, int64_t restructure_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT unit_id, change, before_code, before_name, before_kind, "
                                           "before_parent_id FROM unit_restructure_units WHERE restructure_id = ? "
                                           "ORDER BY unit_id DESC",
                                           {V(restructure_id)}));
    std::vector<UnitChangeRow> out;
    for (const auto& r : rows) {
        UnitChangeRow u{r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), std::nullopt};
        if (!r.IsNull(5)) u.parent_id = r.Int(5);
        out.push_back(std::move(u));
    }
    return out;
}

Status RecordSuccession(storage::Connection& c, int64_t restructure_id, int64_t from, int64_t to, bool is_default) {
    return c.Exec(
        "INSERT INTO unit_successions (restructure_id, from_unit_id, to_unit_id, is_default) VALUES (?, ?, ?, ?)",
        {V(restructure_id), V(from), V(to), V(is_default)});
}

Result<std::vector<Succession>> Successions(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT s.restructure_id, s.from_unit_id, s.to_unit_id, r.effective_at, "
                                "s.is_default FROM unit_successions s JOIN unit_restructures r ON "
                                "r.id = s.restructure_id WHERE r.status = 'applied' ORDER BY r.effective_at, "
                                "s.restructure_id"));
    std::vector<Succession> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Bool(4)});
    return out;
}

Status RecordMove(storage::Connection& c, int64_t restructure_id, const JournalRow& m) {
    return c.Exec(
        "INSERT INTO unit_restructure_moves (restructure_id, module, what, row_key, from_unit_id, to_unit_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {V(restructure_id), V(m.module), V(m.what), V(m.row), V(m.from_unit), V(m.to_unit)});
}

Result<std::vector<JournalRow>> Journal(storage::Connection& c, int64_t restructure_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, module, what, row_key, from_unit_id, to_unit_id FROM "
                                           "unit_restructure_moves WHERE restructure_id = ? ORDER BY id",
                                           {V(restructure_id)}));
    std::vector<JournalRow> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.Int(4), r.Int(5)});
    return out;
}

Result<int64_t> StructureGeneration(storage::Connection& c) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) + COALESCE(SUM(CASE WHEN status = 'undone' THEN 1 ELSE 0 "
                                             "END), 0) FROM unit_restructures"));
    return row.Int(0);
}

Status RevertHistory(storage::Connection& c, int64_t restructure_id) {
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM unit_successions WHERE restructure_id = ?", {V(restructure_id)}));
    JW_RETURN_IF_ERROR(c.Exec("DELETE FROM unit_history WHERE opened_by = ?", {V(restructure_id)}));
    return c.Exec("UPDATE unit_history SET valid_to = NULL, closed_by = NULL WHERE closed_by = ?", {V(restructure_id)});
}

}  // namespace jw::units::repo

// SQL of the person watch list (personwatch_repository.hpp).
#include "personwatch/personwatch_repository.hpp"

#include <cstdio>
#include <set>

#include "personwatch/personwatch_keys.hpp"
#include "storage/in_list.hpp"

namespace jw::personwatch {
namespace {

using storage::V;

const char* kEntryColumns =
    "SELECT e.id, e.kind, e.id_kind, e.nationality, e.id_number, e.name, e.birth_date, e.sex, e.photo_media_id, "
    "e.person_id, e.case_no, e.reason, e.instruction, e.applicant_id, COALESCE(ua.name, ''), e.unit_id, "
    "COALESCE(un.name, ''), e.approver_id, COALESCE(up.name, ''), e.approved_at, e.valid_from, e.valid_to, "
    "e.priority, e.colour, e.status, e.version, e.created_at, e.updated_at "
    "FROM personwatch_entries e LEFT JOIN users ua ON ua.id = e.applicant_id "
    "LEFT JOIN units un ON un.id = e.unit_id LEFT JOIN users up ON up.id = e.approver_id";

std::optional<int64_t> OptInt(const storage::Row& r, size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

std::optional<double> OptDouble(const storage::Row& r, size_t i) {
    if (r.IsNull(i)) return std::nullopt;
    try {
        return std::stod(r.Str(i));
    } catch (...) {
        return std::nullopt;
    }
}

storage::Value Coordinate(const std::optional<double>& v) {
    if (!v) return storage::Null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7f", *v);
    return V(std::string(buf));
}

Result<Entry> EntryFromRow(const storage::Row& r) {
    Entry e;
    e.id = r.Int(0);
    e.kind = r.Str(1);
    e.id_kind = r.Str(2);
    e.nationality = r.Str(3);
    JW_ASSIGN_OR_RETURN(e.id_number, Sealer().Open(r.Str(4)));
    JW_ASSIGN_OR_RETURN(e.name, Sealer().Open(r.Str(5)));
    JW_ASSIGN_OR_RETURN(e.birth_date, Sealer().Open(r.Str(6)));
    e.sex = r.Str(7);
    if (!r.IsNull(8)) e.photo_media_id = r.Str(8);
    e.person_id = OptInt(r, 9);
    e.case_no = r.Str(10);
    e.reason = r.Str(11);
    e.instruction = r.Str(12);
    e.applicant_id = r.Int(13);
    e.applicant_name = r.Str(14);
    e.unit_id = r.Int(15);
    e.unit_name = r.Str(16);
    e.approver_id = OptInt(r, 17);
    e.approver_name = r.Str(18);
    e.approved_at = OptInt(r, 19);
    e.valid_from = r.Int(20);
    e.valid_to = r.Int(21);
    e.priority = static_cast<int>(r.Int(22));
    e.colour = r.Str(23);
    e.status = r.Str(24);
    e.version = r.Int(25);
    e.created_at = r.Int(26);
    e.updated_at = r.Int(27);
    return e;
}

// " AND (e.unit_id IN (…) OR a notified unit IN (…))"; no ids → no entry.
void AddScope(storage::Dialect dialect, std::string& sql, storage::Params& params, const std::vector<int64_t>& ids) {
    sql += " AND (" + storage::InFilter(dialect, "e.unit_id", ids, params) +
           " OR EXISTS (SELECT 1 FROM personwatch_entry_units s WHERE s.entry_id = e.id AND ";
    sql += storage::InFilter(dialect, "s.unit_id", ids, params) + "))";
}

Status FillUnits(storage::Connection& c, Entry& e) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT s.unit_id, u.name FROM personwatch_entry_units s JOIN units u ON "
                                           "u.id = s.unit_id WHERE s.entry_id = ? ORDER BY u.sort_order, u.id",
                                           {V(e.id)}));
    for (const auto& r : rows) {
        e.notify_units.push_back(r.Int(0));
        e.notify_unit_names.push_back(r.Str(1));
    }
    return Status::Ok();
}

}  // namespace

Result<std::pair<std::vector<Entry>, int64_t>> ListEntries(storage::Connection& c, const EntryFilter& f) {
    std::string where = " WHERE 1=1";
    storage::Params params;
    if (!f.status.empty()) {
        where += " AND e.status = ?";
        params.push_back(V(f.status));
    }
    if (!f.kind.empty()) {
        where += " AND e.kind = ?";
        params.push_back(V(f.kind));
    }
    if (!f.case_no.empty()) {
        where += " AND e.case_no = ?";
        params.push_back(V(f.case_no));
    }
    if (!f.id_index.empty()) {
        where += " AND e.id_index = ?";
        params.push_back(V(f.id_index));
    }
    if (f.unit_id) {
        where +=
            " AND (e.unit_id = ? OR EXISTS (SELECT 1 FROM personwatch_entry_units s WHERE s.entry_id = e.id "
            "AND s.unit_id = ?))";
        params.push_back(V(*f.unit_id));
        params.push_back(V(*f.unit_id));
    }
    if (f.unit_scope) AddScope(c.dialect(), where, params, *f.unit_scope);
    JW_ASSIGN_OR_RETURN(auto count, c.QueryOne("SELECT COUNT(*) FROM personwatch_entries e" + where, params));
    storage::Params paged = params;
    paged.push_back(V(int64_t{f.page_size}));
    paged.push_back(V((f.page - 1) * int64_t{f.page_size}));
    JW_ASSIGN_OR_RETURN(auto rows,
                        c.Query(std::string(kEntryColumns) + where + " ORDER BY e.id DESC LIMIT ? OFFSET ?", paged));
    std::vector<Entry> out;
    for (const auto& r : rows) {
        JW_ASSIGN_OR_RETURN(Entry e, EntryFromRow(r));
        JW_RETURN_IF_ERROR(FillUnits(c, e));
        out.push_back(std::move(e));
    }
    return std::make_pair(std::move(out), count.Int(0));
}

Result<Entry> GetEntry(storage::Connection& c, int64_t id, const std::optional<std::vector<int64_t>>& unit_scope) {
    std::string sql = std::string(kEntryColumns) + " WHERE e.id = ?";
    storage::Params params{V(id)};
    if (unit_scope) AddScope(c.dialect(), sql, params, *unit_scope);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
    if (rows.empty()) return Status::NotFound("person watch entry");
    JW_ASSIGN_OR_RETURN(Entry e, EntryFromRow(rows[0]));
    JW_RETURN_IF_ERROR(FillUnits(c, e));
    return e;
}

Result<std::vector<EntryEvent>> ListEvents(storage::Connection& c, int64_t entry_id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT v.id, v.at, v.user_id, COALESCE(u.name, ''), v.action, v.reason, "
                                           "v.detail FROM personwatch_events v LEFT JOIN users u ON u.id = v.user_id "
                                           "WHERE v.entry_id = ? ORDER BY v.id",
                                           {V(entry_id)}));
    std::vector<EntryEvent> out;
    for (const auto& r : rows)
        out.push_back(EntryEvent{r.Int(0), r.Int(1), OptInt(r, 2), r.Str(3), r.Str(4), r.Str(5), r.Str(6)});
    return out;
}

Result<int64_t> InsertEntry(storage::Connection& c, const NewEntry& n, int64_t now) {
    const Entry& e = n.entry;
    const FieldSealer& s = Sealer();
    JW_ASSIGN_OR_RETURN(
        auto row,
        c.QueryOne(
            "INSERT INTO personwatch_entries (kind, id_kind, nationality, id_number, id_index, name, birth_date, "
            "sex, name_birth_index, photo_media_id, person_id, case_no, reason, instruction, applicant_id, "
            "unit_id, valid_from, valid_to, priority, colour, status, version, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'pending',1,?,?) RETURNING id",
            {V(e.kind),
             V(e.id_kind),
             V(e.nationality),
             V(s.Seal(e.id_number)),
             V(n.id_index),
             V(s.Seal(e.name)),
             V(s.Seal(e.birth_date)),
             V(e.sex),
             V(n.name_birth_index),
             V(e.photo_media_id),
             e.person_id ? V(*e.person_id) : storage::Null(),
             V(e.case_no),
             V(e.reason),
             V(e.instruction),
             V(e.applicant_id),
             V(e.unit_id),
             V(e.valid_from),
             V(e.valid_to),
             V(e.priority),
             V(e.colour),
             V(now),
             V(now)}));
    const int64_t id = row.Int(0);
    const std::set<int64_t> units(e.notify_units.begin(), e.notify_units.end());
    for (int64_t u : units)
        JW_RETURN_IF_ERROR(
            c.Exec("INSERT INTO personwatch_entry_units (entry_id, unit_id) VALUES (?,?)", {V(id), V(u)}));
    return id;
}

Status InsertEvent(storage::Connection& c, int64_t entry_id, int64_t at, std::optional<int64_t> user,
                   const std::string& action, const std::string& reason, const std::string& detail) {
    return c.Exec("INSERT INTO personwatch_events (entry_id, at, user_id, action, reason, detail) VALUES (?,?,?,?,?,?)",
                  {V(entry_id), V(at), user ? V(*user) : storage::Null(), V(action), V(reason), V(detail)});
}

Result<std::optional<watchlist::Head>> LoadHead(storage::Connection& c, int64_t id) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT applicant_id, status, version, valid_to FROM personwatch_entries "
                                           "WHERE id = ?",
                                           {V(id)}));
    if (rows.empty()) return std::optional<watchlist::Head>();
    return std::optional<watchlist::Head>(
        watchlist::Head{rows[0].Int(0), rows[0].Str(1), rows[0].Int(2), rows[0].Int(3)});
}

Status SetStatus(storage::Connection& c, int64_t id, const std::string& status, int64_t now) {
    return c.Exec("UPDATE personwatch_entries SET status = ?, version = version + 1, updated_at = ? WHERE id = ?",
                  {V(status), V(now), V(id)});
}

Status MarkDecided(storage::Connection& c, int64_t id, const std::string& status, int64_t approver, int64_t now) {
    return c.Exec(
        "UPDATE personwatch_entries SET status = ?, approver_id = ?, approved_at = ?, version = version + 1, "
        "updated_at = ? WHERE id = ?",
        {V(status), V(approver), status == "active" ? V(now) : storage::Null(), V(now), V(id)});
}

Result<std::vector<int64_t>> ListDueIds(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM personwatch_entries WHERE status IN ('pending', 'active') "
                                           "AND valid_to <= ? ORDER BY id",
                                           {V(now)}));
    std::vector<int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

Result<std::optional<int64_t>> FindOpenEntry(storage::Connection& c, const std::string& kind,
                                             const std::string& id_index) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM personwatch_entries WHERE id_index = ? AND kind = ? AND "
                                           "status IN ('pending', 'active') ORDER BY id LIMIT 1",
                                           {V(id_index), V(kind)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Result<std::vector<ActiveEntry>> FindActive(storage::Connection& c, const std::string& index, bool by_name_birth,
                                            int64_t now) {
    const std::string column = by_name_birth ? "name_birth_index" : "id_index";
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, kind, name, case_no, instruction, colour, priority FROM "
                                           "personwatch_entries WHERE " +
                                               column +
                                               " = ? AND status = 'active' AND valid_from <= ? AND valid_to > ? "
                                               "ORDER BY priority, id",
                                           {V(index), V(now), V(now)}));
    std::vector<ActiveEntry> out;
    for (const auto& r : rows) {
        ActiveEntry a;
        a.id = r.Int(0);
        a.kind = r.Str(1);
        JW_ASSIGN_OR_RETURN(a.name, Sealer().Open(r.Str(2)));
        a.case_no = r.Str(3);
        a.instruction = r.Str(4);
        a.colour = r.Str(5);
        a.priority = static_cast<int>(r.Int(6));
        JW_ASSIGN_OR_RETURN(
            auto units,
            c.Query("SELECT unit_id FROM personwatch_entry_units WHERE entry_id = ? ORDER BY unit_id", {V(a.id)}));
        for (const auto& u : units) a.units.push_back(u.Int(0));
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::vector<OfflineRow>> ListActiveDocuments(storage::Connection& c, const std::vector<std::string>& kinds,
                                                    int64_t now) {
    storage::Params params{V(now), V(now)};
    const std::string in = storage::InFilter(c.dialect(), "kind", kinds, params);
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id_kind, nationality, id_number FROM personwatch_entries WHERE "
                                           "status = 'active' AND valid_from <= ? AND valid_to > ? AND " +
                                               in + " ORDER BY id",
                                           params));
    std::vector<OfflineRow> out;
    for (const auto& r : rows) {
        OfflineRow o{r.Str(0), r.Str(1), ""};
        JW_ASSIGN_OR_RETURN(o.id_number, Sealer().Open(r.Str(2)));
        out.push_back(std::move(o));
    }
    return out;
}

Result<std::pair<int64_t, int64_t>> ActiveStamp(storage::Connection& c, int64_t now) {
    JW_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COALESCE(MAX(updated_at), 0), COUNT(*) FROM personwatch_entries "
                                             "WHERE status = 'active' AND valid_from <= ? AND valid_to > ?",
                                             {V(now), V(now)}));
    return std::make_pair(row.Int(0), row.Int(1));
}

Result<std::optional<int64_t>> FindHitAlert(storage::Connection& c, int64_t entry_id, const std::string& source,
                                            const std::string& event_ref) {
    JW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT COALESCE(alert_id, 0) FROM personwatch_hits WHERE entry_id = ? AND "
                                           "source = ? AND event_ref = ?",
                                           {V(entry_id), V(source), V(event_ref)}));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
}

Status InsertHit(storage::Connection& c, const HitRow& h) {
    auto opt = [](const std::optional<int64_t>& v) { return v ? V(*v) : storage::Null(); };
    return c.Exec(
        "INSERT INTO personwatch_hits (entry_id, source, event_ref, alert_id, checked_by, station_unit_id, "
        "latitude, longitude, place, checked_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        {V(h.entry_id), V(h.source), V(h.event_ref), opt(h.alert_id), opt(h.checked_by), opt(h.station_unit_id),
         Coordinate(h.latitude), Coordinate(h.longitude), V(h.place), V(h.checked_at)});
}

Result<std::pair<std::vector<HitRow>, int64_t>> ListHits(storage::Connection& c, const HitFilter& f) {
    std::string where = " WHERE 1=1";
    storage::Params params;
    if (f.entry_id) {
        where += " AND h.entry_id = ?";
        params.push_back(V(*f.entry_id));
    }
    if (f.unit_scope) AddScope(c.dialect(), where, params, *f.unit_scope);
    const std::string from = " FROM personwatch_hits h JOIN personwatch_entries e ON e.id = h.entry_id";
    JW_ASSIGN_OR_RETURN(auto count, c.QueryOne("SELECT COUNT(*)" + from + where, params));
    storage::Params paged = params;
    paged.push_back(V(int64_t{f.page_size}));
    paged.push_back(V((f.page - 1) * int64_t{f.page_size}));
    JW_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("SELECT h.id, h.entry_id, h.source, h.event_ref, h.alert_id, h.checked_by, COALESCE(u.name, ''), "
                "h.station_unit_id, COALESCE(st.name, ''), h.place, h.latitude, h.longitude, h.checked_at, e.kind, "
                "e.case_no, e.colour" +
                    from + " LEFT JOIN users u ON u.id = h.checked_by LEFT JOIN units st ON st.id = h.station_unit_id" +
                    where + " ORDER BY h.checked_at DESC, h.id DESC LIMIT ? OFFSET ?",
                paged));
    std::vector<HitRow> out;
    for (const auto& r : rows) {
        HitRow h;
        h.id = r.Int(0);
        h.entry_id = r.Int(1);
        h.source = r.Str(2);
        h.event_ref = r.Str(3);
        h.alert_id = OptInt(r, 4);
        h.checked_by = OptInt(r, 5);
        h.checked_by_name = r.Str(6);
        h.station_unit_id = OptInt(r, 7);
        h.station_name = r.Str(8);
        h.place = r.Str(9);
        h.latitude = OptDouble(r, 10);
        h.longitude = OptDouble(r, 11);
        h.checked_at = r.Int(12);
        h.kind = r.Str(13);
        h.case_no = r.Str(14);
        h.colour = r.Str(15);
        out.push_back(std::move(h));
    }
    return std::make_pair(std::move(out), count.Int(0));
}

}  // namespace jw::personwatch

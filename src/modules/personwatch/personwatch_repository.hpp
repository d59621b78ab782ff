#pragma once
// All SQL of the person watch list (schema/001_personwatch.sql) for SQLite and PostgreSQL, on the caller's
// connection; writes run inside the caller's transaction. Personal fields are sealed here on the way in and opened
// on the way out (personwatch_keys.hpp), so the structs above this layer hold them in the clear. No rules: the
// service decides. Data scope: with `unit_scope` set, only entries whose applying unit or one of whose notified
// units is in the scope are seen.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "personwatch/entry.hpp"
#include "storage/database.hpp"
#include "watchlist/lifecycle.hpp"

namespace jw::personwatch {

struct EntryFilter {
    std::string status;  // "" = all
    std::string kind;    // "" = all
    std::string case_no;
    std::optional<int64_t> unit_id;  // applying or notified
    std::string id_index;            // a search by document (blind index), "" = none
    std::optional<std::vector<int64_t>> unit_scope;
    int page = 1, page_size = 20;
};

// A page of entries, newest first, with the total. Notified units filled; personal fields opened.
Result<std::pair<std::vector<Entry>, int64_t>> ListEntries(storage::Connection& c, const EntryFilter& f);
// Errors: NotFound "person watch entry" (also outside the scope); Internal when a field cannot be opened.
Result<Entry> GetEntry(storage::Connection& c, int64_t id,
                       const std::optional<std::vector<int64_t>>& unit_scope = std::nullopt);
Result<std::vector<EntryEvent>> ListEvents(storage::Connection& c, int64_t entry_id);

// The sealed row of a new entry: `e` normalised and valid; indexes computed by the caller.
struct NewEntry {
    Entry entry;
    std::string id_index, name_birth_index;
};
Result<int64_t> InsertEntry(storage::Connection& c, const NewEntry& e, int64_t now);
Status InsertEvent(storage::Connection& c, int64_t entry_id, int64_t at, std::optional<int64_t> user,
                   const std::string& action, const std::string& reason, const std::string& detail = "");
// std::nullopt when there is no such entry.
Result<std::optional<watchlist::Head>> LoadHead(storage::Connection& c, int64_t id);
Status SetStatus(storage::Connection& c, int64_t id, const std::string& status, int64_t now);
Status MarkDecided(storage::Connection& c, int64_t id, const std::string& status, int64_t approver, int64_t now);
// Pending and active entries whose valid_to is at or before `now`, ids ascending.
Result<std::vector<int64_t>> ListDueIds(storage::Connection& c, int64_t now);
// A pending or active entry of this kind on this document, if any.
Result<std::optional<int64_t>> FindOpenEntry(storage::Connection& c, const std::string& kind,
                                             const std::string& id_index);

// What a check needs of an active entry valid at `now`.
struct ActiveEntry {
    int64_t id = 0;
    std::string kind, name, case_no, instruction, colour;
    int priority = 4;
    std::vector<int64_t> units;
};
// Active entries valid at `now` with this document index (by_name_birth: with this name|birth index), by priority
// then id. Personal fields opened.
Result<std::vector<ActiveEntry>> FindActive(storage::Connection& c, const std::string& index, bool by_name_birth,
                                            int64_t now);
// Active entries valid at `now` of the kinds given: id kind, nationality and number opened (the offline list).
struct OfflineRow {
    std::string id_kind, nationality, id_number;
};
Result<std::vector<OfflineRow>> ListActiveDocuments(storage::Connection& c, const std::vector<std::string>& kinds,
                                                    int64_t now);
// The newest change among active entries (updated_at max) and their count: the offline list's version inputs.
Result<std::pair<int64_t, int64_t>> ActiveStamp(storage::Connection& c, int64_t now);

// Hits: the one of (entry, source, event_ref) if recorded (its alert id, 0 when none), and a new one.
Result<std::optional<int64_t>> FindHitAlert(storage::Connection& c, int64_t entry_id, const std::string& source,
                                            const std::string& event_ref);
Status InsertHit(storage::Connection& c, const HitRow& h);

struct HitFilter {
    std::optional<int64_t> entry_id;
    std::optional<std::vector<int64_t>> unit_scope;
    int page = 1, page_size = 20;
};
Result<std::pair<std::vector<HitRow>, int64_t>> ListHits(storage::Connection& c, const HitFilter& f);

}  // namespace jw::personwatch

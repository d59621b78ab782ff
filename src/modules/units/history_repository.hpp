#pragma once
// SQL of the units module's own tables (schema/001_unit_history.sql): unit versions, restructures, successions
// and the move journal. Works on SQLite and PostgreSQL. Errors: the connection's (Busy, Unavailable, Internal);
// NotFound where said. Thread safety: the Connection rules of storage/database.hpp.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace jw::units::repo {

// One version of a unit, valid in [valid_from, valid_to); valid_to nullopt = still valid.
struct UnitVersion {
    int64_t unit_id = 0;
    std::string code, name, kind;
    std::optional<int64_t> parent_id;
    int64_t valid_from = 0;
    std::optional<int64_t> valid_to;
    std::optional<int64_t> restructure_id;  // the restructure that opened it
};

struct RestructureRow {
    int64_t id = 0;
    std::string title, reason, effective_date, status, plan_json, summary_json, created_by_name, undo_reason;
    int64_t effective_at = 0, created_by = 0, created_at = 0, undone_at = 0, undone_by = 0;
};

struct JournalRow {
    int64_t id = 0;
    std::string module, what;
    std::string row;
    int64_t from_unit = 0, to_unit = 0;
};

struct UnitChangeRow {
    int64_t unit_id = 0;
    std::string change;  // created | updated
    std::string code, name, kind;
    std::optional<int64_t> parent_id;
};

struct Succession {
    int64_t restructure_id = 0, from_unit = 0, to_unit = 0, effective_at = 0;
    bool is_default = false;
};

// Every version of every unit: the recorded ones, and for a unit never restructured its units row, valid since 0.
Result<std::vector<UnitVersion>> AllVersions(storage::Connection& c);
Result<std::vector<UnitVersion>> VersionsOf(storage::Connection& c, int64_t unit_id);
// Units whose every recorded version is closed.
Result<std::set<int64_t>> DissolvedUnits(storage::Connection& c);

// Records the unit's current units row as its first version (valid since 0) unless it has versions already.
Status EnsureBaseline(storage::Connection& c, int64_t unit_id);
// Closes the open version of the unit at `at` (by restructure `by`).
Status CloseVersion(storage::Connection& c, int64_t unit_id, int64_t at, int64_t by);
Status OpenVersion(storage::Connection& c, const UnitVersion& v);

Result<int64_t> InsertRestructure(storage::Connection& c, const RestructureRow& r);
Status SetSummary(storage::Connection& c, int64_t id, const std::string& summary_json);
Result<RestructureRow> GetRestructure(storage::Connection& c, int64_t id);
Result<std::pair<std::vector<RestructureRow>, int64_t>> ListRestructures(storage::Connection& c, int page,
                                                                         int page_size);
// The id of the latest applied restructure, or 0.
Result<int64_t> LatestApplied(storage::Connection& c);
Status MarkUndone(storage::Connection& c, int64_t id, int64_t at, int64_t by, const std::string& reason);

Status RecordUnitChange(storage::Connection& c, int64_t restructure_id, const UnitChangeRow& before);
Result<std::vector<UnitChangeRow>> UnitChanges(storage::Connection& c, int64_t restructure_id);
Status RecordSuccession(storage::Connection& c, int64_t restructure_id, int64_t from, int64_t to, bool is_default);
// Successions of applied restructures (undone ones excluded).
Result<std::vector<Succession>> Successions(storage::Connection& c);
Status RecordMove(storage::Connection& c, int64_t restructure_id, const JournalRow& m);
Result<std::vector<JournalRow>> Journal(storage::Connection& c, int64_t restructure_id);

// A number that every applied and every undone restructure raises (applied + undone count): another process
// compares it to notice a restructure it did not make (structure_watch.hpp). A count over a table of a few rows
// a year, so polling it every few seconds costs nothing.
Result<int64_t> StructureGeneration(storage::Connection& c);

// Undo of the history: drops the versions and successions `restructure_id` opened and reopens those it closed.
Status RevertHistory(storage::Connection& c, int64_t restructure_id);

}  // namespace jw::units::repo

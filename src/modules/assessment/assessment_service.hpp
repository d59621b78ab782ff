#pragma once
// Community-police assessment (ADR 0036): the rules editions, the import of officers' work from the audit chain,
// monthly scores and rankings, appeals. Rules live in the data (data/community_rules.csv is edition 1); the
// shared engine (scoring/engine.hpp) counts. Stateless functions over the caller's connection; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment_repository.hpp"
#include "scoring/engine.hpp"

namespace jw::assessment {

using storage::Connection;

// data/community_rules.csv, embedded (a broken file is a build bug and throws).
const std::string& DefaultRulesCsv();

// Every stored edition, parsed (code "community", version and effective month set), by version.
Result<std::vector<scoring::Edition>> LoadEditions(Connection& c);
// Stores the shipped rules as edition 1 (in force from 2020-01) when there is none. Idempotent.
Status EnsureDefaultEdition(Connection& tx, int64_t now);
// A new edition from `effective_month` on. Errors: Invalid "effective_month" (malformed, or before the current
// China month: a past month is never rescored), Invalid "rules" (the CSV does not parse; the message names the
// line). Returns the version.
Result<int64_t> CreateEdition(Connection& tx, const std::string& effective_month, const std::string& rules_csv,
                              const std::string& note, int64_t by, int64_t now);

// The work events an audit record stands for: its action; with the module's outcome when the detail (JSON)
// names one ("case.event/file"); with "/late" when the detail says {"late": true}. An idempotent replay
// ({"replay": true}) stands for nothing.
std::vector<std::string> EventsOf(const std::string& action, const std::string& detail);

struct ImportResult {
    int items = 0;
    int64_t from_id = 0, to_id = 0;  // audit ids read: (from_id, to_id]
};
// Imports the work recorded in the audit chain since the last import: each record with result ok whose event a
// rule of the edition in force in its month counts becomes one item (per rule), keeping the record's id. The
// position is stored in the same transaction as the items and (audit_id, code) is unique, so each record is
// imported exactly once. At most `limit` matching records per call. Run inside a write transaction.
Result<ImportResult> ImportFromAudit(Connection& tx, int64_t now, int limit = 10000);

struct OfficerScore {
    scoring::MonthlyScore score;
    int rank = 0, unit_rank = 0;
    std::string name, police_no, unit_name;
};
struct StationScore {
    scoring::UnitTotal total;
    std::string unit_name;
};
struct GridScore {
    std::string grid_code, grid_name;
    int officers = 0, total = 0;
    double average = 0;
    int rank = 0;
};
struct Results {
    std::string month;
    int edition_version = 0;             // in force in the month (0: none)
    std::vector<OfficerScore> officers;  // best first
    std::vector<StationScore> stations;  // best average first
    std::vector<GridScore> grids;        // best average first; empty without the grids part
};
// The month's scores of the officers with items within `unit_scope` (all when nullopt). Voided items count
// nothing.
Result<Results> Scores(Connection& c, const std::string& month, const std::optional<std::vector<int64_t>>& unit_scope);

struct ItemView {
    repo::ItemRow row;
    int points = 0;   // by the edition in force in its month (0 when voided or when the rule is gone)
    int counted = 0;  // after the cap
    std::string name_zh, name_en, basis;
};
// An officer's items of a month, by time, each with its rule and the points it counts.
Result<std::vector<ItemView>> OfficerItems(Connection& c, int64_t officer_id, const std::string& month);

// The officer appeals one of their own items. Errors: NotFound "item" (unknown or not theirs), Conflict "voided"
// or "pending" (already void, or an appeal is waiting), Invalid "reason".
Result<int64_t> FileAppeal(Connection& tx, int64_t officer_id, int64_t item_id, const std::string& reason, int64_t now);
// A leader decides an appeal within `unit_scope`: upheld voids the item (the score changes), rejected keeps it.
// Errors: NotFound "appeal" (unknown or outside the scope), Conflict "decided", Denied for one's own appeal,
// Invalid "outcome".
Result<repo::AppealRow> DecideAppeal(Connection& tx, int64_t leader_id,
                                     const std::optional<std::vector<int64_t>>& unit_scope, int64_t appeal_id,
                                     const std::string& outcome, const std::string& opinion, int64_t now);

}  // namespace jw::assessment

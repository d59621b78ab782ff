#pragma once
// All of the assessment module's SQL (its own tables, and reads of audit_log, users and units). Any connection;
// writes inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace jw::assessment::repo {

using storage::Connection;

struct EditionRow {
    int64_t id = 0;
    int version = 0;
    std::string effective_month, rules_csv, note;
    int64_t created_by = 0, created_at = 0;
};
Result<std::vector<EditionRow>> ListEditions(Connection& c);        // by version
Result<int64_t> InsertEdition(Connection& c, const EditionRow& e);  // version = next; returns it

struct AuditRow {
    int64_t id = 0, at = 0, user_id = 0;
    std::string unit_code, action, object, detail;
};
Result<int64_t> LastImported(Connection& c);
Status SetLastImported(Connection& c, int64_t id);
Result<int64_t> MaxAuditId(Connection& c);
// Audit records after `after_id`, up to `upto_id`, with result ok, by a user, of one of `actions`; by id.
Result<std::vector<AuditRow>> AuditRowsAfter(Connection& c, int64_t after_id, int64_t upto_id,
                                             const std::vector<std::string>& actions, int limit);
Result<std::optional<int64_t>> UnitIdByCode(Connection& c, const std::string& code);
Result<int64_t> UserUnit(Connection& c, int64_t user_id);  // 0 when unknown

struct ItemRow {
    int64_t id = 0, officer_id = 0, unit_id = 0;
    std::string code;
    int64_t at = 0;
    std::string month;
    std::optional<int64_t> audit_id;
    std::string event, object;
    int64_t voided_at = 0;
    std::string appeal_status;  // latest appeal's status, "" without one
    int64_t appeal_id = 0;
};
// Inserts unless (audit_id, code) is there already. Returns whether it inserted.
Result<bool> InsertItem(Connection& c, const ItemRow& i, int64_t now);
// Items of `month`, of `officer_id` when given, within `unit_scope` when given; by time. Without `with_appeals`
// appeal_status and appeal_id stay empty (the ranking does not need them, and they cost a lookup per item).
Result<std::vector<ItemRow>> Items(Connection& c, const std::string& month, std::optional<int64_t> officer_id,
                                   const std::optional<std::vector<int64_t>>& unit_scope, bool with_appeals = true);
Result<ItemRow> GetItem(Connection& c, int64_t id);  // NotFound "item"
Status VoidItem(Connection& c, int64_t id, int64_t now);

struct AppealRow {
    int64_t id = 0, item_id = 0, officer_id = 0, unit_id = 0;
    std::string reason, status, opinion;
    int64_t decided_by = 0, decided_at = 0, created_at = 0;
    std::string item_code, item_month, item_event, item_object;
    int64_t item_at = 0;
    std::optional<int64_t> item_audit_id;
};
Result<int64_t> InsertAppeal(Connection& c, const AppealRow& a);
Result<bool> HasPendingAppeal(Connection& c, int64_t item_id);
Result<AppealRow> GetAppeal(Connection& c, int64_t id);  // NotFound "appeal"
Status DecideAppeal(Connection& c, int64_t id, const std::string& status, const std::string& opinion, int64_t by,
                    int64_t now);
// Appeals of `status` ("" = any), within `unit_scope` when given; newest first, at most 500.
Result<std::vector<AppealRow>> Appeals(Connection& c, const std::string& status,
                                       const std::optional<std::vector<int64_t>>& unit_scope);

struct Person {
    int64_t id = 0;
    std::string name, police_no;
    int64_t unit_id = 0;
};
Result<std::vector<Person>> Users(Connection& c, const std::vector<int64_t>& ids);
Result<std::vector<std::pair<int64_t, std::string>>> UnitNames(Connection& c, const std::vector<int64_t>& ids);

// Officers (role officer) of police stations, by id: the demo county's community officers.
Result<std::vector<Person>> StationOfficers(Connection& c);

struct GridOfficer {
    std::string grid_code, grid_name;
    int64_t user_id = 0;
};
// Community officers of grids (community_grid_members, role community_officer).
Result<std::vector<GridOfficer>> GridOfficers(Connection& c);

}  // namespace jw::assessment::repo

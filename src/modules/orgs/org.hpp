#pragma once
// Plain structs of the organisations registry (ADR 0051): organisations outside the police whose staff have
// accounts, and the history of each one's changes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/json_util.hpp"

namespace jw::orgs {

struct Organisation {
    int64_t id = 0;
    std::string kind;  // auth/data/org_kinds.csv
    std::string name;
    std::string code;  // 统一社会信用代码 (18) or 组织机构代码 (9), normalised
    std::optional<int64_t> parent_id;
    std::string parent_name;
    int64_t supervisor_unit_id = 0;  // the police unit that supervises it
    std::string supervisor_unit_name;
    std::string contact_name;
    std::string contact_phone;
    std::string status = "active";  // active | suspended
    int64_t created_at = 0;
    int64_t updated_at = 0;
    int64_t staff = 0;  // active accounts (lists only)
};

struct OrgQuery {
    std::string q;  // in the name or the code
    std::string kind;
    std::string status;
    std::optional<int64_t> parent_id;
    std::optional<std::vector<int64_t>> unit_scope;  // supervised by these units (a police caller's data scope)
    std::optional<std::vector<int64_t>> org_ids;     // only these (an external caller's org_scope)
    int page = 1, page_size = 20;
};

struct OrgChange {
    int64_t id = 0;
    int64_t at = 0;
    int64_t by_user = 0;
    std::string by_name;
    std::string change;  // created | updated | suspended | activated
    Json before, after;
};

// A new account for an organisation's staff member.
struct NewStaff {
    std::string username;
    std::string account_no;  // 6 digits; empty: the next free one from 890001
    std::string name;
    std::string phone;
    std::string role;
};

}  // namespace jw::orgs
